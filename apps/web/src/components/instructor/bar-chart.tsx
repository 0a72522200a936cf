"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarSeries = { key: string; name: string; color: string };
type ChartRow = Record<string, string | number>;

type BarChartProps = {
  /** Said to screen readers; the numbers themselves are in the table beside each chart. */
  label: string;
  data: ChartRow[];
  xKey: string;
  series: BarSeries[];
  yMax?: number;
  yUnit?: string;
  height?: number;
};

/** The dashboards' bar chart: one look for every chart, sized to its card. */
export function BarChart({ label, data, xKey, series, yMax, yUnit = "", height = 220 }: BarChartProps) {
  return (
    <figure className="min-w-0">
      <div role="img" aria-label={label} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey={xKey} tick={{ fontSize: 12, fill: "#475569" }} interval="preserveStartEnd" />
            <YAxis domain={[0, yMax ?? "auto"]} tick={{ fontSize: 12, fill: "#475569" }} unit={yUnit} allowDecimals={false} />
            <Tooltip cursor={{ fill: "#f1f5f9" }} />
            {series.map((bar) => (
              <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={bar.color} unit={yUnit} isAnimationActive={false} />
            ))}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      {/* Recharts' own Legend sets state from a ref callback that React calls with null when a route
          change hides the old page, which looped forever here (recharts#7463); plain HTML instead. */}
      {series.length > 1 && (
        <figcaption className="mt-1 flex flex-wrap justify-center gap-x-4 text-xs text-slate-600">
          {series.map((bar) => (
            <span key={bar.key} className="inline-flex items-center gap-1.5">
              <span aria-hidden className="inline-block size-2.5 rounded-sm" style={{ backgroundColor: bar.color }} />
              {bar.name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
