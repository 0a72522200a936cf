import { readFile } from "node:fs/promises";
import path from "node:path";

import { eq, schema } from "@academy/db";
import { createTestDb, seedUser } from "@academy/db/testing";
import { createGradingPorts, syncExercises } from "@academy/services";
import { repoExercisesDir } from "@academy/services/testing";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createContextInner } from "../trpc";
import { handleTrpcRequest } from "./handle-trpc-request";
import { MAX_TRPC_BATCH_SIZE, MAX_TRPC_BODY_BYTES } from "./transport-limits";

type User = Awaited<ReturnType<typeof seedUser>>;
type SubmissionInput = { exerciseId: string; files: { name: string; content: string }[] };

describe("the tRPC HTTP handler", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let greeting: SubmissionInput;

  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, repoExercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: repoExercisesDir, limits: { maxPerMinute: 100, maxBacklog: 1000 } });
    const content = await readFile(path.join(repoExercisesDir, "basic-greeting-api/solution/main.py"), "utf8");
    greeting = { exerciseId: "basic-greeting-api", files: [{ name: "main.py", content }] };
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  const handle = (request: Request, user: User) =>
    handleTrpcRequest(request, {
      endpoint: "/api/trpc",
      createContext: async () => createContextInner({ db: testDb.db, grading: grading.ports, user: { ...user, role: "learner" } }),
    });
  /** A request as the browser's batch link sends it: `count` calls in one body. */
  const batchRequest = (input: SubmissionInput, count: number) => {
    const calls = Object.fromEntries(Array.from({ length: count }, (_, i) => [i, superjson.serialize(input)]));
    const paths = Array.from({ length: count }, () => "submission.create").join(",");
    return new Request(`http://localhost/api/trpc/${paths}?batch=1`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(calls) });
  };
  const singleRequest = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    new Request("http://localhost/api/trpc/submission.create", { method: "POST", headers: { "content-type": "application/json", ...headers }, body, duplex: "half" } as RequestInit);
  const countQueued = async (userId: string) =>
    (await testDb.db.select({ id: schema.submission.id }).from(schema.submission).where(eq(schema.submission.userId, userId))).length;
  const errorCodes = (results: { error?: { json: { data: { code: string } } } }[]) => results.map((r) => r.error?.json.data.code ?? "OK").sort();

  it(`runs a batch of ${MAX_TRPC_BATCH_SIZE} creates of one exercise in parallel and queues exactly one`, async () => {
    const user = await seedUser(testDb.db);
    const response = await handle(batchRequest(greeting, MAX_TRPC_BATCH_SIZE), user);
    const results = (await response.json()) as Parameters<typeof errorCodes>[0];
    expect(results).toHaveLength(MAX_TRPC_BATCH_SIZE);
    expect(errorCodes(results)).toEqual([...Array<string>(MAX_TRPC_BATCH_SIZE - 1).fill("CONFLICT"), "OK"]);
    expect(await countQueued(user.id)).toBe(1);
  });

  it("refuses a batch of 20 creates whole: larger than the batch limit, it queues nothing", async () => {
    const user = await seedUser(testDb.db);
    const response = await handle(batchRequest(greeting, 20), user);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("Batch call exceeds maximum size");
    expect(await countQueued(user.id)).toBe(0);
  });

  it("queues exactly one of 20 parallel single creates of one exercise", async () => {
    const user = await seedUser(testDb.db);
    const body = JSON.stringify(superjson.serialize(greeting));
    const responses = await Promise.all(Array.from({ length: 20 }, () => handle(singleRequest(body), user)));
    expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([200, ...Array<number>(19).fill(409)]);
    expect(await countQueued(user.id)).toBe(1);
  });

  it("refuses a 5 MiB body with 413 before reading it, whether its length is declared or streamed", async () => {
    const user = await seedUser(testDb.db);
    const huge = JSON.stringify(superjson.serialize({ ...greeting, files: [{ name: "main.py", content: "#".repeat(5 * 1024 * 1024) }] }));

    const declared = await handle(singleRequest(huge, { "content-length": String(Buffer.byteLength(huge)) }), user);
    expect(declared.status).toBe(413);
    const refusal = superjson.deserialize<{ message: string; data: { code: string } }>(((await declared.json()) as { error: never }).error);
    expect(refusal).toMatchObject({ data: { code: "PAYLOAD_TOO_LARGE" }, message: expect.stringMatching(/larger than 4 MiB/) });

    let pulledBytes = 0;
    const chunk = new TextEncoder().encode(huge.slice(0, 64 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulledBytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await handle(singleRequest(endless), user);
    expect(streamed.status).toBe(413);
    // Read no further than the limit (plus what the stream had buffered ahead): never the whole body.
    expect(pulledBytes).toBeLessThan(MAX_TRPC_BODY_BYTES + 1024 * 1024);
    expect(await countQueued(user.id)).toBe(0);
  });

  it("accepts the largest legitimate submission: four files, 1 MiB of code full of quotes and newlines", async () => {
    const user = await seedUser(testDb.db);
    const line = 'print("quoted \\"text\\"")\n';
    const file = line.repeat(Math.floor((256 * 1024) / line.length));
    const names = ["main.py", "schemas.py", "storage.py", "routers_bookmarks.py"];
    const body = JSON.stringify(superjson.serialize({ exerciseId: "bookmarks-rest-api", files: names.map((name) => ({ name, content: file })) }));
    expect(Buffer.byteLength(body)).toBeGreaterThan(1.2 * 1024 * 1024);
    const response = await handle(singleRequest(body, { "content-length": String(Buffer.byteLength(body)) }), user);
    expect(response.status, await response.clone().text().then((t) => t.slice(0, 300))).toBe(200);
    expect(await countQueued(user.id)).toBe(1);
  });
});
