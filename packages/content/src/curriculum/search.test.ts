import { describe, expect, it } from "vitest";

import { searchLessons } from "./search";

describe("searchLessons", () => {
  it('ranks lesson 2.3 first for "dependency injection"', () => {
    const [first, ...rest] = searchLessons("dependency injection");
    expect(first).toMatchObject({ sectionId: "2.3", title: "Dependency Injection" });
    expect(first!.snippet.toLowerCase()).toContain("dependency injection");
    expect(rest.length).toBeGreaterThan(0);
  });

  it("finds words of the body and tolerates a typo", () => {
    expect(searchLessons("alembic autogenerate")[0]?.sectionId).toBe("5.4");
    expect(searchLessons("websokets")[0]?.sectionId).toBe("4.4");
  });

  it("answers nothing for a blank query", () => {
    expect(searchLessons("   ")).toEqual([]);
  });
});
