import { transformTRPCResponse } from "@trpc/server";
import type { FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";

import { appRouter } from "../root";
import type { ContextInner } from "../trpc";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_BODY_BYTES } from "./transport-limits";

export type TrpcRequestOptions = {
  endpoint: string;
  createContext: (options: FetchCreateContextFnOptions) => Promise<ContextInner>;
  onError?: Parameters<typeof fetchRequestHandler<typeof appRouter>>[0]["onError"];
};

/**
 * The tRPC HTTP handler with the transport's limits: a body over the limit is refused with 413
 * before it is parsed or a context is made, and a batch may hold at most MAX_TRPC_BATCH_SIZE calls.
 */
export async function handleTrpcRequest(request: Request, options: TrpcRequestOptions): Promise<Response> {
  const bounded = await readBoundedBody(request, MAX_TRPC_BODY_BYTES);
  if (!bounded) return refuseOversizedBody();
  return fetchRequestHandler({
    endpoint: options.endpoint,
    router: appRouter,
    req: bounded,
    createContext: options.createContext,
    maxBatchSize: MAX_TRPC_BATCH_SIZE,
    onError: options.onError,
  });
}

/**
 * The request with its body read into memory, or null when the body is over `maxBytes`: a
 * declared Content-Length is refused unread, a body without one is read no further than the limit.
 */
async function readBoundedBody(request: Request, maxBytes: number): Promise<Request | null> {
  if (!request.body) return request;
  if (Number(request.headers.get("content-length")) > maxBytes) {
    await request.body.cancel().catch(() => undefined);
    return null;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(chunk.value);
  }
  // Built from its parts, not from `request`: Next.js's request object may come from another copy of
  // the fetch classes than the runtime's (Debian's Node.js in the web image), which then refuses it.
  return new Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: Buffer.concat(chunks) });
}

function refuseOversizedBody() {
  const mebibytes = MAX_TRPC_BODY_BYTES / (1024 * 1024);
  const error = {
    message: `The request is larger than ${mebibytes} MiB and was not read. A submission holds at most 1 MiB of code: make it smaller and try again.`,
    code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE,
    data: { code: "PAYLOAD_TOO_LARGE" as const, httpStatus: 413, zodError: null },
  };
  return Response.json(transformTRPCResponse(appRouter._def._config, { error }), { status: 413 });
}
