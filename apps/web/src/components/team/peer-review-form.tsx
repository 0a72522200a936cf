"use client";

import { useState } from "react";

const RATING_DIMENSIONS = [
  { key: "contribution", label: "Contribution", hint: "did their share of the work" },
  { key: "quality", label: "Quality", hint: "work that was correct and clear" },
  { key: "communication", label: "Communication", hint: "kept the team informed and helped others" },
] as const;
type RatingDimension = (typeof RATING_DIMENSIONS)[number]["key"];
export type PeerRatingDraft = Record<RatingDimension, number> & { rateeId: string; comment: string };

const SCALE = [1, 2, 3, 4, 5] as const;
const SCALE_LABEL: Record<number, string> = { 1: "1 · far below", 2: "2 · below", 3: "3 · as expected", 4: "4 · above", 5: "5 · far above" };
export const RATING_COMMENT_MAX = 2000;

type PeerReviewFormProps = {
  milestoneTitle: string;
  teammates: { id: string; name: string; isRated: boolean }[];
  isSaving: boolean;
  onSubmit: (ratings: PeerRatingDraft[]) => void;
};

/** One milestone's ratings of every teammate, 1 to 5 on each dimension, with a comment (CATME-style). */
export function PeerReviewForm({ milestoneTitle, teammates, isSaving, onSubmit }: PeerReviewFormProps) {
  const [ratings, setRatings] = useState<PeerRatingDraft[]>(() => teammates.map((mate) => ({ rateeId: mate.id, contribution: 0, quality: 0, communication: 0, comment: "" })));
  const hasRated = teammates.some((mate) => mate.isRated);
  const isComplete = ratings.every((rating) => RATING_DIMENSIONS.every(({ key }) => rating[key] >= 1));
  const update = (rateeId: string, change: Partial<PeerRatingDraft>) => setRatings((current) => current.map((rating) => (rating.rateeId === rateeId ? { ...rating, ...change } : rating)));
  if (teammates.length === 0) return <p className="text-sm text-slate-600">You have no teammates to rate yet.</p>;
  return (
    <form
      className="space-y-4"
      data-testid="peer-review-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (isComplete) onSubmit(ratings);
      }}
    >
      {teammates.map((mate) => {
        const rating = ratings.find((r) => r.rateeId === mate.id)!;
        return (
          <fieldset key={mate.id} className="space-y-3 rounded-md border border-slate-200 p-3">
            <legend className="px-1 font-medium">
              {mate.name} · {milestoneTitle}
              {mate.isRated && <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs font-normal text-emerald-900">rated</span>}
            </legend>
            {RATING_DIMENSIONS.map((dimension) => (
              <fieldset key={dimension.key} className="min-w-0">
                <legend className="text-sm">
                  <span className="font-medium">{dimension.label}</span> <span className="text-slate-600">({dimension.hint})</span>
                </legend>
                <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
                  {SCALE.map((value) => (
                    <label key={value} className="flex items-center gap-1 text-sm">
                      <input type="radio" name={`${mate.id}-${dimension.key}`} value={value} checked={rating[dimension.key] === value} onChange={() => update(mate.id, { [dimension.key]: value })} />
                      {SCALE_LABEL[value]}
                    </label>
                  ))}
                </div>
              </fieldset>
            ))}
            <div>
              <label className="label" htmlFor={`comment-${mate.id}`}>
                Comment for your instructor (optional)
              </label>
              <textarea id={`comment-${mate.id}`} className="field" rows={2} maxLength={RATING_COMMENT_MAX} value={rating.comment} onChange={(event) => update(mate.id, { comment: event.target.value })} />
            </div>
          </fieldset>
        );
      })}
      <p className="text-xs text-slate-600">Only your instructor sees these ratings. Rating again replaces your earlier ratings.</p>
      <button type="submit" className="btn-primary" disabled={isSaving || !isComplete}>
        {isSaving ? "Saving…" : hasRated ? "Replace my ratings" : "Submit my ratings"}
      </button>
      {!isComplete && <p className="text-sm text-slate-600">Rate every teammate on every dimension to submit.</p>}
    </form>
  );
}
