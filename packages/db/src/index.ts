export * from "./client";
export * from "./embedded";
export * from "./migrate";
export * as schema from "./schema";
export { and, asc, count, countDistinct, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, max, ne, or, sql } from "drizzle-orm";
export { demoAccounts, seedDemoData } from "./seed-demo";
