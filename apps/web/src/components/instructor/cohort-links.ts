/** Where each drill-down of a cohort lives, so every table and chart links the same way. */
export const cohortLinks = {
  cohort: (cohortId: string) => `/instructor/cohorts/${cohortId}`,
  exercise: (cohortId: string, exerciseId: string) => `/instructor/cohorts/${cohortId}/exercises/${exerciseId}`,
  learner: (cohortId: string, userId: string) => `/instructor/cohorts/${cohortId}/learners/${userId}`,
  submission: (cohortId: string, submissionId: string) => `/instructor/cohorts/${cohortId}/submissions/${submissionId}`,
  exams: (cohortId: string) => `/instructor/cohorts/${cohortId}/exams`,
  gradebookCsv: (cohortId: string) => `/api/cohorts/${cohortId}/gradebook.csv`,
  exerciseCsv: (cohortId: string, exerciseId: string) => `/api/cohorts/${cohortId}/exercises/${exerciseId}/results.csv`,
  invite: (code: string) => `/join/${code}`,
};
