import { randomUUID } from "node:crypto";

import { startRestartablePostgres } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Logger } from "./logger";
import { notifySubmissionStatus } from "./notify";
import type { StatusEvent } from "./status-event";
import { createStatusListener, type WatchedEvent } from "./status-listener";

/** The next event, or a failure naming what did not come. */
async function nextWithin(events: AsyncIterator<WatchedEvent>, ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms)));
  try {
    return (await Promise.race([events.next(), timeout])).value as WatchedEvent;
  } finally {
    clearTimeout(timer);
  }
}

function recordingLogger() {
  const lines: string[] = [];
  const record = (fields: Record<string, unknown>) => void lines.push(String(fields.msg));
  const logger: Logger = { info: record, warn: record, error: record };
  const waitForLine = async (msg: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!lines.includes(msg)) {
      if (Date.now() > deadline) throw new Error(`no "${msg}" within ${timeoutMs} ms; logged: ${lines.join(" | ")}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { logger, lines, waitForLine };
}

describe("the status listener across a Postgres restart", () => {
  let server: Awaited<ReturnType<typeof startRestartablePostgres>>;
  beforeAll(async () => {
    server = await startRestartablePostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it("listens again after failed reconnects, tells watchers to read again, and delivers later changes", async () => {
    const { logger, lines, waitForLine } = recordingLogger();
    const listener = await createStatusListener(server.url, { logger });
    try {
      const events = listener.watch();
      await server.stop();
      // The server stays down until the listener has tried and failed at least once.
      await waitForLine("listen reconnect failed; trying again", 30_000);
      await server.start();
      expect(await nextWithin(events, 60_000, "resync after the restart")).toEqual({ kind: "resync" });
      expect(lines).toContain("listening again");

      const event: StatusEvent = { submissionId: randomUUID(), userId: "u1", status: "passed" };
      await notifySubmissionStatus(server.db, event);
      expect(await nextWithin(events, 10_000, "status event")).toEqual({ kind: "status", ...event });
    } finally {
      await listener.close();
    }
  }, 120_000);
});
