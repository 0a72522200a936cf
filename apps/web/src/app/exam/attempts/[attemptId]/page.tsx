import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ExamSitting } from "~/components/exam/exam-sitting";
import { readOrNotFound } from "~/components/exam/load-exam-query";
import { PartBWorkspace } from "~/components/exam/part-b-workspace";
import { renderQuestions } from "~/components/exam/render-questions";
import { Markdown } from "~/components/markdown/markdown";
import { requireUser } from "~/lib/require-user";
import { getServerCaller, HydrateClient, prefetch, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ attemptId: string }> };

export const metadata: Metadata = { title: "Exam" };

/** The README opens with the exercise's title, which the tab already names. */
function withoutTitle(readme: string) {
  return readme.replace(/^# [^\n]*\n+/, "");
}

export default async function ExamAttemptPage({ params }: Props) {
  const { attemptId } = await params;
  await requireUser(`/exam/attempts/${attemptId}`);
  const attempt = await readOrNotFound(() => readForClient(trpc.exam.getAttempt.queryOptions({ attemptId })));
  if (!attempt) notFound();
  if (attempt.status !== "in-progress") redirect(`/exam/attempts/${attemptId}/result`);
  const caller = await getServerCaller();
  const [history, exercises] = await Promise.all([
    caller.exam.history(),
    Promise.all(
      attempt.exercises.map(async ({ id }) => {
        const [exercise, draft] = await Promise.all([caller.exercise.get({ id }), caller.exam.getPartBDraft({ attemptId, exerciseId: id })]);
        return { exercise, draft };
      }),
    ),
    prefetch(trpc.exam.partBStatus.queryOptions({ attemptId })),
  ]);
  const title = history.find((entry) => entry.attemptId === attemptId)?.examTitle ?? "Exam";
  const partB = exercises.map(({ exercise, draft }, index) => ({
    id: `part-b-${exercise.id}`,
    label: `Part B · ${index + 1}. ${exercise.title}`,
    content: <PartBWorkspace attemptId={attemptId} exercise={exercise} draft={draft} task={<Markdown source={withoutTitle(exercise.readme)} />} />,
  }));
  return (
    <HydrateClient>
      <ExamSitting attemptId={attemptId} title={title} questions={renderQuestions(attempt.questions)} partB={partB} />
    </HydrateClient>
  );
}
