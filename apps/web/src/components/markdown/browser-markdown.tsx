import { MarkdownHtml } from "./markdown-html";
import { parseMarkdown } from "./parse-markdown";
import type { MarkdownVariant } from "./prose-classes";
import { treeToHtml } from "./tree-to-html";

type Props = { source: string; variant?: MarkdownVariant; className?: string };

/** Markdown that reaches the browser as data (a quiz's explanations, sent after grading): the same
 * parse, code blocks and typography as `Markdown`, without the server's highlighting. */
export function BrowserMarkdown({ source, variant = "task", className }: Props) {
  return <MarkdownHtml html={treeToHtml(parseMarkdown(source).tree, variant)} variant={variant} className={className} />;
}
