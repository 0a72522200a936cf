import "server-only";

import { Markdown } from "~/components/markdown/markdown";
import { fenceCode } from "~/components/markdown/parse-markdown";

import type { ExamResult } from "./types";

function choiceTone(isSelected: boolean, isCorrect: boolean) {
  if (isCorrect) return "border-brand-500 bg-brand-50";
  return isSelected ? "border-red-400 bg-red-50" : "border-slate-200";
}

/** Every question with the learner's answer, the right answer and the explanation, rendered on the server. */
export function ResultQuestions({ questions }: { questions: ExamResult["questions"] }) {
  return (
    <ol className="space-y-4" aria-label="Questions and answers">
      {questions.map((question, index) => (
        <li
          key={question.id}
          className={`card min-w-0 space-y-3 ${question.isCorrect ? "border-brand-500" : "border-red-300"}`}
          data-testid={`result-question-${question.id}`}
          data-result={question.isCorrect ? "correct" : "incorrect"}
        >
          <div className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
            <span>Question {index + 1}</span>
            <span aria-hidden>·</span>
            <span>
              Chapter {question.chapter}, {question.section}
            </span>
            <span className={`ml-auto rounded-full px-2 py-0.5 normal-case tracking-normal ${question.isCorrect ? "bg-brand-100 text-brand-700" : "bg-red-100 text-red-800"}`}>
              {question.isCorrect ? "✓ Correct" : question.selected.length === 0 ? "Not answered" : "✗ Not quite"}
            </span>
          </div>
          <Markdown source={question.prompt} className="prose-p:my-0 font-medium text-slate-900" />
          {question.code && <Markdown source={fenceCode(question.code, "python")} />}
          <ul className="space-y-2">
            {question.choices.map((choice) => {
              const isSelected = question.selected.includes(choice.id);
              const isCorrect = question.correct.includes(choice.id);
              return (
                <li key={choice.id} className={`flex items-start gap-3 rounded-md border px-3 py-2 text-sm ${choiceTone(isSelected, isCorrect)}`}>
                  <span className="min-w-0 flex-1">
                    <Markdown source={choice.text} variant="inline" />
                  </span>
                  {isCorrect && <span className="text-xs font-medium text-brand-700">Right answer</span>}
                  {isSelected && <span className={`text-xs font-medium ${isCorrect ? "text-brand-700" : "text-red-700"}`}>Your answer</span>}
                </li>
              );
            })}
          </ul>
          <div className="rounded-md bg-slate-50 px-4 py-3" data-testid="explanation">
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Explanation</p>
            <Markdown source={question.explanation} className="prose-sm prose-p:my-2" />
          </div>
        </li>
      ))}
    </ol>
  );
}
