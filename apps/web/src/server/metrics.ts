import "server-only";

import type { CallMetrics } from "@academy/api";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

import { getDb } from "./db";

/** The counts `pg.Pool` keeps: read at each scrape, so the gauges are never stale. */
type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

export type WebMetrics = { registry: Registry; callMetrics: CallMetrics };

/** A registry of its own with the tRPC and pool series; `getWebMetrics` keeps one per process. */
export function createWebMetrics(pool: PoolCounts): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: "web_trpc_request_duration_seconds",
    help: "tRPC call latency by procedure and outcome (a subscription's: until its stream is set up)",
    labelNames: ["procedure", "outcome"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({ name: "web_trpc_errors_total", help: "tRPC calls that failed, by procedure and tRPC error code", labelNames: ["procedure", "code"], registers: [registry] });
  const openStreams = new Gauge({ name: "web_trpc_open_subscriptions", help: "Open subscription streams (live submission status), by procedure", labelNames: ["procedure"], registers: [registry] });
  const poolGauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  poolGauge("web_db_pool_connections", "Connections the web app's database pool holds", () => pool.totalCount);
  poolGauge("web_db_pool_idle_connections", "Connections of the pool not in use", () => pool.idleCount);
  poolGauge("web_db_pool_waiting_requests", "Queries waiting for a free connection of the pool", () => pool.waitingCount);

  const callMetrics: CallMetrics = {
    recordCall: ({ procedure, outcome, seconds, errorCode }) => {
      duration.observe({ procedure, outcome }, seconds);
      if (errorCode) errors.inc({ procedure, code: errorCode });
    },
    openStream: (procedure) => {
      openStreams.inc({ procedure });
      return () => openStreams.dec({ procedure });
    },
  };
  return { registry, callMetrics };
}

const globalForMetrics = globalThis as unknown as { academyMetrics?: WebMetrics };

/** One registry per server process, kept across hot reloads in development (a second would refuse the same names). */
export function getWebMetrics(): WebMetrics {
  globalForMetrics.academyMetrics ??= createWebMetrics(getDb().$client);
  return globalForMetrics.academyMetrics;
}
