export { findStaleRecordings } from "./find-stale-recordings";
export { readRecordedReports, recordedReportsPath, RECORDED_ATTEMPT_KINDS } from "./recorded-reports";
export type { RecordedAttempt, RecordedAttemptKind, RecordedExercise, RecordedReports } from "./recorded-reports";
export { demoLearners, DEMO_LEARNER_PASSWORD } from "./demo-learners";
export { seedDemoHistory } from "./seed-demo-history";
export type { DemoHistorySummary } from "./seed-demo-history";
