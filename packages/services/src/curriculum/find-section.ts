import { getSection } from "@academy/content";
import type { Section } from "@academy/content";

import { DomainError } from "../domain-error";

/** The section or a NOT_FOUND a learner can act on. */
export function findSectionOrThrow(sectionId: string): Section {
  const section = getSection(sectionId);
  if (!section) throw new DomainError("NOT_FOUND", `There is no lesson ${sectionId} in the curriculum. Pick one from the Learn page.`);
  return section;
}
