import { createAnchorSlugger } from "@academy/content";
import type { Heading } from "@academy/content";

type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };

function textOf(node: Node): string {
  return node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");
}

/** A rehype plugin giving h2/h3 the anchor ids the loader computed, in document order, so the
 * table of contents and the rendered headings cannot drift apart. */
export function rehypeHeadingIds(options: { headings: readonly Heading[] }) {
  return (tree: Node) => {
    const fallback = createAnchorSlugger();
    let index = 0;
    const visit = (node: Node) => {
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
        const id = options.headings[index++]?.id ?? fallback(textOf(node));
        node.properties = { ...node.properties, id };
        return;
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
