import { getEnv } from "~/env";
import { getWebMetrics } from "~/server/metrics";

import { isMetricsScrapeAllowed } from "./is-metrics-scrape-allowed";

export const dynamic = "force-dynamic";

/** Prometheus text, for a scraper on this host or one holding `METRICS_TOKEN`. */
export async function GET(request: Request) {
  if (!isMetricsScrapeAllowed(request.headers, getEnv().METRICS_TOKEN)) {
    return new Response("Metrics are served to this host, or with the METRICS_TOKEN bearer.\n", { status: 403 });
  }
  const { registry } = getWebMetrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
