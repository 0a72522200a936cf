"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { formatTime } from "~/components/practice/format";
import { useTRPC } from "~/trpc/react";

import { describeExamError } from "./describe-exam-error";
import type { LearnerCohortExam } from "./types";

function describeWindow(exam: LearnerCohortExam) {
  const extra = exam.extraMinutes > 0 ? ` + ${exam.extraMinutes} min extra time` : "";
  return `${exam.cohortName} · ${formatTime(exam.opensAt)} to ${formatTime(exam.closesAt)} · ${exam.durationMinutes} min${extra}`;
}

function ExamAction({ exam }: { exam: LearnerCohortExam }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.cohortExam.start.mutationOptions({ onSuccess: ({ attemptId }) => router.push(`/exam/attempts/${attemptId}`) }));
  switch (exam.state) {
    case "upcoming":
      return <span className="text-sm text-slate-600">Opens {formatTime(exam.opensAt)}</span>;
    case "missed":
      return <span className="text-sm text-slate-600">Closed without an attempt</span>;
    case "submitted":
      return exam.attemptId ? (
        <Link href={`/exam/attempts/${exam.attemptId}/result`} className="text-sm text-brand-700 underline">
          {exam.isResultReleased ? `Result${exam.result?.score != null ? `: ${exam.result.score}%` : ""}` : "Submitted; results not released yet"}
        </Link>
      ) : (
        <span className="text-sm text-slate-600">Submitted</span>
      );
    case "open":
    case "in-progress":
      return (
        <span className="flex flex-col items-start gap-1">
          <button type="button" className="btn-primary !py-1.5" disabled={start.isPending || start.isSuccess} onClick={() => start.mutate({ examId: exam.id })}>
            {exam.state === "in-progress" ? "Resume" : "Start"}
          </button>
          {start.error && (
            <span role="alert" className="text-sm text-rose-800">
              {describeExamError(start.error)}
            </span>
          )}
        </span>
      );
  }
}

/** The exams the learner's cohorts have scheduled, each startable inside its window. */
export function CohortExams() {
  const trpc = useTRPC();
  const exams = useQuery(trpc.cohortExam.listForLearner.queryOptions());
  if (exams.error) return <p className="text-sm text-rose-700">{describeExamError(exams.error)}</p>;
  if (!exams.data) return <p className="text-sm text-slate-500">Loading your cohort's exams…</p>;
  if (exams.data.length === 0) return <p className="text-sm text-slate-600">No exam is scheduled for your cohorts. Your instructor's exams will show here.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Scheduled exams">
      {exams.data.map((exam) => (
        <li key={exam.id} className="flex flex-wrap items-center gap-3 py-3" data-testid={`cohort-exam-${exam.id}`} data-state={exam.state}>
          <div className="min-w-0 grow basis-56">
            <p className="font-medium">{exam.title}</p>
            <p className="text-sm text-slate-600">{describeWindow(exam)}</p>
          </div>
          <ExamAction exam={exam} />
        </li>
      ))}
    </ul>
  );
}
