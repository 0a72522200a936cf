import { index, pgTable, smallint, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

import { milestone } from "./milestone";
import { team } from "./team";
import { user } from "./user";

/** One member's rating of a teammate at a milestone (1–5 per dimension); only instructors read them. */
export const peerRating = pgTable(
  "peer_rating",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid()
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    milestoneId: uuid()
      .notNull()
      .references(() => milestone.id, { onDelete: "cascade" }),
    raterId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    rateeId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    contribution: smallint().notNull(),
    quality: smallint().notNull(),
    communication: smallint().notNull(),
    comment: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.milestoneId, t.raterId, t.rateeId), index().on(t.teamId, t.milestoneId)],
);
