"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TrendPoint = { label: string; percent: number };

/** Score over attempts with the pass line; the history table beside it holds the same figures for screen readers. */
export function TrendChart({ points, passPercent }: { points: TrendPoint[]; passPercent: number }) {
  const last = points.at(-1);
  return (
    <figure className="space-y-1" data-testid="exam-trend">
      <div role="img" aria-label={`Score over ${points.length} attempts${last ? `, latest ${last.percent}%` : ""}; ${passPercent}% passes.`} className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 320, height: 224 }}>
          <LineChart data={points} margin={{ top: 12, right: 16, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#475569" }} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} unit="%" tick={{ fontSize: 12, fill: "#475569" }} />
            <Tooltip formatter={(value) => [`${String(value)}%`, "Score"]} />
            <ReferenceLine y={passPercent} stroke="#b45309" strokeDasharray="4 4" label={{ value: `Pass ${passPercent}%`, position: "insideTopRight", fontSize: 12, fill: "#92400e" }} />
            <Line type="monotone" dataKey="percent" stroke="#047857" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-slate-500">Score of each finished attempt, oldest first; the dashed line is the pass mark.</figcaption>
    </figure>
  );
}
