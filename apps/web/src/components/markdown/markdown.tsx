import "server-only";

import { createHash } from "node:crypto";

import type { Heading } from "./heading-anchors";
import { highlightCodeBlocks } from "./highlight";
import { MarkdownHtml } from "./markdown-html";
import { parseMarkdown } from "./parse-markdown";
import type { MarkdownVariant } from "./prose-classes";
import { treeToHtml } from "./tree-to-html";

type RenderedMarkdown = { html: string; headings: Heading[] };

// Lessons, quiz prompts and exercise statements change only with a new content version: each
// text is parsed, highlighted and turned into HTML once per process, then served from here. The
// bound only matters if exercise versions keep coming; the content holds a few thousand texts.
const MAX_CACHED = 5000;
const rendered = new Map<string, Promise<RenderedMarkdown>>();

async function renderUncached(source: string, variant: MarkdownVariant): Promise<RenderedMarkdown> {
  const { tree, headings } = parseMarkdown(source);
  await highlightCodeBlocks(tree);
  return { html: treeToHtml(tree, variant), headings };
}

function renderCached(source: string, variant: MarkdownVariant) {
  const key = `${variant}:${createHash("sha256").update(source).digest("base64url")}`;
  let entry = rendered.get(key);
  if (!entry) {
    entry = renderUncached(source, variant);
    rendered.set(key, entry);
    entry.catch(() => rendered.delete(key));
    if (rendered.size > MAX_CACHED) rendered.delete(rendered.keys().next().value!);
  }
  return entry;
}

/** Markdown rendered on the server, code highlighted, with the table of contents of that same parse. */
export async function renderMarkdown(source: string, variant: MarkdownVariant, className?: string) {
  const { html, headings } = await renderCached(source, variant);
  return { content: <MarkdownHtml html={html} variant={variant} className={className} />, headings };
}

type MarkdownProps = { source: string; variant?: MarkdownVariant; className?: string };

/** Lessons, exercise statements, quiz prompts and choices: GitHub-flavoured Markdown, highlighted on the server. */
export async function Markdown({ source, variant = "task", className }: MarkdownProps) {
  return (await renderMarkdown(source, variant, className)).content;
}
