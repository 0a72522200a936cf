import type { Quiz } from "./schema";

/** The learner's selection per question id. */
export type QuizAnswers = Record<string, string[]>;

export type GradedQuestion = {
  questionId: string;
  isCorrect: boolean;
  selected: string[];
  correct: string[];
  explanation: string;
};

export type QuizGrade = { score: number; maxScore: number; questions: GradedQuestion[] };

function isSameSelection(selected: readonly string[], correct: readonly string[]): boolean {
  const chosen = new Set(selected);
  return chosen.size === correct.length && correct.every((id) => chosen.has(id));
}

/** Problems that make a submission unacceptable: unknown questions or choices, two picks on a one-answer question. */
export function findInvalidAnswers(quiz: Quiz, answers: QuizAnswers): string[] {
  const problems: string[] = [];
  for (const [questionId, selected] of Object.entries(answers)) {
    const question = quiz.questions.find((q) => q.id === questionId);
    if (!question) {
      problems.push(`${questionId} is not a question of section ${quiz.section}`);
      continue;
    }
    const unknown = selected.filter((id) => !question.choices.some((choice) => choice.id === id));
    if (unknown.length > 0) problems.push(`${questionId} has no choice ${unknown.join(", ")}`);
    if (question.kind !== "multiple" && new Set(selected).size > 1) problems.push(`${questionId} takes a single choice`);
  }
  return problems;
}

/** One point per question; a multiple-choice question scores only when the selection is exactly right. */
export function gradeQuizAnswers(quiz: Quiz, answers: QuizAnswers): QuizGrade {
  const questions = quiz.questions.map((question) => {
    const selected = [...new Set(answers[question.id] ?? [])];
    return {
      questionId: question.id,
      isCorrect: isSameSelection(selected, question.answer),
      selected,
      correct: [...question.answer],
      explanation: question.explanation,
    };
  });
  return { score: questions.filter((q) => q.isCorrect).length, maxScore: questions.length, questions };
}
