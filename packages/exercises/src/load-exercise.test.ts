import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { ExerciseFolderError } from "./errors";
import { loadExercise } from "./load-exercise";

let root: string;

async function writeTree(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

const implement = {
  "exercise.yaml": 'id: hello\ntitle: Hello\nsection: "1.2"\n',
  "README.md": "# Hello\n",
  "starter/main.py": "app = None\n",
  "solution/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "tests/visible/test_visible.py": "def test_a(client):\n    pass\n",
  "tests/hidden/test_hidden.py": "def test_b(client):\n    pass\n",
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "exercise-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("loadExercise", () => {
  it("returns config, README, starter, visible tests and internal paths", async () => {
    const dir = path.join(root, "hello");
    await writeTree(dir, implement);
    const exercise = await loadExercise(dir);
    expect(exercise.config.points).toBe(10);
    expect(exercise.readme).toBe("# Hello\n");
    expect(exercise.starterFiles).toEqual([{ name: "main.py", content: "app = None\n" }]);
    expect(exercise.visibleTests.map((f) => f.name)).toEqual(["test_visible.py"]);
    expect(exercise.internal.hiddenTestsDir).toBe(path.join(dir, "tests/hidden"));
    expect(exercise.internal.appDir).toBeNull();
    expect(exercise.version).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify({ ...exercise, internal: null })).not.toContain("test_b");
  });

  it("changes the version when any file changes", async () => {
    const dir = path.join(root, "hello");
    await writeTree(dir, implement);
    const before = (await loadExercise(dir)).version;
    await writeFile(path.join(dir, "tests/hidden/test_hidden.py"), "def test_c(client):\n    pass\n");
    expect((await loadExercise(dir)).version).not.toBe(before);
  });

  it("lists every problem of a broken folder", async () => {
    const dir = path.join(root, "other-name");
    const { ["tests/hidden/test_hidden.py"]: _hidden, ["starter/main.py"]: _starter, ...rest } = implement;
    await writeTree(dir, rest);
    const error = await loadExercise(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExerciseFolderError);
    expect((error as ExerciseFolderError).problems).toEqual([
      "id hello differs from the folder name other-name",
      "starter/ is missing",
      "tests/hidden/ is missing",
      "starter/ lacks main.py (listed in files)",
    ]);
  });

  it("reports schema errors with their field", async () => {
    const dir = path.join(root, "hello");
    await writeTree(dir, { ...implement, "exercise.yaml": "id: hello\ntitle: Hello\nsection: three\n" });
    await expect(loadExercise(dir)).rejects.toThrow(/exercise.yaml section/);
  });

  it("requires app/ and at least one mutant for write-tests", async () => {
    const dir = path.join(root, "hello");
    await writeTree(dir, {
      ...implement,
      "exercise.yaml": 'id: hello\ntitle: Hello\nsection: "1.2"\nkind: write-tests\nfiles: [test_main.py]\n',
      "starter/test_main.py": "def test_x(client):\n    pass\n",
      "solution/test_main.py": "def test_x(client):\n    pass\n",
    });
    const error = (await loadExercise(dir).catch((e: unknown) => e)) as ExerciseFolderError;
    expect(error.problems).toEqual(["app/ lacks the entrypoint main.py", "mutants/ needs at least one mutant folder"]);

    await writeTree(dir, { "app/main.py": "app = 1\n", "mutants/off-by-one/main.py": "app = 2\n" });
    const exercise = await loadExercise(dir);
    expect(exercise.internal.mutants).toEqual([{ name: "off-by-one", dir: path.join(dir, "mutants/off-by-one") }]);
    expect(exercise.starterFiles.map((f) => f.name)).toEqual(["test_main.py"]);
  });
});
