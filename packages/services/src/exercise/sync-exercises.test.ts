import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { eq, schema } from "@academy/db";
import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { writeExerciseFolder } from "../testing/write-exercise-folder";
import { syncExercises } from "./sync-exercises";

const folder = {
  "exercise.yaml": 'id: versioned-hello\ntitle: Hello\nsection: "3.1"\n',
  "README.md": "# Hello\n",
  "starter/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "solution/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "tests/visible/test_a.py": "def test_a(client):\n    assert True\n",
  "tests/hidden/test_b.py": "def test_b(client):\n    assert True\n",
};

describe("syncExercises", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let root: string;
  beforeAll(async () => {
    testDb = await createTestDb();
    root = await mkdtemp(path.join(os.tmpdir(), "sync-exercises-"));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
    await testDb?.close();
  });

  const readExercise = async () => (await testDb.db.select().from(schema.exercise).where(eq(schema.exercise.id, "versioned-hello")))[0]!;

  it("makes a new version when a test suite changes, and old submissions keep theirs", async () => {
    await writeExerciseFolder(root, "versioned-hello", folder);
    expect(await syncExercises(testDb.db, root)).toEqual({ exercises: 1, newVersions: 1 });
    const first = await readExercise();
    const user = await seedUser(testDb.db);
    const graded = await seedSubmission(testDb.db, { userId: user.id, exerciseId: "versioned-hello", status: "passed" });

    expect(await syncExercises(testDb.db, root)).toEqual({ exercises: 1, newVersions: 0 });

    await writeFile(path.join(root, "versioned-hello/tests/hidden/test_b.py"), "def test_b(client):\n    assert 1 == 1\n");
    expect(await syncExercises(testDb.db, root)).toEqual({ exercises: 1, newVersions: 1 });
    const second = await readExercise();
    expect(second.currentVersionId).not.toBe(first.currentVersionId);
    const versions = await testDb.db.select().from(schema.exerciseVersion).where(eq(schema.exerciseVersion.exerciseId, "versioned-hello"));
    expect(versions).toHaveLength(2);
    const [kept] = await testDb.db.select().from(schema.submission).where(eq(schema.submission.id, graded.id));
    expect(kept!.exerciseVersionId).toBe(first.currentVersionId);
  });

  it("archives an exercise whose folder is gone, keeping its rows", async () => {
    await writeExerciseFolder(root, "another-hello", { ...folder, "exercise.yaml": 'id: another-hello\ntitle: Another\nsection: "3.1"\n' });
    await syncExercises(testDb.db, root);
    await rm(path.join(root, "versioned-hello"), { recursive: true });
    await syncExercises(testDb.db, root);
    expect((await readExercise()).isArchived).toBe(true);
  });

  it("refuses an invalid folder with the reason", async () => {
    await writeExerciseFolder(root, "broken-one", { "exercise.yaml": "id: broken-one\n" });
    await expect(syncExercises(testDb.db, root)).rejects.toThrow(/title|section/);
    await rm(path.join(root, "broken-one"), { recursive: true });
  });
});
