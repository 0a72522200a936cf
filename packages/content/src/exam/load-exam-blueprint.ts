import { readdir } from "node:fs/promises";
import path from "node:path";

import { loadExercise, resolveExercisesDir } from "@academy/exercises";

import { loadCurriculum } from "../curriculum/load-curriculum";
import { examBlueprint } from "./blueprint";
import type { ExamBlueprint } from "./blueprint-schema";
import { buildExamQuestionBank } from "./exam-bank";
import type { ExamExercise, ExamQuestionBank } from "./exam-bank";
import { assertBankFillsBlueprint } from "./fill-check";

export type ExamBanks = { blueprint: ExamBlueprint; questionBank: ExamQuestionBank; exercises: ExamExercise[] };

const exerciseCache = new Map<string, Promise<ExamExercise[]>>();

async function readExamExercises(dir: string): Promise<ExamExercise[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  // The full loader, not the config alone: an exercise whose folder does not load cannot be graded.
  const loaded = await Promise.all(names.map((name) => loadExercise(path.join(dir, name))));
  return loaded.map(({ config: { id, title, section, difficulty, kind } }) => ({ id, title, section, difficulty, kind }));
}

/** The exercise folders in `dir` (else the repository's exercises/), loaded once per folder. */
export function listExamExercises(options: { dir?: string } = {}): Promise<ExamExercise[]> {
  const dir = path.resolve(/*turbopackIgnore: true*/ options.dir ?? resolveExercisesDir());
  let exercises = exerciseCache.get(dir);
  if (!exercises) {
    exercises = readExamExercises(dir);
    exerciseCache.set(dir, exercises);
    exercises.catch(() => exerciseCache.delete(dir));
  }
  return exercises;
}

/**
 * The exam blueprint with the banks it draws from, after checking they can fill it; throws
 * ExamBlueprintError otherwise (and CurriculumError or ExerciseFolderError for a bank that does not load).
 */
export async function loadExamBlueprint(options: { curriculumDir?: string; exercisesDir?: string } = {}): Promise<ExamBanks> {
  const questionBank = buildExamQuestionBank(loadCurriculum({ dir: options.curriculumDir }));
  const exercises = await listExamExercises({ dir: options.exercisesDir });
  assertBankFillsBlueprint(examBlueprint, questionBank, exercises);
  return { blueprint: examBlueprint, questionBank, exercises };
}
