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
});
