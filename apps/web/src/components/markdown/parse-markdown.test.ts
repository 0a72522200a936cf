import { extractHeadings, listSections } from "@academy/content";
import type { Element, Root } from "hast";
import { describe, expect, it } from "vitest";

import { highlightCodeBlocks } from "./highlight";
import { fenceCode, parseMarkdown } from "./parse-markdown";

function listElements(node: Root | Element, tagNames: string[], found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (tagNames.includes(child.tagName)) found.push(child);
    listElements(child, tagNames, found);
  }
  return found;
}

const lesson = ["## Key concepts", "", "### 1. The `Depends` function", "", "```python runnable", "## not a heading", "print('hi')", "```", "", "## Key concepts", "", "#### Too deep", ""].join("\n");

describe("parseMarkdown", () => {
  it("gives h2 and h3 unique anchors and lists them from the same parse", () => {
    const { tree, headings } = parseMarkdown(lesson);
    expect(headings).toEqual([
      { depth: 2, text: "Key concepts", id: "key-concepts" },
      { depth: 3, text: "1. The Depends function", id: "1-the-depends-function" },
      { depth: 2, text: "Key concepts", id: "key-concepts-2" },
    ]);
    expect(listElements(tree, ["h2", "h3", "h4"]).map((heading) => heading.properties.id ?? null)).toEqual(["key-concepts", "1-the-depends-function", "key-concepts-2", null]);
  });

  it("marks fences with their language and runnable flag", () => {
    const [pre] = listElements(parseMarkdown(lesson).tree, ["pre"]);
    expect(pre?.properties).toEqual({ dataLanguage: "python", dataRunnable: "" });
    expect(listElements(parseMarkdown("```\nplain\n```").tree, ["pre"])[0]?.properties).toEqual({ dataLanguage: "text" });
  });

  it("fences code that itself holds backticks", () => {
    const code = "text = '''\n```python\nx = 1\n```\n'''\n";
    const [pre] = listElements(parseMarkdown(fenceCode(code, "python")).tree, ["pre"]);
    expect(pre?.children).toEqual([{ type: "element", tagName: "code", properties: {}, children: [{ type: "text", value: code.replace(/\n$/, "") }] }]);
  });

  it("highlights code blocks into shiki's markup, keeping their language", async () => {
    const { tree } = parseMarkdown("```py\nx = 1\n```\n\n```nonsense\n<b>\n```");
    await highlightCodeBlocks(tree);
    const [python, unknown] = listElements(tree, ["pre"]);
    expect(python?.properties).toMatchObject({ dataLanguage: "py", className: ["shiki", "github-light-default"] });
    expect(listElements(python!, ["span"]).length).toBeGreaterThan(1);
    expect(unknown?.properties.dataLanguage).toBe("nonsense");
    expect(listElements(unknown!, ["span"]).map((span) => span.children)).toContainEqual([{ type: "text", value: "<b>" }]);
  });

  it.each(listSections().map((section) => [section.id, section.body] as const))("lesson %s: the table of contents lists every heading the search index knows", (_id, body) => {
    const { headings } = parseMarkdown(body);
    expect(headings.map(({ depth, text }) => ({ depth, text }))).toEqual(extractHeadings(body));
    expect(new Set(headings.map((heading) => heading.id)).size).toBe(headings.length);
  });
});
