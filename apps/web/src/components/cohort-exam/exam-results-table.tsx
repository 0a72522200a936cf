"use client";

import type { ColumnDef, SortingState } from "@tanstack/react-table";
import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable } from "@tanstack/react-table";
import { useState } from "react";

import { formatExamTime } from "./format-exam-time";
import type { RosterLearner } from "./types";

function percentOf(score: number | null, maxScore: number | null): number | null {
  return score === null || !maxScore ? null : Math.round((1000 * score) / maxScore) / 10;
}

const STATUS: Record<RosterLearner["state"], string> = { "not-started": "not started", "in-progress": "in progress", submitted: "submitted" };

const columns: ColumnDef<RosterLearner>[] = [
  { id: "learner", header: "Learner", accessorFn: (row) => row.name, cell: ({ row }) => <span className="break-words">{row.original.name}</span> },
  { id: "status", header: "Status", accessorFn: (row) => (row.isExpired ? "submitted at the deadline" : STATUS[row.state]) },
  {
    id: "partA",
    header: "Part A",
    accessorFn: (row) => row.partAScore ?? -1,
    cell: ({ row }) => (row.original.partAScore === null ? "—" : `${row.original.partAScore} / ${row.original.partAMaxScore}`),
  },
  {
    id: "percent",
    header: "%",
    accessorFn: (row) => percentOf(row.partAScore, row.partAMaxScore) ?? -1,
    cell: ({ row }) => percentOf(row.original.partAScore, row.original.partAMaxScore) ?? "—",
  },
  {
    id: "score",
    header: "Score",
    accessorFn: (row) => row.score ?? -1,
    cell: ({ row }) => (row.original.score === null ? "—" : `${row.original.score} / ${row.original.maxScore}`),
  },
  {
    id: "submittedAt",
    header: "Submitted",
    accessorFn: (row) => row.submittedAt?.getTime() ?? 0,
    cell: ({ row }) => (row.original.submittedAt ? formatExamTime(row.original.submittedAt) : "—"),
  },
];

/** Every learner's result, sortable by any column; instructors see scores before they are released. */
export function ExamResultsTable({ learners }: { learners: RosterLearner[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "learner", desc: false }]);
  const table = useReactTable({ data: learners, columns, state: { sorting }, onSortingChange: setSorting, getCoreRowModel: getCoreRowModel(), getSortedRowModel: getSortedRowModel() });
  return (
    // Focusable so a keyboard can scroll it sideways on a narrow screen (axe: scrollable-region-focusable).
    <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label="Results by learner">
      <table className="w-full min-w-0 text-left text-sm" data-testid="results-table">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200">
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className="px-2 py-2 font-medium text-slate-700" aria-sort={direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none"}>
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded hover:bg-slate-100">
                      {flexRender(header.column.columnDef.header, header.getContext())}
                      <span aria-hidden className="text-slate-400">
                        {direction === "asc" ? "▲" : direction === "desc" ? "▼" : "↕"}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100" data-testid="results-row" data-email={row.original.email}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-2 py-2 align-top tabular-nums">
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
