import "server-only";

import { highlightCodeBlocks } from "./highlight";
import { parseMarkdown } from "./parse-markdown";
import type { MarkdownVariant } from "./render-tree";
import { renderTree } from "./render-tree";

/** Markdown rendered on the server, code highlighted, with the table of contents of that same parse. */
export async function renderMarkdown(source: string, variant: MarkdownVariant, className?: string) {
  const { tree, headings } = parseMarkdown(source);
  await highlightCodeBlocks(tree);
  return { content: renderTree(tree, variant, className), headings };
}

type MarkdownProps = { source: string; variant?: MarkdownVariant; className?: string };

/** Lessons, exercise statements, quiz prompts and choices: GitHub-flavoured Markdown, highlighted on the server. */
export async function Markdown({ source, variant = "task", className }: MarkdownProps) {
  return (await renderMarkdown(source, variant, className)).content;
}
