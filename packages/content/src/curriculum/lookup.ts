import { loadCurriculum } from "./load-curriculum";
import type { Chapter, Section } from "./load-curriculum";

export function listChapters(): Chapter[] {
  return loadCurriculum().chapters;
}

/** Every section in reading order. */
export function listSections(): Section[] {
  return loadCurriculum().sections;
}

export function getSection(id: string): Section | undefined {
  return listSections().find((section) => section.id === id);
}

/** The sections before and after `id` in reading order, across chapter boundaries. */
export function getAdjacentSections(id: string): { previous: Section | null; next: Section | null } {
  const sections = listSections();
  const index = sections.findIndex((section) => section.id === id);
  if (index === -1) return { previous: null, next: null };
  return { previous: sections[index - 1] ?? null, next: sections[index + 1] ?? null };
}
