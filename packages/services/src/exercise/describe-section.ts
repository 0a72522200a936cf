import { listChapters } from "@academy/content";

export type SectionLabel = { chapter: number; chapterTitle: string; sectionTitle: string | null };

/** Chapter and section titles from the curriculum; a curriculum that fails to load only costs the titles. */
export function createSectionLabeler(): (section: string) => SectionLabel {
  let chapters: ReturnType<typeof listChapters> = [];
  try {
    chapters = listChapters();
  } catch {
    chapters = [];
  }
  return (section) => {
    const number = Number(section.split(".")[0]);
    const chapter = chapters.find((c) => c.number === number);
    return {
      chapter: number,
      chapterTitle: chapter?.title ?? `Chapter ${number}`,
      sectionTitle: chapter?.sections.find((s) => s.id === section)?.title ?? null,
    };
  };
}

/** "3.10" after "3.9": sections sort by their numbers, not as text. */
export function compareSections(a: string, b: string) {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
