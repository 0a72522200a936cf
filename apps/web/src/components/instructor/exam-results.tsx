"use client";

import Link from "next/link";

import { BarChart } from "./bar-chart";
import { cohortLinks } from "./cohort-links";
import type { ExamResults } from "./types";

type Exam = ExamResults["exams"][number];

const percentText = (value: number | null) => (value === null ? "—" : `${value}%`);

function ExamSummary({ exam }: { exam: Exam }) {
  const distribution = exam.distribution.map((band) => ({ band: `${band.fromPercent}–${band.toPercent}`, attempts: band.attemptIds.length }));
  const hardest = [...exam.questions].sort((a, b) => (a.facilityPercent ?? 101) - (b.facilityPercent ?? 101));
  return (
    <div className="space-y-3 border-t border-slate-100 pt-3 first:border-0 first:pt-0" data-testid="exam-result">
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h3 className="font-medium">{exam.title}</h3>
        <span className="text-sm text-slate-600">
          {exam.kind === "mock" ? "mock exam" : "exam"} · {exam.attempts.length} {exam.attempts.length === 1 ? "attempt" : "attempts"} · mean {percentText(exam.meanPercent)}
        </span>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <BarChart label={`${exam.title}: attempts per score band (Part A, percent)`} data={distribution} xKey="band" series={[{ key: "attempts", name: "Attempts", color: "#7c3aed" }]} height={180} />
        <table className="text-left text-sm">
          <caption className="text-left text-xs text-slate-500">Mean per chapter</caption>
          <tbody>
            {exam.chapters.map((chapter) => (
              <tr key={chapter.chapter} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  Chapter {chapter.chapter}
                </th>
                <td className="py-1 pr-3 text-right tabular-nums">{percentText(chapter.meanPercent)}</td>
                <td className="py-1 text-right text-xs text-slate-500">{chapter.attemptCount} attempts</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary className="cursor-pointer text-sm text-slate-700">Per-question facility ({exam.questions.length} questions, hardest first)</summary>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {hardest.map((question) => (
            <li key={question.questionId} className="flex gap-3 py-1">
              <span className="w-12 shrink-0 text-right tabular-nums">{percentText(question.facilityPercent)}</span>
              <span className="min-w-0 break-words">
                <span className="text-slate-500">{question.section}</span> {question.prompt}
                <span className="text-xs text-slate-500"> · drawn {question.drawnCount}×</span>
              </span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/** Exam attempts of the cohort's learners, once there are any: score bands, chapter means, question facility. */
export function ExamResultsView({ cohortId, results }: { cohortId: string; results: ExamResults }) {
  const withAttempts = results.exams.filter((exam) => exam.attempts.length > 0);
  return (
    <section className="card min-w-0 space-y-3" aria-labelledby="exams-heading">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="exams-heading" className="font-semibold">
          Exams
        </h2>
        <Link href={cohortLinks.exams(cohortId)} className="ml-auto text-sm text-brand-700 hover:underline">
          Schedule and follow the cohort&apos;s exams →
        </Link>
      </div>
      {withAttempts.length === 0 ? (
        <p className="text-sm text-slate-600">No exam attempt yet. Results show here once learners have sat an exam or a mock exam.</p>
      ) : (
        withAttempts.map((exam) => <ExamSummary key={exam.examId} exam={exam} />)
      )}
    </section>
  );
}
