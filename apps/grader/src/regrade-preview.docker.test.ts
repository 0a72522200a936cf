import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { createCaller, createContextInner, toSessionUser, type SessionUser } from "@academy/api";
import { asc, eq, schema } from "@academy/db";
import { createTestDb, seedCohort, seedSubmission, seedUser } from "@academy/db/testing";
import { createGradingPorts, createSubmission, syncExercises } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { fixtureExercisesDir, spawnGrader, waitFor } from "./testing/grader-process";
import { waitForFinal } from "./testing/submission-state";

const EXERCISE = "greeting-in-thirds";
const GRADING_TIMEOUT_MS = 120_000;

// v2 makes GET /goodbye optional: the starter (6.67 under v1) passes everything.
const V2_HIDDEN_TESTS = `def test_hello_message(client):
    assert client.get("/hello").json() == {"message": "hello"}


def test_goodbye_is_optional(client):
    assert client.get("/goodbye").status_code in (200, 404)
`;
// v3 only renames a test: enough for a new version to preview and discard.
const V3_HIDDEN_TESTS = V2_HIDDEN_TESTS.replace("test_goodbye_is_optional", "test_goodbye_may_be_missing");

const HI_VARIANT = `from fastapi import FastAPI

app = FastAPI()


@app.get("/hello")
def hello():
    return {"message": "hi"}
`;
const SYNTAX_ERROR = "from fastapi import FastAPI\n\napp = FastAPI(\n";

