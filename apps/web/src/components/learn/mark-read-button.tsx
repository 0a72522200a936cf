"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useTRPC } from "~/trpc/react";

/** Reads and sets the learner's read mark through the lesson's progress query, which the page hands over with its HTML. */
export function MarkReadButton({ sectionId }: { sectionId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const progressOptions = trpc.lesson.progress.queryOptions({ sectionId });
  const { data: progress } = useQuery(progressOptions);
  const markRead = useMutation(
    trpc.lesson.markRead.mutationOptions({
      onSuccess: (result) => queryClient.setQueryData(progressOptions.queryKey, (current) => current && { ...current, isRead: result.isRead }),
    }),
  );
  const isRead = progress?.isRead ?? false;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={isRead ? "btn-secondary" : "btn-primary"}
        disabled={markRead.isPending || !progress}
        aria-pressed={isRead}
        onClick={() => markRead.mutate({ sectionId, isRead: !isRead })}
        data-testid="mark-read"
      >
        {isRead ? "✓ Read · mark as unread" : "Mark as read"}
      </button>
      {markRead.error && (
        <p role="alert" className="text-sm text-red-700">
          {markRead.error.message}
        </p>
      )}
    </div>
  );
}
