import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";
import { isFinalStatus, type StatusListener, type TeamChangeEvent } from "@academy/submission-lifecycle";

import { findViewableTeam, type TeamViewer } from "./team-access";
import type { TeamListener } from "./team-listener";

export type TeamWatchEvent =
  | { kind: "ready" }
  | { kind: "resync" }
  | { kind: "change"; change: TeamChangeEvent }
  | { kind: "milestone.graded"; submissionId: string; milestoneKey: string | null; status: string };

/**
 * A team's changes as they happen, for its members (and its instructors): each board, code or
 * milestone change its NOTIFY announced, and the final status of each of its milestone submissions,
 * which the grader announces on the submission channel and is mapped here to the team (one lookup by
 * primary key per finished grading). "ready" comes once listening has started, "resync" after a
 * reconnect: on both the page reads everything again, so nothing missed stays stale.
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
  const findOwnSubmission = async (submissionId: string) => {
    const [row] = await db
      .select({ milestoneKey: schema.submission.milestoneKey })
      .from(schema.submission)
      .where(and(eq(schema.submission.id, submissionId), eq(schema.submission.teamProjectId, team.teamProjectId)));
    return row;
  };
  void (async () => {
    try {
      for (let next = await statusEvents.next(); !next.done; next = await statusEvents.next()) {
        const event = next.value;
        if (event.kind === "resync") push({ kind: "resync" });
        else if (isFinalStatus(event.status)) {
          const own = await findOwnSubmission(event.submissionId);
          if (own) push({ kind: "milestone.graded", submissionId: event.submissionId, milestoneKey: own.milestoneKey, status: event.status });
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