describe("regrade with preview, graded in real containers", () => {
  let exercisesDir: string;
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  let grader: ReturnType<typeof spawnGrader> | undefined;
  let starter: string;
  let solution: string;
  let instructor: SessionUser;
  let otherInstructor: SessionUser;
  let learners: Record<"ada" | "ben" | "cy" | "dee" | "eve", SessionUser>;
  let cohortId: string;

  const callerFor = (user: SessionUser) => createCaller(createContextInner({ db: testDb.db, grading: grading.ports, user }));
  const output = () => grader?.output() ?? "";
  const startGrader = () => (grader = spawnGrader(testDb.url, { EXERCISES_DIR: exercisesDir }));
  const stopGrader = async () => {
    if (!grader) return;
    grader.child.kill("SIGTERM");
    expect(await grader.exited, grader.output()).toBe(0);
    grader = undefined;
  };
  const submitAndGrade = async (learner: SessionUser, content: string) => {
    const submission = await createSubmission(testDb.db, grading.ports, { userId: learner.id, exerciseId: EXERCISE, mode: "submit", files: [{ name: "main.py", content }] });
    return waitForFinal(testDb.db, submission.id, GRADING_TIMEOUT_MS, output);
  };
  const changeHiddenTests = async (content: string) => {
    await writeFile(path.join(exercisesDir, EXERCISE, "tests/hidden/test_greetings.py"), content);
    expect(await syncExercises(testDb.db, exercisesDir)).toMatchObject({ newVersions: 1 });
  };
  const currentVersionId = async () =>
    (await testDb.db.select({ id: schema.exercise.currentVersionId }).from(schema.exercise).where(eq(schema.exercise.id, EXERCISE)))[0]!.id!;

  /** Everything a learner or the gradebook reads about the exercise: it must not move until a preview is applied. */
  const observe = async () => {
    const gradebook = await callerFor(instructor).cohort.gradebook({ cohortId });
    const cells = Object.fromEntries(gradebook.learners.map((learner) => [learner.name, learner.cells[EXERCISE] ?? null]));
    const submissions = await testDb.db
      .select({ id: schema.submission.id, userId: schema.submission.userId, versionId: schema.submission.exerciseVersionId, status: schema.submission.status, score: schema.submission.score })
      .from(schema.submission)
      .orderBy(asc(schema.submission.createdAt), asc(schema.submission.id));
    const testResults = await testDb.db.$count(schema.testResult);
    const learnerViews = await Promise.all(
      Object.values(learners).map(async (learner) => {
        const caller = callerFor(learner);
        const exercise = (await caller.exercise.list()).find((e) => e.id === EXERCISE);
        return { bestScore: exercise?.bestScore, submissions: (await caller.submission.list({ exerciseId: EXERCISE })).map((s) => [s.id, s.score]) };
      }),
    );
    return { cells, submissions, testResults, learnerViews };
  };

  type PanelView = Awaited<ReturnType<ReturnType<typeof callerFor>["regrade"]["preview"]>>;
  /**
   * Reads the panel's live stream until `isDone` holds for a view, calling `onOpen` once the first
   * view arrived (the stream is listening by then); every view it sent is returned.
   */
  const watchUntil = async (caller: ReturnType<typeof callerFor>, isDone: (view: PanelView) => boolean, onOpen?: () => void) => {
    const views: PanelView[] = [];
    const iterator = (await caller.regrade.onPreviewChange({ cohortId, exerciseId: EXERCISE }))[Symbol.asyncIterator]();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the preview did not finish; last view ${JSON.stringify(views.at(-1))}\n${output()}`)), GRADING_TIMEOUT_MS)));
    try {
      for (;;) {
        const next = await Promise.race([iterator.next(), deadline]);
        if (next.done) throw new Error("the stream ended");
        views.push(next.value);
        if (views.length === 1) onOpen?.();
        if (isDone(next.value)) return views;
      }
    } finally {
      clearTimeout(timer);
      await iterator.return?.();
    }
  };

  beforeAll(async () => {
    exercisesDir = await mkdtemp(path.join(os.tmpdir(), "academy-regrade-"));
    await cp(path.join(fixtureExercisesDir, EXERCISE), path.join(exercisesDir, EXERCISE), { recursive: true });
    starter = await readFile(path.join(exercisesDir, EXERCISE, "starter/main.py"), "utf8");
    solution = await readFile(path.join(exercisesDir, EXERCISE, "solution/main.py"), "utf8");
    testDb = await createTestDb();
    await syncExercises(testDb.db, exercisesDir);
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir });

    const seed = async (name: string, role: "learner" | "instructor" = "learner") => toSessionUser(await seedUser(testDb.db, { name, role }));
    instructor = await seed("Instructor Ines", "instructor");
    otherInstructor = await seed("Other Otto", "instructor");
    learners = { ada: await seed("Ada"), ben: await seed("Ben"), cy: await seed("Cy"), dee: await seed("Dee"), eve: await seed("Eve") };
    cohortId = (await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: Object.values(learners).map((l) => l.id) })).id;
    await seedCohort(testDb.db, { instructorId: otherInstructor.id, memberIds: [learners.ada.id] });
    startGrader();
  });
  afterAll(async () => {
    await stopGrader();
    await grading?.close();
    await testDb?.close();
    if (exercisesDir) await rm(exercisesDir, { recursive: true, force: true });
  });

  it("previews a regrade against the new version without changing anything, then applies it as previewed", { timeout: 600_000 }, async () => {
    // v1: Ada the starter (6.67), Ben the solution (10), Cy the solution then a wrong greeting (10, then 3.33), Dee code that does not parse.
    expect(await submitAndGrade(learners.ada, starter)).toMatchObject({ status: "failed", score: 6.67 });
    expect(await submitAndGrade(learners.ben, solution)).toMatchObject({ status: "passed", score: 10 });
    expect(await submitAndGrade(learners.cy, solution)).toMatchObject({ status: "passed", score: 10 });
    expect(await submitAndGrade(learners.cy, HI_VARIANT)).toMatchObject({ status: "failed", score: 3.33 });
    expect((await submitAndGrade(learners.dee, SYNTAX_ERROR)).status).toBe("error");
    const v1 = await currentVersionId();

    const caller = callerFor(instructor);
    expect(await caller.regrade.preview({ cohortId, exerciseId: EXERCISE })).toMatchObject({ learnersWithSubmission: 4, learnersOnOlderVersion: 0, canStartPreview: false, preview: null });
    await expect(caller.regrade.startPreview({ cohortId, exerciseId: EXERCISE })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    await changeHiddenTests(V2_HIDDEN_TESTS);
    const v2 = await currentVersionId();
    expect(v2).not.toBe(v1);
    const before = await observe();
    expect(before.cells).toMatchObject({ Ada: { bestScore: 6.67, attempts: 1 }, Ben: { bestScore: 10 }, Cy: { bestScore: 10, attempts: 2 }, Eve: null });

    // No grader while the preview starts: its gradings wait, and apply is refused meanwhile.
    await stopGrader();
    expect(await caller.regrade.preview({ cohortId, exerciseId: EXERCISE })).toMatchObject({ learnersOnOlderVersion: 4, canStartPreview: true });
    const started = await caller.regrade.startPreview({ cohortId, exerciseId: EXERCISE });
    expect(started).toMatchObject({ exerciseVersionId: v2, total: 4 });
    await expect(caller.regrade.startPreview({ cohortId, exerciseId: EXERCISE })).rejects.toMatchObject({ code: "CONFLICT" });
    const waiting = await caller.regrade.preview({ cohortId, exerciseId: EXERCISE });
    expect(waiting.preview).toMatchObject({ isGrading: true, progress: { graded: 0, total: 4 }, summary: { pending: 4 } });
    await expect(caller.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/still grading \(0 of 4/) });
    const { rows: jobs } = await testDb.db.$client.query<{ priority: number }>("select priority from pgboss.job where data ? 'previewItemId'");
    expect(jobs.map((job) => job.priority)).toEqual([0, 0, 0, 0]);

    // The panel's stream brings each grading as it ends, through the notify path.
    const views = await watchUntil(caller, (view) => view.preview?.isGrading === false, startGrader);
    expect(views[0]!.preview!.progress.graded).toBe(0);
    const graded = views.map((view) => view.preview!.progress.graded);
    expect(graded).toEqual([...graded].sort((a, b) => a - b));
    const preview = views.at(-1)!.preview!;
    expect(preview).toMatchObject({ id: started.id, progress: { graded: 4, total: 4 }, summary: { up: 1, down: 0, unchanged: 2, errors: 1, pending: 0 } });
    const row = (name: string) => preview.learners.find((learner) => learner.name === name);
    expect(row("Ada")).toMatchObject({ previousScore: 6.67, newScore: 10, currentBest: 6.67, projectedBest: 10, change: 3.33, outcome: "up", sourceVersionId: v1 });
    expect(row("Ben")).toMatchObject({ previousScore: 10, newScore: 10, currentBest: 10, projectedBest: 10, change: 0, outcome: "unchanged" });
    // Cy's latest goes from 3.33 to 6.67, but the gradebook's best was her earlier 10 and stays so.
    expect(row("Cy")).toMatchObject({ previousScore: 3.33, newScore: 6.67, currentBest: 10, projectedBest: 10, change: 0, outcome: "unchanged" });
    expect(row("Dee")).toMatchObject({ status: "error", outcome: "error" });
    expect(row("Eve")).toBeUndefined();
    expect(JSON.stringify(views)).not.toMatch(/test_goodbye_is_optional|status_code in/);

    // Nothing a learner or the gradebook reads has moved.
    expect(await observe()).toEqual(before);

    // Only this cohort's instructors may see or act on it.
    for (const outsider of [otherInstructor, learners.ada]) {
      const refused = callerFor(outsider);
      await expect(refused.regrade.preview({ cohortId, exerciseId: EXERCISE })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(refused.regrade.onPreviewChange({ cohortId, exerciseId: EXERCISE })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(refused.regrade.startPreview({ cohortId, exerciseId: EXERCISE })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(refused.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(refused.regrade.discardPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(caller.regrade.applyPreview({ cohortId: "not-a-uuid", previewId: started.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await observe()).toEqual(before);

    const applied = await caller.regrade.applyPreview({ cohortId, previewId: started.id });
    expect(applied.applied + applied.skipped).toBe(4);
    expect(applied.applied).toBeGreaterThanOrEqual(3);
    await expect(caller.regrade.applyPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "CONFLICT" });

    // Every best score is now what the preview said it would be; the old submissions keep their version and score.
    const after = await observe();
    for (const learner of preview.learners) expect(after.cells[learner.name]?.bestScore ?? null).toBe(learner.projectedBest);
    expect(after.cells.Eve).toBeNull();
    expect(after.submissions.slice(0, before.submissions.length)).toEqual(before.submissions);
    const recorded = after.submissions.slice(before.submissions.length);
    expect(recorded).toHaveLength(applied.applied);
    expect(new Set(recorded.map((submission) => submission.versionId))).toEqual(new Set([v2]));
    expect(recorded.find((submission) => submission.userId === learners.ada.id)).toMatchObject({ status: "passed", score: 10 });
    expect(after.testResults).toBeGreaterThan(before.testResults);
    const items = await testDb.db.select().from(schema.regradePreviewItem).where(eq(schema.regradePreviewItem.previewId, started.id));
    expect(items.filter((item) => item.appliedSubmissionId).map((item) => item.appliedSubmissionId).sort()).toEqual(recorded.map((s) => s.id).sort());
    const adaView = after.learnerViews[Object.keys(learners).indexOf("ada")]!;
    expect(adaView.bestScore).toBe(10);

    // Every latest submission is now on the current version: nothing left to preview.
    expect(await caller.regrade.preview({ cohortId, exerciseId: EXERCISE })).toMatchObject({ learnersOnOlderVersion: 0, canStartPreview: false, preview: null });
  });

  it("discards a preview, still grading, and leaves everything as it was", { timeout: 600_000 }, async () => {
    await changeHiddenTests(V3_HIDDEN_TESTS);
    const caller = callerFor(instructor);
    const before = await observe();
    const started = await caller.regrade.startPreview({ cohortId, exerciseId: EXERCISE });
    expect(started.total).toBeGreaterThan(0);
    const discarded = await caller.regrade.discardPreview({ cohortId, previewId: started.id });
    expect(discarded).toEqual({ previewId: started.id });
    await expect(caller.regrade.discardPreview({ cohortId, previewId: started.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A job a grader took before the discard finds its item gone and stores nothing.
    await waitFor(
      async () => {
        const { rows } = await testDb.db.$client.query("select 1 from pgboss.job where data ? 'previewItemId' and state in ('created', 'retry', 'active')");
        return rows.length === 0;
      },
      GRADING_TIMEOUT_MS,
      "the discarded preview's jobs to end",
    );
    expect(await testDb.db.$count(schema.regradePreview, eq(schema.regradePreview.id, started.id))).toBe(0);
    expect(await testDb.db.$count(schema.regradePreviewItem, eq(schema.regradePreviewItem.previewId, started.id))).toBe(0);
    expect(await observe()).toEqual(before);
    expect(await caller.regrade.preview({ cohortId, exerciseId: EXERCISE })).toMatchObject({ canStartPreview: true, preview: null });
  });

  it("grades a practice submission next when it arrives behind a burst of regrade gradings", { timeout: 600_000 }, async () => {
    // A second cohort of 12 learners whose latest submissions were graded against an older version.
    const oldVersionId = (await testDb.db.select({ id: schema.exerciseVersion.id }).from(schema.exerciseVersion).where(eq(schema.exerciseVersion.exerciseId, EXERCISE)).orderBy(asc(schema.exerciseVersion.createdAt)))[0]!.id;
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => seedUser(testDb.db, { name: `Crowd ${i}` })));
    for (const learner of crowd) {
      await seedSubmission(testDb.db, { userId: learner.id, exerciseId: EXERCISE, exerciseVersionId: oldVersionId, files: [{ name: "main.py", content: starter }], status: "failed", score: 6.67, maxScore: 10 });
    }
    const burstCohortId = (await seedCohort(testDb.db, { instructorId: instructor.id, memberIds: crowd.map((l) => l.id) })).id;
    const started = await callerFor(instructor).regrade.startPreview({ cohortId: burstCohortId, exerciseId: EXERCISE });
    expect(started.total).toBe(12);

    // Once the grader is busy with the burst, a learner submits for practice.
    await waitFor(
      async () => (await testDb.db.$count(schema.regradePreviewItem, eq(schema.regradePreviewItem.status, "running"))) > 0,
      GRADING_TIMEOUT_MS,
      "a preview grading to start",
    );
    const practice = await createSubmission(testDb.db, grading.ports, { userId: learners.eve.id, exerciseId: EXERCISE, mode: "submit", files: [{ name: "main.py", content: solution }] });
    expect((await waitForFinal(testDb.db, practice.id, GRADING_TIMEOUT_MS, output)).status).toBe("passed");

    const { rows } = await testDb.db.$client.query<{ kind: string; created_on: Date; started_on: Date | null }>(
      `select case when data ? 'previewItemId' then 'preview' else 'practice' end as kind, created_on, started_on
       from pgboss.job where data->>'submissionId' = $1 or data->>'previewItemId' in (select i.id::text from regrade_preview_item i join regrade_preview p on p.id = i.preview_id where p.cohort_id = $2)`,
      [practice.id, burstCohortId],
    );
    const practiceJob = rows.find((row) => row.kind === "practice")!;
    const previews = rows.filter((row) => row.kind === "preview");
    const startedBefore = (instant: Date) => previews.filter((row) => row.started_on && row.started_on < instant).length;
    // The test means something only if previews were still waiting when the practice submission came.
    expect(previews.length - startedBefore(practiceJob.created_on)).toBeGreaterThan(0);
    // No preview grading started between the practice submission's arrival and its start: it waited for the one running at most.
    expect(startedBefore(practiceJob.started_on!)).toBe(startedBefore(practiceJob.created_on));

    await callerFor(instructor).regrade.discardPreview({ cohortId: burstCohortId, previewId: started.id });
  });
});
