import { describe, expect, it } from "vitest";

import { countProseWords, extractHeadings, listCodeBlocks, splitFrontMatter, toProseText } from "./markdown";
import { slugify } from "./slugify";

const body = [
  "## Key concepts",
  "",
  "Some **bold** words here.",
  "",
  "```python runnable",
  "## not a heading",
  "print('hello world')",
  "```",
  "",
  "### 1. The `Depends` function",
  "",
  "~~~text",
  "ignored words",
  "~~~",
  "## Key concepts",
  "",
].join("\n");

describe("lesson Markdown", () => {
  it("splits YAML front matter from the body", () => {
    expect(splitFrontMatter('---\nsection: "1.1"\n---\n\n## Hi\n')).toEqual({ data: { section: "1.1" }, body: "\n## Hi\n" });
  });

  it("lists headings outside code", () => {
    expect(extractHeadings(body)).toEqual([
      { depth: 2, text: "Key concepts" },
      { depth: 3, text: "1. The Depends function" },
      { depth: 2, text: "Key concepts" },
    ]);
  });

  it("counts prose words only", () => {
    expect(countProseWords(body)).toBe(4 + 4 + 2 + 2);
    expect(toProseText(body)).toBe("Some bold words here.");
  });

  it("lists code blocks with their language and runnable flag", () => {
    expect(listCodeBlocks(body)).toEqual([
      { index: 0, lang: "python", meta: "runnable", isRunnable: true, code: "## not a heading\nprint('hello world')\n", line: 5 },
      { index: 1, lang: "text", meta: "", isRunnable: false, code: "ignored words\n", line: 12 },
    ]);
  });

  it("slugs titles as the file names do", () => {
    expect(slugify("CORS (Cross-Origin Resource Sharing)")).toBe("cors-cross-origin-resource-sharing");
    expect(slugify("What is FastAPI?")).toBe("what-is-fastapi");
  });
});
