import type { CallLogEntry } from "@academy/api";
import { createContextInner, handleTrpcRequest } from "@academy/api";
import { createTestDb, seedUser } from "@academy/db/testing";
import { resolveExercisesDir } from "@academy/exercises";
import { createGradingPorts, syncExercises } from "@academy/services";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { resolveRequestId } from "./request-log";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it("takes a trusted proxy's plausible X-Request-Id, and makes a fresh UUID otherwise", () => {
    const from = (value: string) => new Headers({ "x-request-id": value });
    expect(resolveRequestId(from("nginx-4f1c2a9b7d3e"), true)).toBe("nginx-4f1c2a9b7d3e");
    // Without a proxy in front, the header may come from anyone.
    expect(resolveRequestId(from("nginx-4f1c2a9b7d3e"), false)).toMatch(UUID);
    for (const implausible of ["short", "with space in it", 'quote"injected', "x".repeat(129), "tab\tinside-1234", "semi;colon-1234"]) {
      expect(resolveRequestId(from(implausible), true)).toMatch(UUID);
    }
    expect(resolveRequestId(new Headers(), true)).toMatch(UUID);
    expect(resolveRequestId(new Headers(), true)).not.toBe(resolveRequestId(new Headers(), true));
  });
});

describe("a tRPC call's log line and its request id", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let grading: Awaited<ReturnType<typeof createGradingPorts>>;
  beforeAll(async () => {
    testDb = await createTestDb();
    await syncExercises(testDb.db, resolveExercisesDir());
    grading = await createGradingPorts({ databaseUrl: testDb.url, exercisesDir: resolveExercisesDir() });
  });
  afterAll(async () => {
    await grading?.close();
    await testDb?.close();
  });

  it("logs procedure, status, duration, request id and user, and the submission's grading job carries the id", async () => {
    const learner = await seedUser(testDb.db);
    const lines: CallLogEntry[] = [];
    const requestId = "proxy-7c9e6679-7425-40de";
    const call = (path: string, init: RequestInit, user: typeof learner | null) =>
      handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}`, init), {
        endpoint: "/api/trpc",
        createContext: async () =>
          createContextInner({
            db: testDb.db,
            user: user && { id: user.id, name: user.name, email: user.email, role: "learner" },
            grading: grading.ports,
            requestId,
            logCall: (entry) => lines.push(entry),
          }),
      });
    const files = [{ name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" }];
    const body = JSON.stringify(superjson.serialize({ exerciseId: "basic-greeting-api", mode: "submit", files }));
    const created = await call("submission.create", { method: "POST", body, headers: { "content-type": "application/json" } }, learner);
    expect(created.status).toBe(200);
    const submissionId = superjson.deserialize<{ id: string }>((await created.json()).result.data).id;
    expect((await call("submission.list", {}, null)).status).toBe(401);

    expect(lines).toEqual([
      { procedure: "submission.create", type: "mutation", status: 200, durationMs: expect.any(Number), requestId, userId: learner.id },
      { procedure: "submission.list", type: "query", status: 401, code: "UNAUTHORIZED", durationMs: expect.any(Number), requestId, userId: undefined },
    ]);
    const { rows } = await testDb.db.$client.query("SELECT data FROM pgboss.job WHERE data->>'submissionId' = $1", [submissionId]);
    expect(rows).toEqual([{ data: { submissionId, requestId } }]);
  });
});
