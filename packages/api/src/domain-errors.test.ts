import type { Db } from "@academy/db";
import { DomainError } from "@academy/services";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";

import { createCallerFactory, createContextInner, createTRPCRouter, publicProcedure } from "./trpc";

const refusal = new DomainError("TOO_MANY_REQUESTS", "Wait a moment and try again.");

const router = createTRPCRouter({
  refuses: publicProcedure.query(() => {
    throw refusal;
  }),
  fails: publicProcedure.query(() => {
    throw new Error("connection terminated");
  }),
  refusesWhileStreaming: publicProcedure.subscription(async function* () {
    yield "first";
    throw refusal;
  }),
});

// No procedure here reads the database.
const caller = createCallerFactory(router)(createContextInner({ db: {} as Db, user: null, grading: null }));

describe("mapping domain errors to tRPC errors", () => {
  it("turns a service's refusal into the tRPC error of the same code and message, keeping it as the cause", async () => {
    const error = await caller.refuses().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Wait a moment and try again.", cause: refusal });
  });

  it("leaves any other error a server fault", async () => {
    await expect(caller.fails()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("maps a refusal a subscription throws after it has started", async () => {
    const values = (await caller.refusesWhileStreaming())[Symbol.asyncIterator]();
    expect((await values.next()).value).toBe("first");
    const error = await values.next().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", cause: refusal });
  });
});
