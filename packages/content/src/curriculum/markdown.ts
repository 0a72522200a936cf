import { parse as parseYaml } from "yaml";

/** A heading's words, for search; the web app's Markdown pipeline gives headings their anchors. */
export type Heading = { depth: 2 | 3; text: string };
export type CodeBlock = { index: number; lang: string; meta: string; isRunnable: boolean; code: string; line: number };

type Line = { text: string; isCode: boolean };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)\s*(.*)$/;

/** Splits `---` YAML front matter from the Markdown body. */
export function splitFrontMatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: null, body: source };
  return { data: parseYaml(match[1] ?? ""), body: source.slice(match[0].length) };
}

/** Each line tagged as inside a fenced code block (fences included) or not. */
function classifyLines(body: string): Line[] {
  const lines: Line[] = [];
  let fence: string | null = null;
  for (const text of body.split(/\r?\n/)) {
    const match = FENCE.exec(text);
    if (fence === null && match) {
      fence = match[1]!;
      lines.push({ text, isCode: true });
    } else if (fence !== null) {
      if (match && match[1]!.startsWith(fence) && match[2] === "" && match[3] === "") fence = null;
      lines.push({ text, isCode: true });
    } else {
      lines.push({ text, isCode: false });
    }
  }
  return lines;
}

/** A heading's visible text: inline code kept, emphasis and link syntax dropped. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\*+/g, "")
    .trim();
}

/** The ## and ### headings, in order. */
export function extractHeadings(body: string): Heading[] {
  const headings: Heading[] = [];
  for (const line of classifyLines(body)) {
    const match = !line.isCode && /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line.text);
    if (!match) continue;
    headings.push({ depth: match[1]!.length as 2 | 3, text: toPlainText(match[2]!) });
  }
  return headings;
}

/** Words outside fenced code blocks: tokens holding at least one letter or digit. */
export function countProseWords(body: string): number {
  return classifyLines(body)
    .filter((line) => !line.isCode)
    .flatMap((line) => line.text.split(/\s+/))
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/** Every fenced code block, numbered from 0 in document order. */
export function listCodeBlocks(body: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = body.split(/\r?\n/);
  let open: { fence: string; lang: string; meta: string; line: number; code: string[] } | null = null;
  lines.forEach((text, lineIndex) => {
    const match = FENCE.exec(text);
    if (!open) {
      if (match) open = { fence: match[1]!, lang: match[2]!, meta: match[3]!.trim(), line: lineIndex + 1, code: [] };
      return;
    }
    if (match && match[1]!.startsWith(open.fence) && match[2] === "" && match[3] === "") {
      const meta = open.meta;
      blocks.push({ index: blocks.length, lang: open.lang, meta, isRunnable: meta.split(/\s+/).includes("runnable"), code: open.code.join("\n") + "\n", line: open.line });
      open = null;
      return;
    }
    open.code.push(text);
  });
  return blocks;
}

/** The body as plain prose for indexing and snippets: code blocks and headings dropped, Markdown syntax removed. */
export function toProseText(body: string): string {
  return classifyLines(body)
    .filter((line) => !line.isCode && !/^#{1,6}\s/.test(line.text))
    .map((line) => toPlainText(line.text.replace(/^\s*([-*+]\s+|\d+\.\s+|>\s?)/, "")))
    .filter((text) => text.length > 0)
    .join(" ")
    .replace(/\s+/g, " ");
}
