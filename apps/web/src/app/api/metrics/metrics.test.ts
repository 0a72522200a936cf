import { createCaller, createContextInner, handleTrpcRequest } from "@academy/api";
import { CLIENT_ADDRESS_HEADER } from "@academy/auth";
import { parseTrustedProxies, withClientAddress } from "@academy/auth/client-address";
import { createTestDb, seedSubmission, seedUser } from "@academy/db/testing";
import { resolveExercisesDir } from "@academy/exercises";
import { createGradingPorts, syncExercises } from "@academy/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createWebMetrics } from "~/server/metrics";

const METRICS_TOKEN = "a-metrics-token-for-the-test";

describe("the web app's metrics", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, resolveExercisesDir());
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: resolveExercisesDir() });
    process.env.DATABASE_URL = testDb.url;
    process.env.BETTER_AUTH_SECRET ??= "a-test-secret-of-at-least-32-characters";
    process.env.METRICS_TOKEN = METRICS_TOKEN;
  });
  afterAll(async () => {
    const { getDb } = await import("~/server/db");
    await getDb().$client.end().catch(() => undefined);
    await grading?.close();
    await testDb?.close();
  });

  const callThroughHandler = (metrics: ReturnType<typeof createWebMetrics>, procedure: string) =>
    handleTrpcRequest(new Request(`http://localhost/api/trpc/${procedure}`), {
      endpoint: "/api/trpc",
      createContext: async () => createContextInner({ db: testDb.db, user: null, grading: null, metrics: metrics.callMetrics }),
    });
  const valueOf = async (metrics: ReturnType<typeof createWebMetrics>, name: string, labels: Record<string, string>) => {
    const metric = await metrics.registry.getSingleMetric(name)!.get();
    const matches = metric.values.filter((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label));
    return matches.reduce((sum, value) => sum + value.value, 0);
  };

  it("times each call by procedure and outcome, and counts errors by code", async () => {
    const metrics = createWebMetrics(testDb.db.$client);
    expect((await callThroughHandler(metrics, "curriculum.list")).status).toBe(200);
    expect((await callThroughHandler(metrics, "submission.list")).status).toBe(401);

    const countOf = (procedure: string, outcome: string) =>
      valueOf(metrics, "web_trpc_request_duration_seconds", { procedure, outcome, le: "+Inf" });
    expect(await countOf("curriculum.list", "ok")).toBe(1);
    expect(await countOf("submission.list", "error")).toBe(1);
    expect(await countOf("curriculum.list", "error")).toBe(0);
    expect(await valueOf(metrics, "web_trpc_errors_total", { procedure: "submission.list", code: "UNAUTHORIZED" })).toBe(1);
    expect(await valueOf(metrics, "web_trpc_errors_total", { procedure: "curriculum.list" })).toBe(0);
  });

  it("counts a live-status stream open from its first update until its reader leaves", async () => {
    const metrics = createWebMetrics(testDb.db.$client);
    const user = await seedUser(testDb.db);
    const queued = await seedSubmission(testDb.db, { userId: user.id, exerciseId: "basic-greeting-api", status: "queued" });
    const caller = createCaller(createContextInner({ db: testDb.db, user: { ...user, role: "learner" }, grading: grading.ports, metrics: metrics.callMetrics }));
    const open = () => valueOf(metrics, "web_trpc_open_subscriptions", { procedure: "submission.onStatus" });

    const stream = (await caller.submission.onStatus({ id: queued.id }))[Symbol.asyncIterator]();
    expect((await stream.next()).value).toMatchObject({ status: "queued" });
    expect(await open()).toBe(1);
    await stream.return?.();
    expect(await open()).toBe(0);
  });

  it("serves Prometheus text with the METRICS_TOKEN bearer, and refuses a scrape without it", async () => {
    const route = await import("./route");
    expect(route.dynamic).toBe("force-dynamic");

    const refused = await route.GET(new Request("http://localhost/api/metrics"));
    expect(refused.status).toBe(403);
    const wrongToken = await route.GET(new Request("http://localhost/api/metrics", { headers: { authorization: "Bearer not-the-token-at-all" } }));
    expect(wrongToken.status).toBe(403);

    const response = await route.GET(new Request("http://localhost/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain("# TYPE web_trpc_request_duration_seconds histogram");
    expect(text).toContain("# TYPE web_trpc_errors_total counter");
    expect(text).toMatch(/^web_db_pool_connections \d+$/m);
    expect(text).toMatch(/^web_db_pool_waiting_requests 0$/m);
  });

  it("serves a scrape from this host only when the server itself resolved the client's address", async () => {
    const route = await import("./route");
    const fromHost = () => new Request("http://localhost/api/metrics", { headers: { [CLIENT_ADDRESS_HEADER]: "127.0.0.1" } });
    // Under a bare `next start`, the header could be the client's own.
    expect((await route.GET(fromHost())).status).toBe(403);

    withClientAddress(() => undefined, parseTrustedProxies(undefined));
    expect((await route.GET(fromHost())).status).toBe(200);
    const fromElsewhere = new Request("http://localhost/api/metrics", { headers: { [CLIENT_ADDRESS_HEADER]: "203.0.113.7" } });
    expect((await route.GET(fromElsewhere)).status).toBe(403);
  });
});
