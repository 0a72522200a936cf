import { extract } from "tar-stream";

/** Returns the content of `name` from a tar stream, or null when absent; refuses files over `maxBytes`. */
export async function readFileFromTar(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Buffer | null> {
  const tar = extract();
  let found: Buffer | null = null;
  let tooLarge = false;
  tar.on("entry", (header, entryStream, next) => {
    const isWanted = header.type === "file" && header.name.replace(/^\.?\//, "") === name;
    if (!isWanted || (header.size ?? 0) > maxBytes) {
      tooLarge ||= isWanted;
      entryStream.on("end", next);
      entryStream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    entryStream.on("data", (chunk: unknown) => void chunks.push(chunk as Buffer));
    entryStream.on("end", () => {
      found = Buffer.concat(chunks);
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    tar.on("finish", resolve);
    tar.on("error", reject);
    stream.on("error", reject);
    stream.pipe(tar);
  });
  if (tooLarge) throw new Error(`${name} is larger than ${maxBytes} bytes`);
  return found;
}
