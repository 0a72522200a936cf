import type { QuizQuestion } from "./schema";

export type PublicQuestion = Pick<QuizQuestion, "id" | "kind" | "prompt" | "code" | "choices">;

/** A question as the browser may see it before submission: no answer, no explanation. */
export function toPublicQuestion(question: QuizQuestion): PublicQuestion {
  const { id, kind, prompt, code, choices } = question;
  return { id, kind, prompt, ...(code === undefined ? {} : { code }), choices: choices.map((choice) => ({ id: choice.id, text: choice.text })) };
}
