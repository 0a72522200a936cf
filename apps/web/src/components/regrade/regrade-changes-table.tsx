"use client";

import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable } from "@tanstack/react-table";
import { useState } from "react";

import type { RegradeLearnerRow } from "./types";

const OUTCOME_LABEL: Record<RegradeLearnerRow["outcome"], string> = { pending: "Grading…", up: "Goes up", down: "Goes down", unchanged: "Unchanged", error: "Error" };
const OUTCOME_TONE: Record<RegradeLearnerRow["outcome"], string> = {
  pending: "bg-slate-100 text-slate-700",
  up: "bg-emerald-50 text-emerald-900",
  down: "bg-rose-50 text-rose-900",
  unchanged: "bg-slate-50 text-slate-700",
  error: "bg-amber-50 text-amber-900",
};

const formatScore = (score: number | null) => (score === null ? "—" : String(score));
const formatChange = (change: number | null) => (change === null ? "" : change > 0 ? `+${change}` : String(change));

function sortable(label: string) {
  // The header is a button: sorting works from the keyboard too.
  function SortableHeader({ column }: { column: { getIsSorted: () => false | "asc" | "desc"; getToggleSortingHandler: () => ((event: unknown) => void) | undefined } }) {
    const direction = column.getIsSorted();
    return (
      <button type="button" className="flex items-center gap-1 font-medium hover:text-slate-900" onClick={column.getToggleSortingHandler()}>
        {label}
        <span aria-hidden className="text-slate-400">
          {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
        </span>
        <span className="sr-only">{direction ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </button>
    );
  }
  return SortableHeader;
}

const columns: ColumnDef<RegradeLearnerRow>[] = [
  {
    id: "learner",
    accessorFn: (row) => row.name,
    header: sortable("Learner"),
    cell: ({ row }) => (
      <span className="block max-w-36 truncate font-medium text-slate-900" title={row.original.email}>
        {row.original.name}
      </span>
    ),
  },
  {
    id: "best",
    accessorFn: (row) => row.change ?? -Infinity,
    header: sortable("Best score"),
    cell: ({ row }) => {
      const { currentBest, projectedBest, change, outcome } = row.original;
      if (outcome === "pending") return <span className="tabular-nums">{formatScore(currentBest)}</span>;
      return (
        <span className="tabular-nums whitespace-nowrap" data-testid="regrade-best">
          {formatScore(currentBest)} → <span className="font-semibold">{formatScore(projectedBest)}</span>
          {change !== 0 && <span className={change && change > 0 ? "ml-1 text-emerald-700" : "ml-1 text-rose-700"}>({formatChange(change)})</span>}
        </span>
      );
    },
  },
  {
    id: "latest",
    accessorFn: (row) => row.newScore ?? -Infinity,
    header: sortable("Latest submission"),
    cell: ({ row }) => {
      const { previousScore, newScore, maxScore, outcome, errorMessage } = row.original;
      if (outcome === "pending") return <span className="text-slate-500">{formatScore(previousScore)} → …</span>;
      return (
        <span className="tabular-nums whitespace-nowrap" title={errorMessage ?? undefined}>
          {formatScore(previousScore)} → {formatScore(newScore)}
          {maxScore !== null && <span className="text-xs text-slate-500">/{maxScore}</span>}
        </span>
      );
    },
  },
  {
    id: "outcome",
    accessorFn: (row) => row.outcome,
    header: sortable("Result"),
    cell: ({ row }) => (
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${OUTCOME_TONE[row.original.outcome]}`} data-testid="regrade-outcome">
        {OUTCOME_LABEL[row.original.outcome]}
      </span>
    ),
  },
];

/** Per learner: the gradebook's best score now and after applying, and the regraded submission's own score. */
export function RegradeChangesTable({ learners }: { learners: RegradeLearnerRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "best", desc: true }]);
  const table = useReactTable({ data: learners, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  return (
    <div className="max-w-full overflow-x-auto rounded-md border border-slate-200" tabIndex={0} role="region" aria-label="Regrade changes, scrolls sideways">
      <table className="w-full text-left text-sm" data-testid="regrade-table">
        <caption className="sr-only">Each learner&apos;s best score now and once the preview is applied, and their latest submission&apos;s score under the old and new version.</caption>
        <thead className="bg-slate-50 text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="border-b border-slate-200 px-2 py-2" aria-sort={header.column.getIsSorted() === "asc" ? "ascending" : header.column.getIsSorted() === "desc" ? "descending" : undefined}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} data-testid="regrade-row" data-learner-id={row.original.learnerId}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="border-b border-slate-100 px-2 py-1.5 align-top">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
