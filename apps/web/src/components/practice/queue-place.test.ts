import { describe, expect, it } from "vitest";

import { describeQueuePlace } from "./queue-place";

describe("a queued learner's place in line", () => {
  it("says the place as an ordinal and the wait roughly", () => {
    expect(describeQueuePlace(3, 10)).toBe("3rd in line, about 10 s");
    expect(describeQueuePlace(1, 4)).toBe("1st in line, about 4 s");
    expect(describeQueuePlace(22, 75)).toBe("22nd in line, about 75 s");
    expect(describeQueuePlace(11, 200)).toBe("11th in line, about 3 min");
  });

  it("gives the place alone without a recent grading to go by, and nothing without a place", () => {
    expect(describeQueuePlace(2, null)).toBe("2nd in line");
    expect(describeQueuePlace(null, null)).toBeNull();
  });
});
