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

/** `--trust-roots FILE.pem`: the PEM text, or an InputError when the file holds no certificate. */
export async function readTrustRoots(path: string | undefined): Promise<string[] | undefined> {
  if (!path) return undefined;
  const { readDocumentFile } = await import("../pipeline.js");
  const pem = new TextDecoder().decode(await readDocumentFile(path));
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new InputError("bad-trust-roots", "no PEM certificate (-----BEGIN CERTIFICATE-----) in the trusted roots file", path);
  return [pem];
}
