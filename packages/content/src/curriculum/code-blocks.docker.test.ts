import { beforeAll, describe, expect, it } from "vitest";

import { createDockerClient, ensureGraderImage } from "@academy/sandbox";

import { loadCurriculum } from "./load-curriculum";
import { listCodeBlocks } from "./markdown";
import { runBlocksInContainer } from "./testing/run-blocks-in-container";
import type { BlockResult } from "./testing/run-blocks-in-container";

// LESSONS=2.3,4.3 checks only those lessons' blocks (while editing them); unset, every lesson.
const onlyLessons = (process.env.LESSONS ?? "").split(",").map((id) => id.trim()).filter(Boolean);
const blocks = loadCurriculum().sections.filter((section) => onlyLessons.length === 0 || onlyLessons.includes(section.id)).flatMap((section) =>
  listCodeBlocks(section.body)
    .filter((block) => block.lang === "python")
    .map((block) => ({
      name: `${section.id}-block-${block.index}.py`,
      label: `${section.file} code block #${block.index} (line ${block.line}${block.isRunnable ? ", runnable" : ""})`,
      code: block.code,
      isRunnable: block.isRunnable,
    })),
);

describe("lesson code blocks in the grader image", () => {
  const docker = createDockerClient();
  let results: Map<string, BlockResult>;

  beforeAll(async () => {
    const startedAt = performance.now();
    const image = await ensureGraderImage({ docker, log: (line) => console.log(`[grader image] ${line}`) });
    const imageReadyAt = performance.now();
    const list = await runBlocksInContainer({ docker, image, blocks, killAfterMs: 1_500_000 });
    results = new Map(list.map((result) => [result.name, result]));
    const slowest = [...list].sort((a, b) => b.seconds - a.seconds).slice(0, 3).map((r) => `${r.name} ${r.seconds} s`);
    const retried = list.filter((r) => r.retried).map((r) => r.name);
    console.log(
      `image ready in ${Math.round((imageReadyAt - startedAt) / 1000)} s; ${list.length} blocks checked in ` +
        `${Math.round((performance.now() - imageReadyAt) / 1000)} s; slowest: ${slowest.join(", ")}` +
        (retried.length > 0 ? `; ran again alone after a timeout: ${retried.join(", ")}` : ""),
    );
  });

  it("has python blocks to check, runnable ones among them", () => {
    expect(blocks.filter((b) => b.isRunnable).length).toBeGreaterThanOrEqual(onlyLessons.length > 0 ? onlyLessons.length : 48);
  });

  it("parses every ```python block", () => {
    const failures = blocks.filter((b) => !results.get(b.name)?.parsed).map((b) => `${b.label}: ${results.get(b.name)?.output ?? "no result"}`);
    expect(failures).toEqual([]);
  });

  it("runs every ```python runnable block to exit 0", () => {
    const failures = blocks
      .filter((b) => b.isRunnable && !results.get(b.name)?.ran)
      .map((b) => {
        const result = results.get(b.name);
        return `${b.label}: exit ${result?.exit_code ?? "none"}\n${result?.output.trim() ?? "no result"}`;
      });
    expect(failures).toEqual([]);
  });
});

describe("the code block check itself", () => {
  it("reports syntax errors, failing exits, network use and writes outside /tmp", async () => {
    const docker = createDockerClient();
    const image = await ensureGraderImage({ docker });
    const fixtures = [
      { name: "ok.py", code: "open('/tmp/x', 'w').write('fine')\nprint('ok')\n", isRunnable: true },
      { name: "shown.py", code: "import not_installed_anywhere\n", isRunnable: false },
      { name: "syntax.py", code: "def broken(:\n", isRunnable: false },
      { name: "fails.py", code: "assert 1 == 2, 'wrong'\n", isRunnable: true },
      { name: "network.py", code: "import socket\nsocket.create_connection(('1.1.1.1', 53), timeout=2)\n", isRunnable: true },
      { name: "rootfs.py", code: "open('/etc/owned', 'w').write('x')\n", isRunnable: true },
    ];
    const results = await runBlocksInContainer({ docker, image, blocks: fixtures, killAfterMs: 120_000 });
    expect(results.map(({ name, parsed, ran }) => ({ name, parsed, ran }))).toEqual([
      { name: "ok.py", parsed: true, ran: true },
      { name: "shown.py", parsed: true, ran: null },
      { name: "syntax.py", parsed: false, ran: null },
      { name: "fails.py", parsed: true, ran: false },
      { name: "network.py", parsed: true, ran: false },
      { name: "rootfs.py", parsed: true, ran: false },
    ]);
    expect(results.find((r) => r.name === "fails.py")?.output).toContain("AssertionError: wrong");
  });
});
