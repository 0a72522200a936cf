import MiniSearch from "minisearch";

import { loadCurriculum } from "./load-curriculum";
import type { Curriculum } from "./load-curriculum";
import { toProseText } from "./markdown";

export type LessonSearchResult = { sectionId: string; title: string; chapter: number; snippet: string; score: number };

type IndexedLesson = { id: string; title: string; summary: string; headings: string; body: string; chapter: number };

const SNIPPET_RADIUS = 90;

const indexes = new WeakMap<Curriculum, { search: MiniSearch<IndexedLesson>; lessons: Map<string, IndexedLesson> }>();

function buildIndex(curriculum: Curriculum) {
  const lessons = new Map<string, IndexedLesson>(
    curriculum.sections.map((section) => [
      section.id,
      {
        id: section.id,
        title: section.title,
        summary: section.summary,
        headings: section.headings.map((heading) => heading.text).join(" · "),
        body: toProseText(section.body),
        chapter: section.chapter,
      },
    ]),
  );
  const search = new MiniSearch<IndexedLesson>({
    fields: ["title", "summary", "headings", "body"],
    storeFields: ["title", "chapter"],
    // Every word must be in the lesson (a word the curriculum lacks finds nothing, rather than
    // everything that has the other words); each word matches as a prefix or with a typo or two.
    // A lesson named after the query beats one that merely mentions it.
    searchOptions: { combineWith: "AND", boost: { title: 5, headings: 2, summary: 2 }, prefix: true, fuzzy: 0.2 },
  });
  search.addAll([...lessons.values()]);
  return { search, lessons };
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** About two lines of prose around the first matched term, or the summary when only the title matched. */
function makeSnippet(lesson: IndexedLesson, terms: string[]): string {
  const pattern = terms.length > 0 ? new RegExp(`\\b(${terms.map(escapeRegExp).join("|")})`, "i") : null;
  const match = pattern?.exec(lesson.body);
  if (!match) return lesson.summary;
  const start = Math.max(0, lesson.body.lastIndexOf(" ", Math.max(0, match.index - SNIPPET_RADIUS)) + 1);
  const endSpace = lesson.body.indexOf(" ", Math.min(lesson.body.length, match.index + SNIPPET_RADIUS * 1.5));
  const end = endSpace === -1 ? lesson.body.length : endSpace;
  return `${start > 0 ? "… " : ""}${lesson.body.slice(start, end).trim()}${end < lesson.body.length ? " …" : ""}`;
}

/** Full-text search over every lesson; the index is built on the first search. */
export function searchLessons(query: string, options: { limit?: number; curriculum?: Curriculum } = {}): LessonSearchResult[] {
  const trimmed = query.trim();
  if (trimmed.length === 0) return [];
  const curriculum = options.curriculum ?? loadCurriculum();
  let index = indexes.get(curriculum);
  if (!index) {
    index = buildIndex(curriculum);
    indexes.set(curriculum, index);
  }
  const hits = index.search.search(trimmed);
  return hits.slice(0, options.limit ?? 20).map((hit) => {
    const lesson = index.lessons.get(String(hit.id))!;
    return { sectionId: lesson.id, title: lesson.title, chapter: lesson.chapter, snippet: makeSnippet(lesson, hit.terms), score: hit.score };
  });
}
