import { accountRouter } from "./routers/account";
import { cohortRouter } from "./routers/cohort";
import { dashboardRouter } from "./routers/dashboard";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  dashboard: dashboardRouter,
  cohort: cohortRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
