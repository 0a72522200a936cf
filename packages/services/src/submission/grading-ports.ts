import type { SqlExecutor } from "@academy/db";
import type { GradingLane } from "@academy/queue";
import type { StatusListener } from "@academy/submission-lifecycle";

import type { RegradePorts } from "../regrade/regrade-ports";
import type { TeamListener } from "../team/team-listener";

/** What the submission services need beyond the database; the web app and tests build real ones. */
export type GradingPorts = {
  exercisesDir: string;
  /** `requestId`: the web request behind the submission, carried in the job so the grader logs it. */
  enqueue: (submissionId: string, lane: GradingLane, executor: SqlExecutor, requestId?: string) => Promise<unknown>;
  statusListener: StatusListener;
  limits: SubmissionLimits;
  /** Regrade previews: their jobs (regrade lane) and the one listener for their progress. */
  regrade: RegradePorts;
  /** The process's one listener for team changes (boards, code, milestones), fanned out to members' streams. */
  teams: TeamListener;
};

export type SubmissionLimits = {
  /** Per learner: enough to iterate quickly, too few to flood the grader. */
  maxPerMinute: number;
  /** Queued submissions across everyone; past this, new ones are refused rather than lost in a huge wait. */
  maxBacklog: number;
};

export const defaultSubmissionLimits: SubmissionLimits = { maxPerMinute: 10, maxBacklog: 500 };
