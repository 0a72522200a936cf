import { createHmac, randomBytes } from "node:crypto";

const UINT32_RANGE = 2 ** 32;

export type SeededRandom = {
  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number;
};

/**
 * A reproducible random stream: HMAC-SHA256 keyed by the seed over `label`, a NUL and a counter,
 * read 32 bits at a time. Each label is its own stream, so one chapter's draw does not shift when
 * another chapter's bank grows.
 */
export function createSeededRandom(seed: string, label: string): SeededRandom {
  if (seed.length === 0) throw new Error("an exam draw needs a non-empty seed");
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  const nextUint32 = () => {
    if (offset + 4 > block.length) {
      block = createHmac("sha256", seed).update(`${label}\0${counter}`).digest();
      counter += 1;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
  return {
    nextInt(bound) {
      if (!Number.isInteger(bound) || bound < 1 || bound > UINT32_RANGE) throw new RangeError(`bound must be an integer from 1 to 2^32, got ${bound}`);
      // Values past the last whole multiple of bound are redrawn, so no result is favoured.
      const limit = UINT32_RANGE - (UINT32_RANGE % bound);
      let value = nextUint32();
      while (value >= limit) value = nextUint32();
      return value % bound;
    },
  };
}

/** `count` distinct items in random order (a partial Fisher-Yates shuffle); all of them when count is their number. */
export function sampleItems<T>(items: readonly T[], count: number, random: SeededRandom): T[] {
  if (count > items.length) throw new RangeError(`cannot pick ${count} of ${items.length} items`);
  const pool = [...items];
  for (let i = 0; i < count; i += 1) {
    const j = i + random.nextInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, count);
}

export function shuffleItems<T>(items: readonly T[], random: SeededRandom): T[] {
  return sampleItems(items, items.length, random);
}

/** A fresh seed for an attempt: 128 random bits, URL-safe. */
export function createExamSeed(): string {
  return randomBytes(16).toString("base64url");
}
