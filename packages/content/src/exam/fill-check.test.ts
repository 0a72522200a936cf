import { describe, expect, it } from "vitest";

import { examBlueprint } from "./blueprint";
import { assertBankFillsBlueprint, ExamBlueprintError, findBlueprintShortfalls } from "./fill-check";
import { loadExamBlueprint } from "./load-exam-blueprint";
import { makeExercise, makeQuestionBank } from "./testing/fixture-banks";

const fullCounts = { 1: 2, 2: 6, 3: 7, 4: 6, 5: 5, 6: 4, 7: 3, 8: 4, 9: 3, 10: 5 };
const exercises = [makeExercise("core-one", "core"), makeExercise("advanced-one", "advanced")];

describe("assertBankFillsBlueprint", () => {
  it("passes when every chapter has its count and every difficulty an exercise", () => {
    expect(findBlueprintShortfalls(examBlueprint, makeQuestionBank(fullCounts), exercises)).toEqual([]);
  });

  it("names each chapter short of questions and each missing difficulty", () => {
    const shortBank = makeQuestionBank({ ...fullCounts, 6: 3, 9: 1 });
    const coreOnly = [makeExercise("core-one", "core"), makeExercise("intro-one", "intro")];
    const check = () => assertBankFillsBlueprint(examBlueprint, shortBank, coreOnly);
    expect(check).toThrow(ExamBlueprintError);
    expect(check).toThrow(
      [
        "the question and exercise banks cannot fill the exam blueprint:",
        "- chapter 6 has 3 questions usable in the exam, the blueprint needs 4",
        "- chapter 9 has 1 question usable in the exam, the blueprint needs 3",
        "- no exercise of difficulty advanced (of kind implement)",
      ].join("\n"),
    );
  });

  it("names a chapter the curriculum does not have", () => {
    const { 9: _, ...withoutNine } = fullCounts;
    expect(findBlueprintShortfalls(examBlueprint, makeQuestionBank(withoutNine), exercises)).toEqual(["chapter 9 is not a chapter of the curriculum"]);
  });

  it("counts only the question kinds the blueprint draws", () => {
    const singleOnly = { ...examBlueprint, partA: { ...examBlueprint.partA, questionKinds: ["single" as const] } };
    // Kinds cycle through five in the fixture: of chapter 3's 7 questions, 2 are single choice.
    expect(findBlueprintShortfalls(singleOnly, makeQuestionBank(fullCounts), exercises)).toContain("chapter 3 has 2 questions usable in the exam, the blueprint needs 7");
  });

  it("does not count a write-tests exercise, graded by mutants, for Part B", () => {
    const writeTests = [makeExercise("core-one", "core"), makeExercise("advanced-tests", "advanced", "write-tests")];
    expect(findBlueprintShortfalls(examBlueprint, makeQuestionBank(fullCounts), writeTests)).toEqual(["no exercise of difficulty advanced (of kind implement)"]);
  });

  it("needs as many exercises of a difficulty as the blueprint has slots for it", () => {
    const twoCore = { ...examBlueprint, partB: { ...examBlueprint.partB, exercises: [{ difficulty: "core" as const }, { difficulty: "core" as const }] } };
    expect(findBlueprintShortfalls(twoCore, makeQuestionBank(fullCounts), exercises)).toEqual(["1 exercise of difficulty core (of kind implement), the blueprint needs 2"]);
  });
});

describe("loadExamBlueprint", () => {
  it("fills the blueprint from the repository's curriculum and exercise folders", async () => {
    const { blueprint, questionBank, exercises: loaded } = await loadExamBlueprint();
    expect(blueprint).toBe(examBlueprint);
    expect(questionBank.chapters).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(loaded.map((e) => e.difficulty)).toEqual(expect.arrayContaining(["core", "advanced"]));
    for (const exercise of loaded) expect(Object.keys(exercise).sort()).toEqual(["difficulty", "id", "kind", "section", "title"]);
  });
});
