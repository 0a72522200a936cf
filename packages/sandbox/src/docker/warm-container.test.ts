import { PassThrough } from "node:stream";
import Docker from "dockerode";
import { describe, expect, it } from "vitest";

import { readSupervisorOutput } from "./warm-container";

/** The engine's attach stream without a TTY: each write framed with its stream (1 stdout, 2 stderr) and length. */
function attachStream() {
  const stream = new PassThrough();
  const write = (text: string | Buffer, streamType = 1) => {
    const payload = Buffer.from(text);
    const header = Buffer.alloc(8);
    header.writeUInt8(streamType, 0);
    header.writeUInt32BE(payload.length, 4);
    stream.write(Buffer.concat([header, payload]));
  };
  return { stream, write };
}

const docker = new Docker({ socketPath: "/nonexistent.sock" });

describe("readSupervisorOutput", () => {
  it("takes 'ready', then the report of the announced length, however the engine splits the bytes", async () => {
    const { stream, write } = attachStream();
    const output = readSupervisorOutput(stream, docker, 1024);
    write("rea");
    write("dy\n");
    await output.ready;
    const report = JSON.stringify({ version: 1, events: [] });
    write("a warning on stderr\n", 2);
    write(`done ${report.length}\n${report.slice(0, 7)}`);
    write(report.slice(7));
    expect((await output.done).toString("utf8")).toBe(report);
  });

  it("refuses a report larger than the limit, a line that is not the supervisor's, and output that ends first", async () => {
    const tooLarge = attachStream();
    const large = readSupervisorOutput(tooLarge.stream, docker, 10);
    tooLarge.write("ready\ndone 11\n");
    await expect(large.done).rejects.toThrow("larger than 10 bytes");

    const stranger = attachStream();
    const forged = readSupervisorOutput(stranger.stream, docker, 1024);
    stranger.write('ready\n{"status": "passed"}\n');
    await expect(forged.done).rejects.toThrow("unexpected output");

    const ended = attachStream();
    const cut = readSupervisorOutput(ended.stream, docker, 1024);
    ended.write("ready\ndone 100\n{");
    ended.stream.end();
    await expect(cut.done).rejects.toThrow("closed its output");
  });
});
