import { describe, expect, it } from "vitest";

import { creditTestsTurnedGreen } from "./contributions";
import { countChangedLines } from "./count-changed-lines";
import { summarisePeerRatings } from "./peer-review";

describe("countChangedLines", () => {
  it("counts lines as a line diff does", () => {
    expect(countChangedLines("", "")).toEqual({ linesAdded: 0, linesRemoved: 0 });
    expect(countChangedLines("", "a\nb\n")).toEqual({ linesAdded: 2, linesRemoved: 0 });
    expect(countChangedLines("a\nb\nc\n", "a\nc\n")).toEqual({ linesAdded: 0, linesRemoved: 1 });
    expect(countChangedLines("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual({ linesAdded: 2, linesRemoved: 1 });
    // Moved lines: one kept in place, the other removed and added.
    expect(countChangedLines("x\ny\n", "y\nx\n")).toEqual({ linesAdded: 1, linesRemoved: 1 });
  });

  it("counts a huge rewrite as replaced without aligning it", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join("\n");
    expect(countChangedLines(before, after)).toEqual({ linesAdded: 3000, linesRemoved: 3000 });
  });
});

describe("creditTestsTurnedGreen", () => {
  const tests = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("credits each test that failed in one submission and passed in the next to the authors of the saves between them", () => {
    const submissions = [
      { id: "s1", milestoneKey: "m1", status: "failed", atMicros: 10 },
      { id: "s2", milestoneKey: "m1", status: "failed", atMicros: 20 },
      { id: "e", milestoneKey: "m1", status: "error", atMicros: 25 },
      { id: "s3", milestoneKey: "m1", status: "passed", atMicros: 30 },
      { id: "t1", milestoneKey: "m2", status: "passed", atMicros: 35 },
    ];
    const results = new Map([
      ["s1", tests({ a: "passed", b: "failed", c: "failed" })],
      ["s2", tests({ a: "failed", b: "passed", c: "failed" })],
      ["s3", tests({ a: "passed", b: "passed", c: "passed" })],
      ["t1", tests({ d: "passed" })],
    ]);
    const saves = [
      { authorId: "ada", atMicros: 5 },
      { authorId: "ben", atMicros: 15 },
      { authorId: "ben", atMicros: 16 },
      { authorId: "ada", atMicros: 22 },
      { authorId: "cy", atMicros: 30 },
      { authorId: "dan", atMicros: 31 },
    ];
    // s1→s2: b turned green (Ben). s2→s3 (the error skipped): a and c (Ada, and Cy whose save is at s3's instant).
    expect(Object.fromEntries(creditTestsTurnedGreen(submissions, results, saves))).toEqual({ ben: 1, ada: 2, cy: 2 });
  });
});

describe("summarisePeerRatings", () => {
  it("suggests each member's mean over the team's, clamped to 0.8–1.1, and flags one rated far below", () => {
    const rating = (rateeId: string, contribution: number, quality: number, communication: number) => ({ rateeId, contribution, quality, communication });
    const summary = summarisePeerRatings(["a", "b", "c", "d"], [rating("a", 4, 4, 4), rating("a", 4, 4, 4), rating("b", 3, 3, 3), rating("c", 5, 5, 5)]);
    // Means 4, 3, 5 and none for d; the team's 4.
    expect(summary).toEqual([
      { userId: "a", ratingsReceived: 2, meanRating: 4, adjustmentFactor: 1, isRatedFarBelow: false },
      { userId: "b", ratingsReceived: 1, meanRating: 3, adjustmentFactor: 0.8, isRatedFarBelow: true },
      { userId: "c", ratingsReceived: 1, meanRating: 5, adjustmentFactor: 1.1, isRatedFarBelow: false },
      { userId: "d", ratingsReceived: 0, meanRating: null, adjustmentFactor: null, isRatedFarBelow: false },
    ]);
  });
});
