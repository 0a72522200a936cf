import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { team } from "./team";
import { user } from "./user";

/** A file of a team's shared codebase as it is now; each save raises its version. */
export const teamFile = pgTable(
  "team_file",
  {
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    name: text().notNull(),
    content: text().notNull(),
    version: integer().notNull().default(1),
    updatedBy: text().references(() => user.id, { onDelete: "set null" }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.name] })],
);

/** Every save of a team's file, attributed, with the content before it (for diffs). */
export const teamCodeSave = pgTable(
  "team_code_save",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    authorId: text().references(() => user.id, { onDelete: "set null" }),
    /** The file's version this save made. */
    version: integer().notNull(),
    previousContent: text().notNull(),
    content: text().notNull(),
    linesAdded: integer().notNull(),
    linesRemoved: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.teamId, t.createdAt), index().on(t.teamId, t.fileName, t.version)],
);
