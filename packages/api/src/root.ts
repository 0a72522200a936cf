import { accountRouter } from "./routers/account";
import { cohortRouter } from "./routers/cohort";
import { cohortExamRouter } from "./routers/cohort-exam";
import { curriculumRouter } from "./routers/curriculum";
import { dashboardRouter } from "./routers/dashboard";
import { draftRouter } from "./routers/draft";
import { examRouter } from "./routers/exam";
import { exerciseRouter } from "./routers/exercise";
import { lessonRouter } from "./routers/lesson";
import { quizRouter } from "./routers/quiz";
import { regradeRouter } from "./routers/regrade";
import { submissionRouter } from "./routers/submission";
import { teamRouter } from "./routers/team";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  dashboard: dashboardRouter,
  cohort: cohortRouter,
  submission: submissionRouter,
  exercise: exerciseRouter,
  draft: draftRouter,
  curriculum: curriculumRouter,
  lesson: lessonRouter,
  quiz: quizRouter,
  regrade: regradeRouter,
  exam: examRouter,
  cohortExam: cohortExamRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
