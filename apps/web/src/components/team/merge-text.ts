import { applyPatch, structuredPatch } from "diff";

/**
 * A first draft of the merge of two edits of one text: the teammate's change (base → theirs)
 * applied onto mine. Where both changed the same lines the patch does not apply, and the draft
 * holds both whole texts between conflict markers instead, so neither side's text is lost.
 */
export function draftMerge({ base, mine, theirs, theirLabel }: { base: string; mine: string; theirs: string; theirLabel: string }) {
  if (mine === base || mine === theirs) return { text: theirs, isClean: true };
  if (theirs === base) return { text: mine, isClean: true };
  const merged = applyPatch(mine, structuredPatch("file", "file", base, theirs));
  if (merged !== false) return { text: merged, isClean: true };
  const end = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);
  return { text: `<<<<<<< yours\n${end(mine)}=======\n${end(theirs)}>>>>>>> ${theirLabel}\n`, isClean: false };
}

/** Whether a text still holds the conflict markers draftMerge wrote. */
export function hasConflictMarkers(text: string) {
  return /^<<<<<<< /m.test(text) && /^=======$/m.test(text) && /^>>>>>>> /m.test(text);
}
