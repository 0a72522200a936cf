"use client";

import Link from "next/link";
import { useMemo, useState } from "react";

import { formatScore } from "./format";
import { DifficultyBadge, PracticeStatusBadge } from "./status-badge";
import type { CatalogueEntry } from "./types";

type Filters = { text: string; difficulty: "all" | CatalogueEntry["difficulty"]; status: "all" | CatalogueEntry["status"] };

type Section = { id: string; title: string | null; exercises: CatalogueEntry[] };
type Chapter = { number: number; title: string; sections: Section[] };

function group(entries: CatalogueEntry[]): Chapter[] {
  const chapters: Chapter[] = [];
  for (const entry of entries) {
    let chapter = chapters.find((c) => c.number === entry.chapter);
    if (!chapter) chapters.push((chapter = { number: entry.chapter, title: entry.chapterTitle, sections: [] }));
    let section = chapter.sections.find((s) => s.id === entry.section);
    if (!section) chapter.sections.push((section = { id: entry.section, title: entry.sectionTitle, exercises: [] }));
    section.exercises.push(entry);
  }
  return chapters;
}

function matches(entry: CatalogueEntry, filters: Filters) {
  const text = filters.text.trim().toLowerCase();
  return (
    (filters.difficulty === "all" || entry.difficulty === filters.difficulty) &&
    (filters.status === "all" || entry.status === filters.status) &&
    (text === "" || `${entry.title} ${entry.id} ${entry.section} ${entry.sectionTitle ?? ""}`.toLowerCase().includes(text))
  );
}

function ExerciseRow({ entry }: { entry: CatalogueEntry }) {
  return (
    <li data-testid={`exercise-row-${entry.id}`} className="flex flex-wrap items-center gap-3 py-2.5">
      <Link href={`/exercises/${entry.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
        {entry.title}
      </Link>
      {entry.kind === "write-tests" && <span className="text-xs text-slate-500">write the tests</span>}
      <span className="ml-auto flex flex-wrap items-center justify-end gap-3 text-sm">
        <DifficultyBadge difficulty={entry.difficulty} />
        <span className="w-14 text-right text-slate-600 tabular-nums">{entry.points} pts</span>
        <span className="w-20 text-right text-slate-600 tabular-nums" title="Best score">
          {entry.bestScore === null ? "—" : formatScore(entry.bestScore, entry.points)}
        </span>
        <span className="w-24 text-right">
          <PracticeStatusBadge status={entry.status} />
        </span>
      </span>
    </li>
  );
}

/** Every exercise by chapter and section, filtered in the browser: forty rows need no round trip. */
export function Catalogue({ entries }: { entries: CatalogueEntry[] }) {
  const [filters, setFilters] = useState<Filters>({ text: "", difficulty: "all", status: "all" });
  const chapters = useMemo(() => group(entries.filter((entry) => matches(entry, filters))), [entries, filters]);
  const shown = chapters.reduce((sum, c) => sum + c.sections.reduce((n, s) => n + s.exercises.length, 0), 0);
  return (
    <div className="space-y-6">
      <form className="card flex flex-wrap items-end gap-4" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="min-w-48 flex-1">
          <label className="label" htmlFor="filter-text">
            Search
          </label>
          <input id="filter-text" className="field" placeholder="Title or section" value={filters.text} onChange={(e) => setFilters({ ...filters, text: e.target.value })} />
        </div>
        <div>
          <label className="label" htmlFor="filter-difficulty">
            Difficulty
          </label>
          <select id="filter-difficulty" className="field" value={filters.difficulty} onChange={(e) => setFilters({ ...filters, difficulty: e.target.value as Filters["difficulty"] })}>
            <option value="all">All</option>
            <option value="intro">Intro</option>
            <option value="core">Core</option>
            <option value="advanced">Advanced</option>
          </select>
        </div>
        <div>
          <label className="label" htmlFor="filter-status">
            Status
          </label>
          <select id="filter-status" className="field" value={filters.status} onChange={(e) => setFilters({ ...filters, status: e.target.value as Filters["status"] })}>
            <option value="all">All</option>
            <option value="not-started">Not started</option>
            <option value="attempted">Attempted</option>
            <option value="passed">Passed</option>
          </select>
        </div>
        <p className="text-sm text-slate-500" aria-live="polite">
          {shown} of {entries.length} exercises
        </p>
      </form>
      {chapters.length === 0 && <p className="text-slate-600">No exercise matches these filters.</p>}
      {chapters.map((chapter) => (
        <section key={chapter.number} aria-labelledby={`chapter-${chapter.number}`} className="card">
          <h2 id={`chapter-${chapter.number}`} className="text-lg font-semibold">
            Chapter {chapter.number} · {chapter.title}
          </h2>
          {chapter.sections.map((section) => (
            <div key={section.id} className="mt-4">
              <h3 className="text-sm font-medium text-slate-500">
                {section.id} {section.title}
              </h3>
              <ul className="divide-y divide-slate-100">
                {section.exercises.map((entry) => (
                  <ExerciseRow key={entry.id} entry={entry} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
