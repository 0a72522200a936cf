import { pack } from "tar-stream";

export type TarEntry =
  | { type: "directory"; path: string; uid: number; gid: number; mode: number }
  | { type: "file"; path: string; uid: number; gid: number; mode: number; content: Buffer };

// A fixed mtime keeps the archive a pure function of its entries.
const MTIME = new Date(0);

/** Builds a tar in memory; only plain files and directories (never links), with explicit owners and modes. */
export async function buildTar(entries: readonly TarEntry[]): Promise<Buffer> {
  const tar = pack();
  const chunks: Buffer[] = [];
  tar.on("data", (chunk: unknown) => void chunks.push(chunk as Buffer));
  const done = new Promise<void>((resolve, reject) => {
    tar.on("end", resolve);
    tar.on("error", reject);
  });
  for (const entry of entries) {
    const header = { name: entry.path, uid: entry.uid, gid: entry.gid, mode: entry.mode, mtime: MTIME };
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null) => (error ? reject(error) : resolve());
      if (entry.type === "directory") tar.entry({ ...header, type: "directory" }, callback);
      else tar.entry({ ...header, type: "file", size: entry.content.length }, entry.content, callback);
    });
  }
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}
