/** The submission itself is unacceptable (names, sizes, encoding); `message` is for the learner. */
export class SubmissionRejectedError extends Error {
  override name = "SubmissionRejectedError";
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Grading could not run at all (no Docker engine, no grader image); not the learner's fault. */
export class GradingUnavailableError extends Error {
  override name = "GradingUnavailableError";
}

/** Grading containers would run without the seccomp profile (the engine has no seccomp, or it
 * did not apply it): grading refuses to start unless GRADER_ALLOW_NO_SECCOMP allows it. */
export class SeccompUnavailableError extends GradingUnavailableError {
  override name = "SeccompUnavailableError";
}
