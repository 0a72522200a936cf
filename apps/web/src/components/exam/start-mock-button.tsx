"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

import { useTRPC } from "~/trpc/react";

import { describeExamError } from "./describe-exam-error";

/** Starts a mock exam, or opens the one in progress (the server returns it rather than drawing again). */
export function StartMockButton({ isInProgress }: { isInProgress: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.exam.startMock.mutationOptions({ onSuccess: ({ attemptId }) => router.push(`/exam/attempts/${attemptId}`) }));
  return (
    <div className="space-y-2">
      <button type="button" className="btn-primary" disabled={start.isPending || start.isSuccess} onClick={() => start.mutate()}>
        {start.isPending || start.isSuccess ? "Opening…" : isInProgress ? "Resume your mock exam" : "Start a mock exam"}
      </button>
      {start.error && (
        <p role="alert" className="text-sm text-rose-800">
          {describeExamError(start.error)}
        </p>
      )}
    </div>
  );
}
