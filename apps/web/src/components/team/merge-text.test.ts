import { describe, expect, it } from "vitest";

import { draftMerge, hasConflictMarkers } from "./merge-text";

const base = ["from fastapi import FastAPI", "", "app = FastAPI()", "", "", "@app.get('/books')", "def list_books():", "    return []", ""].join("\n");

describe("draftMerge", () => {
  it("applies the teammate's change onto mine when they touched other lines", () => {
    const mine = base.replace("    return []", "    return [{'id': 1}]");
    const theirs = `# Library loans API\n${base}`;
    const { text, isClean } = draftMerge({ base, mine, theirs, theirLabel: "Ada" });
    expect(isClean).toBe(true);
    expect(text).toContain("# Library loans API");
    expect(text).toContain("return [{'id': 1}]");
  });

  it("keeps both whole texts between markers when both changed the same line", () => {
    const mine = base.replace("app = FastAPI()", "app = FastAPI(title='mine')");
    const theirs = base.replace("app = FastAPI()", "app = FastAPI(title='theirs')");
    const { text, isClean } = draftMerge({ base, mine, theirs, theirLabel: "Ada (version 3)" });
    expect(isClean).toBe(false);
    expect(text).toContain("title='mine'");
    expect(text).toContain("title='theirs'");
    expect(text).toMatch(/>>>>>>> Ada \(version 3\)\n$/);
    expect(hasConflictMarkers(text)).toBe(true);
  });

  it("takes the side that changed when the other did not", () => {
    const changed = `${base}# end\n`;
    expect(draftMerge({ base, mine: base, theirs: changed, theirLabel: "Ada" }).text).toBe(changed);
    expect(draftMerge({ base, mine: changed, theirs: base, theirLabel: "Ada" }).text).toBe(changed);
  });
});

describe("hasConflictMarkers", () => {
  it("is false for ordinary code", () => {
    expect(hasConflictMarkers(base)).toBe(false);
  });
});
