import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

export type RegradeView = inferRouterOutputs<AppRouter>["regrade"]["preview"];
export type RegradePreview = NonNullable<RegradeView["preview"]>;
export type RegradeLearnerRow = RegradePreview["learners"][number];
