import { findVersionsNoteHref, listHeadlineGraderVersions } from "@academy/content";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";

import { Markdown } from "~/components/markdown/markdown";
import { attemptsInput } from "~/components/practice/attempts-input";
import { DifficultyBadge } from "~/components/practice/status-badge";
import { Workspace } from "~/components/practice/workspace";
import { requireUser } from "~/lib/require-user";
import { getServerCaller, getSessionUser, HydrateClient, prefetch, readForClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ id: string }> };

/** The README opens with the exercise's title, which the page already shows as its heading. */
function withoutTitle(readme: string) {
  return readme.replace(/^# [^\n]*\n+/, "");
}

const loadExercise = cache(async (id: string) => {
  try {
    return await (await getServerCaller()).exercise.get({ id });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const exercise = (await getSessionUser()) ? await loadExercise(id) : null;
  return { title: exercise?.title ?? "Exercise" };
}

export default async function ExercisePage({ params }: Props) {
  const { id } = await params;
  await requireUser(`/exercises/${id}`);
  const exercise = await loadExercise(id);
  if (!exercise) notFound();
  const caller = await getServerCaller();
  // The history and the latest attempt's feedback reach the browser's cache with the page.
  const [draft, [latest]] = await Promise.all([caller.draft.get({ exerciseId: id }), readForClient(trpc.submission.list.queryOptions(attemptsInput(id)))]);
  if (latest) await prefetch(trpc.submission.get.queryOptions({ id: latest.id }));
  return (
    <div className="space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href="/exercises" className="hover:underline">
          Exercises
        </Link>{" "}
        / Chapter {exercise.chapter} · {exercise.chapterTitle} / {exercise.section}
        {exercise.sectionTitle ? ` ${exercise.sectionTitle}` : ""}
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">{exercise.title}</h1>
        <DifficultyBadge difficulty={exercise.difficulty} />
        <span className="text-sm text-slate-600">{exercise.points} points</span>
        <span className="text-sm text-slate-500">· time limit {exercise.timeoutSeconds} s</span>
      </div>
      <p className="text-sm text-slate-500">
        Graded with {listHeadlineGraderVersions().map(({ name, version }) => `${name} ${version}`).join(", ")}.{" "}
        <Link href={findVersionsNoteHref()} className="underline hover:text-slate-700">
          About the versions
        </Link>
      </p>
      <HydrateClient>
        <Workspace exercise={exercise} draft={draft} latestSubmissionId={latest?.id ?? null} task={<Markdown source={withoutTitle(exercise.readme)} />} />
      </HydrateClient>
    </div>
  );
}
