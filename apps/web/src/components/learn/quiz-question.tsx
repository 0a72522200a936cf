"use client";

import { BrowserMarkdown } from "~/components/markdown/browser-markdown";

import type { QuizResult, RenderedQuestion } from "./quiz-types";

const KIND_LABELS: Record<RenderedQuestion["kind"], string> = {
  single: "One answer",
  multiple: "Select all that apply",
  "true-false": "True or false",
  "code-output": "What does the code do?",
  "status-code": "Status code",
};

type Props = {
  question: RenderedQuestion;
  number: number;
  selected: string[];
  graded: QuizResult["questions"][number] | null;
  onChange: (selected: string[]) => void;
};

function choiceTone(isSelected: boolean, isCorrect: boolean, isGraded: boolean) {
  if (!isGraded) return isSelected ? "border-brand-500 bg-brand-50" : "border-slate-200 hover:border-slate-300 hover:bg-slate-50";
  if (isCorrect) return "border-brand-500 bg-brand-50";
  return isSelected ? "border-red-400 bg-red-50" : "border-slate-200 opacity-70";
}

export function QuizQuestion({ question, number, selected, graded, onChange }: Props) {
  const isMultiple = question.kind === "multiple";
  const isGraded = graded !== null;
  function toggle(choiceId: string, checked: boolean) {
    if (!isMultiple) return onChange([choiceId]);
    onChange(checked ? [...selected, choiceId] : selected.filter((id) => id !== choiceId));
  }
  // min-w-0: a fieldset is as wide as its widest line by default, so a code block would widen the page.
  return (
    <fieldset
      className={`card min-w-0 space-y-4 ${graded ? (graded.isCorrect ? "border-brand-500" : "border-red-300") : ""}`}
      data-testid={`question-${question.id}`}
      data-result={graded ? (graded.isCorrect ? "correct" : "incorrect") : undefined}
    >
      <legend className="sr-only">Question {number}</legend>
      <div className="flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-slate-500">
        <span>Question {number}</span>
        <span aria-hidden>·</span>
        <span>{KIND_LABELS[question.kind]}</span>
        {graded && (
          <span className={`ml-auto rounded-full px-2 py-0.5 normal-case tracking-normal ${graded.isCorrect ? "bg-brand-100 text-brand-700" : "bg-red-100 text-red-800"}`}>
            {graded.isCorrect ? "✓ Correct" : "✗ Not quite"}
          </span>
        )}
      </div>
      <div>{question.prompt}</div>
      {question.code}
      <div className="space-y-2">
        {question.choices.map((choice) => {
          const isSelected = selected.includes(choice.id);
          const isCorrect = graded?.correct.includes(choice.id) ?? false;
          return (
            <label
              key={choice.id}
              className={`flex cursor-pointer items-start gap-3 rounded-md border px-3 py-2 text-sm transition ${choiceTone(isSelected, isCorrect, isGraded)} ${isGraded ? "cursor-default" : ""}`}
            >
              <input
                type={isMultiple ? "checkbox" : "radio"}
                name={question.id}
                value={choice.id}
                checked={isSelected}
                disabled={isGraded}
                onChange={(event) => toggle(choice.id, event.target.checked)}
                className="mt-1 accent-brand-600"
              />
              <span className="min-w-0 flex-1">{choice.label}</span>
              {isGraded && isCorrect && <span className="text-xs font-medium text-brand-700">Right answer</span>}
              {isGraded && isSelected && !isCorrect && <span className="text-xs font-medium text-red-700">Your answer</span>}
            </label>
          );
        })}
      </div>
      {graded && (
        <div className="rounded-md bg-slate-50 px-4 py-3" data-testid="explanation">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Explanation</p>
          <BrowserMarkdown source={graded.explanation} className="prose-sm prose-p:my-2" />
        </div>
      )}
    </fieldset>
  );
}
