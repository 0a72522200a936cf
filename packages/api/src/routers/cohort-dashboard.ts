import {
  addSubmissionComment,
  exportCohortExerciseResultsCsv,
  exportCohortGradebookCsv,
  getCohortCurriculumResults,
  getCohortExamResults,
  getCohortExerciseResults,
  getCohortLearnerActivity,
  getCohortSubmission,
  listLearnersAtRisk,
  watchCohortResults,
} from "@academy/services";
import { z } from "zod";

import { gradingProcedure, instructorProcedure } from "../trpc";
import {
  cohortEventSchema,
  cohortSubmissionSchema,
  commentSchema,
  csvExportSchema,
  curriculumResultsSchema,
  examResultsSchema,
  exerciseResultsSchema,
  learnerActivitySchema,
  learnersAtRiskSchema,
} from "./cohort-dashboard-output";
import { exerciseId } from "./exercise";
import { asyncIterableOf } from "./submission-output";

const byCohort = z.object({ cohortId: z.uuid() });
const byExercise = byCohort.extend({ exerciseId });
const bySubmission = byCohort.extend({ submissionId: z.uuid() });

/** The cohort dashboard's views, drill-downs, comments, exports and live events; each service checks the viewer teaches the cohort. */
export const cohortDashboardProcedures = {
  exerciseResults: instructorProcedure
    .input(byExercise)
    .output(exerciseResultsSchema)
    .query(({ ctx, input }) => getCohortExerciseResults(ctx.db, { ...input, viewer: ctx.user })),

  curriculumResults: instructorProcedure
    .input(byCohort)
    .output(curriculumResultsSchema)
    .query(({ ctx, input }) => getCohortCurriculumResults(ctx.db, { ...input, viewer: ctx.user })),

  examResults: instructorProcedure.input(byCohort).output(examResultsSchema).query(({ ctx, input }) => getCohortExamResults(ctx.db, { ...input, viewer: ctx.user })),

  learnersAtRisk: instructorProcedure
    .input(byCohort.extend({ inactiveDays: z.number().int().min(1, "At least one day.").max(365, "At most 365 days.").default(7) }))
    .output(learnersAtRiskSchema)
    .query(({ ctx, input }) => listLearnersAtRisk(ctx.db, { ...input, viewer: ctx.user })),

  learnerActivity: instructorProcedure
    .input(byCohort.extend({ learnerId: z.string().min(1).max(200) }))
    .output(learnerActivitySchema)
    .query(({ ctx, input }) => getCohortLearnerActivity(ctx.db, { ...input, viewer: ctx.user })),

  submission: instructorProcedure
    .input(bySubmission)
    .output(cohortSubmissionSchema)
    .query(({ ctx, input }) => getCohortSubmission(ctx.db, { ...input, viewer: ctx.user })),

  addComment: instructorProcedure
    .input(bySubmission.extend({ body: z.string().trim().min(1, "Write a comment first.").max(4000, "A comment may hold at most 4000 characters.") }))
    .output(commentSchema)
    .mutation(({ ctx, input }) => addSubmissionComment(ctx.db, { ...input, viewer: ctx.user })),

  exportGradebookCsv: instructorProcedure
    .input(byCohort)
    .output(csvExportSchema)
    .query(({ ctx, input }) => exportCohortGradebookCsv(ctx.db, { ...input, viewer: ctx.user })),

  exportExerciseResultsCsv: instructorProcedure
    .input(byExercise)
    .output(csvExportSchema)
    .query(({ ctx, input }) => exportCohortExerciseResultsCsv(ctx.db, { ...input, viewer: ctx.user })),

  // A grading procedure for the process's status listener; the service lets in only the cohort's instructors and admins.
  watch: gradingProcedure
    .input(byCohort)
    .output(asyncIterableOf(cohortEventSchema))
    .subscription(({ ctx, input, signal }) => watchCohortResults(ctx.db, ctx.grading.statusListener, { ...input, viewer: ctx.user }, signal)),
};
