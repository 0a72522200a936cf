import { readFileSync } from "node:fs";

import type Docker from "dockerode";

// Relative on purpose, as in code-blocks.docker.test.ts: @academy/sandbox depends on this package.
import { buildTar } from "../../../../sandbox/src/archive/build-tar";
import { readFileFromTar } from "../../../../sandbox/src/archive/read-tar";

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

/** One hardened container checks every block: no network, read-only root, /tmp in memory, unprivileged user. */
export async function runBlocksInContainer(args: { docker: Docker; image: string; blocks: BlockFile[]; killAfterMs: number }): Promise<BlockResult[]> {
  const manifest = args.blocks.map((block) => ({ name: block.name, runnable: block.isRunnable }));
  const archive = await buildTar([
    directory("blocks"),
    file("blocks/manifest.json", Buffer.from(JSON.stringify(manifest))),
    ...args.blocks.map((block) => file(`blocks/${block.name}`, Buffer.from(block.code))),
    file("run-code-blocks.py", driver),
    directory("out", NOBODY),
  ]);
  const container = await args.docker.createContainer({
    Image: args.image,
    Cmd: ["python3", "-I", "/work/run-code-blocks.py"],
    User: `${NOBODY}:${NOBODY}`,
    WorkingDir: "/tmp",
    Env: ["HOME=/tmp"],
    NetworkDisabled: true,
    // With a read-only root, docker accepts an archive only into a volume; removed with the container.
    Volumes: { "/work": {} },
    HostConfig: {
      NetworkMode: "none",
      ReadonlyRootfs: true,
      Tmpfs: { "/tmp": "rw,nosuid,nodev,size=256m" },
      // Two FastAPI examples at a time need ~300 MB; swap equal so the limit is real.
      Memory: 1024 * MIB,
      MemorySwap: 1024 * MIB,
      PidsLimit: 512,
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Init: true,
    },
  });
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
