import { createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { createExamSeed, createSeededRandom, sampleItems, shuffleItems } from "./seeded-random";

function take(seed: string, label: string, bound: number, count: number): number[] {
  const random = createSeededRandom(seed, label);
  return Array.from({ length: count }, () => random.nextInt(bound));
}

describe("createSeededRandom", () => {
  it("reads HMAC-SHA256(seed, label NUL counter) 32 bits at a time", () => {
    const first = createHmac("sha256", "seed-1").update("chapter:3\u00000").digest();
    const second = createHmac("sha256", "seed-1").update("chapter:3\u00001").digest();
    const expected = [...Array.from({ length: 8 }, (_, i) => first.readUInt32BE(i * 4)), second.readUInt32BE(0)];
    expect(take("seed-1", "chapter:3", 2 ** 32, 9)).toEqual(expected);
  });

  it("repeats for a seed and label, and differs across seeds and across labels", () => {
    expect(take("seed-1", "order", 1000, 20)).toEqual(take("seed-1", "order", 1000, 20));
    expect(take("seed-1", "order", 1000, 20)).not.toEqual(take("seed-2", "order", 1000, 20));
    expect(take("seed-1", "order", 1000, 20)).not.toEqual(take("seed-1", "chapter:1", 1000, 20));
  });

  it("spreads values evenly over the bound", () => {
    const counts = new Array<number>(6).fill(0);
    for (const value of take("even", "dice", 6, 6000)) counts[value]! += 1;
    for (const count of counts) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it("refuses an empty seed and a bound it cannot draw", () => {
    expect(() => createSeededRandom("", "order")).toThrow("non-empty seed");
    expect(() => createSeededRandom("s", "order").nextInt(0)).toThrow(RangeError);
    expect(() => createSeededRandom("s", "order").nextInt(1.5)).toThrow(RangeError);
  });
});

describe("sampleItems and shuffleItems", () => {
  const items = Array.from({ length: 30 }, (_, i) => `item-${i}`);

  it("picks distinct items, and a shuffle is a permutation", () => {
    const picked = sampleItems(items, 10, createSeededRandom("s", "pick"));
    expect(new Set(picked).size).toBe(10);
    expect(items).toEqual(expect.arrayContaining(picked));
    expect([...shuffleItems(items, createSeededRandom("s", "shuffle"))].sort()).toEqual([...items].sort());
  });

  it("puts every item first for some seed", () => {
    const firsts = new Set(Array.from({ length: 400 }, (_, i) => shuffleItems(items, createSeededRandom(`seed-${i}`, "shuffle"))[0]));
    expect(firsts.size).toBe(items.length);
  });

  it("refuses to pick more items than there are", () => {
    expect(() => sampleItems(items, 31, createSeededRandom("s", "pick"))).toThrow("cannot pick 31 of 30 items");
  });
});

describe("createExamSeed", () => {
  it("gives a fresh 128-bit URL-safe seed each time", () => {
    const seeds = Array.from({ length: 50 }, createExamSeed);
    expect(new Set(seeds).size).toBe(50);
    for (const seed of seeds) expect(seed).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
