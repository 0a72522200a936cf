import { buildExamQuestionBank, examBlueprintSchema, loadCurriculum } from "@academy/content";
import type { ExamBankQuestion, ExamBlueprint, ExamExercise, ExamQuestionBank } from "@academy/content";
import type { Db } from "@academy/db";
import { and, eq, schema } from "@academy/db";

let bank: { questionBank: ExamQuestionBank; byId: Map<string, ExamBankQuestion> } | undefined;

/** Every quiz question with its chapter, built once per process from the cached curriculum. */
export function readExamQuestionBank() {
  if (!bank) {
    const questionBank = buildExamQuestionBank(loadCurriculum());
    bank = { questionBank, byId: new Map(questionBank.questions.map((entry) => [entry.question.id, entry])) };
  }
  return bank;
}

/** A question just drawn from the bank; a missing one is a fault of the server. */
export function findBankQuestion(questionId: string): ExamBankQuestion {
  const entry = readExamQuestionBank().byId.get(questionId);
  if (!entry) throw new Error(`exam question ${questionId} is no longer in the curriculum`);
  return entry;
}

/**
 * A stored attempt's questions that are still in the curriculum, in the attempt's order. One
 * removed since the draw can be neither shown nor answered, so every view and every grading of
 * the attempt leaves it out alike (Part A is then out of fewer points) rather than failing.
 */
export function listKeptBankQuestions(questionIds: string[]): ExamBankQuestion[] {
  const { byId } = readExamQuestionBank();
  return questionIds.flatMap((id) => byId.get(id) ?? []);
}

/** Part B draws from the synced exercises a learner can submit to alone (not the team-project templates). */
export async function listSyncedExamExercises(db: Db): Promise<ExamExercise[]> {
  return db
    .select({ id: schema.exercise.id, title: schema.exercise.title, section: schema.exercise.section, difficulty: schema.exercise.difficulty, kind: schema.exercise.kind })
    .from(schema.exercise)
    .where(and(eq(schema.exercise.isArchived, false), eq(schema.exercise.isTeamTemplate, false)));
}

export function parseExamBlueprint(stored: unknown): ExamBlueprint {
  return examBlueprintSchema.parse(stored);
}
