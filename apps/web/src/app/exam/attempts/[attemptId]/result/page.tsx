import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { ExamResultView } from "~/components/exam/exam-result-view";
import { readOrNotFound } from "~/components/exam/load-exam-query";
import { ResultQuestions } from "~/components/exam/result-questions";
import { requireUser } from "~/lib/require-user";
import { getServerCaller, HydrateClient, prefetch, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ attemptId: string }> };

export const metadata: Metadata = { title: "Exam result" };

/** The result, or the server's reason it is not shown (a scheduled exam whose results are not released). */
async function readResult(attemptId: string) {
  try {
    return { result: await readForClient(trpc.exam.result.queryOptions({ attemptId })), withheld: null };
  } catch (error) {
    if ((error as { code?: string }).code !== "PRECONDITION_FAILED") throw error;
    return { result: null, withheld: (error as Error).message };
  }
}

export default async function ExamResultPage({ params }: Props) {
  const { attemptId } = await params;
  await requireUser(`/exam/attempts/${attemptId}/result`);
  const attempt = await readOrNotFound(() => readForClient(trpc.exam.getAttempt.queryOptions({ attemptId })));
  if (!attempt) notFound();
  if (attempt.status === "in-progress") redirect(`/exam/attempts/${attemptId}`);
  const caller = await getServerCaller();
  const [{ result, withheld }, history, exercises] = await Promise.all([
    readResult(attemptId),
    caller.exam.history(),
    Promise.all(attempt.exercises.map(({ id }) => caller.exercise.get({ id }))),
  ]);
  const title = history.find((entry) => entry.attemptId === attemptId)?.examTitle ?? "Exam";
  if (result) {
    await Promise.all(result.partB.exercises.flatMap((e) => (e.bestSubmissionId ? [prefetch(trpc.submission.get.queryOptions({ id: e.bestSubmissionId }))] : [])));
  }
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/exam" className="hover:underline">
          Exams
        </Link>{" "}
        / Result
      </nav>
      <h1 className="text-2xl font-semibold">{title}: your result</h1>
      {result ? (
        <>
          <HydrateClient>
            <ExamResultView attemptId={attemptId} exerciseFiles={Object.fromEntries(exercises.map((exercise) => [exercise.id, exercise.files]))} />
          </HydrateClient>
          <section aria-labelledby="questions-heading" className="space-y-4">
            <h2 id="questions-heading" className="text-lg font-semibold">
              Part A: every question
            </h2>
            <ResultQuestions questions={result.questions} />
          </section>
        </>
      ) : (
        <p className="card" role="status" data-testid="result-withheld">
          {withheld}
        </p>
      )}
    </div>
  );
}
