import { sql, type Db, type SqlExecutor } from "@academy/db";

import { EXAM_ATTEMPT_CHANNEL, GRADING_ENQUEUED_CHANNEL, REGRADE_PREVIEW_CHANNEL, SUBMISSION_STATUS_CHANNEL, TEAM_CHANNEL } from "./channels";
import { encodeStatusEvent, type StatusEvent } from "./status-event";

/**
 * Tells every listener (the learners' browsers, through the web app) of a status change. NOTIFY
 * is transactional: sent in the transaction that stores the status, it goes out when that commits,
 * and never for a change rolled back.
 */
export async function notifySubmissionStatus(tx: Pick<Db, "execute">, event: StatusEvent) {
  await tx.execute(sql`select pg_notify(${SUBMISSION_STATUS_CHANNEL}, ${encodeStatusEvent(event)})`);
}

/** Wakes idle graders; sent in the enqueuing transaction, so it goes out with the job or not at all. */
export async function notifyGradingEnqueued(executor: SqlExecutor) {
  await executor.executeSql("select pg_notify($1, '')", [GRADING_ENQUEUED_CHANNEL]);
}

/** Tells the live rosters that an exam attempt started or ended; sent in the transaction that stores the change. */
export async function notifyExamAttemptChanged(tx: Pick<Db, "execute">, event: { examId: string; attemptId: string }) {
  await tx.execute(sql`select pg_notify(${EXAM_ATTEMPT_CHANNEL}, ${JSON.stringify({ examId: event.examId, attemptId: event.attemptId })})`);
}

export type RegradePreviewEvent = { cohortId: string; exerciseId: string };

/** Tells the instructors watching a cohort's exercise that its preview changed; sent in the transaction that changed it. */
export async function notifyRegradePreview(tx: Pick<Db, "execute">, event: RegradePreviewEvent) {
  await tx.execute(sql`select pg_notify(${REGRADE_PREVIEW_CHANNEL}, ${JSON.stringify({ cohortId: event.cohortId, exerciseId: event.exerciseId })})`);
}

/** A change on a team's board, code or milestones: what changed and who changed it, so members' views update without asking. */
export type TeamChangeEvent = {
  teamId: string;
  kind: string;
  actorId: string | null;
  at: string;
  taskId?: string;
  fileName?: string;
  version?: number;
  milestoneKey?: string;
  submissionId?: string;
};

/** Tells the team's members of a change; sent in the transaction that made it (with its activity row), so a rolled-back change is never announced. */
export async function notifyTeamChanged(tx: Pick<Db, "execute">, event: TeamChangeEvent) {
  await tx.execute(sql`select pg_notify(${TEAM_CHANNEL}, ${JSON.stringify(event)})`);
}
