import type { Db } from "@academy/db";
import { and, count, eq, isNull, max, schema, sql } from "@academy/db";

import { compareSections, createSectionLabeler } from "./describe-section";

export type PracticeStatus = "not-started" | "attempted" | "passed";

/** Per exercise, the learner's graded attempts: "Run visible tests" runs and exam submissions count for nothing. */
async function summarizeAttempts(db: Db, userId: string) {
  const rows = await db
    .select({
      exerciseId: schema.submission.exerciseId,
      attempts: count(),
      passes: sql<number>`count(*) filter (where ${schema.submission.status} = 'passed')`.mapWith(Number),
      bestScore: max(schema.submission.score),
      lastAttemptAt: max(schema.submission.createdAt),
    })
    .from(schema.submission)
    .where(and(eq(schema.submission.userId, userId), eq(schema.submission.mode, "submit"), isNull(schema.submission.examAttemptId)))
    .groupBy(schema.submission.exerciseId);
  return new Map(rows.map((row) => [row.exerciseId, row]));
}

/** Every exercise on offer, in curriculum order, with the caller's status and best score. */
export async function listExercises(db: Db, userId: string) {
  const [exercises, attempts] = await Promise.all([
    db
      .select({
        id: schema.exercise.id,
        title: schema.exercise.title,
        section: schema.exercise.section,
        difficulty: schema.exercise.difficulty,
        points: schema.exercise.points,
        kind: schema.exercise.kind,
      })
      .from(schema.exercise)
      // Team-project templates are graded per team and milestone, not practised alone.
      .where(and(eq(schema.exercise.isArchived, false), eq(schema.exercise.isTeamTemplate, false))),
    summarizeAttempts(db, userId),
  ]);
  const labelSection = createSectionLabeler();
  return exercises
    .sort((a, b) => compareSections(a.section, b.section) || a.title.localeCompare(b.title))
    .map((exercise) => {
      const attempt = attempts.get(exercise.id);
      const status: PracticeStatus = !attempt ? "not-started" : attempt.passes > 0 ? "passed" : "attempted";
      return {
        ...exercise,
        ...labelSection(exercise.section),
        status,
        attempts: attempt?.attempts ?? 0,
        bestScore: attempt?.bestScore ?? null,
        lastAttemptAt: attempt?.lastAttemptAt ?? null,
      };
    });
}

export type CatalogueEntry = Awaited<ReturnType<typeof listExercises>>[number];
