import { readdir } from "node:fs/promises";
import path from "node:path";

import { loadExercise, type LoadedExercise } from "@academy/exercises";
import type { Db, DbExecutor } from "@academy/db";
import { and, eq, notInArray, schema } from "@academy/db";

/**
 * Mirrors exercises/ into the database. A folder whose content hash changed gets a new
 * version row; submissions keep pointing at the version they were graded against. A
 * template's milestones are kept by (exercise, key); one gone from the folder is archived.
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
      isTeamTemplate: exercise.milestones.length > 0,
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
      await syncMilestones(tx, exercise, versionId);
    });
    ids.push(config.id);
  }
  if (ids.length > 0) {
    await db.update(schema.exercise).set({ isArchived: true }).where(notInArray(schema.exercise.id, ids));
  }
  return { exercises: ids.length, newVersions };
}

async function syncMilestones(tx: DbExecutor, exercise: LoadedExercise, versionId: string) {
  const exerciseId = exercise.config.id;
  for (const milestone of exercise.milestones) {
    const values = {
      title: milestone.title,
      position: milestone.position,
      dueOffsetDays: milestone.dueOffsetDays,
      points: milestone.points,
      hiddenTestCount: milestone.hiddenTestCount,
      suiteHash: milestone.version,
      exerciseVersionId: versionId,
      isArchived: false,
      updatedAt: new Date(),
    };
    await tx
      .insert(schema.exerciseMilestone)
      .values({ exerciseId, key: milestone.key, ...values })
      .onConflictDoUpdate({ target: [schema.exerciseMilestone.exerciseId, schema.exerciseMilestone.key], set: values });
  }
  const keys = exercise.milestones.map((m) => m.key);
  await tx
    .update(schema.exerciseMilestone)
    .set({ isArchived: true, updatedAt: new Date() })
    .where(and(eq(schema.exerciseMilestone.exerciseId, exerciseId), ...(keys.length > 0 ? [notInArray(schema.exerciseMilestone.key, keys)] : [])));
}
