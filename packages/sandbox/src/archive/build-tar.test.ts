import { Readable } from "node:stream";
import { extract } from "tar-stream";
import { describe, expect, it } from "vitest";

import { buildTar } from "./build-tar";
import { readFileFromTar } from "./read-tar";

async function headers(tar: Buffer) {
  const found: { name: string; type: string; uid: number; gid: number; mode: number }[] = [];
  const ex = extract();
  ex.on("entry", (header, stream, next) => {
    found.push({ name: header.name, type: header.type ?? "", uid: header.uid ?? -1, gid: header.gid ?? -1, mode: header.mode ?? -1 });
    stream.on("end", next);
    stream.resume();
  });
  await new Promise<void>((resolve, reject) => {
    ex.on("finish", () => resolve());
    ex.on("error", reject);
    Readable.from(tar).pipe(ex);
  });
  return found;
}

describe("buildTar / readFileFromTar", () => {
  const entries = [
    { type: "directory" as const, path: "tests", uid: 10002, gid: 10002, mode: 0o700 },
    { type: "file" as const, path: "tests/test_a.py", uid: 10002, gid: 10002, mode: 0o600, content: Buffer.from("def test_a(): pass\n") },
    { type: "file" as const, path: "job.json", uid: 0, gid: 0, mode: 0o600, content: Buffer.from("{}") },
  ];

  it("keeps owners, modes and types of every entry", async () => {
    expect(await headers(await buildTar(entries))).toEqual([
      { name: "tests", type: "directory", uid: 10002, gid: 10002, mode: 0o700 },
      { name: "tests/test_a.py", type: "file", uid: 10002, gid: 10002, mode: 0o600 },
      { name: "job.json", type: "file", uid: 0, gid: 0, mode: 0o600 },
    ]);
  });

  it("is deterministic", async () => {
    expect((await buildTar(entries)).equals(await buildTar(entries))).toBe(true);
  });

  it("reads one file back, or null when absent", async () => {
    const tar = await buildTar(entries);
    expect((await readFileFromTar(Readable.from(tar), "tests/test_a.py", 1000))?.toString()).toBe("def test_a(): pass\n");
    expect(await readFileFromTar(Readable.from(tar), "missing.json", 1000)).toBeNull();
  });

  it("refuses a file over the size cap", async () => {
    const tar = await buildTar(entries);
    await expect(readFileFromTar(Readable.from(tar), "tests/test_a.py", 5)).rejects.toThrow(/larger than 5 bytes/);
  });
});
