import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { decodeStatusEvent, encodeStatusEvent, type StatusEvent } from "./status-event";

describe("the status event's NOTIFY payload", () => {
  const event: StatusEvent = { submissionId: randomUUID(), userId: "user-1", status: "running" };

  it("decodes what it encodes", () => {
    expect(decodeStatusEvent(encodeStatusEvent(event))).toEqual(event);
  });

  it("refuses to send an event listeners would drop", () => {
    expect(() => encodeStatusEvent({ ...event, status: "finished" as StatusEvent["status"] })).toThrow();
    expect(() => encodeStatusEvent({ ...event, submissionId: "42" })).toThrow();
  });

  it.each([
    ["no payload", undefined],
    ["an empty payload", ""],
    ["text that is not JSON", "passed"],
    ["a status the enum does not hold", JSON.stringify({ ...event, status: "finished" })],
    ["an event without its user", JSON.stringify({ submissionId: event.submissionId, status: "passed" })],
  ])("drops %s", (_what, payload) => {
    expect(decodeStatusEvent(payload)).toBeUndefined();
  });
});
