import { MilestoneNotFoundError } from "@academy/sandbox";
import pg from "pg";
import { ZodError } from "zod";

const MILESTONE_GONE =
  "This submission names a milestone the project no longer has, so there is no test suite to grade it against. Submit it again for one of the project's milestones.";

/** SQLSTATE classes that the same statement meets again on every try: data exceptions (22) and constraint violations (23). */
const PERMANENT_SQLSTATE_CLASSES = new Set(["22", "23"]);

const UNSTORABLE_RESULT =
  "Your code was graded, but the result could not be saved. This is a fault in the grader, not in your code, and trying again gives the same result: tell your instructor.";
const INVALID_REPORT =
  "The grader produced a report it could not read for this run. This is a fault in the grader, not in your code, and trying again gives the same result: tell your instructor.";

/** The SQLSTATE of a Postgres error, also when a query builder has wrapped it (as `cause`). */
function findSqlState(error: unknown): string | undefined {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if (current instanceof pg.DatabaseError) return current.code;
  }
  return undefined;
}

/**
 * A message for the learner when the failure would happen again on every retry (an invalid
 * report, a result the database refuses); undefined when a retry may succeed (infrastructure).
 */
export function describePermanentFailure(error: unknown): string | undefined {
  if (error instanceof ZodError) return INVALID_REPORT;
  if (error instanceof MilestoneNotFoundError) return MILESTONE_GONE;
  const sqlState = findSqlState(error);
  if (sqlState && PERMANENT_SQLSTATE_CLASSES.has(sqlState.slice(0, 2))) return UNSTORABLE_RESULT;
  return undefined;
}
