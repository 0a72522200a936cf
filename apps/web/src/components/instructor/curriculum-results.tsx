"use client";

import { BarChart } from "./bar-chart";
import { ScrollTable } from "./scroll-table";
import type { CurriculumResults } from "./types";

const percentText = (value: number | null) => (value === null ? "—" : `${value}%`);

/** Quiz results and lesson progress per chapter: the chart to compare, the table for the counts behind it. */
export function CurriculumResultsView({ results }: { results: CurriculumResults }) {
  const data = results.chapters.map((chapter) => ({
    chapter: `Ch ${chapter.number}`,
    quiz: chapter.meanQuizPercent ?? 0,
    read: chapter.lessonsReadPercent ?? 0,
  }));
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="curriculum-heading" data-testid="curriculum-results">
      <h2 id="curriculum-heading" className="font-semibold">
        Quizzes and lessons by chapter
      </h2>
      <BarChart
        label="Mean best quiz score and share of lessons read, per chapter"
        data={data}
        xKey="chapter"
        yMax={100}
        yUnit="%"
        series={[
          { key: "quiz", name: "Mean best quiz score", color: "#0284c7" },
          { key: "read", name: "Lessons read", color: "#059669" },
        ]}
      />
      <ScrollTable
        label="Quiz and lesson figures per chapter"
        minWidth="17rem"
        columns={[{ label: "Chapter" }, { label: "Mean best quiz", isNumeric: true }, { label: "Quizzes passed", isNumeric: true }, { label: "Lessons read", isNumeric: true }]}
      >
        {results.chapters.map((chapter) => {
          const passed = chapter.sections.reduce((sum, section) => sum + section.quiz.passedLearnerIds.length, 0);
          const possible = chapter.sections.filter((section) => section.questionCount > 0).length * results.learnerCount;
          return (
            <tr key={chapter.number} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {chapter.number}. {chapter.title}
              </th>
              <td className="py-1 pr-3 text-right tabular-nums">{percentText(chapter.meanQuizPercent)}</td>
              <td className="py-1 pr-3 text-right whitespace-nowrap tabular-nums">
                {passed} / {possible}
              </td>
              <td className="py-1 text-right tabular-nums">{percentText(chapter.lessonsReadPercent)}</td>
            </tr>
          );
        })}
      </ScrollTable>
    </section>
  );
}
