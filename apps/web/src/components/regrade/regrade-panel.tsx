"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ActionError } from "~/components/instructor/describe-action-error";
import { useTRPC } from "~/trpc/react";

import { RegradeChangesTable } from "./regrade-changes-table";
import type { RegradePreview, RegradeView } from "./types";
import { useLiveRegrade } from "./use-live-regrade";

const describeVersion = (versionId: string) => versionId.slice(versionId.lastIndexOf("@") + 1, versionId.lastIndexOf("@") + 9);
const formatDate = (date: Date) => date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** The stream brings every change; reading again after an action covers a stream that is reconnecting. */
function useRefreshRegrade(cohortId: string, exerciseId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.regrade.preview.queryKey({ cohortId, exerciseId }) });
}

function StartPreview({ cohortId, view }: { cohortId: string; view: RegradeView }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegrade(cohortId, view.exercise.id);
  const start = useMutation(trpc.regrade.startPreview.mutationOptions({ onSuccess: refresh }));
  const { exercise, learnersOnOlderVersion, learnersWithSubmission } = view;
  const version = `version ${describeVersion(exercise.currentVersionId)}, synced ${formatDate(exercise.currentVersionSyncedAt)}`;
  if (learnersWithSubmission === 0) return <p className="text-sm text-slate-600">No learner of this cohort has submitted this exercise yet: there is nothing to regrade.</p>;
  if (learnersOnOlderVersion === 0) {
    return <p className="text-sm text-slate-600">Every learner&apos;s latest submission is graded against the current {version}.</p>;
  }
  if (!view.canStartPreview) return <p className="text-sm text-slate-600">This exercise is no longer on offer, so its tests cannot be run again.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="regrade-newer-version">
        The exercise&apos;s tests changed: {version} is newer than the one {plural(learnersOnOlderVersion, "learner's", "learners'")} latest submission was graded
        against. A preview grades those submissions again against it, after every learner&apos;s own gradings; nothing changes until you apply it.
      </p>
      <button type="button" className="btn-primary" disabled={start.isPending} onClick={() => start.mutate({ cohortId, exerciseId: exercise.id })}>
        {start.isPending ? "Starting…" : "Preview regrade"}
      </button>
      <ActionError error={start.error} />
    </div>
  );
}

function Summary({ preview }: { preview: RegradePreview }) {
  const { summary } = preview;
  const figures = [
    { label: "Go up", value: summary.up, tone: "text-emerald-800" },
    { label: "Go down", value: summary.down, tone: "text-rose-800" },
    { label: "Unchanged", value: summary.unchanged, tone: "text-slate-800" },
    { label: "Errors", value: summary.errors, tone: "text-amber-800" },
  ];
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-medium text-slate-700">Best scores once applied</h3>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="regrade-summary">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-md border border-slate-200 px-3 py-2">
            <dt className="text-xs text-slate-600">{figure.label}</dt>
            <dd className={`text-lg font-semibold tabular-nums ${figure.tone}`}>{figure.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Progress({ preview }: { preview: RegradePreview }) {
  const { graded, total } = preview.progress;
  return (
    <div className="space-y-1">
      <p className="text-sm text-slate-700" aria-live="polite" data-testid="regrade-progress">
        {preview.isGrading ? `Grading: ${graded} of ${total} done` : `Graded ${graded} of ${total}`}
      </p>
      <div className="h-2 overflow-hidden rounded bg-slate-100" role="progressbar" aria-label="Regrade preview progress" aria-valuemin={0} aria-valuemax={total} aria-valuenow={graded}>
        <div className="h-full bg-brand-600 transition-all" style={{ width: `${total === 0 ? 100 : (graded / total) * 100}%` }} />
      </div>
    </div>
  );
}

function OpenPreview({ cohortId, exerciseId, preview }: { cohortId: string; exerciseId: string; preview: RegradePreview }) {
  const trpc = useTRPC();
  const refresh = useRefreshRegrade(cohortId, exerciseId);
  const apply = useMutation(trpc.regrade.applyPreview.mutationOptions({ onSuccess: refresh }));
  const discard = useMutation(trpc.regrade.discardPreview.mutationOptions({ onSuccess: refresh }));
  const isBusy = apply.isPending || discard.isPending;
  const { summary } = preview;
  const confirmApply = () =>
    window.confirm(
      `Apply the regrade? ${plural(preview.progress.total - summary.errors, "learner gets", "learners get")} a new result under the new version; ${summary.up} best ${summary.up === 1 ? "score goes" : "scores go"} up and ${summary.down} down. Earlier results stay as they were.`,
    );
  return (
    <div className="space-y-3" data-testid="regrade-preview">
      <p className="text-sm text-slate-600">
        Preview against version {describeVersion(preview.exerciseVersionId)}, started {formatDate(preview.createdAt)} by {preview.requestedByName}. Learners and the gradebook
        see nothing of it until it is applied.
      </p>
      <Progress preview={preview} />
      <Summary preview={preview} />
      <RegradeChangesTable learners={preview.learners} />
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={preview.isGrading || isBusy}
          aria-describedby={preview.isGrading ? "regrade-apply-wait" : undefined}
          onClick={() => {
            if (confirmApply()) apply.mutate({ cohortId, previewId: preview.id });
          }}
        >
          Apply regrade
        </button>
        <button
          type="button"
          className="btn-secondary"
          disabled={isBusy}
          onClick={() => {
            if (window.confirm("Discard this preview? Its results are deleted; nothing else changes.")) discard.mutate({ cohortId, previewId: preview.id });
          }}
        >
          Discard
        </button>
      </div>
      {preview.isGrading && (
        <p id="regrade-apply-wait" className="text-xs text-slate-500">
          You can apply once every submission is graded.
        </p>
      )}
      <ActionError error={apply.error ?? discard.error} />
    </div>
  );
}

/**
 * The instructor's regrade for one exercise of a cohort: whether the exercise has a newer version
 * than learners' latest submissions, a preview of what regrading them would change (live as the
 * gradings end), and applying or discarding it.
 */
export function RegradePanel({ cohortId, exerciseId }: { cohortId: string; exerciseId: string }) {
  const { view, error, isLoading } = useLiveRegrade(cohortId, exerciseId);
  return (
    <section className="card space-y-3" aria-labelledby="regrade-heading" data-testid="regrade-panel">
      <h2 id="regrade-heading" className="text-lg font-semibold text-slate-900">
        Regrade
      </h2>
      {isLoading && <p className="text-sm text-slate-600">Loading…</p>}
      <ActionError error={error} />
      {view && (view.preview ? <OpenPreview cohortId={cohortId} exerciseId={exerciseId} preview={view.preview} /> : <StartPreview cohortId={cohortId} view={view} />)}
    </section>
  );
}
