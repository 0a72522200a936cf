export { DomainError } from "./domain-error";
export type { DomainErrorCode } from "./domain-error";

export type { CohortViewer } from "./cohort/cohort-access";
export { createCohort } from "./cohort/create-cohort";
export { getCohort } from "./cohort/get-cohort";
export { getCohortGradebook } from "./cohort/get-cohort-gradebook";
export type { CohortGradebook, GradebookCell } from "./cohort/get-cohort-gradebook";
export { getCohortHeadlines } from "./cohort/get-cohort-headlines";
export { exportCohortExerciseResultsCsv, exportCohortGradebookCsv } from "./cohort/export-cohort-csv";
export { getCohortCurriculumResults } from "./cohort/get-curriculum-results";
export { getCohortExamResults } from "./cohort/get-exam-results";
export { getCohortExerciseResults } from "./cohort/get-exercise-results";
export type { CohortExerciseResults } from "./cohort/get-exercise-results";
export { getCohortLearnerActivity } from "./cohort/get-learner-activity";
export { getCohortSubmission } from "./cohort/get-cohort-submission";
export { normaliseFailureMessage } from "./cohort/item-analysis";
export { joinCohort } from "./cohort/join-cohort";
export { listLearnersAtRisk } from "./cohort/list-learners-at-risk";
export { addSubmissionComment, COMMENT_MAX_LENGTH } from "./cohort/submission-comments";
export { watchCohortResults } from "./cohort/watch-cohort-results";
export { listInstructorCohorts } from "./cohort/list-instructor-cohorts";
export { addCoInstructor, removeLearner } from "./cohort/roster";
export { archiveCohort, regenerateInviteCode, renameCohort } from "./cohort/update-cohort";

export { getCurriculumProgress } from "./curriculum/get-curriculum-progress";
export { getLesson } from "./curriculum/get-lesson";
export { getLessonProgress } from "./curriculum/get-lesson-progress";
export { getQuiz } from "./curriculum/get-quiz";
export { listCurriculum } from "./curriculum/list-curriculum";
export { listQuizAttempts } from "./curriculum/list-quiz-attempts";
export { markLessonRead } from "./curriculum/mark-lesson-read";
export { submitQuiz } from "./curriculum/submit-quiz";

export { getLearnerSummary } from "./dashboard/get-learner-summary";

export { getDraft } from "./draft/get-draft";
export { saveDraft } from "./draft/save-draft";

export type { Clock } from "./exam/clock";
export { systemClock } from "./exam/clock";
export { getExamAttempt } from "./exam/get-exam-attempt";
export { getExamDraft, getExamPartBStatus, saveExamDraft, submitExamExercise } from "./exam/exam-part-b";
export type { PartBState } from "./exam/exam-part-b";
export { listExamHistory } from "./exam/exam-history";
export { getExamReadiness } from "./exam/exam-readiness";
export { getExamResult } from "./exam/get-exam-result";
export { settleExamAttemptScore } from "./exam/score-exam";
export { watchExamPartB, watchExamResult } from "./exam/watch-exam";
export { ensureMockExam } from "./exam/mock-exam";
export { flagExamQuestion, saveExamAnswer } from "./exam/save-exam-answer";
export { startMockExam } from "./exam/start-mock-exam";
export type { MockExamSettings } from "./exam/start-mock-exam";
export { expireOverdueAttempts, submitExamAttempt } from "./exam/submit-exam-attempt";
export { getCohortExamRoster, listCohortExams } from "./exam/scheduled/cohort-exam-roster";
export type { CohortExamRoster, RosterState } from "./exam/scheduled/cohort-exam-roster";
export { createExamAttemptListener } from "./exam/scheduled/exam-attempt-listener";
export type { ExamAttemptListener } from "./exam/scheduled/exam-attempt-listener";
export { exportCohortExamResultsCsv } from "./exam/scheduled/export-results-csv";
export { listLearnerCohortExams } from "./exam/scheduled/list-learner-cohort-exams";
export type { LearnerExamState } from "./exam/scheduled/list-learner-cohort-exams";
export { closeCohortExamNow } from "./exam/scheduled/close-cohort-exam";
export { releaseCohortExamResults } from "./exam/scheduled/result-release";
export { scheduleCohortExam, updateCohortExam } from "./exam/scheduled/schedule-cohort-exam";
export { startCohortExam } from "./exam/scheduled/start-cohort-exam";
export { watchCohortExamRoster } from "./exam/scheduled/watch-cohort-exam-roster";

export { getExercise } from "./exercise/get-exercise";
export { getPracticeProgress } from "./exercise/get-practice-progress";
export { listExercises } from "./exercise/list-exercises";
export { syncExercises } from "./exercise/sync-exercises";

export { createGradingPorts } from "./submission/create-grading-ports";
export type { GradingPortsOptions } from "./submission/create-grading-ports";
export { createSubmission } from "./submission/create-submission";
export type { CreateSubmissionInput } from "./submission/create-submission";
export { getSubmission } from "./submission/get-submission";
export { defaultSubmissionLimits } from "./submission/grading-ports";
export type { GradingPorts, SubmissionLimits } from "./submission/grading-ports";
export { listSubmissions } from "./submission/list-submissions";
export { markRunning, storeGradingFailure, storeGradingResult } from "./submission/store-grading-result";
export { watchSubmissionStatus } from "./submission/watch-submission-status";

export { applyRegradePreview, discardRegradePreview } from "./regrade/apply-regrade-preview";
export { getRegradePreview } from "./regrade/get-regrade-preview";
export type { RegradeOutcome, RegradePreviewView } from "./regrade/get-regrade-preview";
export {
  putPreviewItemBack,
  startPreviewItemGrading,
  storePreviewItemFailure,
  storePreviewItemResult,
  STUCK_PREVIEW_ITEM_MESSAGE,
  sweepStuckPreviewItems,
} from "./regrade/grade-preview-item";
export type { PreviewListener } from "./regrade/preview-listener";
export type { RegradePorts } from "./regrade/regrade-ports";
export { startRegradePreview } from "./regrade/start-regrade-preview";
export { watchRegradePreview } from "./regrade/watch-regrade-preview";

export { addTaskComment, createTask, getBoard, listTaskComments, listTeamActivity, moveTask, TASK_COMMENT_MAX_LENGTH, TASK_STATUSES, updateTask } from "./team/board";
export type { TaskStatus } from "./team/board";
export { getCodeSave, getTeamCode, listCodeSaves, saveTeamFile } from "./team/code";
export { getTeamContributions } from "./team/contributions";
export { createTeams, formRandomTeams, getTeam, joinTeamWithCode, listMyTeams, listProjectTeams, moveLearner } from "./team/formation";
export { getMilestoneResults, getTeamSubmission, submitMilestone } from "./team/milestones";
export type { MilestoneStatus } from "./team/milestones";
export { getProjectOverview } from "./team/overview";
export type { TeamFlag } from "./team/overview";
export { ADJUSTMENT_FACTOR_BOUNDS, getMyPeerReviewProgress, getPeerReview, ratePeers, RATING_DIMENSIONS } from "./team/peer-review";
export { createTeamProject, listCohortTeamProjects, listTeamProjectTemplates, updateTeamProject } from "./team/projects";
export { createTeamListener } from "./team/team-listener";
export type { TeamListener } from "./team/team-listener";
export { watchTeam } from "./team/watch-team";
export type { TeamWatchEvent } from "./team/watch-team";
