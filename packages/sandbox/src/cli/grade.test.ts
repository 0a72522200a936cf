import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findWorkspaceRoot } from "@academy/exercises";
import { describe, expect, it } from "vitest";

import { exerciseDir, FIXTURES_DIR } from "../testing/fixtures";

const CLI = fileURLToPath(new URL("./grade.ts", import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}) {
  return spawnSync("npx", ["tsx", CLI, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
}

describe("pnpm grade (without an engine)", { timeout: 60_000 }, () => {
  it("exits non-zero with one line on stderr when no Docker engine answers", () => {
    const result = runCli([exerciseDir("hello-process"), `${FIXTURES_DIR}/exercises/hello-process/solution`, "--json"], {
      DOCKER_HOST: "unix:///nonexistent/docker.sock",
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^grade: GradingUnavailableError: no Docker engine at unix:\/\/\/nonexistent\/docker.sock/);
  });

  it("rejects a bad exercise folder and bad usage", () => {
    const bad = runCli([`${FIXTURES_DIR}/red-team`, `${FIXTURES_DIR}/red-team/fork-bomb`]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^grade: ExerciseFolderError: invalid exercise folder/);
    expect(runCli([]).status).toBe(2);
    expect(runCli([exerciseDir("hello-process"), `${FIXTURES_DIR}/exercises/hello-process/solution`, "--milestone"]).status).toBe(2);
  });

  it("names a milestone the template lacks before looking for an engine", () => {
    const template = path.join(findWorkspaceRoot(import.meta.dirname), "exercises/library-loans-team-project");
    const result = runCli([template, path.join(template, "solution"), "--milestone", "reports"], { DOCKER_HOST: "unix:///nonexistent/docker.sock" });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("grade: MilestoneNotFoundError: library-loans-team-project has no milestone reports\n");
  });
});
