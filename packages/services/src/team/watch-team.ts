import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";
import { isFinalStatus, type StatusListener, type TeamChangeEvent } from "@academy/submission-lifecycle";

import { DomainError } from "../domain-error";
import { findViewableTeam, type TeamViewer } from "./team-access";
import type { TeamListener } from "./team-listener";

/** How long a finished submission's team stays remembered: every open stream asks within moments of its NOTIFY. */
const SUBMISSION_TEAM_MEMORY_MS = 10_000;
const submissionTeams = new Map<string, Promise<{ teamProjectId: string | null; milestoneKey: string | null } | undefined>>();

/**
 * The team project a submission belongs to, read once per process however many team streams are
 * open when its grading finishes (each stream asks; the first read is shared).
 */
function findSubmissionTeam(db: Db, submissionId: string) {
  let found = submissionTeams.get(submissionId);
  if (!found) {
    found = db
      .select({ teamProjectId: schema.submission.teamProjectId, milestoneKey: schema.submission.milestoneKey })
      .from(schema.submission)
      .where(eq(schema.submission.id, submissionId))
      .then(([row]) => row);
    submissionTeams.set(submissionId, found);
    setTimeout(() => submissionTeams.delete(submissionId), SUBMISSION_TEAM_MEMORY_MS).unref();
    found.catch(() => submissionTeams.delete(submissionId));
  }
  return found;
}

export type TeamWatchEvent =
  | { kind: "ready" }
  | { kind: "resync" }
  | { kind: "change"; change: TeamChangeEvent }
  | { kind: "milestone.graded"; submissionId: string; milestoneKey: string | null; status: string };

/** An event after which the viewer may no longer see the team: a member left or was removed, or events were missed. */
function mayChangeAccess(event: TeamWatchEvent) {
  return event.kind === "resync" || (event.kind === "change" && event.change.kind.startsWith("member."));
}

async function canStillView(db: Db, teamId: string, viewer: TeamViewer) {
  try {
    await findViewableTeam(db, teamId, viewer);
    return true;
  } catch (error) {
    if (error instanceof DomainError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return false;
    throw error;
  }
}

/**
 * A team's changes as they happen, for its members (and its instructors): each board, code or
 * milestone change its NOTIFY announced, and the final status of each of its milestone submissions,
 * which the grader announces on the submission channel and is mapped here to the team (one lookup by
 * primary key per finished grading and process, shared by the open streams). "ready" comes once listening has started, "resync" after a
 * reconnect: on both the page reads everything again, so nothing missed stays stale. Access is checked
 * again on each membership change and each resync, and the stream ends once the viewer may no longer
 * see the team (a learner removed from it or from its cohort).
 */
export async function watchTeam(db: Db, ports: { teams: TeamListener; statusListener: StatusListener }, input: { teamId: string; viewer: TeamViewer }, signal?: AbortSignal) {
  const { team } = await findViewableTeam(db, input.teamId, input.viewer);
  const queue: TeamWatchEvent[] = [];
  let wake: (() => void) | undefined;
  const push = (event: TeamWatchEvent) => {
    queue.push(event);
    wake?.();
  };
  const controller = new AbortController();
  const stop = () => {
    controller.abort();
    wake?.();
  };
  signal?.addEventListener("abort", stop);
  const unsubscribe = ports.teams.watch(team.id, { onChange: (change) => push({ kind: "change", change }), onResync: () => push({ kind: "resync" }) });
  const statusEvents = ports.statusListener.watch(controller.signal);
  void (async () => {
    try {
      for (let next = await statusEvents.next(); !next.done; next = await statusEvents.next()) {
        const event = next.value;
        if (event.kind === "resync") push({ kind: "resync" });
        else if (isFinalStatus(event.status)) {
          const own = await findSubmissionTeam(db, event.submissionId);
          if (own?.teamProjectId === team.teamProjectId) push({ kind: "milestone.graded", submissionId: event.submissionId, milestoneKey: own.milestoneKey, status: event.status });
        }
      }
    } catch {
      // The watch was aborted: nothing more to map.
    }
  })();
  return (async function* (): AsyncGenerator<TeamWatchEvent> {
    try {
      yield { kind: "ready" };
      while (!controller.signal.aborted) {
        const next = queue.shift();
        if (next) {
          if (mayChangeAccess(next) && !(await canStillView(db, team.id, input.viewer))) return;
          yield next;
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      unsubscribe();
      stop();
      signal?.removeEventListener("abort", stop);
    }
  })();
}
