import { describe, expect, it } from "vitest";

import { quizSchema } from "./schema";

const explanation = "Because the framework validates the input before the endpoint runs, it answers 422.";
const single = {
  id: "3.5-path-param",
  kind: "single",
  prompt: "Which?",
  choices: [
    { id: "a", text: "One" },
    { id: "b", text: "Two" },
    { id: "c", text: "Three" },
  ],
  answer: ["b"],
  explanation,
};

function issuesOf(question: Record<string, unknown>, section = "3.5") {
  const result = quizSchema.safeParse({ section, questions: [question] });
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("quizSchema", () => {
  it("accepts a well-formed question", () => {
    expect(issuesOf(single)).toEqual([]);
  });

  it("refuses an id without the section prefix or in the wrong case", () => {
    expect(issuesOf({ ...single, id: "3.4-path-param" })).toEqual(['starts with the section, "3.5-"']);
    expect(issuesOf({ ...single, id: "3.5-Path_Param" })).toHaveLength(1);
  });

  it("refuses an answer that is not a choice, and two answers to a single question", () => {
    expect(issuesOf({ ...single, answer: ["z"] })).toContain("z is not one of the choice ids");
    expect(issuesOf({ ...single, answer: ["a", "b"] })).toContain("a single question has exactly one correct choice");
  });

  it("asks multiple questions for 4 to 6 choices, two right answers and 'Select all that apply'", () => {
    const multiple = { ...single, kind: "multiple", answer: ["a"] };
    expect(issuesOf(multiple)).toEqual([
      "a multiple question has 4 to 6 choices",
      "a multiple question has at least two correct choices",
      'a multiple question says "Select all that apply."',
    ]);
  });

  it("fixes the true-false choices", () => {
    const trueFalse = { ...single, kind: "true-false", choices: [{ id: "true", text: "Yes" }, { id: "false", text: "No" }], answer: ["true"] };
    expect(issuesOf(trueFalse)).toEqual(['a true-false question has exactly the choices true ("True") and false ("False")']);
  });

  it("wants status codes with their reason phrase and code for code-output", () => {
    expect(issuesOf({ ...single, kind: "status-code" })).toHaveLength(3);
    expect(issuesOf({ ...single, kind: "code-output" })).toEqual(["a code-output question shows code"]);
  });

  it("refuses choice ids out of order, an explanation that teaches nothing, and unknown fields", () => {
    expect(issuesOf({ ...single, choices: [...single.choices].reverse() })).toContain("choice ids are a, b, c, ... in order");
    expect(issuesOf({ ...single, explanation: "B is correct." })).toEqual(["at least one full sentence that teaches why"]);
    expect(issuesOf({ ...single, hint: "x" })).toHaveLength(1);
  });

  it("refuses a question id used twice in one quiz", () => {
    const result = quizSchema.safeParse({ section: "3.5", questions: [single, single] });
    expect(result.success).toBe(false);
  });
});
