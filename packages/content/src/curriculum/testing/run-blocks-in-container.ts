import { readFileSync } from "node:fs";

import type Docker from "dockerode";
import { extract, pack } from "tar-stream";

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

type Entry = { name: string; content?: Buffer; uid?: number };

async function buildTar(entries: Entry[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on("data", (chunk: unknown) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on("end", resolve);
    tar.on("error", reject);
  });
  for (const entry of entries) {
    const header = { name: entry.name, uid: entry.uid ?? 0, gid: entry.uid ?? 0, mtime: new Date(0) };
    if (entry.content) tar.entry({ ...header, mode: 0o644, size: entry.content.length }, entry.content);
    else tar.entry({ ...header, type: "directory", mode: 0o755 });
  }
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}

async function readResults(stream: NodeJS.ReadableStream): Promise<string> {
  const tar = extract();
  let text = "";
  tar.on("entry", (_header, entry, next) => {
    entry.on("data", (chunk: unknown) => void (text += (chunk as Buffer).toString("utf8")));
    entry.on("end", next);
  });
  await new Promise<void>((resolve, reject) => {
    tar.on("finish", resolve);
    tar.on("error", reject);
    stream.pipe(tar);
  });
  return text;
}

/** One hardened container checks every block: no network, read-only root, /tmp in memory, unprivileged user. */
export async function runBlocksInContainer(args: { docker: Docker; image: string; blocks: BlockFile[]; killAfterMs: number }): Promise<BlockResult[]> {
  const manifest = args.blocks.map((block) => ({ name: block.name, runnable: block.isRunnable }));
  const archive = await buildTar([
    { name: "blocks/" },
    { name: "blocks/manifest.json", content: Buffer.from(JSON.stringify(manifest)) },
    ...args.blocks.map((block) => ({ name: `blocks/${block.name}`, content: Buffer.from(block.code) })),
    { name: "run-code-blocks.py", content: driver },
    { name: "out/", uid: NOBODY },
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
    return JSON.parse(await readResults(await container.getArchive({ path: "/work/out/results.json" }))) as BlockResult[];
  } finally {
    await container.remove({ force: true, v: true }).catch(() => undefined);
  }
}
