import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from "node:fs";
import { open, stat, type FileHandle } from "node:fs/promises";
import { InputError, LimitError, VanbanError } from "../errors.js";

/**
 * Reading a document file safely: only regular files (a FIFO would block for good, `/dev/zero`
 * never ends), the size checked before a byte is read, and exactly that many bytes read.
 */

/** An errno → words for the user. */
export function errnoReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT": return "no such file";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "is a folder, not a file";
    case "ENAMETOOLONG": return "the file name is too long for the system";
    case "ELOOP": return "a loop of symbolic links";
    case "ENOTDIR": return "a part of the path is not a folder";
    case "EIO": return "the disk reported an error while reading it";
    case "EMFILE": case "ENFILE": return "too many files open at once";
    default: return `the system refused to read it (${code ?? "unknown reason"})`;
  }
}

function kindOf(st: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  return st.isFIFO() ? "a FIFO (named pipe)" : st.isSocket() ? "a socket" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : "not a regular file";
}

/**
 * Throws unless `st` is a regular file within `maxBytes`: checked before opening, and again on
 * the opened file (it may have been swapped since).
 */
function refuseIrregular(st: Stats, path: string, maxBytes?: number): void {
  if (st.isDirectory()) throw new InputError("is-directory", "is a folder, not a file", path);
  if (!st.isFile()) throw new InputError("not-a-file", `is ${kindOf(st)}, not a document file; it was not read`, path);
  if (maxBytes && st.size > maxBytes) throw new LimitError("too-large", `the file is ${mb(st.size)}, over the limit of ${mb(maxBytes)} (--max-size)`, path);
}

/** Opens a regular file without blocking, or throws an {@link InputError} naming the file. */
async function openRegular(path: string, maxBytes?: number): Promise<{ fh: FileHandle; size: number }> {
  let fh: FileHandle | null = null;
  try {
    refuseIrregular(await stat(path), path, maxBytes);
    // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it does not hang
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await fh.stat();
    refuseIrregular(st, path);
    return { fh, size: st.size };
  } catch (err) {
    await fh?.close().catch(() => undefined);
    if (err instanceof VanbanError) throw err;
    throw new InputError("unreadable-file", errnoReason(err), path, { cause: err });
  }
}

const mb = (n: number) => (n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MB` : `${n} bytes`);

/** A document file's bytes: regular files only, the size limit checked before reading. */
export async function readRegularFile(path: string, options: { maxBytes?: number } = {}): Promise<Uint8Array> {
  const { fh, size } = await openRegular(path, options.maxBytes);
  try {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break; // the file shrank while read
      got += bytesRead;
    }
    return got === size ? buf : buf.subarray(0, got);
  } catch (err) {
    throw new InputError("unreadable-file", errnoReason(err), path, { cause: err });
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/**
 * As {@link readRegularFile}, blocking: for a `convert` worker, which has nothing else to do
 * meanwhile and for which the five round trips through the thread pool of the asynchronous
 * version cost more than reading a two-page document. Same checks, same errors.
 */
export function readRegularFileSync(path: string, options: { maxBytes?: number } = {}): Uint8Array {
  let fd: number | null = null;
  let size: number;
  try {
    refuseIrregular(statSync(path), path, options.maxBytes);
    // O_NONBLOCK: should the file have been swapped for a FIFO since, opening it does not hang
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    refuseIrregular(st, path);
    size = st.size;
  } catch (err) {
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // nothing was read: nothing to lose
      }
    }
    if (err instanceof VanbanError) throw err;
    throw new InputError("unreadable-file", errnoReason(err), path, { cause: err });
  }
  try {
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const bytesRead = readSync(fd, buf, got, size - got, got);
      if (bytesRead === 0) break; // the file shrank while read
      got += bytesRead;
    }
    return got === size ? buf : buf.subarray(0, got);
  } catch (err) {
    throw new InputError("unreadable-file", errnoReason(err), path, { cause: err });
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a file that was read cannot lose anything
    }
  }
}

/** sha256 of a regular file, read in chunks (a file too large to parse can still be named by its hash). */
export async function hashRegularFile(path: string): Promise<string | undefined> {
  let opened: { fh: FileHandle; size: number };
  try {
    opened = await openRegular(path);
  } catch {
    return undefined;
  }
  const { fh, size } = opened;
  try {
    const hash = createHash("sha256");
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let pos = 0; pos < size; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) break;
      hash.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
    return hash.digest("hex");
  } catch {
    return undefined;
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** The first `n` bytes of a regular file (to tell its format), or null. */
export async function headOfRegularFile(path: string, n = 1 << 20): Promise<Uint8Array | null> {
  try {
    const { fh, size } = await openRegular(path);
    try {
      const buf = Buffer.alloc(Math.min(n, size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close().catch(() => undefined);
    }
  } catch {
    return null;
  }
}
