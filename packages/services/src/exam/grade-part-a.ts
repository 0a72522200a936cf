import { gradeQuizAnswers } from "@academy/content";
import type { ExamChapterScore, ExamSavedAnswer } from "@academy/db/schema";

import { listKeptBankQuestions } from "./exam-bank";

/** Part A graded by question id with the quizzes' own grader: one point a question, by chapter. */
export function gradePartA(questionIds: string[], answers: Record<string, ExamSavedAnswer>) {
  const entries = listKeptBankQuestions(questionIds);
  const selections = Object.fromEntries(entries.map(({ question }) => [question.id, answers[question.id]?.choiceIds ?? []]));
  const grade = gradeQuizAnswers({ section: "exam", questions: entries.map((entry) => entry.question) }, selections);
  const chapters = new Map<number, ExamChapterScore>();
  grade.questions.forEach((graded, index) => {
    const { chapter } = entries[index]!;
    const score = chapters.get(chapter) ?? { chapter, score: 0, maxScore: 0 };
    score.maxScore += 1;
    if (graded.isCorrect) score.score += 1;
    chapters.set(chapter, score);
  });
  return {
    score: grade.score,
    maxScore: grade.maxScore,
    chapters: [...chapters.values()].sort((a, b) => a.chapter - b.chapter),
    questions: grade.questions,
  };
}
