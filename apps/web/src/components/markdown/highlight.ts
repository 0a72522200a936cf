import "server-only";

import type { Element, ElementContent, Root } from "hast";
import type { Highlighter } from "shiki";
import { createHighlighter } from "shiki";

const LANGUAGES = ["python", "json", "bash", "sql", "yaml", "toml", "http", "ini", "dockerfile", "javascript", "typescript", "html"] as const;
// Every token colour of this theme reaches WCAG AA contrast (4.5:1) on its white background.
const CODE_THEME = "github-light-default";
const ALIASES: Record<string, string> = { py: "python", sh: "bash", shell: "bash", console: "bash", yml: "yaml", js: "javascript", ts: "typescript" };

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter() {
  highlighter ??= createHighlighter({ themes: [CODE_THEME], langs: [...LANGUAGES] });
  return highlighter;
}

function textOf(nodes: ElementContent[]): string {
  return nodes.map((node) => (node.type === "text" ? node.value : node.type === "element" ? textOf(node.children) : "")).join("");
}

function listCodeBlocks(node: Root | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "pre" && child.properties.dataLanguage !== undefined) found.push(child);
    else listCodeBlocks(child, found);
  }
  return found;
}

/** Highlights every code block of the tree in place, on the server: no highlighter reaches the
 * browser. Shiki escapes the code, its output is hast like the rest. */
export async function highlightCodeBlocks(tree: Root) {
  const blocks = listCodeBlocks(tree);
  if (blocks.length === 0) return;
  const shiki = await getHighlighter();
  for (const pre of blocks) {
    const wanted = String(pre.properties.dataLanguage);
    const lang = (LANGUAGES as readonly string[]).includes(ALIASES[wanted] ?? wanted) ? (ALIASES[wanted] ?? wanted) : "text";
    const highlighted = shiki.codeToHast(textOf(pre.children), { lang, theme: CODE_THEME }).children[0] as Element;
    pre.properties = { ...pre.properties, className: ["shiki", CODE_THEME], style: highlighted.properties.style };
    pre.children = highlighted.children;
  }
}
