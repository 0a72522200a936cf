import { groupBy, percentOf } from "./cohort-statistics";

/** A test almost everyone fails: at least this share of the learners with a result for it. */
export const ALMOST_ALL_FAIL_SHARE = 0.8;
/** Possibly broken: failed by at least this share of the learners who pass every other test, and by at least two of them. */
export const BROKEN_TEST_SHARE = 0.5;
export const BROKEN_TEST_MIN_LEARNERS = 2;
const TOP_MESSAGES = 3;
const MESSAGE_LENGTH = 200;

export type AnalysedResult = {
  submissionId: string;
  learnerId: string;
  position: number;
  name: string;
  visibility: "visible" | "hidden";
  status: "passed" | "failed" | "error" | "skipped";
  message: string | null;
};

/**
 * A failure message as it is grouped: its first non-empty line, spaces collapsed, memory addresses
 * and object ids blanked (they differ on every run), cut to 200 characters.
 */
export function normaliseFailureMessage(message: string | null): string {
  const firstLine = (message ?? "").split("\n").find((line) => line.trim() !== "") ?? "";
  const normalised = firstLine
    .replace(/0x[0-9a-f]+/gi, "0x…")
    .replace(/\s+/g, " ")
    .trim();
  if (normalised === "") return "(no message)";
  return normalised.length > MESSAGE_LENGTH ? `${normalised.slice(0, MESSAGE_LENGTH - 1)}…` : normalised;
}

const isFailure = (status: AnalysedResult["status"]) => status === "failed" || status === "error";

/**
 * Per test (by name, across the analysed submissions, one per learner): who failed it, the most
 * common failure messages, and the two flags. A skipped test counts neither way.
 */
export function analyseTests(results: AnalysedResult[]) {
  const byLearner = groupBy(results, (result) => result.learnerId);
  const byTest = groupBy(results, (result) => result.name);
  const passesAllBut = (learnerId: string, testName: string) =>
    byLearner.get(learnerId)!.every((other) => other.name === testName || other.status === "passed");
  const hasOtherTests = (learnerId: string, testName: string) => byLearner.get(learnerId)!.some((other) => other.name !== testName);

  const tests = [...byTest.entries()].map(([name, testResults]) => {
    const counted = testResults.filter((result) => result.status !== "skipped");
    const failed = counted.filter((result) => isFailure(result.status));
    const messages = groupBy(failed, (result) => normaliseFailureMessage(result.message));
    const topMessages = [...messages.entries()]
      .map(([message, failures]) => ({ message, count: failures.length, submissionIds: failures.map((failure) => failure.submissionId) }))
      // Code-point order on a tie, so the same rows always give the same three.
      .sort((a, b) => b.count - a.count || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0))
      .slice(0, TOP_MESSAGES);
    // Learners whose every other test passes: if many of them fail this one, the test may be at fault.
    const passOthers = counted.filter((result) => hasOtherTests(result.learnerId, name) && passesAllBut(result.learnerId, name));
    const failsAlone = passOthers.filter((result) => isFailure(result.status));
    return {
      name,
      visibility: testResults[0]!.visibility,
      position: Math.min(...testResults.map((result) => result.position)),
      learnerCount: counted.length,
      failedCount: failed.length,
      failPercent: percentOf(failed.length, counted.length),
      failedLearnerIds: failed.map((result) => result.learnerId),
      failedSubmissionIds: failed.map((result) => result.submissionId),
      topMessages,
      passOthersCount: passOthers.length,
      failsAloneLearnerIds: failsAlone.map((result) => result.learnerId),
      isAlmostAlwaysFailed: counted.length > 0 && failed.length >= ALMOST_ALL_FAIL_SHARE * counted.length,
      isPossiblyBroken: failsAlone.length >= BROKEN_TEST_MIN_LEARNERS && failsAlone.length >= BROKEN_TEST_SHARE * passOthers.length,
    };
  });
  return tests.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
}
