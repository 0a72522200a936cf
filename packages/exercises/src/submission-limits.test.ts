import { describe, expect, it } from "vitest";

import { EXERCISE_ID_PATTERN, FILE_NAME_PATTERN } from "./submission-limits";

describe("the submission patterns", () => {
  it.each(["main.py", "app/models.py", "test_main.py", "_private.py", "a-b.c"])("accept the file name %s", (name) => {
    expect(FILE_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each(["", "/main.py", "../main.py", "app/../main.py", ".env", "app/.hidden", "a b.py", "app\\main.py", "app//main.py"])(
    "refuse the file name %j",
    (name) => {
      expect(FILE_NAME_PATTERN.test(name)).toBe(false);
    },
  );

  it.each([
    ["path-params", true],
    ["crud-2", true],
    ["Path-Params", false],
    ["-leading", false],
    ["double--dash", false],
    ["trailing-", false],
  ])("exercise id %s: %s", (id, isValid) => {
    expect(EXERCISE_ID_PATTERN.test(id)).toBe(isValid);
  });
});
