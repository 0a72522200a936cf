import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { listFiles, resolveExercisesDir } from "@academy/exercises";
import { schema } from "@academy/db";
import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts, syncExercises } from "@academy/services";
import { writeExerciseFolder } from "@academy/services/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

const HIDDEN = "HIDDEN-SOURCE-MARKER-4b1e9";
const SOLUTION = "SOLUTION-MARKER-77c0d";
const MUTANT = "MUTANT-MARKER-e93a2";

const implement = {
  "exercise.yaml": 'id: secret-keeper\ntitle: Keep a secret\nsection: "3.1"\ndifficulty: intro\n',
  "README.md": "# Keep a secret\n\nReturn `{\"ok\": true}` from `GET /`.\n",
  "starter/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
  "solution/main.py": `from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef root():\n    return {"ok": True, "why": "${SOLUTION}"}\n`,
  "tests/visible/test_visible.py": 'def test_root_answers(client):\n    assert client.get("/").status_code == 200\n',
  "tests/hidden/test_hidden.py": `# ${HIDDEN}\ndef test_root_is_ok(client):\n    expected = {"ok": True, "why": "${HIDDEN}"}\n    assert client.get("/").json()["ok"] is True, "GET / should answer ok"\n`,
};

const writeTests = {
  "exercise.yaml": 'id: secret-tester\ntitle: Test a secret\nsection: "6.2"\nkind: write-tests\nfiles: [test_main.py]\n',
  "README.md": "# Test a secret\n\nWrite tests for `app/main.py`.\n",
  "app/main.py": 'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef root():\n    return {"ok": True}\n',
  "mutants/wrong-answer/main.py": `from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef root():\n    return {"ok": False, "why": "${MUTANT}"}\n`,
  "starter/test_main.py": "def test_placeholder(client):\n    pass\n",
  "solution/test_main.py": `def test_ok(client):\n    # ${SOLUTION}\n    assert client.get("/").json() == {"ok": True}\n`,
  "tests/visible/test_visible.py": 'def test_app_answers(client):\n    assert client.get("/").status_code == 200\n',
  "tests/hidden/test_hidden.py": `def test_secret(client):\n    assert "${HIDDEN}"\n`,
};

/** A realistic report: hidden tests appear by name and summary, never by source. */
const report = {
  version: 1,
  exerciseId: "secret-keeper",
  status: "failed",
  score: 5,
  maxScore: 10,
  tests: [
    { name: "test_root_answers", visibility: "visible", status: "passed", durationMs: 4, message: null },
    { name: "test_root_is_ok", visibility: "hidden", status: "failed", durationMs: 3, message: "GET / should answer ok" },
  ],
  output: "",
  limits: { timedOut: false, oomKilled: false, outputTruncated: false },
  timing: { queuedMs: 5, containerMs: 300, testsMs: 40, totalMs: 400 },
};

function expectNoSecret(response: unknown) {
  const text = JSON.stringify(response);
  expect(text).not.toContain(HIDDEN);
  expect(text).not.toContain(SOLUTION);
  expect(text).not.toContain(MUTANT);
}

