import { beforeAll, describe, expect, it } from "vitest";

import { gradeQuizAnswers } from "../curriculum/grade-quiz";
import type { QuizQuestion } from "../curriculum/schema";
import { examBlueprint } from "./blueprint";
import { drawExam, orderChoices } from "./draw";
import type { ExamDraw } from "./draw";
import { ExamBlueprintError } from "./fill-check";
import { loadExamBlueprint } from "./load-exam-blueprint";
import type { ExamBanks } from "./load-exam-blueprint";
import { makeExercise, makeQuestionBank } from "./testing/fixture-banks";

let banks: ExamBanks;
let questionsById: Map<string, { chapter: number; question: QuizQuestion }>;
const draw = (seed: string): ExamDraw => drawExam({ ...banks, seed });

beforeAll(async () => {
  banks = await loadExamBlueprint();
  questionsById = new Map(banks.questionBank.questions.map((entry) => [entry.question.id, entry]));
});

describe("drawExam on the repository's banks", () => {
  it("follows the blueprint: each chapter's count, 40 distinct questions, one core and one advanced implement exercise", () => {
    const { questions, exercises } = draw("attempt-1");
    expect(questions).toHaveLength(examBlueprint.partA.questionCount);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const { chapter, questions: count } of examBlueprint.partA.chapters) {
      const drawn = questions.filter((q) => q.chapter === chapter);
      expect(drawn, `chapter ${chapter}`).toHaveLength(count);
      for (const q of drawn) expect(questionsById.get(q.id)?.chapter).toBe(chapter);
    }
    expect(exercises.map((e) => e.difficulty)).toEqual(["core", "advanced"]);
    expect(exercises[0]!.id).not.toBe(exercises[1]!.id);
    for (const drawn of exercises) expect(banks.exercises.find((e) => e.id === drawn.id)).toMatchObject({ difficulty: drawn.difficulty, kind: "implement" });
  });

  it("gives the same draw for the same seed, every time", () => {
    expect(draw("attempt-1")).toEqual(draw("attempt-1"));
  });

  it("gives different questions, orders and exercises for different seeds", () => {
    const draws = Array.from({ length: 20 }, (_, i) => draw(`attempt-${i}`));
    const questionSets = new Set(draws.map((d) => d.questions.map((q) => q.id).sort().join()));
    const orders = new Set(draws.map((d) => d.questions.map((q) => q.id).join()));
    const exercisePairs = new Set(draws.map((d) => d.exercises.map((e) => e.id).join()));
    expect(questionSets.size).toBe(20);
    expect(orders.size).toBe(20);
    expect(exercisePairs.size).toBeGreaterThan(1);
  });

  it("mixes the chapters instead of asking them in order", () => {
    const chapters = draw("attempt-1").questions.map((q) => q.chapter);
    expect(chapters).not.toEqual([...chapters].sort((a, b) => a - b));
  });

  it("hands out public question data only: no answer, no explanation", () => {
    const drawn = draw("attempt-1");
    for (const q of drawn.questions) expect(Object.keys(q).filter((key) => key !== "code").sort()).toEqual(["chapter", "choices", "id", "kind", "prompt", "section"]);
    const keys = new Set<string>();
    const json = JSON.stringify(drawn, (key, value: unknown) => {
      keys.add(key);
      return value;
    });
    expect([...keys].filter((key) => /answer|explanation|solution|hidden/i.test(key))).toEqual([]);
    const leaked = drawn.questions.filter((q) => json.includes(questionsById.get(q.id)!.question.explanation.slice(0, 60)));
    expect(leaked.map((q) => q.id)).toEqual([]);
  });

  it("shuffles each question's choices under their own ids, keeping True before False", () => {
    const { questions } = draw("attempt-1");
    let reordered = 0;
    for (const q of questions) {
      const original = questionsById.get(q.id)!.question;
      expect([...q.choices].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...original.choices].sort((a, b) => a.id.localeCompare(b.id)));
      if (q.kind === "true-false") expect(q.choices.map((c) => c.id)).toEqual(["true", "false"]);
      if (q.choices.map((c) => c.id).join() !== original.choices.map((c) => c.id).join()) reordered += 1;
    }
    const shuffleable = questions.filter((q) => q.kind !== "true-false").length;
    expect(reordered).toBeGreaterThan(shuffleable / 2);
  });

  it("grades answers picked by their place on screen through the choice ids the draw shows", () => {
    const seed = "attempt-graded";
    // The attempt stores the draw; a reload or the grader rebuilds the same order from the seed.
    const stored = JSON.parse(JSON.stringify(draw(seed))) as ExamDraw;
    const drawnQuestions = stored.questions.map((q) => questionsById.get(q.id)!.question);
    const quiz = { section: "exam", questions: drawnQuestions };
    for (const q of stored.questions) expect(q.choices).toEqual(orderChoices(seed, questionsById.get(q.id)!.question));

    const rightPlaces = stored.questions.map((q) => {
      const original = questionsById.get(q.id)!.question;
      const rightTexts = new Set(original.choices.filter((c) => original.answer.includes(c.id)).map((c) => c.text));
      return q.choices.flatMap((choice, place) => (rightTexts.has(choice.text) ? [place] : []));
    });
    const answersByPlace = (places: number[][]) => Object.fromEntries(stored.questions.map((q, i) => [q.id, places[i]!.map((place) => q.choices[place]!.id)]));
    expect(gradeQuizAnswers(quiz, answersByPlace(rightPlaces)).score).toBe(40);

    const firstPlaces = stored.questions.map(() => [0]);
    const firstIsRight = stored.questions.filter((q) => {
      const original = questionsById.get(q.id)!.question;
      return original.answer.length === 1 && original.answer[0] === q.choices[0]!.id;
    }).length;
    expect(gradeQuizAnswers(quiz, answersByPlace(firstPlaces)).score).toBe(firstIsRight);
  });
});

