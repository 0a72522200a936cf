import { describe, expect, it } from "vitest";

import { createDockerClient, ensureGraderImage } from "@academy/sandbox";

import { runBlocksInContainer } from "../curriculum/testing/run-blocks-in-container";
import { graderVersions } from "./grader-versions";

/** Prints {"Python": "3.13.5", "FastAPI": "0.115.11", ...}: what the image really has. */
const REPORT_VERSIONS = `
import importlib.metadata
import json
import sqlite3
import sys

found = {"Python": "%d.%d.%d" % sys.version_info[:3], "SQLite": sqlite3.sqlite_version}
for name, distribution in ${JSON.stringify(graderVersions.filter((c) => c.distribution).map((c) => [c.name, c.distribution]))}:
    found[name] = importlib.metadata.version(distribution)
print(json.dumps(found))
`;

describe("the versions the content names", () => {
  it("are the versions installed in the grader image", async () => {
    const docker = createDockerClient();
    const image = await ensureGraderImage({ docker });
    const [result] = await runBlocksInContainer({ docker, image, blocks: [{ name: "versions.py", code: REPORT_VERSIONS, isRunnable: true }], killAfterMs: 120_000 });
    expect(result?.ran, result?.output).toBe(true);
    const installed = JSON.parse(result!.output.trim().split("\n").at(-1)!) as Record<string, string>;
    const mismatches = graderVersions
      .filter(({ name, version }) => installed[name] !== version && !installed[name]?.startsWith(`${version}.`))
      .map(({ name, version }) => `${name}: the content says ${version}, the image has ${installed[name]}`);
    expect(mismatches).toEqual([]);
  });
});
