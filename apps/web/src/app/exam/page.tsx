import { examBlueprint } from "@academy/content";
import type { Metadata } from "next";

import { CohortExams } from "~/components/exam/cohort-exams";
import { ExamFormat } from "~/components/exam/exam-format";
import { ExamHistory } from "~/components/exam/exam-history";
import { ExamReadiness } from "~/components/exam/exam-readiness";
import { StartMockButton } from "~/components/exam/start-mock-button";
import { getEnv } from "~/env";
import { requireUser } from "~/lib/require-user";
import { HydrateClient, prefetch, readForClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Exams" };

export default async function ExamPage() {
  await requireUser("/exam");
  const [history] = await Promise.all([readForClient(trpc.exam.history.queryOptions()), prefetch(trpc.exam.readiness.queryOptions()), prefetch(trpc.cohortExam.listForLearner.queryOptions())]);
  const isInProgress = history.some((entry) => entry.examKind === "mock" && entry.status === "in-progress");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Exams</h1>
        <p className="text-slate-600">Sit a timed mock exam whenever you like: a fresh draw each time, in the format of the real one.</p>
      </header>
      <section aria-labelledby="mock-heading" className="card space-y-3">
        <h2 id="mock-heading" className="font-semibold">
          Mock exam
        </h2>
        <p className="text-sm text-slate-600">
          {isInProgress ? "You have a mock exam in progress: its clock is running." : "Starting draws your questions and exercises and starts the clock."}
        </p>
        <StartMockButton isInProgress={isInProgress} />
      </section>
      <HydrateClient>
        <section aria-labelledby="cohort-exams-heading" className="card space-y-3">
          <h2 id="cohort-exams-heading" className="font-semibold">
            Scheduled exams
          </h2>
          <CohortExams />
        </section>
        <ExamFormat durationMinutes={getEnv().EXAM_MOCK_DURATION_MINUTES ?? examBlueprint.durationMinutes} />
        <section aria-labelledby="history-heading" className="card space-y-3">
          <h2 id="history-heading" className="font-semibold">
            Your attempts
          </h2>
          <ExamHistory passPercent={examBlueprint.passPercent} />
        </section>
        <section aria-labelledby="readiness-heading" className="card space-y-3">
          <h2 id="readiness-heading" className="font-semibold">
            Readiness by chapter
          </h2>
          <ExamReadiness />
        </section>
      </HydrateClient>
    </div>
  );
}
