import type { Db } from "@academy/db";
import { eq, lt, or, schema } from "@academy/db";

/** Unsuccessful sign-ins in a row that one account allows before it has to wait. */
export const FREE_SIGN_IN_FAILURES = 5;
/** The wait doubles from one minute with each further failure, up to this. */
export const MAX_SIGN_IN_LOCKOUT_MINUTES = 15;
/** An hour without attempts forgives earlier failures (a person who mistyped last week starts afresh). */
export const SIGN_IN_FAILURES_FORGOTTEN_AFTER_MINUTES = 60;

const MINUTE_MS = 60_000;

export type SignInRefusal = { lockedUntil: Date; retryAfterSeconds: number; message: string };

/** Emails differing only in case or surrounding spaces are one account, so they share one counter. */
export function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

/** Minutes an account waits after its `attempts`-th unsuccessful sign-in in a row: 0, then 1, 2, 4, 8, 15, 15 … */
export function lockoutMinutesAfter(attempts: number) {
  if (attempts < FREE_SIGN_IN_FAILURES) return 0;
  return Math.min(2 ** (attempts - FREE_SIGN_IN_FAILURES), MAX_SIGN_IN_LOCKOUT_MINUTES);
}

function describeRefusal(lockedUntil: Date, now: Date): SignInRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const message = `Too many failed sign-ins for this account. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return { lockedUntil, retryAfterSeconds, message };
}

/**
 * Counts a sign-in attempt as unsuccessful before its password is checked, or refuses it while the
 * account waits. Counting first (under a row lock) means parallel guesses cannot all pass the check
 * before any failure is recorded; `clearSignInFailures` undoes the count when the password was right.
 */
export async function reserveSignInAttempt(db: Db, email: string, now = new Date()): Promise<SignInRefusal | null> {
  const key = normaliseEmail(email);
  const table = schema.signInThrottle;
  return db.transaction(async (tx) => {
    await tx.insert(table).values({ email: key, unsuccessfulAttempts: 0, lastAttemptAt: now }).onConflictDoNothing();
    const [row] = await tx.select().from(table).where(eq(table.email, key)).for("update");
    if (!row) throw new Error(`sign_in_throttle row for ${key} vanished inside its transaction`);
    if (row.lockedUntil && row.lockedUntil > now) return describeRefusal(row.lockedUntil, now);
    const isForgiven = now.getTime() - row.lastAttemptAt.getTime() >= SIGN_IN_FAILURES_FORGOTTEN_AFTER_MINUTES * MINUTE_MS;
    const attempts = (isForgiven ? 0 : row.unsuccessfulAttempts) + 1;
    const lockoutMinutes = lockoutMinutesAfter(attempts);
    await tx
      .update(table)
      .set({ unsuccessfulAttempts: attempts, lastAttemptAt: now, lockedUntil: lockoutMinutes > 0 ? new Date(now.getTime() + lockoutMinutes * MINUTE_MS) : null })
      .where(eq(table.email, key));
    return null;
  });
}

/** A successful sign-in: the account starts afresh. Also drops counters nobody has touched for longer than they matter. */
export async function clearSignInFailures(db: Db, email: string, now = new Date()) {
  const table = schema.signInThrottle;
  const forgottenBefore = new Date(now.getTime() - SIGN_IN_FAILURES_FORGOTTEN_AFTER_MINUTES * MINUTE_MS);
  await db.delete(table).where(or(eq(table.email, normaliseEmail(email)), lt(table.lastAttemptAt, forgottenBefore)));
}
