import type { AppRouter } from "@academy/api";
import type { inferRouterOutputs } from "@trpc/server";

type TeamOutputs = inferRouterOutputs<AppRouter>["team"];

export type TeamDetail = TeamOutputs["get"];
export type BoardData = TeamOutputs["board"];
export type BoardTask = BoardData["columns"][number]["tasks"][number];
export type MilestoneResult = TeamOutputs["milestones"][number];
export type ProjectOverviewData = inferRouterOutputs<AppRouter>["team"]["overview"];
