import { notFound } from "next/navigation";

import { CohortExamDetail } from "~/components/cohort-exam/cohort-exam-detail";
import { ScheduleExamForm } from "~/components/cohort-exam/schedule-exam-form";
import { CohortBreadcrumb, guardCohortPage, readOrNotFound } from "~/components/instructor/cohort-page-guard";
import { HydrateClient, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; examId: string }> };

export const metadata = { title: "Cohort exam" };

export default async function CohortExamPage({ params }: Props) {
  const { cohortId, examId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/exams/${examId}`);
  if ("denied" in guard) return guard.denied;
  const { cohort } = guard;
  const roster = await readOrNotFound(() => readForClient(trpc.cohortExam.roster.queryOptions({ examId })));
  if (roster.exam.cohortId !== cohortId) notFound();
  const { exam } = roster;
  const isEditable = roster.now.getTime() < exam.opensAt.getTime();
  return (
    <div className="space-y-6">
      <CohortBreadcrumb cohort={cohort} trail={["Exams", exam.title]} />
      <h1 className="text-2xl font-semibold break-words">{exam.title}</h1>
      <HydrateClient>
        <CohortExamDetail cohortId={cohortId} examId={examId} />
      </HydrateClient>
      {isEditable && (
        <section aria-labelledby="edit-heading" className="card space-y-3">
          <h2 id="edit-heading" className="font-semibold">
            Edit before it opens
          </h2>
          <ScheduleExamForm
            cohortId={cohortId}
            learners={cohort.learners}
            defaultDurationMinutes={exam.durationMinutes}
            existing={{
              examId,
              values: {
                title: exam.title,
                opensAt: exam.opensAt,
                closesAt: exam.closesAt,
                durationMinutes: exam.durationMinutes,
                extraTime: roster.learners.filter((l) => l.extraMinutes > 0).map((l) => ({ userId: l.userId, minutes: l.extraMinutes })),
              },
            }}
          />
        </section>
      )}
    </div>
  );
}
