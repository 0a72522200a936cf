import Link from "next/link";

import { formatTime } from "~/components/practice/format";
import { cohortLinks } from "~/components/instructor/cohort-links";
import { CohortBreadcrumb, guardCohortPage, readOrNotFound } from "~/components/instructor/cohort-page-guard";
import { SubmissionReview } from "~/components/instructor/submission-review";
import { HydrateClient, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ cohortId: string; submissionId: string }> };

export const metadata = { title: "Submission" };

export default async function CohortSubmissionPage({ params }: Props) {
  const { cohortId, submissionId } = await params;
  const guard = await guardCohortPage(cohortId, `/instructor/cohorts/${cohortId}/submissions/${submissionId}`);
  if ("denied" in guard) return guard.denied;
  const { learner, submission } = await readOrNotFound(() => readForClient(trpc.cohort.submission.queryOptions({ cohortId, submissionId })));
  return (
    <div className="space-y-4">
      <CohortBreadcrumb cohort={guard.cohort} trail={["Submissions"]} />
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold break-words">
          {learner.name} · {submission.exerciseTitle}
        </h1>
        <p className="text-sm text-slate-600">
          {submission.examAttemptId ? "Exam submission" : submission.mode === "submit" ? "Submission" : "Visible tests run"} of {formatTime(submission.createdAt)} ·{" "}
          <Link href={cohortLinks.learner(cohortId, learner.id)} className="text-brand-700 underline">
            all of {learner.name}&apos;s activity
          </Link>{" "}
          ·{" "}
          <Link href={cohortLinks.exercise(cohortId, submission.exerciseId)} className="text-brand-700 underline">
            the exercise across the cohort
          </Link>
        </p>
      </div>
      <HydrateClient>
        <SubmissionReview cohortId={cohortId} submissionId={submissionId} />
      </HydrateClient>
    </div>
  );
}
