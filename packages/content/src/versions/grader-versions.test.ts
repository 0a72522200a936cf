import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { findWorkspaceRoot } from "@academy/exercises";

import { loadCurriculum } from "../curriculum/load-curriculum";
import { listCodeBlocks } from "../curriculum/markdown";
import { findVersionsNoteHref, graderVersions, listHeadlineGraderVersions, versionsNote } from "./grader-versions";
import { findGraderVersionMentions } from "./version-mentions";

const root = findWorkspaceRoot();
const sections = loadCurriculum().sections;
const pinned = (name: string) => graderVersions.find((component) => component.name === name)?.version;

describe("findGraderVersionMentions", () => {
  const mentions = (text: string) => findGraderVersionMentions(text, graderVersions).map(({ name, version }) => `${name} ${version}`);

  it("reads lists and single versions attributed to the grader", () => {
    expect(mentions("The grader runs Python 3.13, FastAPI 0.115 and Pydantic 2.10; FastAPI 0.118 changed it.")).toEqual([
      "Python 3.13",
      "FastAPI 0.115",
      "Pydantic 2.10",
    ]);
    expect(mentions("On FastAPI 0.106 to 0.117, the grader's 0.114 included, cleanup runs first.")).toEqual(["FastAPI 0.114"]);
    expect(mentions("bcrypt 4.x, which the grader runs (4.3), cuts long input.")).toEqual(["bcrypt 4.3"]);
    expect(mentions("On SQLite 3.45 (the grader's), ALTER fails.")).toEqual(["SQLite 3.45"]);
  });

  it("leaves other releases alone", () => {
    expect(mentions("FastAPI 0.118 and later run the cleanup after the response.")).toEqual([]);
    expect(mentions("The grader's FastAPI 0.115 closes early, while FastAPI 0.121 adds scope.")).toEqual(["FastAPI 0.115"]);
  });
});

describe("the grader's versions", () => {
  it("are installed by lines of the grader image's package list", () => {
    const packages = readFileSync(path.join(root, "docker/grader-image/packages.txt"), "utf8").split("\n").map((line) => line.trim());
    for (const component of graderVersions) expect(packages, component.name).toContain(component.installedBy);
  });

  it("are listed in the 'About the versions' note of lesson 1.4", () => {
    const section = sections.find((s) => s.id === versionsNote.sectionId)!;
    expect(section.headings.map((h) => h.text)).toContain(versionsNote.heading);
    const note = section.body.slice(section.body.indexOf(`### ${versionsNote.heading}`));
    for (const { name, version } of graderVersions) expect(note, name).toContain(`| ${name} | ${version} |`);
    expect(findVersionsNoteHref()).toBe("/learn/1.4#7-about-the-versions");
  });

  it("match the versions lesson 1.4's check compares an install with", () => {
    const section = sections.find((s) => s.id === versionsNote.sectionId)!;
    const check = listCodeBlocks(section.body).find((block) => block.isRunnable && block.code.includes("GRADER = {"))!;
    const pairs = [...check.code.matchAll(/"([\w-]+)": "(\d+\.\d+)"/g)].map(([, distribution, version]) => ({ distribution, version }));
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const { distribution, version } of pairs) {
      const component = graderVersions.find((c) => c.distribution?.toLowerCase() === distribution!.toLowerCase());
      expect(component?.version, distribution).toBe(version);
    }
  });

  it("are the ones every lesson, quiz and README attributes to the grader", () => {
    // Prose only: code blocks are checked by running them, and the block above by its own test.
    const prose = (markdown: string) => markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, "\n");
    const texts: { where: string; text: string }[] = sections.flatMap((section) => [
      { where: section.file, text: prose(section.body) },
      ...section.quiz.questions.map((q) => ({ where: q.id, text: [q.prompt, q.explanation, ...q.choices.map((c) => c.text)].join("\n\n") })),
    ]);
    for (const file of ["exercises/README.md", "packages/content/README.md"]) texts.push({ where: file, text: prose(readFileSync(path.join(root, file), "utf8")) });
    const mentions = texts.flatMap(({ where, text }) => findGraderVersionMentions(text, graderVersions).map((m) => ({ where, ...m })));
    const drifted = mentions.filter((m) => m.version !== pinned(m.name)).map((m) => `${m.where}: ${m.name} ${m.version} (pinned ${pinned(m.name)}): ${m.sentence}`);
    expect(drifted).toEqual([]);
    for (const { name } of listHeadlineGraderVersions()) expect(mentions.some((m) => m.name === name), `a mention of the grader's ${name}`).toBe(true);
  });
});
