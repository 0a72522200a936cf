import { EXAM_ATTEMPT_CHANNEL, listenToChannel } from "@academy/submission-lifecycle";
import type { Logger } from "@academy/submission-lifecycle";

type ChangeCallback = () => void;

function readExamId(payload: string | undefined): string | null {
  try {
    const parsed: unknown = JSON.parse(payload ?? "");
    const examId = (parsed as { examId?: unknown } | null)?.examId;
    return typeof examId === "string" ? examId : null;
  } catch {
    return null;
  }
}

/**
 * One LISTEN connection per web process for exam attempts' starts and ends, fanned out by exam to
 * the open rosters. After a reconnect every roster is told to read again, since changes sent
 * meanwhile were missed.
 */
export async function createExamAttemptListener(connectionString: string, options: { logger?: Logger } = {}) {
  const callbacksByExam = new Map<string, Set<ChangeCallback>>();
  const notify = (callbacks: Iterable<ChangeCallback>) => {
    for (const callback of callbacks) callback();
  };
  const listener = await listenToChannel({
    connectionString,
    channel: EXAM_ATTEMPT_CHANNEL,
    logger: options.logger,
    onNotification: (payload) => {
      const examId = readExamId(payload);
      const callbacks = examId ? callbacksByExam.get(examId) : undefined;
      if (callbacks) notify([...callbacks]);
    },
    onReconnected: () => notify([...callbacksByExam.values()].flatMap((callbacks) => [...callbacks])),
  });
  return {
    /** Calls back on every change of the exam's attempts until the returned function is called. */
    onExamChange(examId: string, callback: ChangeCallback): () => void {
      const callbacks = callbacksByExam.get(examId) ?? new Set<ChangeCallback>();
      callbacks.add(callback);
      callbacksByExam.set(examId, callbacks);
      return () => {
        callbacks.delete(callback);
        if (callbacks.size === 0 && callbacksByExam.get(examId) === callbacks) callbacksByExam.delete(examId);
      };
    },
    close: () => listener.close(),
  };
}

export type ExamAttemptListener = Pick<Awaited<ReturnType<typeof createExamAttemptListener>>, "onExamChange">;
