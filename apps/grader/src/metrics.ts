import http from "node:http";

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    jobs: new Counter({ name: "grader_jobs_total", help: "Grading jobs by outcome and lane", labelNames: ["outcome", "lane"], registers: [registry] }),
    latency: new Histogram({
      name: "grader_grading_seconds",
      help: "Time from a job's start to its stored result, by outcome and lane",
      labelNames: ["outcome", "lane"],
      buckets: [0.5, 1, 1.5, 2, 3, 5, 8, 13, 21, 34, 60],
      registers: [registry],
    }),
    queueDepth: new Gauge({ name: "grader_queue_depth", help: "Jobs waiting in the grading queue", registers: [registry] }),
    readyContainers: new Gauge({
      name: "grader_ready_containers",
      help: "Grading containers started and waiting for a job, by run mode",
      labelNames: ["mode"],
      registers: [registry],
    }),
    isReady: new Gauge({ name: "grader_ready", help: "1 while the grader takes jobs (engine answers, checks passed)", registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export type Readiness = { isReady: boolean; reason: string | null };

/** /metrics, /healthz (the process answers) and /readyz (it takes jobs; 503 with the reason otherwise). */
export function serveMetrics(metrics: Metrics, port: number, probes: { refresh: () => Promise<void>; readiness: () => Readiness }) {
  const server = http.createServer(async (request, response) => {
    if (request.url === "/metrics") {
      await probes.refresh().catch(() => undefined);
      response.writeHead(200, { "content-type": metrics.registry.contentType });
      response.end(await metrics.registry.metrics());
    } else if (request.url === "/healthz") {
      response.writeHead(200).end("ok");
    } else if (request.url === "/readyz") {
      const { isReady, reason } = probes.readiness();
      response.writeHead(isReady ? 200 : 503, { "content-type": "application/json" });
      response.end(JSON.stringify({ ready: isReady, ...(reason ? { reason } : {}) }));
    } else {
      response.writeHead(404).end();
    }
  });
  server.listen(port, "127.0.0.1");
  return server;
}
