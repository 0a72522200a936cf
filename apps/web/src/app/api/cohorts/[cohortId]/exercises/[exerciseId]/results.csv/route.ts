import { EXERCISE_ID_PATTERN } from "@academy/exercises/contract";
import { exportCohortExerciseResultsCsv } from "@academy/services";
import { z } from "zod";

import { respondWithCsv } from "../../../csv-download";

type Context = { params: Promise<{ cohortId: string; exerciseId: string }> };

const input = z.object({ cohortId: z.uuid(), exerciseId: z.string().regex(EXERCISE_ID_PATTERN) });

export async function GET(_request: Request, { params }: Context) {
  const parsed = input.safeParse(await params);
  if (!parsed.success) return new Response("No such cohort or exercise.", { status: 404 });
  return respondWithCsv((db, viewer) => exportCohortExerciseResultsCsv(db, { ...parsed.data, viewer }));
}
