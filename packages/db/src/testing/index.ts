export { createTestDb } from "./create-test-db";
export * from "./factories";
