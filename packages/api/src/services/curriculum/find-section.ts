import { getSection } from "@academy/content";
import type { Section } from "@academy/content";
import { TRPCError } from "@trpc/server";

/** The section or a NOT_FOUND a learner can act on. */
export function findSectionOrThrow(sectionId: string): Section {
  const section = getSection(sectionId);
  if (!section) throw new TRPCError({ code: "NOT_FOUND", message: `There is no lesson ${sectionId} in the curriculum. Pick one from the Learn page.` });
  return section;
}
