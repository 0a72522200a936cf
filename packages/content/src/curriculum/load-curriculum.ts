import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { parse as parseYaml } from "yaml";

import { countProseWords, extractHeadings, splitFrontMatter } from "./markdown";
import type { Heading } from "./markdown";
import { resolveCurriculumDir } from "./resolve-dir";
import { chapterSchema, lessonFrontMatterSchema, quizSchema } from "./schema";
import type { Quiz } from "./schema";
import { slugify } from "./slugify";

export type Section = {
  /** "3.5" */
  id: string;
  chapter: number;
  title: string;
  slug: string;
  summary: string;
  /** Markdown without the front matter. */
  body: string;
  headings: Heading[];
  /** Prose words, code blocks excluded. */
  wordCount: number;
  quiz: Quiz;
  /** Path of the lesson file inside the curriculum folder. */
  file: string;
};

export type Chapter = { number: number; title: string; slug: string; summary: string; sections: Section[] };
export type Curriculum = { dir: string; chapters: Chapter[]; sections: Section[] };

export class CurriculumError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: string[],
  ) {
    super(`invalid curriculum in ${dir}:\n- ${problems.join("\n- ")}`);
    this.name = "CurriculumError";
  }
}

const CHAPTER_DIR = /^(\d{2})-([a-z0-9-]+)$/;
const LESSON_FILE = /^(\d+\.\d+)-([a-z0-9-]+)\.md$/;
const QUIZ_FILE = /^(\d+\.\d+)-([a-z0-9-]+)\.quiz\.yaml$/;

function parseWith<T extends z.ZodType>(schema: T, data: unknown, where: string, problems: string[]): z.output<T> | null {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  problems.push(...parsed.error.issues.map((issue) => `${where} ${issue.path.join(".") || "(root)"}: ${issue.message}`));
  return null;
}

function readYaml(file: string, where: string, problems: string[]): unknown {
  try {
    return parseYaml(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${where}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return null;
  }
}

function compareSectionIds(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1! - b1! || a2! - b2!;
}

function loadSection(dir: string, chapterDir: string, chapterNumber: number, fileName: string, files: string[], problems: string[]): Section | null {
  const [, id, slug] = LESSON_FILE.exec(fileName)!;
  const where = `${chapterDir}/${fileName}`;
  const { data, body } = splitFrontMatter(readFileSync(path.join(dir, chapterDir, fileName), "utf8"));
  const front = parseWith(lessonFrontMatterSchema, data, `${where} front matter`, problems);
  const quizName = fileName.replace(/\.md$/, ".quiz.yaml");
  if (!files.includes(quizName)) problems.push(`${chapterDir}/${quizName} is missing`);
  const quizData = files.includes(quizName) ? readYaml(path.join(dir, chapterDir, quizName), `${chapterDir}/${quizName}`, problems) : null;
  const quiz = quizData === null ? null : parseWith(quizSchema, quizData, `${chapterDir}/${quizName}`, problems);
  if (!front || !quiz) return null;

  if (front.section !== id) problems.push(`${where}: front matter section ${front.section} differs from the file name's ${id}`);
  if (!id!.startsWith(`${chapterNumber}.`)) problems.push(`${where}: section ${id} is not in chapter ${chapterNumber}`);
  if (slugify(front.title) !== slug) problems.push(`${where}: the file name should be ${id}-${slugify(front.title)}.md`);
  if (quiz.section !== id) problems.push(`${chapterDir}/${quizName}: section ${quiz.section} differs from ${id}`);
  return {
    id: id!,
    chapter: chapterNumber,
    title: front.title,
    slug: slug!,
    summary: front.summary,
    body,
    headings: extractHeadings(body),
    wordCount: countProseWords(body),
    quiz,
    file: where,
  };
}

function loadChapter(dir: string, chapterDir: string, problems: string[]): Chapter | null {
  const [, numberText, slug] = CHAPTER_DIR.exec(chapterDir)!;
  const files = readdirSync(path.join(dir, chapterDir)).sort();
  const config = parseWith(chapterSchema, readYaml(path.join(dir, chapterDir, "chapter.yaml"), `${chapterDir}/chapter.yaml`, problems), `${chapterDir}/chapter.yaml`, problems);
  if (!config) return null;
  if (config.number !== Number(numberText)) problems.push(`${chapterDir}/chapter.yaml: number ${config.number} differs from the folder's ${numberText}`);
  if (slugify(config.title) !== slug) problems.push(`${chapterDir}: the folder should be ${numberText}-${slugify(config.title)}`);
  for (const name of files) {
    if (name !== "chapter.yaml" && !LESSON_FILE.test(name) && !QUIZ_FILE.test(name)) problems.push(`${chapterDir}/${name}: unexpected file`);
    if (QUIZ_FILE.test(name) && !files.includes(name.replace(/\.quiz\.yaml$/, ".md"))) problems.push(`${chapterDir}/${name}: quiz without a lesson`);
  }
  const sections = files
    .filter((name) => LESSON_FILE.test(name))
    .map((name) => loadSection(dir, chapterDir, config.number, name, files, problems))
    .filter((section): section is Section => section !== null)
    .sort((a, b) => compareSectionIds(a.id, b.id));
  return { ...config, slug: slug!, sections };
}

function checkUniqueIds(sections: Section[], problems: string[]) {
  const sectionIds = new Set<string>();
  const questionIds = new Set<string>();
  for (const section of sections) {
    if (sectionIds.has(section.id)) problems.push(`section ${section.id} appears twice`);
    sectionIds.add(section.id);
    for (const question of section.quiz.questions) {
      if (questionIds.has(question.id)) problems.push(`question id ${question.id} is used twice`);
      questionIds.add(question.id);
    }
  }
}

/** Reads and validates every chapter, lesson and quiz; throws CurriculumError listing every problem. */
export function readCurriculum(dir: string): Curriculum {
  const problems: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true });
  const chapters = entries
    .filter((entry) => entry.isDirectory() && CHAPTER_DIR.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => loadChapter(dir, name, problems))
    .filter((chapter): chapter is Chapter => chapter !== null);
  const sections = chapters.flatMap((chapter) => chapter.sections);
  checkUniqueIds(sections, problems);
  if (problems.length > 0) throw new CurriculumError(dir, problems);
  return { dir, chapters, sections };
}

const cache = new Map<string, Curriculum>();

/** The curriculum, read once per folder and kept for the life of the process. */
export function loadCurriculum(options: { dir?: string } = {}): Curriculum {
  // Folders found at run time: the hint keeps Next.js file tracing from pulling in the whole repository.
  const dir = path.resolve(/*turbopackIgnore: true*/ options.dir ?? resolveCurriculumDir());
  let curriculum = cache.get(dir);
  if (!curriculum) {
    curriculum = readCurriculum(dir);
    cache.set(dir, curriculum);
  }
  return curriculum;
}
