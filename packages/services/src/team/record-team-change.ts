import type { Db } from "@academy/db";
import { schema } from "@academy/db";
import { notifyTeamChanged, type TeamChangeEvent } from "@academy/submission-lifecycle";

type TeamChange = Omit<TeamChangeEvent, "at"> & { summary: string; detail?: Record<string, unknown> };

/**
 * The feed's row and the members' live event of one change, in the transaction that made it: both
 * exist exactly when the change committed.
 */
export async function recordTeamChange(tx: Db, change: TeamChange) {
  const { summary, detail, ...event } = change;
  const [row] = await tx
    .insert(schema.teamActivity)
    .values({ teamId: event.teamId, actorId: event.actorId, kind: event.kind, summary, detail: { ...detail, ...pickIds(event) } })
    .returning({ createdAt: schema.teamActivity.createdAt });
  await notifyTeamChanged(tx, { ...event, at: row!.createdAt.toISOString() });
}

function pickIds(event: Omit<TeamChangeEvent, "at">) {
  const { teamId: _teamId, kind: _kind, actorId: _actorId, ...ids } = event;
  return ids;
}
