import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ExerciseFolderError, MilestoneNotFoundError } from "./errors";
import { loadExercise } from "./load-exercise";
import { readTestSuite } from "./test-suite";

let root: string;

async function writeTree(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

const suite = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, i) => `def test_${prefix}_${i}(client):\n    assert True, "never fails"\n`).join("\n");

const yaml = `id: team-app
title: Team app
section: "9.4"
files: [main.py, models.py]
milestones:
  - key: models
    title: Models and CRUD
    dueOffsetDays: 7
  - key: auth
    title: Auth
`;

const template: Record<string, string> = {
  "exercise.yaml": yaml,
  "README.md": "# Team app\n",
  "starter/main.py": "app = None\n",
  "starter/models.py": "",
  "solution/main.py": "app = 2\n",
  "solution/models.py": "",
  "milestones/models/solution/main.py": "app = 1\n",
  "milestones/models/solution/models.py": "",
  "milestones/models/tests/visible/test_models.py": "def test_visible(client):\n    pass\n",
  "milestones/models/tests/hidden/test_models_hidden.py": suite("models", 5),
  "milestones/auth/tests/hidden/test_auth_hidden.py": suite("auth", 3),
  "milestones/auth/tests/hidden/test_auth_more.py": `class TestMore:\n    def test_a(self, client):\n        pass\n\n    def test_b(self, client):\n        pass\n`,
};

async function loadProblems(files: Record<string, string>): Promise<string[]> {
  const dir = path.join(root, "team-app");
  await writeTree(dir, files);
  const error = await loadExercise(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ExerciseFolderError);
  return (error as ExerciseFolderError).problems;
}

const without = (...names: string[]) => Object.fromEntries(Object.entries(template).filter(([name]) => !names.includes(name)));

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "template-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a template (exercise.yaml with milestones)", () => {
  it("loads its milestones in order, each with a version of its suite and solution paths", async () => {
    const dir = path.join(root, "team-app");
    await writeTree(dir, template);
    const exercise = await loadExercise(dir);
    expect(exercise.milestones.map(({ version: _version, ...m }) => m)).toEqual([
      { key: "models", title: "Models and CRUD", position: 0, dueOffsetDays: 7, points: 10, visibleTests: [{ name: "test_models.py", content: "def test_visible(client):\n    pass\n" }], hiddenTestCount: 5 },
      { key: "auth", title: "Auth", position: 1, dueOffsetDays: null, points: 10, visibleTests: [], hiddenTestCount: 5 },
    ]);
    expect(exercise.internal.milestones.map((m) => path.relative(dir, m.solutionDir))).toEqual(["milestones/models/solution", "solution"]);
    expect(exercise.visibleTests.map((f) => f.name)).toEqual(["test_models.py"]);
    expect(JSON.stringify({ ...exercise, internal: null })).not.toContain("test_models_0");

    const before = exercise.milestones.map((m) => m.version);
    await writeFile(path.join(dir, "milestones/auth/tests/hidden/test_auth_hidden.py"), suite("auth", 4));
    const after = (await loadExercise(dir)).milestones.map((m) => m.version);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it("reads one milestone's suite, or every suite for the whole project", async () => {
    const dir = path.join(root, "team-app");
    await writeTree(dir, template);
    const exercise = await loadExercise(dir);
    const auth = await readTestSuite(exercise, "auth");
    expect(auth.visible).toEqual([]);
    expect(auth.hidden.map((f) => f.name)).toEqual(["test_auth_hidden.py", "test_auth_more.py"]);
    const whole = await readTestSuite(exercise);
    expect(whole.hidden.map((f) => f.name)).toEqual(["test_models_hidden.py", "test_auth_hidden.py", "test_auth_more.py"]);
    expect(whole.visible.map((f) => f.name)).toEqual(["test_models.py"]);
    await expect(readTestSuite(exercise, "reports")).rejects.toThrow(MilestoneNotFoundError);
  });

  it("names a missing milestone folder", async () => {
    expect(await loadProblems(without("milestones/auth/tests/hidden/test_auth_hidden.py", "milestones/auth/tests/hidden/test_auth_more.py"))).toEqual([
      "milestones/auth/tests/hidden/ is missing",
    ]);
  });

  it("wants at least 5 hidden tests in each milestone", async () => {
    expect(await loadProblems({ ...template, "milestones/models/tests/hidden/test_models_hidden.py": suite("models", 4) })).toEqual([
      "milestones/models/tests/hidden/ has 4 tests (at least 5)",
    ]);
  });

  it("wants a reference solution for every milestone but the last, with every listed file", async () => {
    expect(await loadProblems(without("milestones/models/solution/main.py", "milestones/models/solution/models.py"))).toEqual([
      "milestones/models/solution/ is missing (the reference solution at the end of this milestone)",
    ]);
    await rm(path.join(root, "team-app"), { recursive: true });
    expect(await loadProblems(without("milestones/models/solution/models.py"))).toEqual(["milestones/models/solution/ lacks models.py (listed in files)"]);
    await rm(path.join(root, "team-app"), { recursive: true });
    expect(await loadProblems({ ...template, "milestones/auth/solution/main.py": "app = 3\n" })).toEqual([
      "milestones/auth/solution/ is not used: the last milestone's reference solution is solution/",
    ]);
  });

  it("refuses tests/ at the top, unknown milestone folders and one test file name in two milestones", async () => {
    expect(
      await loadProblems({
        ...template,
        "tests/hidden/test_x.py": suite("x", 5),
        "milestones/reports/tests/hidden/test_r.py": suite("r", 5),
        "milestones/auth/tests/visible/test_models.py": "def test_other(client):\n    pass\n",
      }),
    ).toEqual([
      "tests/ is not used by a template: each milestone's tests live in milestones/<key>/tests/",
      "milestones/reports/ is not a milestone of exercise.yaml",
      "the test file test_models.py is in both milestones/models/ and milestones/auth/: name test files apart",
    ]);
  });
});
