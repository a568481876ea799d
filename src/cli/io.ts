import { InputError } from "../errors.js";

/** Reads all of standard input (for `-` as the file). */
export async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) throw new InputError("no-input", "reading a document from standard input, but it is a terminal", "-");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Writes and waits until the data is flushed, so a piped consumer gets every byte before exit. */
export function write(stream: NodeJS.WritableStream, data: string): Promise<void> {
  return new Promise((resolve, reject) => stream.write(data, (err) => (err ? reject(err) : resolve())));
}
