import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { CurriculumError, loadCurriculum, readCurriculum } from "./load-curriculum";
import { resolveCurriculumDir } from "./resolve-dir";

let copies: string[] = [];
afterEach(() => {
  copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  copies = [];
});

function copyChapter(name: string) {
  const dir = mkdtempSync(path.join(tmpdir(), "curriculum-"));
  copies.push(dir);
  cpSync(path.join(resolveCurriculumDir(), name), path.join(dir, name), { recursive: true });
  return dir;
}

describe("loadCurriculum", () => {
  it("reads the folder once and caches it", () => {
    expect(loadCurriculum()).toBe(loadCurriculum());
  });

  it("resolves CONTENT_DIR before the workspace's folder", () => {
    expect(resolveCurriculumDir({ CONTENT_DIR: "/srv/content/curriculum" })).toBe("/srv/content/curriculum");
    expect(resolveCurriculumDir({})).toMatch(/packages\/content\/curriculum$/);
  });

  it("reports every problem of a broken folder at once", () => {
    const dir = copyChapter("01-introduction-to-fastapi");
    const chapter = path.join(dir, "01-introduction-to-fastapi");
    rmSync(path.join(chapter, "1.2-advantages-of-fastapi.quiz.yaml"));
    writeFileSync(path.join(chapter, "1.3-fastapi-vs-other-frameworks.md"), '---\nsection: "1.4"\ntitle: "Other"\nsummary: "x"\n---\n');
    writeFileSync(path.join(chapter, "notes.txt"), "");
    const error = (() => {
      try {
        readCurriculum(dir);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CurriculumError);
    expect((error as CurriculumError).problems).toEqual([
      "01-introduction-to-fastapi/notes.txt: unexpected file",
      "01-introduction-to-fastapi/1.2-advantages-of-fastapi.quiz.yaml is missing",
      "01-introduction-to-fastapi/1.3-fastapi-vs-other-frameworks.md: front matter section 1.4 differs from the file name's 1.3",
      "01-introduction-to-fastapi/1.3-fastapi-vs-other-frameworks.md: the file name should be 1.3-other.md",
    ]);
  });
});
