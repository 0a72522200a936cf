const ORDINAL_SUFFIX: Record<Intl.LDMLPluralRule, string> = { zero: "th", one: "st", two: "nd", few: "rd", many: "th", other: "th" };
const ordinalRules = new Intl.PluralRules("en-GB", { type: "ordinal" });

/** "about 10 s", "about 2 min": a rough figure, so no false precision. */
function formatWait(seconds: number) {
  if (seconds < 90) return `about ${seconds} s`;
  return `about ${Math.round(seconds / 60)} min`;
}

/** A queued learner's place in line and the wait to the result: "3rd in line, about 10 s". */
export function describeQueuePlace(position: number | null, estimatedWaitSeconds: number | null) {
  if (!position) return null;
  const place = `${position}${ORDINAL_SUFFIX[ordinalRules.select(position)]} in line`;
  return estimatedWaitSeconds ? `${place}, ${formatWait(estimatedWaitSeconds)}` : place;
}
