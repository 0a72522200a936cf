import { describe, expect, it } from "vitest";

import { createDockerClient } from "../docker/client";
import { gradeSubmission } from "../grade-submission";
import { exerciseDir, fixtureFiles } from "../testing/fixtures";

const docker = createDockerClient();
const raisesOnLine4 = 'from fastapi import FastAPI\n\napp = FastAPI()\nraise RuntimeError("no settings")\n';

// The report names the file and line that kept the code from running, as data: the browser puts the cursor there.
describe.concurrent("the report's error location", () => {
  it("is the line of a syntax error", async () => {
    const report = await gradeSubmission({ exerciseDir: exerciseDir("hello-process"), files: await fixtureFiles("submissions/syntax-error"), docker });
    expect(report.status).toBe("error");
    expect(report.errorLocation).toEqual({ file: "main.py", line: 3 });
  });

  it("is the learner's line that raised while the app was imported (process isolation)", async () => {
    const files = [{ name: "main.py", content: raisesOnLine4 }];
    const report = await gradeSubmission({ exerciseDir: exerciseDir("hello-process"), files, docker });
    expect(report.status).toBe("error");
    expect(report.errorLocation).toEqual({ file: "main.py", line: 4 });
  });

  it("is the learner's line that raised while the tests imported it (in-process isolation)", async () => {
    const files = [{ name: "main.py", content: `def slugify(text):\n    return text\n${raisesOnLine4.replace("\n\n", "\n")}` }];
    const report = await gradeSubmission({ exerciseDir: exerciseDir("slugify-in-process"), files, docker });
    expect(report.status).toBe("error");
    expect(report.errorLocation).toEqual({ file: "main.py", line: 5 });
  });

  it("is null when the code ran", async () => {
    const report = await gradeSubmission({ exerciseDir: exerciseDir("hello-process"), files: await fixtureFiles("exercises/hello-process/starter"), docker });
    expect(report.status).toBe("failed");
    expect(report.errorLocation).toBeNull();
  });
});
