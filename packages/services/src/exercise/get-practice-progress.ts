import type { Db } from "@academy/db";
import { and, desc, eq, isNull, schema } from "@academy/db";

import { hasReportColumn } from "../submission/list-submissions";
import { sumScores } from "../submission/sum-scores";
import type { CatalogueEntry } from "./list-exercises";
import { listExercises } from "./list-exercises";

type ChapterProgress = { chapter: number; chapterTitle: string; total: number; passed: number; points: number; pointsEarned: number };

function sumByChapter(catalogue: CatalogueEntry[]): ChapterProgress[] {
  const chapters = new Map<number, ChapterProgress>();
  for (const exercise of catalogue) {
    const entry = chapters.get(exercise.chapter) ?? {
      chapter: exercise.chapter,
      chapterTitle: exercise.chapterTitle,
      total: 0,
      passed: 0,
      points: 0,
      pointsEarned: 0,
    };
    entry.total += 1;
    entry.passed += exercise.status === "passed" ? 1 : 0;
    entry.points += exercise.points;
    entry.pointsEarned = sumScores([entry.pointsEarned, Math.min(exercise.bestScore ?? 0, exercise.points)]);
    chapters.set(exercise.chapter, entry);
  }
  return [...chapters.values()].sort((a, b) => a.chapter - b.chapter);
}

/** Finishing what was started beats starting something new; otherwise the first untried one in curriculum order. */
function pickNext(catalogue: CatalogueEntry[]) {
  const unfinished = catalogue
    .filter((exercise) => exercise.status === "attempted")
    .sort((a, b) => (b.lastAttemptAt?.getTime() ?? 0) - (a.lastAttemptAt?.getTime() ?? 0))[0];
  const pick = unfinished ?? catalogue.find((exercise) => exercise.status === "not-started");
  if (!pick) return null;
  return { id: pick.id, title: pick.title, section: pick.section, difficulty: pick.difficulty, reason: unfinished ? ("continue" as const) : ("start" as const) };
}

/** The dashboard's practice panel: per-chapter progress, the latest attempts and a suggestion. */
export async function getPracticeProgress(db: Db, userId: string) {
  const catalogue = await listExercises(db, userId);
  const chapters = sumByChapter(catalogue);
  const recent = await db
    .select({
      id: schema.submission.id,
      exerciseId: schema.submission.exerciseId,
      title: schema.exercise.title,
      mode: schema.submission.mode,
      status: schema.submission.status,
      score: schema.submission.score,
      maxScore: schema.submission.maxScore,
      hasReport: hasReportColumn,
      createdAt: schema.submission.createdAt,
    })
    .from(schema.submission)
    .innerJoin(schema.exercise, eq(schema.exercise.id, schema.submission.exerciseId))
    // Practice only: an exam's submissions are shown with its result.
    .where(and(eq(schema.submission.userId, userId), isNull(schema.submission.examAttemptId)))
    .orderBy(desc(schema.submission.createdAt))
    .limit(5);
  return {
    totals: {
      total: catalogue.length,
      passed: catalogue.filter((exercise) => exercise.status === "passed").length,
      points: chapters.reduce((sum, chapter) => sum + chapter.points, 0),
      pointsEarned: sumScores(chapters.map((chapter) => chapter.pointsEarned)),
    },
    chapters,
    recent,
    next: pickNext(catalogue),
  };
}
