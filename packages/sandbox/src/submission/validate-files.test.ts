import { describe, expect, it } from "vitest";

import { sandboxLimitsSchema } from "../config/limits";
import { SubmissionRejectedError } from "../errors";
import { validateSubmissionFiles } from "./validate-files";

const rules = { files: ["main.py", "models.py", "routers/items.py"], entrypoint: "main.py", kind: "implement" as const };
const main = { name: "main.py", content: "app = 1\n" };

function rejection(files: { name: string; content: string | Uint8Array }[], limits = sandboxLimitsSchema.parse({})) {
  try {
    validateSubmissionFiles(rules, files, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(SubmissionRejectedError);
    return (error as Error).message;
  }
  throw new Error("expected a rejection");
}

describe("validateSubmissionFiles", () => {
  it("accepts allowed files, nested ones included, as UTF-8 buffers", () => {
    const valid = validateSubmissionFiles(rules, [main, { name: "routers/items.py", content: "x = 'é'\n" }]);
    expect(valid.map((f) => f.name)).toEqual(["main.py", "routers/items.py"]);
    expect(valid[1]?.content.toString("utf8")).toBe("x = 'é'\n");
  });

  it("accepts the exercise config wrapped in a loaded exercise", () => {
    expect(validateSubmissionFiles({ config: rules }, [main])).toHaveLength(1);
  });

  it.each([
    ["../main.py", "leaves its folder"],
    ["routers/../../etc/passwd", "leaves its folder"],
    ["/etc/passwd", "absolute path"],
    ["routers\\..\\main.py", "leaves its folder"],
    ["main.py\0.txt", "not a valid file name"],
    [" main.py", "not a valid file name"],
    ["routers//items.py", "not a valid file name"],
    ["./main.py", "not a valid file name"],
    ["conftest.py", "not a file of this exercise"],
    ["sitecustomize.py", "not a file of this exercise"],
    ["evil.pth", "not a file of this exercise"],
    ["", "has no name"],
  ])("rejects the name %j", (name, reason) => {
    expect(rejection([main, { name, content: "x" }])).toContain(reason);
  });

  it("rejects duplicates, a missing entrypoint and an empty submission", () => {
    expect(rejection([main, main])).toContain("submitted twice");
    expect(rejection([{ name: "models.py", content: "" }])).toContain("must include main.py");
    expect(rejection([])).toContain("no files");
  });

  it("rejects non-UTF-8, NUL bytes and lone surrogates", () => {
    expect(rejection([{ name: "main.py", content: Uint8Array.from([0xff, 0xfe, 0x41]) }])).toContain("not UTF-8");
    expect(rejection([{ name: "main.py", content: "a\0b" }])).toContain("NUL");
    expect(rejection([{ name: "main.py", content: "\ud800" }])).toContain("not valid UTF-8");
  });

  it("enforces per-file and total sizes", () => {
    const limits = sandboxLimitsSchema.parse({ maxFileKib: 1, maxTotalKib: 2 });
    expect(rejection([{ name: "main.py", content: "x".repeat(1025) }], limits)).toContain("larger than 1 KiB");
    const big = "x".repeat(1000);
    expect(
      rejection(
        [
          { name: "main.py", content: big },
          { name: "models.py", content: big },
          { name: "routers/items.py", content: big },
        ],
        limits,
      ),
    ).toContain("larger than 2 KiB");
  });
});
