import { createAnchorSlugger } from "@academy/content/slugify";
import type { Heading as MdastHeading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { VFile } from "vfile";

/** A `##` or `###` heading of a document, as its table of contents lists it. */
export type Heading = { depth: 2 | 3; text: string; id: string };

declare module "vfile" {
  interface DataMap {
    headings: Heading[];
  }
}

function isTocHeading(node: Root["children"][number]): node is MdastHeading & { depth: 2 | 3 } {
  return node.type === "heading" && (node.depth === 2 || node.depth === 3);
}

/** A remark plugin: gives each top-level h2/h3 its anchor id and lists them in `file.data.headings`,
 * so the table of contents comes from the very parse that renders the headings. */
export function remarkHeadingAnchors() {
  return (tree: Root, file: VFile) => {
    const slug = createAnchorSlugger();
    const headings: Heading[] = [];
    for (const node of tree.children) {
      if (!isTocHeading(node)) continue;
      const text = toString(node);
      const id = slug(text);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
      headings.push({ depth: node.depth, text, id });
    }
    file.data.headings = headings;
  };
}
