import { listChapters, listSections } from "@academy/content";
import type { Db } from "@academy/db";
import { desc, eq, schema } from "@academy/db";

import { isQuizPassed } from "./quiz-pass-mark";
import { listBestQuizScores, listReadSectionIds } from "./read-progress";

/** The lesson to continue with: the first unread one after the lesson read last, else the first unread. */
async function findContinueWith(db: Db, userId: string, read: Set<string>) {
  const sections = listSections();
  const [latest] = await db
    .select({ sectionId: schema.lessonProgress.sectionId })
    .from(schema.lessonProgress)
    .where(eq(schema.lessonProgress.userId, userId))
    .orderBy(desc(schema.lessonProgress.readAt))
    .limit(1);
  const from = latest ? sections.findIndex((s) => s.id === latest.sectionId) + 1 : 0;
  const next = [...sections.slice(from), ...sections.slice(0, from)].find((s) => !read.has(s.id));
  return next ? { id: next.id, title: next.title } : null;
}

/** Per chapter: lessons read and quizzes passed; the best score of each quiz taken; where to continue. */
export async function getCurriculumProgress(db: Db, userId: string) {
  const [read, best] = await Promise.all([listReadSectionIds(db, userId), listBestQuizScores(db, userId)]);
  const chapters = listChapters().map((chapter) => ({
    number: chapter.number,
    title: chapter.title,
    lessonCount: chapter.sections.length,
    lessonsRead: chapter.sections.filter((s) => read.has(s.id)).length,
    quizzesPassed: chapter.sections.filter((s) => isQuizPassed(best.get(s.id) ?? null)).length,
  }));
  const sum = (pick: (c: (typeof chapters)[number]) => number) => chapters.reduce((total, c) => total + pick(c), 0);
  const quizScores = listSections()
    .filter((s) => best.has(s.id))
    .map((s) => ({ sectionId: s.id, title: s.title, ...best.get(s.id)!, isPassed: isQuizPassed(best.get(s.id)!) }));
  return {
    chapters,
    quizScores,
    lessonCount: sum((c) => c.lessonCount),
    lessonsRead: sum((c) => c.lessonsRead),
    quizzesPassed: sum((c) => c.quizzesPassed),
    continueWith: await findContinueWith(db, userId, read),
  };
}
