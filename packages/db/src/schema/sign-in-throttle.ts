import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Sign-in attempts per account (normalised email, whether or not an account exists, so a refusal
 * reveals nothing): counted before the password is checked, cleared by a successful sign-in.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  email: text().primaryKey(),
  unsuccessfulAttempts: integer().notNull(),
  lastAttemptAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});
