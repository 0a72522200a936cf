"use client";

import { useQuery } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

/** Shown once the learner marks the lesson read; the mark-read button updates the same query. */
export function LessonReadBadge({ sectionId }: { sectionId: string }) {
  const trpc = useTRPC();
  const { data: progress } = useQuery(trpc.lesson.progress.queryOptions({ sectionId }));
  if (!progress?.isRead) return null;
  return (
    <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700 ring-1 ring-brand-100" data-testid="lesson-read">
      Read
    </span>
  );
}
