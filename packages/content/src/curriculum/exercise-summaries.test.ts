import { describe, expect, it } from "vitest";

import { listExerciseSummaries, listSectionExercises } from "./exercise-summaries";
import { listSections } from "./lookup";

describe("exercise summaries", () => {
  it("reads id, title, section and difficulty of the exercise bank", () => {
    const summaries = listExerciseSummaries();
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(Object.keys(summary).sort()).toEqual(["difficulty", "id", "section", "title"]);
  });

  it("links exercises only to sections that exist", () => {
    const sectionIds = new Set(listSections().map((s) => s.id));
    for (const summary of listExerciseSummaries()) expect(sectionIds, summary.id).toContain(summary.section);
  });

  it("lists the exercises of one section", () => {
    expect(listSectionExercises("3.5").every((e) => e.section === "3.5")).toBe(true);
  });
});
