/** A test file as read from an exercise folder or put into a grading bundle. */
export type TestFile = { name: string; content: string | Buffer };

export type Visibility = "visible" | "hidden";

const FUNCTION = /^(?:async\s+)?def\s+(test\w*)\s*\(/;
const CLASS = /^class\s+(Test\w*)\b/;
const METHOD = /^\s+(?:async\s+)?def\s+(test\w*)\s*\(/;

/** Test names read from the files without running them: the sandbox's fallback list when a run ends
 * before pytest collected anything (a timeout during start-up), and the loader's count of a suite. */
export function listTestNames(files: TestFile[], visibility: Visibility): { name: string; visibility: Visibility }[] {
  const names: { name: string; visibility: Visibility }[] = [];
  for (const file of files) {
    const base = file.name.split("/").pop() ?? "";
    if (!/^test_.*\.py$|_test\.py$/.test(base)) continue;
    let currentClass: string | null = null;
    const text = typeof file.content === "string" ? file.content : file.content.toString("utf8");
    for (const line of text.split("\n")) {
      const fn = FUNCTION.exec(line);
      const cls = CLASS.exec(line);
      const method = METHOD.exec(line);
      if (fn?.[1]) {
        currentClass = null;
        names.push({ name: fn[1], visibility });
      } else if (cls?.[1]) currentClass = cls[1];
      else if (/^\S/.test(line)) currentClass = null;
      else if (method?.[1] && currentClass) names.push({ name: `${currentClass}::${method[1]}`, visibility });
    }
  }
  return names;
}
