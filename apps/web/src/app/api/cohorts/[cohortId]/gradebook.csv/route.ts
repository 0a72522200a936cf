import { exportCohortGradebookCsv } from "@academy/services";
import { z } from "zod";

import { respondWithCsv } from "../csv-download";

type Context = { params: Promise<{ cohortId: string }> };

export async function GET(_request: Request, { params }: Context) {
  const cohortId = z.uuid().safeParse((await params).cohortId);
  if (!cohortId.success) return new Response("No such cohort.", { status: 404 });
  return respondWithCsv((db, viewer) => exportCohortGradebookCsv(db, { cohortId: cohortId.data, viewer }));
}
