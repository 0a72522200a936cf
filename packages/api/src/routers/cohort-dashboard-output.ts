import { submissionMode } from "@academy/db/enums";
import { storedReportSchema, submissionStatusSchema } from "@academy/submission-lifecycle";
import { z } from "zod";

// What leaves the API for the cohort dashboard's views and drill-downs. Every count comes with the
// ids behind it (learners, submissions, attempts), so the page can link each number to its rows.
const ids = z.array(z.string());
const percent = z.number().nullable();
const score = z.number().nullable();
const modeSchema = z.enum(submissionMode.enumValues);
const learnerSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
const exerciseSchema = z.object({ id: z.string(), title: z.string(), section: z.string(), points: z.number() });

export const exerciseResultsSchema = z.object({
  exercise: exerciseSchema,
  learnerCount: z.number().int(),
  attemptedLearnerIds: ids,
  passedLearnerIds: ids,
  passPercent: percent,
  /** How many graded attempts passing took (1 = at once), with the learners in each. */
  attemptsToPass: z.array(z.object({ attempts: z.number().int().positive(), learnerIds: ids })),
  itemAnalysis: z.object({
    /** Each learner's latest graded submission of the exercise. */
    basis: z.literal("latest-graded-submission"),
    submissionIds: ids,
    tests: z.array(
      z.object({
        name: z.string(),
        visibility: z.enum(["visible", "hidden"]),
        position: z.number().int(),
        learnerCount: z.number().int(),
        failedCount: z.number().int(),
        failPercent: percent,
        failedLearnerIds: ids,
        failedSubmissionIds: ids,
        topMessages: z.array(z.object({ message: z.string(), count: z.number().int(), submissionIds: ids })),
        /** Learners with a result here whose every other test passes, and those of them who fail this one. */
        passOthersCount: z.number().int(),
        failsAloneLearnerIds: ids,
        isAlmostAlwaysFailed: z.boolean(),
        isPossiblyBroken: z.boolean(),
      }),
    ),
  }),
  learners: z.array(
    learnerSchema.extend({
      attempts: z.number().int(),
      bestScore: score,
      bestSubmissionId: z.string().nullable(),
      isPassed: z.boolean(),
      attemptsToPass: z.number().int().nullable(),
      lastSubmissionId: z.string().nullable(),
      lastStatus: submissionStatusSchema.nullable(),
      lastActivityAt: z.date().nullable(),
    }),
  ),
});

export const curriculumResultsSchema = z.object({
  learnerCount: z.number().int(),
  chapters: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      lessonsReadPercent: percent,
      meanQuizPercent: percent,
      sections: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          questionCount: z.number().int(),
          readLearnerIds: ids,
          quiz: z.object({ takenLearnerIds: ids, passedLearnerIds: ids, bestAttemptIds: ids, attempts: z.number().int(), meanBestPercent: percent }),
        }),
      ),
    }),
  ),
});

export const examResultsSchema = z.object({
  exams: z.array(
    z.object({
      examId: z.string(),
      title: z.string(),
      kind: z.enum(["mock", "exam"]),
      attempts: z.array(
        z.object({
          attemptId: z.string(),
          learnerId: z.string(),
          status: z.enum(["submitted", "expired"]),
          partAScore: score,
          partAMaxScore: score,
          score,
          maxScore: score,
          partAPercent: percent,
          /** The whole exam's once Part B is graded, Part A's until then. */
          percent,
          submittedAt: z.date().nullable(),
        }),
      ),
      meanPercent: percent,
      /** The attempts' percentages in bands of ten. */
      distribution: z.array(z.object({ fromPercent: z.number(), toPercent: z.number(), attemptIds: ids })),
      chapters: z.array(z.object({ chapter: z.number().int(), attemptCount: z.number().int(), meanPercent: percent })),
      questions: z.array(
        z.object({
          questionId: z.string(),
          chapter: z.number().int(),
          section: z.string(),
          prompt: z.string(),
          drawnCount: z.number().int(),
          facilityPercent: percent,
          correctAttemptIds: ids,
          wrongAttemptIds: ids,
        }),
      ),
    }),
  ),
});

export const learnersAtRiskSchema = z.object({
  inactiveDays: z.number().int(),
  inactiveSince: z.date(),
  medianProgressPercent: percent,
  farBehindBelowPercent: percent,
  learners: z.array(
    learnerSchema.extend({
      progressPercent: z.number(),
      lastActivityAt: z.date().nullable(),
      reasons: z.array(z.object({ kind: z.enum(["inactive", "far-behind"]), text: z.string() })),
    }),
  ),
});

export const learnerActivitySchema = z.object({
  learner: learnerSchema.extend({ joinedAt: z.date() }),
  submissions: z.array(
    z.object({
      id: z.string(),
      exerciseId: z.string(),
      exerciseTitle: z.string(),
      mode: modeSchema,
      status: submissionStatusSchema,
      score,
      maxScore: score,
      examAttemptId: z.string().nullable(),
      createdAt: z.date(),
      finishedAt: z.date().nullable(),
      commentCount: z.number().int(),
    }),
  ),
  quizAttempts: z.array(z.object({ id: z.string(), sectionId: z.string(), score: z.number(), maxScore: z.number(), createdAt: z.date() })),
  lessonsRead: z.array(z.object({ sectionId: z.string(), readAt: z.date() })),
  examAttempts: z.array(
    z.object({
      id: z.string(),
      examId: z.string(),
      examTitle: z.string(),
      examKind: z.enum(["mock", "exam"]),
      status: z.enum(["in-progress", "submitted", "expired"]),
      partAScore: score,
      partAMaxScore: score,
      score,
      maxScore: score,
      startedAt: z.date(),
      submittedAt: z.date().nullable(),
    }),
  ),
});

export const commentSchema = z.object({ id: z.string(), submissionId: z.string(), authorId: z.string(), authorName: z.string(), body: z.string(), createdAt: z.date() });

const filesSchema = z.array(z.object({ name: z.string(), content: z.string() }));

export const cohortSubmissionSchema = z.object({
  learner: learnerSchema,
  submission: z.object({
    id: z.string(),
    exerciseId: z.string(),
    exerciseTitle: z.string(),
    exercisePoints: z.number(),
    exerciseVersionId: z.string(),
    examAttemptId: z.string().nullable(),
    mode: modeSchema,
    status: submissionStatusSchema,
    score,
    maxScore: score,
    files: filesSchema,
    report: storedReportSchema,
    errorMessage: z.string().nullable(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  }),
  testResults: z.array(
    z.object({
      position: z.number().int(),
      name: z.string(),
      visibility: z.enum(["visible", "hidden"]),
      status: z.enum(["passed", "failed", "error", "skipped"]),
      message: z.string().nullable(),
    }),
  ),
  /** The same learner's attempt just before this one (same exercise and mode): the diff's other side. */
  previous: z.object({ id: z.string(), status: submissionStatusSchema, score, maxScore: score, files: filesSchema, createdAt: z.date() }).nullable(),
  comments: z.array(commentSchema),
});

export const csvExportSchema = z.object({ fileName: z.string(), csv: z.string() });

export const cohortEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ready") }),
  z.object({ kind: z.literal("resync") }),
  z.object({
    kind: z.literal("graded"),
    submissionId: z.string(),
    learnerId: z.string(),
    exerciseId: z.string(),
    mode: modeSchema,
    status: submissionStatusSchema,
  }),
]);
