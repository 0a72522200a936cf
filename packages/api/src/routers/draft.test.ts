import { createTestDb, seedExercise, seedUser } from "@academy/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestCaller } from "../testing/create-test-caller";

describe("draft procedures", () => {
  let testDb: Awaited<ReturnType<typeof createTestDb>>;
  let exerciseId: string;
  beforeAll(async () => {
    testDb = await createTestDb();
    exerciseId = (await seedExercise(testDb.db, { files: ["main.py", "schemas.py"] })).id;
  });
  afterAll(() => testDb.close());

  it("saves a draft and returns it on the next visit, from any device", async () => {
    const learner = await seedUser(testDb.db);
    const caller = createTestCaller(testDb.db, learner);
    expect(await caller.draft.get({ exerciseId })).toBeNull();

    const first = await caller.draft.save({ exerciseId, files: [{ name: "main.py", content: "app = 1\n" }] });
    const files = [
      { name: "main.py", content: "from fastapi import FastAPI\napp = FastAPI()\n" },
      { name: "schemas.py", content: "class Item: ...\n" },
    ];
    const second = await caller.draft.save({ exerciseId, files });
    expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());

    const onAnotherDevice = createTestCaller(testDb.db, learner);
    expect(await onAnotherDevice.draft.get({ exerciseId })).toEqual({ files, updatedAt: second.updatedAt });
  });

  it("refuses files that are not the exercise's, too large, or for an unknown exercise", async () => {
    const caller = createTestCaller(testDb.db, await seedUser(testDb.db));
    await expect(caller.draft.save({ exerciseId, files: [{ name: "main.py", content: "" }, { name: "evil.py", content: "x" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: 'Your draft was not saved: "evil.py" is not a file of this exercise (allowed: main.py, schemas.py).',
    });
    await expect(caller.draft.save({ exerciseId, files: [{ name: "../main.py", content: "x" }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("leaves its folder"),
    });
    await expect(caller.draft.save({ exerciseId, files: [{ name: "main.py", content: "x".repeat(256 * 1024 + 1) }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 256 KiB"),
    });
    await expect(caller.draft.save({ exerciseId: "no-such-exercise", files: [{ name: "main.py", content: "x" }] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(caller.draft.get({ exerciseId: "no-such-exercise" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps each learner's draft to themselves", async () => {
    const ada = await seedUser(testDb.db);
    const grace = await seedUser(testDb.db);
    await createTestCaller(testDb.db, ada).draft.save({ exerciseId, files: [{ name: "main.py", content: "# ada's secret work\n" }] });

    const asGrace = createTestCaller(testDb.db, grace);
    expect(await asGrace.draft.get({ exerciseId })).toBeNull();
    await asGrace.draft.save({ exerciseId, files: [{ name: "main.py", content: "# grace's own\n" }] });
    expect((await createTestCaller(testDb.db, ada).draft.get({ exerciseId }))?.files).toEqual([{ name: "main.py", content: "# ada's secret work\n" }]);
    await expect(createTestCaller(testDb.db, null).draft.get({ exerciseId })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
