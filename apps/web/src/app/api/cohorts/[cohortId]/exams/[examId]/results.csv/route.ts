import { TRPCError } from "@trpc/server";

import { getServerCaller } from "~/trpc/server";

type Context = { params: Promise<{ cohortId: string; examId: string }> };

const STATUS_BY_CODE: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 404 };

/** The exam's results table as a CSV download, for the cohort's instructors only. */
export async function GET(_request: Request, { params }: Context) {
  const { examId } = await params;
  try {
    const caller = await getServerCaller();
    const { fileName, csv } = await caller.cohortExam.resultsCsv({ examId });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const status = error instanceof TRPCError ? STATUS_BY_CODE[error.code] : undefined;
    if (!status) throw error;
    return new Response(error instanceof TRPCError ? error.message : "", { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
