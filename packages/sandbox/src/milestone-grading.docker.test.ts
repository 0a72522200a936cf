import path from "node:path";
import { findWorkspaceRoot, loadExercise, MilestoneNotFoundError } from "@academy/exercises";
import { describe, expect, it } from "vitest";

import { createDockerClient } from "./docker/client";
import { gradeSubmission } from "./grade-submission";
import { readSubmissionDir } from "./submission/read-submission-dir";
import { countGradingContainers } from "./testing/containers";

// The repository's own template: its suites are what teams are graded on.
const templateDir = path.join(findWorkspaceRoot(import.meta.dirname), "exercises/library-loans-team-project");
const docker = createDockerClient();

const grade = async (folder: string, milestone?: string, gradingId?: string) =>
  gradeSubmission({ exerciseDir: templateDir, files: await readSubmissionDir(path.join(templateDir, folder), 20), docker, milestone, gradingId });

describe.concurrent("grading a template's milestone in the grader image", () => {
  it("gives milestone 1's reference solution full marks on milestone 1's suite alone", async () => {
    const exercise = await loadExercise(templateDir);
    const report = await grade("milestones/catalog/solution", "catalog");
    expect(report).toMatchObject({ status: "passed", score: 30, maxScore: 30, milestone: "catalog" });
    const hidden = report.tests.filter((t) => t.visibility === "hidden");
    expect(hidden).toHaveLength(exercise.milestones[0]!.hiddenTestCount);
    expect(report.tests.filter((t) => t.visibility === "visible").map((t) => t.name)).toEqual([
      "test_creates_a_book_and_reads_it_back",
      "test_unknown_book_is_404",
    ]);
  });

  it("fails the starter on milestone 1, with messages in the learner's terms", async () => {
    const report = await grade("starter", "catalog");
    expect(report).toMatchObject({ status: "failed", score: 0, maxScore: 30, milestone: "catalog" });
    const created = report.tests.find((t) => t.name === "test_created_book_has_every_field");
    expect(created?.message).toMatch(/POST \/books must answer 201/);
  });

  it("fails milestone 1's solution on milestone 2's suite, which it has not built yet", async () => {
    const report = await grade("milestones/catalog/solution", "loans");
    expect(report).toMatchObject({ status: "failed", milestone: "loans" });
    expect(report.tests.some((t) => t.name === "test_register_rules" && t.status === "failed")).toBe(true);
    expect(report.tests.some((t) => t.name.startsWith("test_created_book"))).toBe(false);
  });

  it("grades the whole project on every milestone's suite when no milestone is named", async () => {
    const exercise = await loadExercise(templateDir);
    const report = await grade("solution");
    expect(report).toMatchObject({ status: "passed", score: 30, maxScore: 30 });
    expect(report.milestone).toBeUndefined();
    const hiddenTotal = exercise.milestones.reduce((sum, m) => sum + m.hiddenTestCount, 0);
    expect(report.tests.filter((t) => t.visibility === "hidden")).toHaveLength(hiddenTotal);
  });

  it("refuses a milestone the template lacks before any container starts", async () => {
    const gradingId = `milestone-unknown-${Date.now()}`;
    await expect(grade("solution", "reports", gradingId)).rejects.toBeInstanceOf(MilestoneNotFoundError);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
  });
});
