export * from "./client";
export * from "./migrate";
export * as schema from "./schema";
export { and, asc, count, countDistinct, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, max, ne, notInArray, or, sql } from "drizzle-orm";
export { DEMO_COHORT_NAME, demoAccounts, seedDemoData } from "./seed-demo";
export { withTransaction } from "./transaction";
export type { SqlExecutor } from "./transaction";
