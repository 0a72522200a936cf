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

const suite = (prefix: string) =>
  Array.from({ length: 5 }, (_, i) => `def test_${prefix}_${i}(client):\n    assert True, "never fails"\n`).join("\n");

const templateYaml = (milestones: string) => `id: team-hello\ntitle: Team hello\nsection: "9.4"\npoints: 20\nmilestones:\n${milestones}`;
const twoMilestones = "  - key: models\n    title: Models\n    dueOffsetDays: 7\n  - key: auth\n    title: Auth\n    points: 30\n";

const template = {
  "exercise.yaml": templateYaml(twoMilestones),
  "README.md": "# Team hello\n",
  "starter/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "solution/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "milestones/models/solution/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
  "milestones/models/tests/hidden/test_models.py": suite("models"),
  "milestones/auth/tests/hidden/test_auth.py": suite("auth"),
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

  describe("a template's milestones", () => {
    const readMilestones = () =>
      testDb.db
        .select()
        .from(schema.exerciseMilestone)
        .where(eq(schema.exerciseMilestone.exerciseId, "team-hello"))
        .orderBy(schema.exerciseMilestone.position, schema.exerciseMilestone.key);

    it("stores them in order with their points, due offsets and suite hashes", async () => {
      await writeExerciseFolder(root, "team-hello", template);
      await syncExercises(testDb.db, root);
      const [exercise] = await testDb.db.select().from(schema.exercise).where(eq(schema.exercise.id, "team-hello"));
      const rows = await readMilestones();
      expect(rows.map(({ suiteHash: _hash, updatedAt: _updated, ...row }) => row)).toEqual([
        { exerciseId: "team-hello", key: "models", title: "Models", position: 0, dueOffsetDays: 7, points: 20, hiddenTestCount: 5, exerciseVersionId: exercise!.currentVersionId, isArchived: false },
        { exerciseId: "team-hello", key: "auth", title: "Auth", position: 1, dueOffsetDays: null, points: 30, hiddenTestCount: 5, exerciseVersionId: exercise!.currentVersionId, isArchived: false },
      ]);
      expect(rows.every((row) => /^[0-9a-f]{16}$/.test(row.suiteHash))).toBe(true);
      expect(exercise!.isTeamTemplate).toBe(true);
      expect((await readExercise()).isTeamTemplate).toBe(false);
    });

    it("changes only the hash of the suite that changed, and archives a milestone taken out", async () => {
      await writeExerciseFolder(root, "team-hello", template);
      await syncExercises(testDb.db, root);
      const before = await readMilestones();
      await writeFile(path.join(root, "team-hello/milestones/auth/tests/hidden/test_auth.py"), suite("auth_v2"));
      await syncExercises(testDb.db, root);
      const after = await readMilestones();
      expect(after[0]!.suiteHash).toBe(before[0]!.suiteHash);
      expect(after[1]!.suiteHash).not.toBe(before[1]!.suiteHash);

      await rm(path.join(root, "team-hello/milestones/auth"), { recursive: true });
      await writeFile(path.join(root, "team-hello/exercise.yaml"), templateYaml("  - key: models\n    title: Models\n"));
      await rm(path.join(root, "team-hello/milestones/models/solution"), { recursive: true });
      await syncExercises(testDb.db, root);
      expect((await readMilestones()).map((row) => [row.key, row.isArchived])).toEqual([["models", false], ["auth", true]]);
    });

    it("lets a submission name a milestone of its exercise only", async () => {
      await writeExerciseFolder(root, "team-hello", template);
      await syncExercises(testDb.db, root);
      const user = await seedUser(testDb.db);
      const graded = await seedSubmission(testDb.db, { userId: user.id, exerciseId: "team-hello", milestoneKey: "models" });
      expect(graded.milestoneKey).toBe("models");
      const refused = { cause: { constraint: "submission_milestone_fk" } };
      await expect(seedSubmission(testDb.db, { userId: user.id, exerciseId: "team-hello", milestoneKey: "reports" })).rejects.toMatchObject(refused);
      await expect(seedSubmission(testDb.db, { userId: user.id, exerciseId: "versioned-hello", milestoneKey: "models" })).rejects.toMatchObject(refused);
    });
  });
});
