import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

import { testStatus, testVisibility } from "./enums";
import { submission } from "./submission";

export const testResult = pgTable(
  "test_result",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => submission.id, { onDelete: "cascade" }),
    position: integer().notNull(),
    name: text().notNull(),
    visibility: testVisibility().notNull(),
    status: testStatus().notNull(),
    durationMs: integer().notNull().default(0),
    message: text(),
  },
  (t) => [index().on(t.submissionId)],
);
