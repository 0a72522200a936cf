import { listenToChannel, TEAM_CHANNEL, type Logger, type TeamChangeEvent } from "@academy/submission-lifecycle";
import { z } from "zod";

const teamEventSchema = z.object({
  teamId: z.string(),
  kind: z.string(),
  actorId: z.string().nullable(),
  at: z.string(),
  taskId: z.string().optional(),
  fileName: z.string().optional(),
  version: z.number().optional(),
  milestoneKey: z.string().optional(),
  submissionId: z.string().optional(),
});

function decodeTeamEvent(payload: string | undefined): TeamChangeEvent | null {
  try {
    const parsed = teamEventSchema.safeParse(JSON.parse(payload ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

type TeamWatcher = { onChange: (event: TeamChangeEvent) => void; onResync: () => void };

/**
 * One LISTEN connection per process for every team's changes, fanned out by team to the members'
 * open streams. After a reconnect every stream is told to read again: changes sent meanwhile were missed.
 */
export async function createTeamListener(connectionString: string, options: { logger?: Logger } = {}) {
  const watchers = new Map<string, Set<TeamWatcher>>();
  const listener = await listenToChannel({
    connectionString,
    channel: TEAM_CHANNEL,
    logger: options.logger,
    onNotification: (payload) => {
      const event = decodeTeamEvent(payload);
      if (event) for (const watcher of [...(watchers.get(event.teamId) ?? [])]) watcher.onChange(event);
    },
    onReconnected: () => [...watchers.values()].flatMap((set) => [...set]).forEach((watcher) => watcher.onResync()),
  });
  return {
    /** Calls back on every change of the team until the returned function is called. */
    watch(teamId: string, watcher: TeamWatcher): () => void {
      const set = watchers.get(teamId) ?? new Set();
      set.add(watcher);
      watchers.set(teamId, set);
      return () => {
        set.delete(watcher);
        if (set.size === 0) watchers.delete(teamId);
      };
    },
    close: () => listener.close(),
  };
}

export type TeamListener = Pick<Awaited<ReturnType<typeof createTeamListener>>, "watch">;
