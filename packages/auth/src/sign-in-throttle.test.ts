import { createTestDb } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { clearSignInFailures, FREE_SIGN_IN_FAILURES, lockoutMinutesAfter, reserveSignInAttempt, SIGN_IN_FAILURES_FORGOTTEN_AFTER_MINUTES } from "./sign-in-throttle";

const minutes = (count: number) => count * 60_000;

describe("sign-in throttle per account", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  /** Spends `count` attempts at `at`, all of which must be allowed. */
  async function failTimes(email: string, count: number, at: Date) {
    for (let i = 0; i < count; i++) expect(await reserveSignInAttempt(testDb.db, email, at)).toBeNull();
  }

  it("waits 1, 2, 4, 8, then at most 15 minutes after five failures in a row", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30].map(lockoutMinutesAfter)).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it("refuses the sixth attempt for a minute, then doubles the wait with each failure", async () => {
    const start = new Date("2030-01-01T10:00:00Z");
    await failTimes("escalate@example.test", FREE_SIGN_IN_FAILURES, start);
    const refusal = await reserveSignInAttempt(testDb.db, "escalate@example.test", new Date(start.getTime() + 1000));
    expect(refusal?.message).toBe("Too many failed sign-ins for this account. Try again in 1 minute.");
    expect(refusal?.retryAfterSeconds).toBe(59);

    const afterFirstWait = new Date(start.getTime() + minutes(1));
    await failTimes("escalate@example.test", 1, afterFirstWait);
    const second = await reserveSignInAttempt(testDb.db, "escalate@example.test", afterFirstWait);
    expect(second?.message).toBe("Too many failed sign-ins for this account. Try again in 2 minutes.");
    expect(second?.lockedUntil).toEqual(new Date(afterFirstWait.getTime() + minutes(2)));
  });

  it("counts one account whatever the case or spacing of its email", async () => {
    const at = new Date("2030-01-02T10:00:00Z");
    for (const email of ["Case@Example.test", " case@example.test", "CASE@EXAMPLE.TEST", "case@example.test ", "cAse@example.test"]) await failTimes(email, 1, at);
    expect(await reserveSignInAttempt(testDb.db, "case@example.test", at)).not.toBeNull();
  });

  it("starts afresh after a successful sign-in", async () => {
    const at = new Date("2030-01-03T10:00:00Z");
    await failTimes("reset@example.test", FREE_SIGN_IN_FAILURES - 1, at);
    await clearSignInFailures(testDb.db, "Reset@example.test", at);
    await failTimes("reset@example.test", FREE_SIGN_IN_FAILURES, at);
    expect(await reserveSignInAttempt(testDb.db, "reset@example.test", at)).not.toBeNull();
  });

  it("forgives failures after an hour without attempts, not before", async () => {
    const start = new Date("2030-01-04T10:00:00Z");
    const quietHour = minutes(SIGN_IN_FAILURES_FORGOTTEN_AFTER_MINUTES);
    for (const email of ["quiet@example.test", "restless@example.test"]) await failTimes(email, FREE_SIGN_IN_FAILURES, start);

    const afterTheHour = new Date(start.getTime() + quietHour);
    await failTimes("quiet@example.test", FREE_SIGN_IN_FAILURES, afterTheHour);
    expect((await reserveSignInAttempt(testDb.db, "quiet@example.test", afterTheHour))?.message).toMatch(/in 1 minute\.$/);

    const withinTheHour = new Date(start.getTime() + quietHour - minutes(1));
    await failTimes("restless@example.test", 1, withinTheHour);
    expect((await reserveSignInAttempt(testDb.db, "restless@example.test", withinTheHour))?.message).toMatch(/in 2 minutes\.$/);
  });

  it("lets only five of thirty parallel attempts through", async () => {
    const at = new Date("2030-01-05T10:00:00Z");
    const results = await Promise.all(Array.from({ length: 30 }, () => reserveSignInAttempt(testDb.db, "parallel@example.test", at)));
    expect(results.filter((result) => result === null)).toHaveLength(FREE_SIGN_IN_FAILURES);
  });
});
