import { parseMarkdown } from "./parse-markdown";
import type { MarkdownVariant } from "./render-tree";
import { MarkdownFrame, renderTree } from "./render-tree";

/** Markdown that reaches the browser as data (a quiz's explanations, sent after grading): the same
 * parse, components and typography as `Markdown`, without the server's highlighting. */
export function BrowserMarkdown({ source, variant = "task", className }: { source: string; variant?: MarkdownVariant; className?: string }) {
  return (
    <MarkdownFrame variant={variant} className={className}>
      {renderTree(parseMarkdown(source).tree, variant)}
    </MarkdownFrame>
  );
}
