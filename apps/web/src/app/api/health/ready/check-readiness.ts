import type { Db } from "@academy/db";
import { sql } from "@academy/db";

/** Well under a probe's own timeout (often 5 s in orchestrators), well over a healthy `select 1`. */
export const READY_TIMEOUT_MS = 2_000;

const NO_STORE = { "cache-control": "no-store" };

/**
 * One `select 1` at a time per pool: while the database hangs, each probe joins the query already
 * waiting instead of queueing another behind it, so probes during an outage cost nothing more.
 */
const pendingChecks = new WeakMap<Db, Promise<void>>();

function selectOne(db: Db) {
  let pending = pendingChecks.get(db);
  if (!pending) {
    pending = db
      .execute(sql`select 1`)
      .then(() => undefined)
      .finally(() => pendingChecks.delete(db));
    pendingChecks.set(db, pending);
  }
  return pending;
}

/** Drizzle wraps the driver's error (ECONNREFUSED, a Postgres SQLSTATE) as its cause. */
const driverError = (error: unknown) => (error instanceof Error && error.cause instanceof Error ? error.cause : error);

/** Why the check failed, without the database's address or credentials: the endpoint needs no sign-in. */
function describeFailure(error: unknown) {
  const code = (driverError(error) as { code?: unknown }).code;
  return typeof code === "string" ? `the database could not be queried (${code})` : "the database could not be queried";
}

let wasReady = true;

function logTransition(isReady: boolean, detail?: string) {
  if (isReady === wasReady) return;
  wasReady = isReady;
  console.warn(JSON.stringify({ level: isReady ? "info" : "warn", msg: isReady ? "ready again: the database answers" : "not ready", detail }));
}

export async function checkReadiness(db: Db, timeoutMs = READY_TIMEOUT_MS): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutMs)));
  try {
    if ((await Promise.race([selectOne(db), timedOut])) === "timeout") {
      const reason = `the database did not answer within ${timeoutMs} ms`;
      logTransition(false, reason);
      return Response.json({ status: "unavailable", reason }, { status: 503, headers: NO_STORE });
    }
    logTransition(true);
    return Response.json({ status: "ready" }, { headers: NO_STORE });
  } catch (error) {
    logTransition(false, String(driverError(error)));
    return Response.json({ status: "unavailable", reason: describeFailure(error) }, { status: 503, headers: NO_STORE });
  } finally {
    clearTimeout(timer);
  }
}
