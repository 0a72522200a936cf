import type { Element, Root } from "hast";
import type { Code } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import type { Options as RemarkRehypeOptions } from "remark-rehype";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";

import type { Heading } from "./heading-anchors";
import { remarkHeadingAnchors } from "./heading-anchors";

export type ParsedMarkdown = { tree: Root; headings: Heading[] };

/** A fence becomes `<pre data-language data-runnable><code>`: the info string after the language
 * ("python runnable") marks examples the curriculum's tests run. */
const codeBlock: NonNullable<RemarkRehypeOptions["handlers"]>["code"] = (_state, node: Code): Element => ({
  type: "element",
  tagName: "pre",
  properties: { dataLanguage: node.lang ?? "text", dataRunnable: (node.meta ?? "").split(/\s+/).includes("runnable") ? "" : undefined },
  children: [{ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: node.value }] }],
});

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkHeadingAnchors).use(remarkRehype, { handlers: { code: codeBlock } }).freeze();

/** GitHub-flavoured Markdown to a hast tree, with the h2/h3 anchors that tree carries. */
export function parseMarkdown(source: string): ParsedMarkdown {
  const file = new VFile(source);
  const tree = processor.runSync(processor.parse(file), file);
  return { tree, headings: file.data.headings ?? [] };
}

/** A fence holding `code` as is: longer than any run of backticks inside it. */
export function fenceCode(code: string, language: string) {
  const longestRun = Math.max(2, ...Array.from(code.matchAll(/`+/g), (match) => match[0].length));
  const fence = "`".repeat(longestRun + 1);
  return `${fence}${language}\n${code.replace(/\n$/, "")}\n${fence}`;
}
