import { describe, expect, it } from "vitest";

import { highlightCodeBlocks } from "./highlight";
import { parseMarkdown } from "./parse-markdown";
import { treeToHtml } from "./tree-to-html";

const toHtml = (source: string, variant: "lesson" | "task" | "inline" = "task") => treeToHtml(parseMarkdown(source).tree, variant);

describe("treeToHtml", () => {
  it("frames each code block with its language, runnable badge and copy button, focusable to scroll", async () => {
    const { tree } = parseMarkdown("```python runnable\nprint('<hi>')\n```\n\n```\n$ ls\n```");
    await highlightCodeBlocks(tree);
    const html = treeToHtml(tree, "lesson");
    expect(html.match(/<figure class="not-prose[^"]*" data-testid="code-block">/g)).toHaveLength(2);
    expect(html).toContain('<span class="font-medium">Python</span><span class="rounded-full');
    expect(html.match(/>runnable</g)).toHaveLength(1);
    expect(html).toContain('<span class="font-medium">Output</span><button type="button" data-copy-code="" aria-label="Copy code to clipboard"');
    expect(html).toMatch(/<pre data-language="python" class="shiki github-light-default overflow-x-auto [^"]*" style="background-color:#ffffff;[^"]*" tabindex="0">/);
    expect(html).toContain("&#x3C;hi>");
    expect(html).not.toContain("<hi>");
  });

  it("keeps site links in place, sends others to a new tab and drops other schemes", () => {
    const html = toHtml("[lesson](/learn/2.3) [part](#summary) [docs](https://fastapi.tiangolo.com) [bad](javascript:alert(1))");
    expect(html).toContain('<a href="/learn/2.3">lesson</a>');
    expect(html).toContain('<a href="#summary">part</a>');
    expect(html).toContain('<a href="https://fastapi.tiangolo.com" target="_blank" rel="noreferrer noopener">docs</a>');
    expect(html).toContain("<a>bad</a>");
  });

  it("puts tables in a focusable scrolling box and escapes raw HTML", () => {
    const html = toHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script> and <b>bold</b>");
    expect(html).toMatch(/^<div class="overflow-x-auto" tabindex="0"><table>/);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
  });

  it("renders the inline variant without a paragraph", () => {
    expect(toHtml("Returns `404 Not Found`", "inline")).toBe("Returns <code>404 Not Found</code>");
  });
});
