import { describe, expect, it } from "vitest";

import { defaultLimits } from "../config/limits";
import { buildBundleEntries, buildJobConfig, TESTER_UID, APP_UID, type GradingJob } from "./grading-bundle";

const job: GradingJob = {
  mode: "process",
  entrypoint: "main.py",
  timeoutMs: 10_000,
  learnerUid: 31337,
  learnerFiles: [{ name: "main.py", content: "app = 1" }, { name: "pkg/util.py", content: "" }],
  visibleTests: [{ name: "test_v.py", content: "" }],
  hiddenTests: [{ name: "test_h.py", content: "" }],
  appFiles: null,
};

const owners = (entries: ReturnType<typeof buildBundleEntries>) =>
  Object.fromEntries(entries.map((e) => [e.path, `${e.uid}:${e.mode.toString(8)}`]));

describe("buildBundleEntries", () => {
  it("process: tests owned by the tester (0700), learner files read-only, out/ and job.json root-only", () => {
    expect(owners(buildBundleEntries(job, defaultLimits))).toEqual({
      submission: "0:755",
      "submission/pkg": "0:755",
      "submission/main.py": "0:644",
      "submission/pkg/util.py": "0:644",
      tests: `${TESTER_UID}:700`,
      "tests/visible": `${TESTER_UID}:700`,
      "tests/visible/test_v.py": `${TESTER_UID}:600`,
      "tests/hidden": `${TESTER_UID}:700`,
      "tests/hidden/test_h.py": `${TESTER_UID}:600`,
      out: "0:700",
      "job.json": "0:600",
    });
  });

  it("write-tests: the app under test belongs to the app user, no tests folder", () => {
    const entries = owners(buildBundleEntries({ ...job, mode: "write-tests", appFiles: [{ name: "main.py", content: "" }] }, defaultLimits));
    expect(entries["app/main.py"]).toBe(`${APP_UID}:600`);
    expect(entries.tests).toBeUndefined();
  });

  it("in-process: tests belong to the learner uid (the guard protects them)", () => {
    expect(owners(buildBundleEntries({ ...job, mode: "in-process" }, defaultLimits))["tests/hidden/test_h.py"]).toBe("31337:600");
  });
});

describe("buildJobConfig", () => {
  it("lists only the test folders that have files, with their visibility", () => {
    expect(buildJobConfig({ ...job, hiddenTests: [] }, defaultLimits).testDirs).toEqual([
      { path: "/grader/tests/visible", visibility: "visible" },
    ]);
    expect(buildJobConfig({ ...job, mode: "write-tests" }, defaultLimits)).toMatchObject({
      appDir: "/grader/app",
      testDirs: [{ path: "/grader/submission", visibility: "visible" }],
    });
  });
});
