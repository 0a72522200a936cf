"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

type ChapterBar = { chapter: number; title: string; percent: number; isWeakest: boolean };

/** Part A's share right per chapter, the weakest in amber; the table below it holds the same figures for screen readers. */
export function ChapterChart({ chapters, passPercent }: { chapters: ChapterBar[]; passPercent: number }) {
  // Bare numbers under an axis title: nine "Ch. N" labels ran into each other on a phone.
  const data = chapters.map((chapter) => ({ ...chapter, label: String(chapter.chapter) }));
  return (
    <div role="img" aria-label={`Part A by chapter: ${chapters.map((c) => `chapter ${c.chapter} ${c.percent}%`).join(", ")}.`} className="h-56 w-full" data-testid="chapter-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
        <BarChart data={data} margin={{ top: 12, right: 8, bottom: 6, left: -16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "#475569" }} interval={0} height={36} label={{ value: "Chapter", position: "insideBottom", offset: 0, fontSize: 11, fill: "#475569" }} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tick={{ fontSize: 12, fill: "#475569" }} />
          <Tooltip formatter={(value) => [`${String(value)}%`, "Right"]} labelFormatter={(_, payload) => (payload[0]?.payload as ChapterBar | undefined)?.title ?? ""} />
          <ReferenceLine y={passPercent} stroke="#b45309" strokeDasharray="4 4" />
          <Bar dataKey="percent" isAnimationActive={false}>
            {data.map((entry) => (
              <Cell key={entry.chapter} fill={entry.isWeakest ? "#d97706" : "#059669"} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
