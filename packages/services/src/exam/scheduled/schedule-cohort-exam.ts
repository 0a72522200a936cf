import { examBlueprint } from "@academy/content";
import type { Db, DbExecutor } from "@academy/db";
import { and, eq, gt, inArray, schema } from "@academy/db";

import type { CohortViewer } from "../../cohort/cohort-access";
import { findTaughtCohort } from "../../cohort/cohort-access";
import { DomainError } from "../../domain-error";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import { findTaughtCohortExam } from "./cohort-exam-access";

const { exam, examExtraTime, cohortMembership } = schema;

export type CohortExamSettings = {
  title: string;
  opensAt: Date;
  closesAt: Date;
  durationMinutes: number;
  /** Extra minutes by learner; a learner left out has none. */
  extraTime: { userId: string; minutes: number }[];
};

function assertWindow(settings: CohortExamSettings, now: Date) {
  if (settings.opensAt.getTime() >= settings.closesAt.getTime()) {
    throw new DomainError("BAD_REQUEST", "The exam must open before it closes: set the closing time after the opening time.");
  }
  if (settings.closesAt.getTime() <= now.getTime()) {
    throw new DomainError("BAD_REQUEST", "The closing time has already passed: choose a window that ends in the future.");
  }
}

async function assertLearnersOfCohort(db: Db, cohortId: string, extraTime: CohortExamSettings["extraTime"]) {
  const userIds = [...new Set(extraTime.map((entry) => entry.userId))];
  if (userIds.length !== extraTime.length) throw new DomainError("BAD_REQUEST", "Give each learner's extra time once.");
  if (userIds.length === 0) return;
  const learners = await db
    .select({ userId: cohortMembership.userId })
    .from(cohortMembership)
    .where(and(eq(cohortMembership.cohortId, cohortId), eq(cohortMembership.role, "learner"), inArray(cohortMembership.userId, userIds)));
  if (learners.length !== userIds.length) {
    throw new DomainError("BAD_REQUEST", "Extra time can only be given to learners of this cohort: reload the page to see its learners.");
  }
}

async function replaceExtraTime(tx: DbExecutor, examId: string, extraTime: CohortExamSettings["extraTime"]) {
  await tx.delete(examExtraTime).where(eq(examExtraTime.examId, examId));
  const given = extraTime.filter((entry) => entry.minutes > 0);
  if (given.length > 0) await tx.insert(examExtraTime).values(given.map((entry) => ({ examId, userId: entry.userId, minutes: entry.minutes })));
}

/** An instructor of the cohort schedules an exam on the mock's blueprint, for the cohort's learners, inside a window. */
export async function scheduleCohortExam(
  db: Db,
  input: CohortExamSettings & { cohortId: string; viewer: CohortViewer },
  clock: Clock = systemClock,
) {
  const cohort = await findTaughtCohort(db, input.cohortId, input.viewer);
  if (cohort.archivedAt) throw new DomainError("PRECONDITION_FAILED", "This cohort is archived: exams can no longer be scheduled for it.");
  assertWindow(input, clock());
  await assertLearnersOfCohort(db, cohort.id, input.extraTime);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(exam)
      .values({
        title: input.title,
        kind: "exam",
        cohortId: cohort.id,
        durationMinutes: input.durationMinutes,
        blueprint: examBlueprint,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        createdById: input.viewer.id,
      })
      .returning({ id: exam.id });
    await replaceExtraTime(tx, created!.id, input.extraTime);
    return { examId: created!.id };
  });
}

/** Changes a scheduled exam's settings; only before it opens, since learners may be sitting it after. */
export async function updateCohortExam(
  db: Db,
  input: CohortExamSettings & { examId: string; viewer: CohortViewer },
  clock: Clock = systemClock,
) {
  const { exam: current } = await findTaughtCohortExam(db, input.examId, input.viewer);
  const now = clock();
  if (current.opensAt.getTime() <= now.getTime()) {
    throw new DomainError("PRECONDITION_FAILED", "This exam has already opened, so its settings can no longer change.");
  }
  assertWindow(input, now);
  await assertLearnersOfCohort(db, current.cohortId, input.extraTime);
  return db.transaction(async (tx) => {
    // Holds only while the exam has not opened: an edit racing another that opened it loses.
    const updated = await tx
      .update(exam)
      .set({ title: input.title, opensAt: input.opensAt, closesAt: input.closesAt, durationMinutes: input.durationMinutes })
      .where(and(eq(exam.id, current.id), gt(exam.opensAt, now)))
      .returning({ id: exam.id });
    if (updated.length === 0) throw new DomainError("CONFLICT", "This exam opened meanwhile, so its settings can no longer change.");
    await replaceExtraTime(tx, current.id, input.extraTime);
    return { examId: current.id };
  });
}
