import { describe, expect, it } from "vitest";

import { searchLessons } from "./search";

const ids = (query: string) => searchLessons(query).map((hit) => hit.sectionId);

describe("searchLessons", () => {
  it('ranks lesson 2.3 first for "dependency injection"', () => {
    const [first, ...rest] = searchLessons("dependency injection");
    expect(first).toMatchObject({ sectionId: "2.3", title: "Dependency Injection" });
    expect(first!.snippet.toLowerCase()).toContain("dependency injection");
    expect(rest.length).toBeGreaterThan(0);
  });

  it("finds only lessons that have every word of the query", () => {
    const both = ids("alembic autogenerate");
    expect(both[0]).toBe("5.4");
    const alembicOnly = ids("alembic");
    // "autogenerate" narrows the lessons about Alembic; it never widens them.
    expect(alembicOnly.length).toBeGreaterThan(both.length);
    expect(alembicOnly).toEqual(expect.arrayContaining(both));
  });

  it("finds nothing when one word is in no lesson, whatever the other words match", () => {
    expect(ids("nothing").length).toBeGreaterThan(0);
    expect(ids("zzzqqq nothing")).toEqual([]);
    expect(ids("zzzqqq")).toEqual([]);
  });

  it("matches the start of a word", () => {
    expect(searchLessons("middlew")[0]).toMatchObject({ sectionId: "4.2", title: "Middleware" });
  });

  it("tolerates a typo", () => {
    expect(ids("dependancy")[0]).toBe("2.3");
    expect(ids("websokets")[0]).toBe("4.4");
  });

  it("answers nothing for a blank query", () => {
    expect(searchLessons("   ")).toEqual([]);
  });
});