describe("drawExam on fixture banks", () => {
  const counts = { 1: 4, 2: 8, 3: 9, 4: 8, 5: 7, 6: 6, 7: 5, 8: 6, 9: 5 };
  const exercises = [makeExercise("core-a", "core"), makeExercise("core-b", "core"), makeExercise("advanced-a", "advanced"), makeExercise("intro-a", "intro")];

  it("keeps a chapter's picks when another chapter's bank grows", () => {
    const before = drawExam({ blueprint: examBlueprint, questionBank: makeQuestionBank(counts), exercises, seed: "s" });
    const after = drawExam({ blueprint: examBlueprint, questionBank: makeQuestionBank({ ...counts, 1: 12 }), exercises, seed: "s" });
    const chapterThree = (d: ExamDraw) => d.questions.filter((q) => q.chapter === 3).map((q) => q.id).sort();
    expect(chapterThree(after)).toEqual(chapterThree(before));
  });

  it("draws nothing from a bank that cannot fill the blueprint", () => {
    const short = makeQuestionBank({ ...counts, 6: 3 });
    const noAdvanced = exercises.filter((e) => e.difficulty !== "advanced");
    const attempt = () => drawExam({ blueprint: examBlueprint, questionBank: short, exercises: noAdvanced, seed: "s" });
    expect(attempt).toThrow(ExamBlueprintError);
    expect(attempt).toThrow(/chapter 6 has 3 questions usable in the exam, the blueprint needs 4\n- no exercise of difficulty advanced/);
  });

  it("takes every question of a chapter that has exactly its count", () => {
    const exact = makeQuestionBank({ 1: 2, 2: 6, 3: 7, 4: 6, 5: 5, 6: 4, 7: 3, 8: 4, 9: 3 });
    const drawn = drawExam({ blueprint: examBlueprint, questionBank: exact, exercises, seed: "s" });
    expect(drawn.questions.map((q) => q.id).sort()).toEqual(exact.questions.map((e) => e.question.id).sort());
  });
});