describe("what a learner can reach", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let root: string;
  beforeAll(async () => {
    testDb = await createTestDb();
    root = await mkdtemp(path.join(tmpdir(), "secrecy-"));
    await writeExerciseFolder(root, "secret-keeper", implement);
    await writeExerciseFolder(root, "secret-tester", writeTests);
    await syncExercises(testDb.db, root);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: root });
  });
  afterAll(async () => {
    await grading.close();
    await testDb.close();
    await rm(root, { recursive: true, force: true });
  });

  it("never answers with hidden test source, a solution or a mutant, whatever the procedure", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner, grading.ports);
    const responses: unknown[] = [];
    const record = async <T>(response: Promise<T>) => {
      const value = await response;
      responses.push(value);
      return value;
    };

    await record(caller.exercise.list());
    const keeper = await record(caller.exercise.get({ id: "secret-keeper" }));
    const tester = await record(caller.exercise.get({ id: "secret-tester" }));
    expect(keeper.visibleTests.map((f) => f.name)).toEqual(["test_visible.py"]);
    expect(tester.appFiles.map((f) => f.name)).toEqual(["main.py"]);
    await record(caller.exercise.progress());

    await record(caller.draft.save({ exerciseId: "secret-keeper", files: keeper.starterFiles }));
    await record(caller.draft.get({ exerciseId: "secret-keeper" }));

    const created = await record(caller.submission.create({ exerciseId: "secret-keeper", mode: "submit", files: keeper.starterFiles }));
    await record(caller.submission.get({ id: created.id }));
    const graded = await seedSubmission(testDb.db, { userId: learner.id, exerciseId: "secret-keeper", status: "failed", score: 5, maxScore: 10, report });
    const feedback = await record(caller.submission.get({ id: graded.id }));
    expect(feedback.report).toMatchObject({ tests: [{ name: "test_root_answers" }, { name: "test_root_is_ok", message: "GET / should answer ok" }] });
    await record(caller.submission.list({ exerciseId: "secret-keeper", limit: 50 }));
    await record(caller.submission.list({ limit: 50 }));

    expect(responses).toHaveLength(11);
    for (const response of responses) expectNoSecret(response);
  });

  it("keeps a learner's submissions from every other learner (NOT_FOUND)", async () => {
    const ada = await seedUser(testDb.db);
    const grace = await seedUser(testDb.db);
    const adaSubmission = await seedSubmission(testDb.db, { userId: ada.id, exerciseId: "secret-keeper", status: "failed", score: 5, report });
    const asGrace = createTestCaller(testDb.db, grace, grading.ports);

    await expect(asGrace.submission.get({ id: adaSubmission.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "No such submission of yours." });
    expect(await asGrace.submission.list({ exerciseId: "secret-keeper", limit: 50 })).toEqual([]);
    const stream = await asGrace.submission.onStatus({ id: adaSubmission.id });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asGrace.exercise.list()).find((e) => e.id === "secret-keeper")).toMatchObject({ status: "not-started", bestScore: null });
    expect((await asGrace.exercise.progress()).recent).toEqual([]);
  });

  it("sends none of the real exercises' hidden tests or solutions, milestones' included, with exercise.get for every synced exercise (templates too)", async () => {
    const exercisesDir = resolveExercisesDir();
    const db = await createTestDb();
    try {
      await syncExercises(db.db, exercisesDir);
      const caller = createTestCaller(db.db, await seedUser(db.db));
      // Every synced exercise, not only those the catalogue lists: a team template is reachable by id too.
      const ids = (await db.db.select({ id: schema.exercise.id }).from(schema.exercise)).map((e) => e.id);
      expect(ids.length).toBeGreaterThanOrEqual(40);
      expect(ids).toContain("library-loans-team-project");
      const checkedMilestoneFiles: string[] = [];
      for (const id of ids) {
        // A refusal is an answer too, and must carry no secret either.
        const answer = await caller.exercise.get({ id }).catch((error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }));
        const response = JSON.stringify(answer);
        const dir = path.join(exercisesDir, id);
        const milestoneKeys = await readdir(path.join(dir, "milestones")).catch(() => []);
        const secretDirs = ["tests/hidden", "solution", ...milestoneKeys.flatMap((key) => [`milestones/${key}/tests/hidden`, `milestones/${key}/solution`])];
        for (const sub of secretDirs) {
          for (const name of await listFiles(path.join(dir, sub))) {
            const source = await readFile(path.join(dir, sub, name), "utf8");
            if (sub.startsWith("milestones/")) checkedMilestoneFiles.push(`${id}/${sub}/${name}`);
            // A file the learner is told to leave alone is the same in starter/ and solution/: that one is public.
            const starter = await readFile(path.join(dir, "starter", name), "utf8").catch(() => null);
            if (sub.endsWith("solution") && starter === source) continue;
            expect(response, `${id}/${sub}/${name}`).not.toContain(JSON.stringify(source).slice(1, -1));
            if (sub.endsWith("tests/hidden")) {
              for (const line of source.split("\n").filter((l) => l.startsWith("def test_"))) {
                expect(response, `${id}/${sub}: ${line}`).not.toContain(line);
              }
            }
          }
        }
      }
      expect(checkedMilestoneFiles).toContainEqual(expect.stringMatching(/^library-loans-team-project\/milestones\/catalog\/tests\/hidden\//));
      expect(checkedMilestoneFiles).toContainEqual(expect.stringMatching(/^library-loans-team-project\/milestones\/catalog\/solution\//));
    } finally {
      await db.close();
    }
  });
});
