import { describe, expect, it } from "vitest";

import { findInvalidAnswers, gradeQuizAnswers } from "./grade-quiz";
import { toPublicQuestion } from "./public-quiz";
import { getSection } from "./lookup";

const quiz = getSection("2.3")!.quiz;
const rightAnswers = Object.fromEntries(quiz.questions.map((q) => [q.id, q.answer]));
const multiple = quiz.questions.find((q) => q.kind === "multiple")!;

describe("gradeQuizAnswers", () => {
  it("scores every right answer", () => {
    const grade = gradeQuizAnswers(quiz, rightAnswers);
    expect(grade).toMatchObject({ score: quiz.questions.length, maxScore: quiz.questions.length });
    expect(grade.questions.every((q) => q.isCorrect && q.explanation.length > 0)).toBe(true);
  });

  it("scores a multiple-choice question only when the selection is exactly right", () => {
    const partial = gradeQuizAnswers(quiz, { ...rightAnswers, [multiple.id]: multiple.answer.slice(1) });
    const extra = multiple.choices.find((c) => !multiple.answer.includes(c.id))!.id;
    const tooMany = gradeQuizAnswers(quiz, { ...rightAnswers, [multiple.id]: [...multiple.answer, extra] });
    const reordered = gradeQuizAnswers(quiz, { ...rightAnswers, [multiple.id]: [...multiple.answer].reverse() });
    expect(partial.score).toBe(quiz.questions.length - 1);
    expect(tooMany.score).toBe(quiz.questions.length - 1);
    expect(reordered.score).toBe(quiz.questions.length);
    expect(partial.questions.find((q) => q.questionId === multiple.id)).toMatchObject({ isCorrect: false, correct: multiple.answer });
  });

  it("counts an unanswered question as wrong", () => {
    expect(gradeQuizAnswers(quiz, {}).score).toBe(0);
  });

  it("finds unknown questions, unknown choices and two picks on a one-answer question", () => {
    const single = quiz.questions.find((q) => q.kind === "single")!;
    expect(findInvalidAnswers(quiz, rightAnswers)).toEqual([]);
    expect(findInvalidAnswers(quiz, { "9.9-nope": ["a"], [single.id]: ["a", "b"], [multiple.id]: ["z"] })).toEqual([
      "9.9-nope is not a question of section 2.3",
      `${single.id} takes a single choice`,
      `${multiple.id} has no choice z`,
    ]);
  });
});

describe("toPublicQuestion", () => {
  it("never carries the answer or the explanation", () => {
    for (const question of quiz.questions) {
      const shown = toPublicQuestion(question);
      expect(Object.keys(shown).sort()).toEqual(question.code ? ["choices", "code", "id", "kind", "prompt"] : ["choices", "id", "kind", "prompt"]);
      expect(JSON.stringify(shown)).not.toContain(question.explanation.slice(0, 30));
    }
  });
});
