import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, truncateSync, writeSync } from "node:fs";

/**
 * The journal is the JSONL stream of finished records: `--format jsonl` writes it as the output
 * itself, `json` and `csv` write it beside their output and build the final files from it. Lines
 * are appended within FLUSH_MS of their file being done, whole, so a crash loses at most those
 * lines (Ctrl-C writes them), and `--resume` reads the file back to skip what is done.
 */

/** Each line of a JSONL file with its byte offsets; `complete` is false for a last line without its newline. */
export function* jsonlLines(path: string, chunkSize = 1 << 20): Generator<{ text: string; start: number; end: number; complete: boolean }> {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(chunkSize);
    let carry: Buffer = Buffer.alloc(0);
    let carryStart = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, chunkSize, pos);
      if (n === 0) break;
      pos += n;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let from = 0;
      for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
        yield { text: data.toString("utf8", from, nl), start: carryStart + from, end: carryStart + nl + 1, complete: true };
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
      carryStart += from;
    }
    if (carry.length) yield { text: carry.toString("utf8"), start: carryStart, end: carryStart + carry.length, complete: false };
  } finally {
    closeSync(fd);
  }
}

export interface JournalState {
  /** `source.path` of every finished file (records and error records alike) */
  done: Set<string>;
  lines: number;
  /** bytes of a broken last line that were cut off */
  droppedBytes: number;
  /** lines in the middle that are not JSON records (left in place, not counted as done) */
  badLines: number;
}

/**
 * Reads a journal left by an earlier run. A last line cut short (the run was killed while
 * writing it) is dropped from the file, so appending goes on from a clean line boundary.
 */
export function readJournal(path: string): JournalState {
  const state: JournalState = { done: new Set(), lines: 0, droppedBytes: 0, badLines: 0 };
  if (!existsSync(path)) return state;
  let goodEnd = 0;
  let lastBad: { start: number; end: number } | null = null;
  for (const line of jsonlLines(path)) {
    if (!line.text.trim()) {
      goodEnd = line.end;
      continue;
    }
    const source = parseSourcePath(line.text);
    if (source === null || !line.complete) {
      lastBad = { start: line.start, end: line.end };
      state.badLines++;
      continue;
    }
    if (lastBad) lastBad = null; // a bad line followed by good ones: keep it, it was not the tail
    state.done.add(source);
    state.lines++;
    goodEnd = line.end;
  }
  if (lastBad && lastBad.end === statSync(path).size) {
    state.badLines--;
    state.droppedBytes = lastBad.end - goodEnd;
    truncateSync(path, goodEnd);
  }
  return state;
}

function parseSourcePath(text: string): string | null {
  try {
    const rec = JSON.parse(text) as { source?: { path?: unknown } };
    return typeof rec?.source?.path === "string" ? rec.source.path : null;
  } catch {
    return null;
  }
}

/**
 * Writes the whole string or throws. write() may write only part of it and report how much
 * without an error (a disk that fills up mid-write): the rest is written on, and the next
 * call raises the ENOSPC that would otherwise leave a torn line or table behind in silence.
 */
export function writeAll(fd: number, text: string | Uint8Array): void {
  const buf = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  for (let off = 0; off < buf.length; ) {
    const n = writeSync(fd, buf, off, buf.length - off);
    if (n <= 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
    off += n;
  }
}

/** Where finished lines go: a file appended line by line, or standard output. */
export interface LineSink {
  /** one line's UTF-8 bytes, without the newline */
  write(line: Uint8Array): void | Promise<void>;
  close(): Promise<void>;
}

/**
 * The journal file. Lines are gathered and written together (64 KB, or what came within FLUSH_MS:
 * one write a line was most of the main thread's time on small files); a kill loses at most the
 * lines of the last FLUSH_MS, which are not in the file whole or at all, so `--resume` does them
 * again. A write that fails in the background fails the next write() or close(). Each line is
 * copied into one buffer as it comes, not held until the write: held, a hundred milliseconds of
 * lines (hundreds of small arrays) lived through the main thread's young collections, the most of
 * what survived them once the files were listed, and its young generation grew with the batch.
 */
export class FileSink implements LineSink {
  private readonly fd: number;
  private readonly pending = Buffer.allocUnsafe(FLUSH_BYTES);
  private size = 0;
  private timer: NodeJS.Timeout | null = null;
  private failed: unknown = null;
  constructor(path: string, append: boolean, private readonly flushMs = FLUSH_MS) {
    this.fd = openSync(path, append ? "a" : "w");
  }
  write(line: Uint8Array): void {
    if (this.failed) throw this.failed;
    if (this.size + line.length + 1 > FLUSH_BYTES) this.flush();
    if (line.length + 1 > FLUSH_BYTES) {
      // a line longer than the buffer goes out at once, after what came before it
      writeAll(this.fd, Buffer.concat([line, NEWLINE]));
      return;
    }
    this.pending.set(line, this.size);
    this.pending[this.size + line.length] = 0x0a;
    this.size += line.length + 1;
    if (this.size >= FLUSH_BYTES) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        try {
          this.flush();
        } catch (err) {
          this.failed ??= err;
        }
      }, this.flushMs);
      this.timer.unref();
    }
  }
  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.size) return;
    const size = this.size;
    this.size = 0;
    writeAll(this.fd, this.pending.subarray(0, size));
  }
  async close(): Promise<void> {
    try {
      if (!this.failed) this.flush();
    } finally {
      closeSync(this.fd);
    }
    if (this.failed) throw this.failed;
  }
}

const NEWLINE = new Uint8Array([0x0a]);

/** Finished lines wait at most this long (or until this many bytes) before they are written. */
const FLUSH_MS = 100;
const FLUSH_BYTES = 1 << 16;

export class StreamSink implements LineSink {
  constructor(private readonly stream: NodeJS.WritableStream) {}
  write(line: Uint8Array): void | Promise<void> {
    if (this.stream.write(Buffer.concat([line, NEWLINE]))) return;
    return new Promise((resolve) => this.stream.once("drain", () => resolve()));
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.stream.write("", () => resolve()));
  }
}

/** Buffered writer for the files built at the end (JSON array, CSV tables). */
export class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 16) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeAll(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }
  /** Closes and removes the file (after a failure: no half-written table stays behind). */
  discard(): void {
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // already unusable
      }
    }
    rmSync(this.path, { force: true });
  }
  private closed = false;
}

/** The journal as one JSON array, written to a temporary file and renamed into place. */
export function writeJsonArray(journal: string, out: string): number {
  const tmp = `${out}.tmp-${process.pid}`;
  const file = new BufferedFile(tmp);
  let n = 0;
  file.write("[");
  if (existsSync(journal)) {
    for (const line of jsonlLines(journal)) {
      if (!line.complete || !line.text.trim()) continue;
      file.write(n++ ? ",\n" : "\n");
      file.write(line.text);
    }
  }
  file.write(n ? "\n]\n" : "]\n");
  file.close();
  renameSync(tmp, out);
  return n;
}
