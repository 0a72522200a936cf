import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { createMetrics } from "./metrics";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
type Panel = { type: string; title: string; datasource?: { uid: string }; targets?: { expr: string; datasource: { uid: string } }[] };
const dashboard = JSON.parse(readFileSync(path.join(repoRoot, "docker/grafana/academy-dashboard.json"), "utf8")) as {
  schemaVersion: number;
  uid: string;
  templating: { list: { name: string; type: string; query: unknown }[] };
  panels: Panel[];
};
const exprs = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ panel: panel.title, expr: target.expr })));
/** A histogram's series are read through its _bucket, _count and _sum. */
const baseName = (series: string) => series.replace(/_(bucket|count|sum)$/, "");

describe("the Grafana dashboard", () => {
  it("is a dashboard over a Prometheus data source chosen in a variable", () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.uid).toBe("fastapi-academy");
    expect(dashboard.templating.list.find((variable) => variable.name === "datasource")).toMatchObject({ type: "datasource", query: "prometheus" });
    const charts = dashboard.panels.filter((panel) => panel.type !== "row");
    expect(charts.length).toBeGreaterThan(10);
    for (const panel of charts) {
      expect(panel.datasource?.uid, panel.title).toBe("${datasource}");
      expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
      for (const target of panel.targets!) expect(target.datasource.uid).toBe("${datasource}");
    }
  });

  it("reads only series the grader and the web app export, grouped by labels they have", async () => {
    const registry = createMetrics().registry;
    const graderLabels = new Map((await registry.getMetricsAsJSON()).map((metric) => [metric.name, (registry.getSingleMetric(metric.name) as unknown as { labelNames: string[] }).labelNames]));
    const webSource = readFileSync(path.join(repoRoot, "apps/web/src/server/metrics.ts"), "utf8");
    const used = new Set<string>();
    for (const { panel, expr } of exprs) {
      for (const series of expr.match(/(?<!\$)\b(?:grader|web)_[a-z_]+/g) ?? []) {
        const name = baseName(series);
        used.add(name);
        if (name.startsWith("grader_")) expect(graderLabels.has(name), `${panel}: ${name}`).toBe(true);
        else expect(webSource, `${panel}: ${name}`).toContain(`"${name}"`);
      }
      const grouped = expr.match(/by \(([^)]*)\) \(rate\(grader_[a-z_]+/g) ?? [];
      for (const clause of grouped) {
        const [, labels, series] = clause.match(/by \(([^)]*)\) \(rate\((grader_[a-z_]+)/)!;
        const known = graderLabels.get(baseName(series!)) ?? [];
        for (const label of labels!.split(",").map((l) => l.trim())) {
          if (label !== "le" && label !== "instance") expect(known, `${panel}: ${series} by ${label}`).toContain(label);
        }
      }
    }
    // The key series are all charted.
    for (const name of ["web_trpc_request_duration_seconds", "web_trpc_errors_total", "web_trpc_open_subscriptions", "web_db_pool_connections", "grader_jobs_total", "grader_grading_seconds", "grader_queue_depth", "grader_ready"]) {
      expect(used, name).toContain(name);
    }
  });
});
