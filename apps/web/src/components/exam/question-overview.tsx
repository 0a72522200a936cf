type QuestionOverviewProps = {
  questionIds: string[];
  current: number | null;
  answeredIds: Set<string>;
  flaggedIds: Set<string>;
  onOpen: (index: number) => void;
};

function describeQuestion(isAnswered: boolean, isFlagged: boolean) {
  return `${isAnswered ? "answered" : "unanswered"}${isFlagged ? ", flagged for review" : ""}`;
}

/** Every question by number, showing which are answered, unanswered and flagged; each opens its question. */
export function QuestionOverview({ questionIds, current, answeredIds, flaggedIds, onOpen }: QuestionOverviewProps) {
  return (
    <nav aria-label="Questions" className="space-y-3" data-testid="question-overview">
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10 lg:grid-cols-5">
        {questionIds.map((id, index) => {
          const isAnswered = answeredIds.has(id);
          const isFlagged = flaggedIds.has(id);
          const tone = isAnswered ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
          return (
            <li key={id}>
              <button
                type="button"
                onClick={() => onOpen(index)}
                aria-current={current === index ? "step" : undefined}
                aria-label={`Question ${index + 1}, ${describeQuestion(isAnswered, isFlagged)}`}
                data-testid={`overview-${index + 1}`}
                data-answered={isAnswered}
                data-flagged={isFlagged}
                className={`relative flex h-9 w-full items-center justify-center rounded-md border text-sm font-medium tabular-nums ${tone} ${current === index ? "ring-2 ring-slate-900 ring-offset-1" : ""}`}
              >
                {index + 1}
                {isFlagged && <span aria-hidden className="absolute -top-1.5 -right-1.5 size-3 rounded-full border-2 border-white bg-amber-500" />}
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Legend">
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-sm bg-brand-600" /> Answered ({answeredIds.size})
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-sm border border-slate-300 bg-white" /> Unanswered ({questionIds.length - answeredIds.size})
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="size-3 rounded-full bg-amber-500" /> Flagged ({flaggedIds.size})
        </li>
      </ul>
    </nav>
  );
}
