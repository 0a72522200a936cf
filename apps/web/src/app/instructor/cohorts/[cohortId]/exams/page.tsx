import { examBlueprint } from "@academy/content";
import Link from "next/link";

import { formatExamWindow } from "~/components/cohort-exam/format-exam-time";
import { ScheduleExamForm } from "~/components/cohort-exam/schedule-exam-form";
import { CohortBreadcrumb, guardCohortPage } from "~/components/instructor/cohort-page-guard";
import { getServerCaller } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string }> };

export const metadata = { title: "Cohort exams" };

export default async function CohortExamsPage({ params }: Props) {
  const { cohortId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/exams`);
  if ("denied" in guard) return guard.denied;
  const { cohort } = guard;
  const { exams } = await (await getServerCaller()).cohortExam.list({ cohortId });
  return (
    <div className="space-y-6">
      <CohortBreadcrumb cohort={cohort} trail={["Exams"]} />
      <h1 className="text-2xl font-semibold break-words">Exams · {cohort.name}</h1>
      <section aria-labelledby="scheduled-heading" className="card space-y-3">
        <h2 id="scheduled-heading" className="font-semibold">
          Scheduled exams
        </h2>
        {exams.length === 0 ? (
          <p className="text-sm text-slate-600">No exam is scheduled for this cohort yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {exams.map((exam) => (
              <li key={exam.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="cohort-exam">
                <span className="min-w-0 break-words">
                  <Link href={`/instructor/cohorts/${cohortId}/exams/${exam.id}`} className="font-medium text-brand-700 hover:underline">
                    {exam.title}
                  </Link>
                  <span className="block text-sm text-slate-600">{formatExamWindow(exam)}</span>
                </span>
                <span className="text-sm text-slate-600 tabular-nums">
                  {exam.startedCount} started · {exam.submittedCount} submitted{exam.resultsReleasedAt ? " · released" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {cohort.archivedAt ? (
        <p className="text-sm text-slate-600">This cohort is archived: no new exam can be scheduled.</p>
      ) : (
        <section aria-labelledby="schedule-heading" className="card space-y-3">
          <h2 id="schedule-heading" className="font-semibold">
            Schedule an exam
          </h2>
          <p className="text-sm text-slate-600">
            The same format as the mock exam: {examBlueprint.partA.questionCount} questions and two exercises, drawn for each learner. Learners of this cohort can start it
            only inside the window.
          </p>
          <ScheduleExamForm cohortId={cohortId} learners={cohort.learners} defaultDurationMinutes={examBlueprint.durationMinutes} />
        </section>
      )}
    </div>
  );
}
