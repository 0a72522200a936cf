import { describe, expect, it } from "vitest";

import { defaultLimits } from "../config/limits";
import { buildJobConfig, buildJobMessage, type GradingJob } from "./grading-bundle";

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

const readMessage = (message: Buffer) => JSON.parse(message.toString("utf8")) as { config: ReturnType<typeof buildJobConfig>; files: Record<string, unknown> };

describe("buildJobMessage", () => {
  it("carries the config and the files by the folder they go to, as text", () => {
    const withBuffer: GradingJob = { ...job, learnerFiles: [{ name: "main.py", content: Buffer.from("app = 1") }] };
    const message = readMessage(buildJobMessage(withBuffer, defaultLimits));
    expect(message.config).toEqual(buildJobConfig(withBuffer, defaultLimits));
    expect(message.files).toEqual({
      submission: [{ name: "main.py", content: "app = 1" }],
      visibleTests: [{ name: "test_v.py", content: "" }],
      hiddenTests: [{ name: "test_h.py", content: "" }],
      appFiles: null,
    });
  });

  it("write-tests: the author's app goes to the app user, and no tests travel", () => {
    const message = readMessage(buildJobMessage({ ...job, mode: "write-tests", appFiles: [{ name: "main.py", content: "app = 2" }] }, defaultLimits));
    expect(message.files).toMatchObject({ visibleTests: [], hiddenTests: [], appFiles: [{ name: "main.py", content: "app = 2" }] });
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
