import { isDeepStrictEqual } from "node:util";

import { examBlueprint } from "@academy/content";
import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

const MOCK_EXAM_TITLE = "Mock exam";

function readMockExam(db: Db) {
  return db
    .select({ id: schema.exam.id, durationMinutes: schema.exam.durationMinutes, blueprint: schema.exam.blueprint })
    .from(schema.exam)
    .where(eq(schema.exam.kind, "mock"));
}

/**
 * The standing mock exam, created on first use (a partial unique index keeps it one row when two
 * learners start together) and kept on the content package's current blueprint.
 */
export async function ensureMockExam(db: Db) {
  let [mock] = await readMockExam(db);
  if (!mock) {
    await db
      .insert(schema.exam)
      .values({ title: MOCK_EXAM_TITLE, kind: "mock", durationMinutes: examBlueprint.durationMinutes, blueprint: examBlueprint })
      .onConflictDoNothing();
    [mock] = await readMockExam(db);
  } else if (!isDeepStrictEqual(mock.blueprint, examBlueprint)) {
    await db.update(schema.exam).set({ blueprint: examBlueprint, durationMinutes: examBlueprint.durationMinutes }).where(eq(schema.exam.id, mock.id));
    mock = { ...mock, blueprint: examBlueprint, durationMinutes: examBlueprint.durationMinutes };
  }
  return mock!;
}
