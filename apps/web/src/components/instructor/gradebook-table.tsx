"use client";

import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { flexRender, getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";

import { cohortLinks } from "./cohort-links";
import type { Gradebook, GradebookExercise, GradebookLearner } from "./types";

type SortButtonProps = { label: string; direction: false | "asc" | "desc"; onToggle: (event: unknown) => void };

function SortButton({ label, direction, onToggle }: SortButtonProps) {
  return (
    <button type="button" onClick={onToggle} className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800" aria-label={`Sort by ${label}`}>
      <span aria-hidden>{direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}</span>
    </button>
  );
}

function ScoreCell({ cohortId, learner, exercise }: { cohortId: string; learner: GradebookLearner; exercise: GradebookExercise }) {
  const cell = learner.cells[exercise.id];
  if (!cell) {
    return (
      <span className="text-slate-400" data-testid="gradebook-cell" data-learner-id={learner.id} data-exercise-id={exercise.id} data-attempts="0">
        <span aria-hidden>—</span>
        <span className="sr-only">not attempted</span>
      </span>
    );
  }
  const tone = cell.isPassed ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900";
  return (
    <Link
      href={cohortLinks.submission(cohortId, cell.bestSubmissionId)}
      className={`block rounded px-1.5 py-0.5 tabular-nums hover:underline ${tone}`}
      data-testid="gradebook-cell"
      data-learner-id={learner.id}
      data-exercise-id={exercise.id}
      data-best-score={cell.bestScore ?? ""}
      data-attempts={cell.attempts}
      aria-label={`${learner.name}, ${exercise.title}: best ${cell.bestScore ?? "no score"} of ${exercise.points}, ${cell.attempts} ${cell.attempts === 1 ? "attempt" : "attempts"}${cell.isPassed ? ", passed" : ""}`}
    >
      <span className="font-medium">{cell.bestScore ?? "err"}</span>
      <span className="text-xs">/{exercise.points}</span>
      <span className="block text-xs">{cell.attempts}×</span>
    </Link>
  );
}

function buildColumns(cohortId: string, exercises: GradebookExercise[]): ColumnDef<GradebookLearner>[] {
  return [
    {
      id: "learner",
      accessorFn: (learner) => learner.name,
      filterFn: (row, _id, query: string) => `${row.original.name} ${row.original.email}`.toLowerCase().includes(query.toLowerCase()),
      header: ({ column }) => (
        <span className="flex items-center gap-1">
          Learner
          <SortButton label="learner name" direction={column.getIsSorted()} onToggle={column.getToggleSortingHandler()!} />
        </span>
      ),
      cell: ({ row }) => (
        <Link href={cohortLinks.learner(cohortId, row.original.id)} className="block max-w-40 truncate font-medium text-brand-700 hover:underline" title={row.original.email}>
          {row.original.name}
        </Link>
      ),
    },
    {
      id: "progress",
      accessorFn: (learner) => learner.totals.progressPercent,
      header: ({ column }) => (
        <span className="flex items-center gap-1">
          Total
          <SortButton label="total score" direction={column.getIsSorted()} onToggle={column.getToggleSortingHandler()!} />
        </span>
      ),
      cell: ({ row }) => {
        const { totals } = row.original;
        return (
          <span className="tabular-nums" data-testid="gradebook-total">
            {totals.totalScore}
            <span className="text-xs text-slate-500">/{totals.pointsPossible}</span>
            <span className="block text-xs text-slate-500">
              {totals.exercisesPassed} passed · {totals.progressPercent}%
            </span>
          </span>
        );
      },
    },
    ...exercises.map(
      (exercise): ColumnDef<GradebookLearner> => ({
        id: `exercise:${exercise.id}`,
        accessorFn: (learner) => learner.cells[exercise.id]?.bestScore ?? undefined,
        sortUndefined: "last",
        header: ({ column }) => (
          <span className="flex items-start gap-0.5">
            <Link href={cohortLinks.exercise(cohortId, exercise.id)} className="block w-20 text-xs leading-tight text-brand-700 hover:underline" title={exercise.title}>
              <span className="block font-semibold">{exercise.section}</span>
              <span className="line-clamp-2">{exercise.title}</span>
            </Link>
            <SortButton label={`${exercise.section} ${exercise.title}`} direction={column.getIsSorted()} onToggle={column.getToggleSortingHandler()!} />
          </span>
        ),
        cell: ({ row }) => <ScoreCell cohortId={cohortId} learner={row.original} exercise={exercise} />,
      }),
    ),
  ];
}

type FilterFieldProps = { id: string; label: string; placeholder: string; value: string; onChange: (value: string) => void };

function FilterField({ id, label, placeholder, value, onChange }: FilterFieldProps) {
  return (
    <div className="min-w-0 flex-1 sm:max-w-xs">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field" type="search" placeholder={placeholder} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

function matchesExercise(exercise: GradebookExercise, query: string) {
  const text = query.trim().toLowerCase();
  return text === "" || exercise.section.startsWith(text) || exercise.title.toLowerCase().includes(text) || exercise.id.includes(text);
}

/**
 * Learners × exercises: best score and attempts per cell, each opening the submission behind it.
 * It scrolls sideways inside its own box, with the learner column held in place.
 */
export function GradebookTable({ cohortId, gradebook }: { cohortId: string; gradebook: Gradebook }) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [learnerQuery, setLearnerQuery] = useState("");
  const [exerciseQuery, setExerciseQuery] = useState("");
  const shownExercises = useMemo(() => gradebook.exercises.filter((exercise) => matchesExercise(exercise, exerciseQuery)), [gradebook.exercises, exerciseQuery]);
  const columns = useMemo(() => buildColumns(cohortId, gradebook.exercises), [cohortId, gradebook.exercises]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(gradebook.exercises.map((exercise) => [`exercise:${exercise.id}`, shownExercises.includes(exercise)])),
    [gradebook.exercises, shownExercises],
  );
  // Stable between renders: a new filter array each render made TanStack Table recompute its rows and
  // queue a page-index reset, whose state update rendered again, without end (it froze the tab on navigation).
  const columnFilters = useMemo(() => [{ id: "learner", value: learnerQuery }], [learnerQuery]);
  const table = useReactTable({
    data: gradebook.learners,
    columns,
    state: { sorting, columnFilters, columnVisibility },
    // No pagination here, so nothing to reset when the rows change.
    autoResetPageIndex: false,
    onSortingChange: setSorting,
    getRowId: (learner) => learner.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <FilterField id="gradebook-learner-filter" label="Learner" placeholder="Name or email" value={learnerQuery} onChange={setLearnerQuery} />
        <FilterField id="gradebook-exercise-filter" label="Exercise or section" placeholder="e.g. 3 or 3.2 or path" value={exerciseQuery} onChange={setExerciseQuery} />
      </div>
      <p className="text-xs text-slate-500" aria-live="polite">
        {rows.length} of {gradebook.learners.length} learners · {shownExercises.length} of {gradebook.exercises.length} exercises
      </p>
      {/* Focusable so a keyboard can scroll it sideways (axe: scrollable-region-focusable); relative so the
          cells' screen-reader-only text is positioned inside the box and does not widen the page. */}
      <div className="relative max-w-full overflow-x-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label="Gradebook, scrolls sideways" data-testid="gradebook-scroll">
        <table className="border-separate border-spacing-0 text-left text-sm" data-testid="gradebook">
          <caption className="sr-only">Best score and attempt count per learner and exercise; each score opens the submission behind it.</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header, index) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      className={`border-b border-slate-200 px-2 py-2 align-bottom font-medium whitespace-nowrap text-slate-600 ${index === 0 ? "sticky left-0 z-10 bg-slate-50" : ""}`}
                    >
                      {flexRender(header.column.columnDef.header, header.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="gradebook-row" data-learner-id={row.id}>
                {row.getVisibleCells().map((cell, index) =>
                  index === 0 ? (
                    <th key={cell.id} scope="row" className="sticky left-0 z-10 border-b border-slate-100 bg-white px-2 py-1.5 text-left font-normal">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </th>
                  ) : (
                    <td key={cell.id} className="border-b border-slate-100 px-1.5 py-1 align-top">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="p-4 text-sm text-slate-600">
            {gradebook.learners.length === 0 ? "No learner has joined yet: share the invite link below." : "No learner matches the filter."}
          </p>
        )}
      </div>
    </div>
  );
}
