import { schema } from "@academy/db";
import { createTestDb, seedCohort, seedExercise, seedSubmission, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

/**
 * A learner in two cohorts, A and B, each with its own instructor: A's instructor sees the
 * learner's practice, the mock exam and A's own exams and team work, never B's.
 */
describe("a cohort's instructor sees none of a learner's work for another cohort", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it("keeps another cohort's exam attempts, exam submissions and team submissions out of learnerActivity, submission and addComment", async () => {
    const { db } = testDb;
    const teacherA = await seedUser(db, { role: "instructor" });
    const teacherB = await seedUser(db, { role: "instructor" });
    const learner = await seedUser(db);
    const cohortA = await seedCohort(db, { instructorId: teacherA.id, memberIds: [learner.id] });
    const cohortB = await seedCohort(db, { instructorId: teacherB.id, memberIds: [learner.id] });
    const exercise = await seedExercise(db);
    const now = Date.now();

    const seedExam = async (kind: "mock" | "exam", cohortId: string | null) => {
      const [exam] = await db
        .insert(schema.exam)
        .values({ title: `${kind} ${cohortId ?? "standing"}`, kind, blueprint: {}, cohortId, opensAt: new Date(now - 7_200_000), closesAt: new Date(now - 3_600_000) })
        .returning({ id: schema.exam.id });
      const [attempt] = await db
        .insert(schema.examAttempt)
        .values({ examId: exam!.id, userId: learner.id, status: "submitted", seed: "seed", questionIds: [], choiceOrders: {}, exerciseIds: [exercise.id], score: 7.5, maxScore: 10, deadlineAt: new Date(now - 3_600_000), submittedAt: new Date(now - 3_600_000) })
        .returning({ id: schema.examAttempt.id });
      const partB = await seedSubmission(db, { userId: learner.id, exerciseId: exercise.id, examAttemptId: attempt!.id, status: "passed", score: 10, maxScore: 10 });
      return { attemptId: attempt!.id, partBId: partB.id };
    };
    const seedTeamSubmission = async (cohortId: string, createdBy: string) => {
      const [project] = await db
        .insert(schema.cohortProject)
        .values({ cohortId, exerciseId: exercise.id, title: "Project", startsAt: new Date(now), minTeamSize: 1, maxTeamSize: 3, createdBy })
        .returning({ id: schema.cohortProject.id });
      const [team] = await db.insert(schema.team).values({ projectId: project!.id, name: "Team", joinCode: `code-${crypto.randomUUID()}` }).returning({ id: schema.team.id });
      const [teamProject] = await db.insert(schema.teamProject).values({ teamId: team!.id }).returning({ id: schema.teamProject.id });
      return (await seedSubmission(db, { userId: learner.id, exerciseId: exercise.id, teamProjectId: teamProject!.id, status: "failed", score: 2, maxScore: 10 })).id;
    };

    const practice = await seedSubmission(db, { userId: learner.id, exerciseId: exercise.id, status: "passed", score: 10, maxScore: 10 });
    const mock = await seedExam("mock", null);
    const examA = await seedExam("exam", cohortA.id);
    const examB = await seedExam("exam", cohortB.id);
    const teamA = await seedTeamSubmission(cohortA.id, teacherA.id);
    const teamB = await seedTeamSubmission(cohortB.id, teacherB.id);

    const expectations = [
      { teacher: teacherA, cohortId: cohortA.id, own: { exam: examA, team: teamA }, other: { exam: examB, team: teamB } },
      { teacher: teacherB, cohortId: cohortB.id, own: { exam: examB, team: teamB }, other: { exam: examA, team: teamA } },
    ];
    for (const { teacher, cohortId, own, other } of expectations) {
      const cohort = createTestCaller(db, teacher).cohort;
      const activity = await cohort.learnerActivity({ cohortId, learnerId: learner.id });
      expect(activity.examAttempts.map((a) => a.id).sort()).toEqual([mock.attemptId, own.exam.attemptId].sort());
      expect(activity.submissions.map((s) => s.id).sort()).toEqual([practice.id, mock.partBId, own.exam.partBId, own.team].sort());
      for (const submissionId of [practice.id, mock.partBId, own.exam.partBId, own.team]) {
        expect((await cohort.submission({ cohortId, submissionId })).submission.id).toBe(submissionId);
      }
      // The diff compares with the learner's previous attempt this cohort may see, never the other's (seeded in between).
      expect((await cohort.submission({ cohortId, submissionId: own.team })).previous?.id).toBe(own.exam.partBId);
      for (const submissionId of [other.exam.partBId, other.team]) {
        await expect(cohort.submission({ cohortId, submissionId })).rejects.toMatchObject({ code: "NOT_FOUND" });
        await expect(cohort.addComment({ cohortId, submissionId, body: "Seen" })).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    }
    expect(await db.select({ id: schema.submissionComment.id }).from(schema.submissionComment)).toEqual([]);
  });
});
