"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { useTRPC } from "~/trpc/react";

export function MarkReadButton({ sectionId, initialIsRead }: { sectionId: string; initialIsRead: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [isRead, setIsRead] = useState(initialIsRead);
  const markRead = useMutation(
    trpc.lesson.markRead.mutationOptions({
      onSuccess: (result) => {
        setIsRead(result.isRead);
        router.refresh();
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className={isRead ? "btn-secondary" : "btn-primary"}
        disabled={markRead.isPending}
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
