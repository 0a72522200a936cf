import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";

import { findSectionOrThrow } from "./find-section";

/** Marks a lesson read (idempotent) or unread again. */
export async function markLessonRead(db: Db, userId: string, input: { sectionId: string; isRead: boolean }) {
  const section = findSectionOrThrow(input.sectionId);
  if (input.isRead) {
    await db.insert(schema.lessonProgress).values({ userId, sectionId: section.id }).onConflictDoNothing();
  } else {
    await db.delete(schema.lessonProgress).where(and(eq(schema.lessonProgress.userId, userId), eq(schema.lessonProgress.sectionId, section.id)));
  }
  return { sectionId: section.id, isRead: input.isRead };
}
