import { describe, expect, it } from "vitest";

import { storedReportSchema } from "./report";

const report = {
  version: 1,
  exerciseId: "hello",
  status: "error",
  score: 0,
  maxScore: 10,
  tests: [],
  output: "Your code could not be run: SyntaxError in main.py, line 3: '(' was never closed",
  limits: { timedOut: false, oomKilled: false, outputTruncated: false },
  timing: { queuedMs: 0, containerMs: 300, testsMs: 0, totalMs: 400 },
  scope: "all",
  errorLocation: { file: "main.py", line: 3 },
};

describe("a stored report as the API returns it", () => {
  it("is the report, its error location included", () => {
    expect(storedReportSchema.parse(report)).toEqual(report);
  });

  it("accepts a report stored before the optional fields existed", () => {
    const { scope: _scope, errorLocation: _errorLocation, ...older } = report;
    expect(storedReportSchema.parse(older)).toEqual(older);
  });

  it("is null for no report, and for one that does not validate", () => {
    expect(storedReportSchema.parse(null)).toBeNull();
    expect(storedReportSchema.parse({ version: 1, status: "error", output: "SyntaxError in main.py, line 2" })).toBeNull();
    expect(storedReportSchema.parse({ ...report, errorLocation: { file: "main.py", line: "3" } })).toBeNull();
  });
});
