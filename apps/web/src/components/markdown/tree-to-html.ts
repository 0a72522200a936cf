import type { Element, ElementContent, Root } from "hast";
import { toHtml } from "hast-util-to-html";

import { frameCodeBlock } from "./code-block";
import type { MarkdownVariant } from "./prose-classes";

const SAFE_URL = /^(\/|#|https?:|mailto:)/i;

/** A link to another site opens in a new tab; a URL of another scheme (javascript:) is dropped. */
function prepareLink(link: Element) {
  const href = String(link.properties.href ?? "");
  if (!SAFE_URL.test(href)) delete link.properties.href;
  else if (/^https?:/i.test(href)) Object.assign(link.properties, { target: "_blank", rel: ["noreferrer", "noopener"] });
}

function prepareChildren(parent: Root | Element, variant: MarkdownVariant) {
  parent.children = (parent.children as ElementContent[]).flatMap((child): ElementContent[] => {
    if (child.type !== "element") return [child];
    if (child.tagName === "pre" && child.properties.dataLanguage !== undefined) return [frameCodeBlock(child)];
    prepareChildren(child, variant);
    if (child.tagName === "a") prepareLink(child);
    // A wide table scrolls in its own box, which takes focus for the keyboard.
    if (child.tagName === "table") return [{ type: "element", tagName: "div", properties: { className: ["overflow-x-auto"], tabIndex: 0 }, children: [child] }];
    // One line of text (a quiz choice beside its radio button) has no paragraph.
    if (variant === "inline" && child.tagName === "p") return child.children;
    return [child];
  });
}

/** A parsed (and, on the server, highlighted) Markdown tree as HTML: code blocks framed, links
 * and tables prepared. The tree is changed in place. */
export function treeToHtml(tree: Root, variant: MarkdownVariant) {
  prepareChildren(tree, variant);
  return toHtml(tree);
}
