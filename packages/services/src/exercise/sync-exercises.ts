import { readdir } from "node:fs/promises";
import path from "node:path";

import { loadExercise } from "@academy/exercises";
import type { Db } from "@academy/db";
import { notInArray, schema } from "@academy/db";

/**
 * Mirrors exercises/ into the database. A folder whose content hash changed gets a new
 * version row; submissions keep pointing at the version they were graded against.
 */
export async function syncExercises(db: Db, exercisesDir: string) {
  const entries = await readdir(exercisesDir, { withFileTypes: true });
  const ids: string[] = [];
  let newVersions = 0;
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const exercise = await loadExercise(path.join(exercisesDir, entry.name));
    const { config } = exercise;
    const versionId = `${config.id}@${exercise.version.slice(0, 16)}`;
    const values = {
      title: config.title,
      section: config.section,
      difficulty: config.difficulty,
      points: config.points,
      kind: config.kind,
      isolation: config.isolation,
      entrypoint: config.entrypoint,
      files: config.files,
      timeoutSeconds: config.timeoutSeconds,
      currentVersionId: versionId,
      isArchived: false,
      updatedAt: new Date(),
    };
    await db.transaction(async (tx) => {
      await tx.insert(schema.exercise).values({ id: config.id, ...values }).onConflictDoUpdate({ target: schema.exercise.id, set: values });
      const inserted = await tx
        .insert(schema.exerciseVersion)
        .values({ id: versionId, exerciseId: config.id, contentHash: exercise.version })
        .onConflictDoNothing()
        .returning({ id: schema.exerciseVersion.id });
      newVersions += inserted.length;
    });
    ids.push(config.id);
  }
  if (ids.length > 0) {
    await db.update(schema.exercise).set({ isArchived: true }).where(notInArray(schema.exercise.id, ids));
  }
  return { exercises: ids.length, newVersions };
}
