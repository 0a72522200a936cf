import "server-only";

import { Markdown } from "~/components/markdown/markdown";
import { fenceCode } from "~/components/markdown/parse-markdown";

import type { ExamAttempt, SittingQuestion } from "./types";

/** Prompts, code and choices rendered (and highlighted) on the server, as the quiz page does. */
export function renderQuestions(questions: ExamAttempt["questions"]): SittingQuestion[] {
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    chapter: question.chapter,
    prompt: <Markdown source={question.prompt} className="prose-p:my-0 font-medium text-slate-900" />,
    code: question.code ? <Markdown source={fenceCode(question.code, "python")} /> : null,
    choices: question.choices.map((choice) => ({ id: choice.id, label: <Markdown source={choice.text} variant="inline" /> })),
  }));
}
