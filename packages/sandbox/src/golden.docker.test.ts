import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { createDockerClient } from "./docker/client";
import { gradeSubmission } from "./grade-submission";
import { gradingReportSchema } from "./report/schema";
import { countGradingContainers } from "./testing/containers";
import { exerciseDir, fixtureFiles, FIXTURES_DIR, readGolden, withoutTimings } from "./testing/fixtures";

// Reference submissions and the report each must produce, field by field (durations and timings aside).
// UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing it.
const cases = [
  { name: "pass", exercise: "hello-process", submission: "exercises/hello-process/solution" },
  { name: "fail", exercise: "hello-process", submission: "exercises/hello-process/starter" },
  { name: "syntax-error", exercise: "hello-process", submission: "submissions/syntax-error" },
  { name: "missing-app", exercise: "hello-process", submission: "submissions/missing-app" },
  { name: "import-error", exercise: "hello-process", submission: "submissions/import-error" },
  { name: "timeout", exercise: "hello-quick", submission: "submissions/infinite-loop" },
  { name: "visible-only", exercise: "hello-process", submission: "exercises/hello-process/starter", visibility: "visible-only" as const },
  { name: "in-process-pass", exercise: "slugify-in-process", submission: "exercises/slugify-in-process/solution" },
  { name: "in-process-fail", exercise: "slugify-in-process", submission: "exercises/slugify-in-process/starter" },
  // One WebSocket test hangs past the run's default per-test limit, another past its own @pytest.mark.timeout(2):
  // each fails alone, and the others still score.
  { name: "in-process-hanging-websocket", exercise: "websocket-in-process", submission: "exercises/websocket-in-process/starter" },
  { name: "write-tests-pass", exercise: "notes-write-tests", submission: "exercises/notes-write-tests/solution" },
  { name: "write-tests-starter", exercise: "notes-write-tests", submission: "exercises/notes-write-tests/starter" },
];

const docker = createDockerClient();

describe.concurrent("golden reports", () => {
  it.each(cases)("$name", async ({ name, exercise, submission, ...options }) => {
    const gradingId = `golden-${name}-${Date.now()}`;
    const report = await gradeSubmission({
      exerciseDir: exerciseDir(exercise),
      files: await fixtureFiles(submission),
      docker,
      gradingId,
      ...options,
    });
    expect(gradingReportSchema.parse(report)).toEqual(report);
    expect(await countGradingContainers(docker, gradingId)).toBe(0);
    if (process.env.UPDATE_GOLDEN) {
      await mkdir(path.join(FIXTURES_DIR, "golden"), { recursive: true });
      await writeFile(path.join(FIXTURES_DIR, "golden", `${name}.json`), `${JSON.stringify(withoutTimings(report), null, 2)}\n`);
    }
    expect(withoutTimings(report)).toEqual(await readGolden(name));
  });
});
