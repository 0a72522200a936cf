import { describe, expect, it } from "vitest";

import { isConnectionLoss } from "./connection-loss";

describe("isConnectionLoss", () => {
  it.each([
    [{ code: "57P01", message: "terminating connection due to administrator command" }],
    [{ code: "57P03", message: "the database system is starting up" }],
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    [new Error("Connection terminated unexpectedly")],
  ])("takes %o for a lost connection", (error) => {
    expect(isConnectionLoss(error)).toBe(true);
  });

  it.each([[{ code: "23505", message: "duplicate key value violates unique constraint" }], [new Error("relation \"job\" does not exist")], ["text"], [null]])(
    "takes %o for a real error",
    (error) => {
      expect(isConnectionLoss(error)).toBe(false);
    },
  );
});
