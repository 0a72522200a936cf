import { describe, expect, it } from "vitest";

import { examBlueprint } from "./blueprint";
import { examBlueprintSchema } from "./blueprint-schema";
import type { ExamBlueprint } from "./blueprint-schema";

function issuesOf(change: (blueprint: ExamBlueprint) => void): string[] {
  const candidate = structuredClone(examBlueprint);
  change(candidate);
  const parsed = examBlueprintSchema.safeParse(candidate);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("the exam blueprint", () => {
  it("is issue 12's exam: 90 minutes, 40 questions by 2, 6, 7, 6, 5, 4, 3, 4, 3 worth 60%, a core and an advanced exercise worth 40%, 70% to pass", () => {
    expect(examBlueprint.durationMinutes).toBe(90);
    expect(examBlueprint.passPercent).toBe(70);
    expect(examBlueprint.partA).toMatchObject({ weightPercent: 60, questionCount: 40 });
    expect(examBlueprint.partA.chapters.map((c) => [c.chapter, c.questions])).toEqual([
      [1, 2], [2, 6], [3, 7], [4, 6], [5, 5], [6, 4], [7, 3], [8, 4], [9, 3],
    ]);
    expect(examBlueprint.partB).toEqual({
      weightPercent: 40,
      exerciseKinds: ["implement"],
      exercises: [{ difficulty: "core" }, { difficulty: "advanced" }],
      scoring: "best-submission",
    });
  });

  it("draws every question kind the quiz grader scores", () => {
    expect(examBlueprint.partA.questionKinds).toEqual(["single", "multiple", "true-false", "code-output", "status-code"]);
  });

  it("refuses weights that do not add up to 100%", () => {
    expect(issuesOf((b) => (b.partB.weightPercent = 30))).toEqual(["partB.weightPercent: the parts' weights add up to 90%, not 100%"]);
  });

  it("refuses chapter counts that do not add up to the question total", () => {
    expect(issuesOf((b) => (b.partA.questionCount = 41))).toEqual(["partA.chapters: the chapters' counts add up to 40, the question total is 41"]);
  });

  it("refuses a chapter listed twice, out of order, or a kind listed twice", () => {
    expect(
      issuesOf((b) => {
        b.partA.chapters.push({ chapter: 1, questions: 1 });
        b.partA.questionCount += 1;
        b.partA.questionKinds.push("single");
      }),
    ).toEqual(["partA.chapters: lists a chapter twice", "partA.chapters: lists the chapters in order", "partA.questionKinds: lists a kind twice"]);
  });

  it("refuses unknown difficulties, question kinds and scoring rules", () => {
    const candidate = structuredClone(examBlueprint) as unknown as Record<string, Record<string, unknown>>;
    candidate.partB!.exercises = [{ difficulty: "expert" }];
    candidate.partB!.scoring = "last-submission";
    candidate.partA!.questionKinds = ["essay"];
    const parsed = examBlueprintSchema.safeParse(candidate);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join("."))).toEqual(["partA.questionKinds.0", "partB.exercises.0.difficulty", "partB.scoring"]);
  });
});
