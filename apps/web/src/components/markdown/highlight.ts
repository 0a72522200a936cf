import "server-only";

import type { Highlighter } from "shiki";
import { createHighlighter } from "shiki";

const LANGUAGES = ["python", "json", "bash", "sql", "yaml", "toml", "http", "ini", "dockerfile", "javascript", "typescript", "html"] as const;
export const CODE_THEME = "github-light";

let highlighter: Promise<Highlighter> | undefined;

function getHighlighter() {
  highlighter ??= createHighlighter({ themes: [CODE_THEME], langs: [...LANGUAGES] });
  return highlighter;
}

const ALIASES: Record<string, string> = { py: "python", sh: "bash", shell: "bash", console: "bash", yml: "yaml", js: "javascript", ts: "typescript" };

/** Highlighted HTML for one code block; shiki escapes the code, so the result is safe to inject. */
export async function highlightCode(code: string, language: string | undefined) {
  const wanted = language ? (ALIASES[language] ?? language) : "text";
  const lang = (LANGUAGES as readonly string[]).includes(wanted) ? wanted : "text";
  return (await getHighlighter()).codeToHtml(code.replace(/\n$/, ""), { lang, theme: CODE_THEME });
}
