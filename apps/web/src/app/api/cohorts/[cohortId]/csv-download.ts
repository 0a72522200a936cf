import "server-only";

import type { CohortViewer, DomainErrorCode } from "@academy/services";
import { DomainError } from "@academy/services";

import { getDb } from "~/server/db";
import { getSessionUser } from "~/trpc/server";

type CsvExport = { fileName: string; csv: string };

const HTTP_STATUS: Record<DomainErrorCode, number> = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
};

const plainText = (status: number, message: string) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A CSV export as a file download. The service checks the viewer teaches the cohort, as the
 * dashboard's procedures do; a refusal comes back as its status and message, not a file.
 */
export async function respondWithCsv(exportCsv: (db: ReturnType<typeof getDb>, viewer: CohortViewer) => Promise<CsvExport>) {
  const user = await getSessionUser();
  if (!user) return plainText(401, "Sign in to download this file.");
  try {
    const { fileName, csv } = await exportCsv(getDb(), { id: user.id, role: user.role });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof DomainError) return plainText(HTTP_STATUS[error.code], error.message);
    throw error;
  }
}
