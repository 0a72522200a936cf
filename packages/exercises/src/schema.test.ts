import { describe, expect, it } from "vitest";

import { exerciseConfigSchema } from "./schema";

const minimal = { id: "path-params", title: "Path parameters", section: "3.5" };

describe("exerciseConfigSchema", () => {
  it("fills every default of the contract", () => {
    expect(exerciseConfigSchema.parse(minimal)).toEqual({
      ...minimal,
      difficulty: "core",
      points: 10,
      entrypoint: "main.py",
      files: ["main.py"],
      timeoutSeconds: 10,
      isolation: "process",
      kind: "implement",
      milestones: [],
    });
  });

  it("defaults files to a custom entrypoint", () => {
    expect(exerciseConfigSchema.parse({ ...minimal, entrypoint: "app.py" }).files).toEqual(["app.py"]);
  });

  it.each([
    [{ id: "Bad_Id" }, "id"],
    [{ section: "3" }, "section"],
    [{ difficulty: "hard" }, "difficulty"],
    [{ timeoutSeconds: 61 }, "timeoutSeconds"],
    [{ timeoutSeconds: 0 }, "timeoutSeconds"],
    [{ isolation: "container" }, "isolation"],
    [{ kind: "quiz" }, "kind"],
    [{ id: "a".repeat(81) }, "id"],
    [{ files: ["../main.py"] }, "files.0"],
    [{ files: ["main.py", ".env"] }, "files.1"],
    [{ files: ["main.py", ...Array.from({ length: 20 }, (_, i) => `part_${i}.py`)] }, "files"],
    [{ files: ["helpers.py"] }, "files"],
    [{ entrypoint: "main.js" }, "entrypoint"],
    [{ timeout: 5 }, ""],
  ])("rejects %j", (override, field) => {
    const result = exerciseConfigSchema.safeParse({ ...minimal, ...override });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });

  it("accepts a write-tests exercise whose files are test files", () => {
    const config = exerciseConfigSchema.parse({ ...minimal, kind: "write-tests", files: ["test_main.py"] });
    expect(config.files).toEqual(["test_main.py"]);
  });

  it("requires process isolation for write-tests", () => {
    const result = exerciseConfigSchema.safeParse({ ...minimal, kind: "write-tests", files: ["test_main.py"], isolation: "in-process" });
    expect(result.success).toBe(false);
  });

  describe("milestones", () => {
    const milestones = [
      { key: "catalog", title: "Catalogue", dueOffsetDays: 14 },
      { key: "loans", title: "Loans", points: 40 },
    ];

    it("keeps them in order and gives each the exercise's points unless it has its own", () => {
      const config = exerciseConfigSchema.parse({ ...minimal, points: 30, milestones });
      expect(config.milestones).toEqual([
        { key: "catalog", title: "Catalogue", dueOffsetDays: 14, points: 30 },
        { key: "loans", title: "Loans", points: 40 },
      ]);
    });

    it.each([
      [[milestones[0], { ...milestones[1], key: "catalog" }], "milestones.1.key"],
      [[{ ...milestones[0], key: "Loans!" }], "milestones.0.key"],
      [[{ key: "catalog", title: "" }], "milestones.0.title"],
      [[{ ...milestones[0], tests: "tests/catalog" }], "milestones.0"],
      [[milestones[0], { ...milestones[1], dueOffsetDays: 14 }], "milestones.1.dueOffsetDays"],
      [[{ ...milestones[0], dueOffsetDays: 0 }], "milestones.0.dueOffsetDays"],
      [[], "milestones"],
      [Array.from({ length: 11 }, (_, i) => ({ key: `m${i}`, title: `M${i}` })), "milestones"],
    ])("rejects milestones %j", (value, field) => {
      const result = exerciseConfigSchema.safeParse({ ...minimal, milestones: value });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
    });

    it("belong to implement exercises only", () => {
      const result = exerciseConfigSchema.safeParse({ ...minimal, kind: "write-tests", files: ["test_main.py"], milestones });
      expect(result.error?.issues.map((issue) => issue.message)).toContain("only implement exercises can have milestones");
    });
  });
});
