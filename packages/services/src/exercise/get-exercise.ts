import path from "node:path";

import { loadExercise, readTextFiles } from "@academy/exercises";
import type { Db } from "@academy/db";
import { eq, schema } from "@academy/db";

import { createSectionLabeler } from "./describe-section";
import { exerciseNotFound } from "./exercise-not-found";

/**
 * What the workspace shows. Picks each field by name: the loaded folder also knows where the
 * solution, hidden tests and mutants live, and none of that may reach a browser.
 */
export async function getExercise(db: Db, exercisesDir: string, id: string) {
  const [row] = await db
    .select({ id: schema.exercise.id, isArchived: schema.exercise.isArchived, isTeamTemplate: schema.exercise.isTeamTemplate, versionId: schema.exercise.currentVersionId })
    .from(schema.exercise)
    .where(eq(schema.exercise.id, id));
  // A team-project template is worked on in its team's pages, never as a solo exercise.
  if (!row || row.isArchived || row.isTeamTemplate) throw exerciseNotFound(id);

  const folder = await loadExercise(path.join(exercisesDir, row.id));
  const { config } = folder;
  // write-tests: the learner tests app/, so they may read it; mutants stay hidden.
  const appFiles = folder.internal.appDir ? await readTextFiles(folder.internal.appDir) : [];
  return {
    id: config.id,
    versionId: row.versionId,
    title: config.title,
    section: config.section,
    ...createSectionLabeler()(config.section),
    difficulty: config.difficulty,
    points: config.points,
    kind: config.kind,
    isolation: config.isolation,
    entrypoint: config.entrypoint,
    files: config.files,
    timeoutSeconds: config.timeoutSeconds,
    readme: folder.readme,
    starterFiles: folder.starterFiles.map(({ name, content }) => ({ name, content })),
    visibleTests: folder.visibleTests.map(({ name, content }) => ({ name, content })),
    appFiles: appFiles.map(({ name, content }) => ({ name, content })),
  };
}

export type WorkspaceExercise = Awaited<ReturnType<typeof getExercise>>;
