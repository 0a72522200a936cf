export { createTestDb } from "./create-test-db";
export * from "./factories";
export { startRestartablePostgres } from "./restartable-postgres";
export { findFreePort } from "../free-port";
