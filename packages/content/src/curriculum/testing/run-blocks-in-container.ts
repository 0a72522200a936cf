import { readFileSync } from "node:fs";

import type Docker from "dockerode";

import { buildScriptContainerSpec, buildTar, defaultLimits, readFileFromTar } from "@academy/sandbox";

export type BlockFile = { name: string; code: string; isRunnable: boolean };
export type BlockResult = {
  name: string;
  parsed: boolean;
  ran: boolean | null;
  exit_code: number | null;
  seconds: number;
  output: string;
  timed_out: boolean;
  retried: boolean;
};

const NOBODY = 65534;
const MIB = 1024 * 1024;
const driver = readFileSync(new URL("./run-code-blocks.py", import.meta.url));
const MAX_RESULTS_BYTES = 16 * MIB;
const file = (path: string, content: Buffer, uid = 0) => ({ type: "file" as const, path, uid, gid: uid, mode: 0o644, content });
const directory = (path: string, uid = 0) => ({ type: "directory" as const, path, uid, gid: uid, mode: 0o755 });

// Two FastAPI examples at a time (the driver's PARALLEL) need ~300 MB and a CPU each.
const limits = { ...defaultLimits, memoryMb: 1024, cpus: 2, pidsLimit: 512 };

/** One container checks every block, under the grading containers' hardening (the sandbox's spec):
 * no network, read-only root, /tmp in memory, an unprivileged user, seccomp. */
export async function runBlocksInContainer(args: { docker: Docker; image: string; blocks: BlockFile[]; killAfterMs: number }): Promise<BlockResult[]> {
  const manifest = args.blocks.map((block) => ({ name: block.name, runnable: block.isRunnable }));
  const archive = await buildTar([
    directory("blocks"),
    file("blocks/manifest.json", Buffer.from(JSON.stringify(manifest))),
    ...args.blocks.map((block) => file(`blocks/${block.name}`, Buffer.from(block.code))),
    file("run-code-blocks.py", driver),
    directory("out", NOBODY),
  ]);
  const container = await args.docker.createContainer(
    buildScriptContainerSpec({
      image: args.image,
      cmd: ["python3", "-I", "/work/run-code-blocks.py"],
      uid: NOBODY,
      workDir: "/work",
      scratch: { dir: "/tmp", sizeMb: 256 },
      limits,
    }),
  );
  try {
    await container.putArchive(archive, { path: "/work" });
    await container.start();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<"deadline">((resolve) => (timer = setTimeout(() => resolve("deadline"), args.killAfterMs)));
    const outcome = await Promise.race([container.wait().then(() => "exited" as const), deadline]);
    clearTimeout(timer);
    if (outcome === "deadline") throw new Error(`the code blocks did not finish within ${args.killAfterMs / 1000} s`);
    const state = (await container.inspect()).State;
    if (state.ExitCode !== 0) {
      const logs = await container.logs({ stdout: true, stderr: true, tail: 40 });
      throw new Error(`the block driver exited ${state.ExitCode}${state.OOMKilled ? " (out of memory)" : ""}:\n${logs.toString("utf8")}`);
    }
    const results = await readFileFromTar(await container.getArchive({ path: "/work/out/results.json" }), "results.json", MAX_RESULTS_BYTES);
    if (results === null) throw new Error("the block driver wrote no results.json");
    return JSON.parse(results.toString("utf8")) as BlockResult[];
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
