import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

import { gradingReportSchema } from "../report/schema";
import { exerciseDir, FIXTURES_DIR } from "../testing/fixtures";

const CLI = fileURLToPath(new URL("./grade.ts", import.meta.url));

describe("pnpm grade --json", () => {
  it("prints the report and nothing else, exit 0 whatever the grade", () => {
    const result = spawnSync("npx", ["tsx", CLI, exerciseDir("hello-process"), `${FIXTURES_DIR}/exercises/hello-process/starter`, "--json"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(result.status).toBe(0);
    const report = gradingReportSchema.parse(JSON.parse(result.stdout));
    expect(report).toMatchObject({ exerciseId: "hello-process", status: "failed" });
  });
});
