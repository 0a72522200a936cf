"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";

import { formatScore, formatTime } from "~/components/practice/format";
import { SubmissionStatusBadge } from "~/components/practice/status-badge";
import { useTRPC } from "~/trpc/react";

import { cohortLinks } from "./cohort-links";
import { describeActionError } from "./describe-action-error";
import { ScrollTable } from "./scroll-table";
import type { LearnerActivity } from "./types";
import { LiveBadge, useCohortLive } from "./use-cohort-live";

function Section({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section className="card min-w-0 space-y-2" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`} className="font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({count})</span>
      </h2>
      {children}
    </section>
  );
}

type DatedItem = { key: string; at: Date; content: React.ReactNode };

function DatedList({ items, emptyText }: { items: DatedItem[]; emptyText: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {items.map((item) => (
        <li key={item.key} className="flex flex-wrap gap-x-3 py-1">
          {item.content}
          <span className="ml-auto text-xs text-slate-500">{formatTime(item.at)}</span>
        </li>
      ))}
    </ul>
  );
}

function Submissions({ cohortId, activity }: { cohortId: string; activity: LearnerActivity }) {
  if (activity.submissions.length === 0) return <p className="text-sm text-slate-600">No submission yet.</p>;
  return (
    <ScrollTable
      label="Submissions, scrolls sideways"
      minWidth="30rem"
      columns={[{ label: "When" }, { label: "Exercise" }, { label: "Status" }, { label: "Score", isNumeric: true }]}
    >
      {activity.submissions.map((submission) => (
        <tr key={submission.id} className="border-t border-slate-100" data-testid="learner-submission">
          <td className="py-1.5 pr-3">
            <Link href={cohortLinks.submission(cohortId, submission.id)} className="text-brand-700 underline">
              {formatTime(submission.createdAt)}
            </Link>
          </td>
          <td className="py-1.5 pr-3">
            <Link href={cohortLinks.exercise(cohortId, submission.exerciseId)} className="hover:underline">
              {submission.exerciseTitle}
            </Link>
            <span className="block text-xs text-slate-500">
              {submission.examAttemptId ? "exam" : submission.mode === "submit" ? "submission" : "visible tests"}
              {submission.commentCount > 0 && ` · ${submission.commentCount} ${submission.commentCount === 1 ? "comment" : "comments"}`}
            </span>
          </td>
          <td className="py-1.5 pr-3">
            <SubmissionStatusBadge status={submission.status} />
          </td>
          <td className="py-1.5 text-right tabular-nums">{submission.mode === "submit" ? formatScore(submission.score, submission.maxScore) : "not scored"}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

/** Everything one learner of the cohort did: submissions (each opening), quizzes, lessons read, exams. */
export function LearnerActivityView({ cohortId, learnerId }: { cohortId: string; learnerId: string }) {
  const trpc = useTRPC();
  const activity = useQuery(trpc.cohort.learnerActivity.queryOptions({ cohortId, learnerId }));
  const liveState = useCohortLive(cohortId);
  if (activity.error) return <p className="text-sm text-rose-700">{describeActionError(activity.error)}</p>;
  if (!activity.data) return <p className="text-sm text-slate-500">Loading the learner&apos;s activity…</p>;
  const data = activity.data;
  return (
    <div className="space-y-6">
      <LiveBadge state={liveState} />
      <Section id="learner-submissions" title="Exercise submissions" count={data.submissions.length}>
        <Submissions cohortId={cohortId} activity={data} />
      </Section>
      <div className="grid gap-6 md:grid-cols-2">
        <Section id="learner-quizzes" title="Quiz attempts" count={data.quizAttempts.length}>
          <DatedList
            emptyText="No quiz taken yet."
            items={data.quizAttempts.map((attempt) => ({
              key: attempt.id,
              at: attempt.createdAt,
              content: (
                <>
                  <span className="font-medium">Quiz {attempt.sectionId}</span>
                  <span className="tabular-nums">
                    {attempt.score} / {attempt.maxScore}
                  </span>
                </>
              ),
            }))}
          />
        </Section>
        <Section id="learner-lessons" title="Lessons read" count={data.lessonsRead.length}>
          <DatedList
            emptyText="No lesson marked as read yet."
            items={data.lessonsRead.map((lesson) => ({
              key: lesson.sectionId,
              at: lesson.readAt,
              content: (
                <Link href={`/learn/${lesson.sectionId}`} className="hover:underline">
                  Lesson {lesson.sectionId}
                </Link>
              ),
            }))}
          />
        </Section>
      </div>
      <Section id="learner-exams" title="Exam attempts" count={data.examAttempts.length}>
        <DatedList
          emptyText="No exam attempt yet."
          items={data.examAttempts.map((attempt) => ({
            key: attempt.id,
            at: attempt.startedAt,
            content: (
              <>
                <span className="font-medium">{attempt.examTitle}</span>
                <span className="text-slate-600">
                  {attempt.examKind === "mock" ? "mock" : "exam"} · {attempt.status}
                </span>
                <span className="tabular-nums">Part A {formatScore(attempt.partAScore, attempt.partAMaxScore)}</span>
                {attempt.score !== null && <span className="tabular-nums">total {formatScore(attempt.score, attempt.maxScore)}</span>}
              </>
            ),
          }))}
        />
      </Section>
    </div>
  );
}
