import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { findWorkspaceRoot, resolveExercisesDir } from "./exercises-dir";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "workspace-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("resolveExercisesDir", () => {
  it("takes the configured folder, made absolute", () => {
    expect(resolveExercisesDir({ configured: "/srv/exercises" })).toBe("/srv/exercises");
    expect(resolveExercisesDir({ configured: "bank", from: root })).toBe(path.resolve("bank"));
  });

  it("else finds exercises/ in the workspace above the starting folder", async () => {
    await writeFile(path.join(root, "pnpm-workspace.yaml"), "packages: []\n");
    await mkdir(path.join(root, "apps/grader/src"), { recursive: true });
    expect(resolveExercisesDir({ from: path.join(root, "apps/grader/src") })).toBe(path.join(root, "exercises"));
    expect(findWorkspaceRoot(path.join(root, "apps/grader"))).toBe(root);
  });

  it("names the variable to set outside a workspace", () => {
    expect(() => resolveExercisesDir({ from: root })).toThrow(/set EXERCISES_DIR/);
  });

  it("finds this repository's exercises from the working directory", () => {
    expect(resolveExercisesDir()).toMatch(/\/exercises$/);
    expect(findWorkspaceRoot()).toBe(path.resolve(import.meta.dirname, "../../.."));
  });
});
