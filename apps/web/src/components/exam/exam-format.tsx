import { examBlueprint, listChapters } from "@academy/content";

type ExamFormatProps = { durationMinutes: number };

/** The exam's format in words and a table, from the blueprint the draw uses, so the page and the exam agree. */
export function ExamFormat({ durationMinutes }: ExamFormatProps) {
  const { partA, partB, passPercent } = examBlueprint;
  const titles = new Map(listChapters().map((chapter) => [chapter.number, chapter.title]));
  const difficulties = partB.exercises.map((exercise) => exercise.difficulty);
  return (
    <section aria-labelledby="exam-format-heading" className="card space-y-4" data-testid="exam-format">
      <h2 id="exam-format-heading" className="font-semibold">
        The format
      </h2>
      <ul className="list-inside list-disc space-y-1 text-sm text-slate-700">
        <li>
          One sitting of <span data-testid="exam-duration">{durationMinutes} minutes</span>, counted by the server: a reload or another device shows the same time left.
        </li>
        <li>
          Part A, {partA.weightPercent}% of the score: {partA.questionCount} questions drawn from the chapter {partA.chapters[0]!.chapter}–{partA.chapters.at(-1)!.chapter} quizzes. Move
          freely between them and flag any for review.
        </li>
        <li>
          Part B, {partB.weightPercent}% of the score: {difficulties.length === 1 ? "one exercise" : `${difficulties.length} exercises`} ({difficulties.join(" and ")}) graded by hidden tests; your best
          submission of each counts. During the exam you see that a submission was received and graded, not its score.
        </li>
        <li>You pass from {passPercent}%. Answers and code are saved as you go; at the deadline the exam is submitted for you.</li>
      </ul>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[18rem] text-left text-sm">
          <caption className="sr-only">Part A questions per chapter</caption>
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Chapter
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Questions
              </th>
            </tr>
          </thead>
          <tbody>
            {partA.chapters.map(({ chapter, questions }) => (
              <tr key={chapter} className="border-t border-slate-100">
                <td className="py-1">
                  {chapter}. {titles.get(chapter) ?? ""}
                </td>
                <td className="py-1 text-right tabular-nums">{questions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
