/**
 * Worker thread of `vanban convert`: reads one file at a time, parses it, and posts back the
 * finished JSON lines (records, or error records), several to a message when its files are quick,
 * so the main thread only writes.
 *
 * Runs as compiled JS: Node 20 cannot start a worker from TypeScript. The pool starts the bundle
 * `npm run build` makes of it (`dist/worker/worker.js`, scripts/worker-build.mjs), else tsc's
 * `dist/src/bulk/worker.js`.
 */
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { toVanbanError } from "../errors.js";
import { ARCHIVE_SEPARATOR } from "../load/archive-path.js";
import { hashRegularFile, readRegularFileSync } from "../load/file.js";
import { cleanupOcr, configureOcr } from "../load/ocr.js";
import { detectFormat } from "../load/index.js";
import { textToDocument } from "../load/text.js";
import { runBytes, runLoaded, sha256 } from "../run.js";
import { isExactRecord } from "../record/exact.js";
import { errorLine, recordLine } from "./lines.js";
import { errorRecord, type TaskMessage, type TaskResult } from "./protocol.js";

/**
 * Test-only hooks (never set in normal use): a comma-separated list of file names that make the
 * worker block forever (`VANBAN_TEST_HANG`) or allocate until it hits its memory cap
 * (`VANBAN_TEST_EAT_MEMORY`), so the tests can prove that a stuck file cannot stop a batch.
 */
/** Options the pool hands to every worker. */
export interface WorkerOptions {
  /** refuse files larger than this (0: no limit) */
  maxBytes?: number;
  /** a document's most characters and lines, and a list's most facts (see TextLimits; 0: no limit) */
  maxChars?: number;
  maxLines?: number;
  maxFacts?: number;
  /** OCR scanned PDFs when an engine is installed (default true) */
  ocr?: boolean;
  /** trusted root certificates (PEM) for digital signatures */
  trustRoots?: string[];
  /** add the thể thức check's messages to each record as `checks` */
  check?: boolean;
  /** this worker's own temporary folder, which the pool removes when the worker ends (set by the pool) */
  ocrTempRoot?: string;
  /** where the worker writes the id of the task it is working on (-1: none), read by the pool (set by the pool) */
  taskCell?: SharedArrayBuffer;
}
const options: WorkerOptions = (workerData as WorkerOptions | undefined) ?? {};

const hangOn = new Set((process.env.VANBAN_TEST_HANG ?? "").split(",").filter(Boolean));
const eatOn = new Set((process.env.VANBAN_TEST_EAT_MEMORY ?? "").split(",").filter(Boolean));

function testHooks(path: string): void {
  const name = basename(path);
  if (hangOn.has(name)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // blocks for good
  if (eatOn.has(name)) {
    const hog: number[][] = [];
    for (;;) hog.push(new Array(1 << 20).fill(hog.length));
  }
}

/** The reason without the `path: ` prefix that VanbanError adds (the record names the path). */
function reasonOf(err: unknown, path: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

/**
 * A file's bytes; an archive's entry (`a.zip!/b.pdf`) through the archive reader, loaded (jszip)
 * only for those: most batches have none, and a worker's start-up does not pay for it.
 */
async function readBytes(path: string, maxBytes: number | undefined): Promise<Uint8Array> {
  if (!path.includes(ARCHIVE_SEPARATOR)) return readRegularFileSync(path, { maxBytes });
  return (await import("../load/archive.js")).readInput(path, { maxBytes });
}

async function convert(path: string, id: number): Promise<TaskResult> {
  let bytes: Uint8Array | null = null;
  try {
    // regular files only, the size checked before reading (a FIFO, /dev/zero, a 2 GB file are refused unread)
    bytes = await readBytes(path, options.maxBytes || undefined);
    if (hangOn.size || eatOn.size) testHooks(path);
    const parseOptions = {
      path, maxBytes: options.maxBytes || undefined, maxChars: options.maxChars, maxLines: options.maxLines, maxFacts: options.maxFacts, ocr: options.ocr !== false, trustRoots: options.trustRoots,
      // pages read by OCR: shown in the bar, and the pool lengthens the file's time limit by the pages
      onOcrProgress: (progress: { done: number; pages: number }) => post({ id, progress }),
    };
    const checked = options.check ? await (await import("../check/index.js")).checkBytes(bytes, parseOptions) : null;
    // a batch must never write a line that does not fit the published JSON Schema: a record is
    // checked against it as it is, and goes through zod (which copies it) only when it is not
    // exactly in the schema's form — the same line either way (record/exact.ts), ~50 µs and a
    // copy of the record less a two-page document
    // (zod itself is loaded then, not at start-up: ../record/validate.js imports it, ../run.js does not)
    const parsed = checked?.record ?? (await runBytes(bytes, parseOptions)).record;
    const record = checked || isExactRecord(parsed) ? parsed : (await import("../record/validate.js")).validateRecord(parsed, path);
    const { source } = record;
    return {
      bytes: recordLine(record, checked?.report.messages),
      ok: true,
      path,
      sha256: source.sha256,
      format: source.format,
      encoding: source.encoding,
      type: record.type?.code ?? null,
      pages: source.pages,
    };
  } catch (thrown) {
    const err = toVanbanError(thrown, path);
    if (process.env.VANBAN_DEBUG && err.code === "internal-error") process.stderr.write(`${path}: ${String((thrown as Error)?.stack ?? thrown)}\n`);
    const code = err.code;
    const message = reasonOf(err, path);
    let sha256: string | undefined;
    let format: string | undefined;
    if (bytes) {
      sha256 = createHash("sha256").update(bytes).digest("hex");
      try {
        format = detectFormat(bytes, path);
      } catch {
        // the format is what could not be told: leave it out
      }
    }
    else if (code === "too-large") sha256 = await hashRegularFile(path); // named by its hash, read in chunks, never whole
    bytes = null;
    const rec = errorRecord(path, code, message, sha256, format);
    return { bytes: errorLine(options.check ? { ...rec, checks: null } : rec), ok: false, path, sha256: sha256 ?? null, format: format ?? null, code, message };
  }
}

if (!parentPort) throw new Error("vanban: bulk/worker.js runs only as a worker thread");
const port = parentPort;
// engine processes are reported to the pool, which kills those left when it stops this worker;
// temporary files go to the worker's own folder, which the pool removes
// tesseract.js's worker is kept from file to file (it dies with this thread)
configureOcr({ tempRoot: options.ocrTempRoot ?? null, onChild: (pid, alive) => post({ ocrChild: pid, alive }), keepEngine: true });
// a library promise rejected after its file was given up (pdf.js cleans up late) must not kill the
// worker, and so fail the next file: the file it belonged to has its answer already
process.on("unhandledRejection", (reason) => {
  if (process.env.VANBAN_DEBUG) process.stderr.write(`vanban worker: a late rejection was ignored: ${String((reason as Error)?.stack ?? reason)}\n`);
});
/**
 * A worker asks to be replaced when its heap stays large after a file (V8 seldom gives memory
 * back to the system), and, as a guard against a slow leak, after very many files. A worker's
 * memory levels off by itself (its young generation capped by the pool, its old space ~17–20 MB
 * over 20,000 one-line files), while a replacement costs a start-up and a cold JIT: replaced
 * every 5,000 files, 20,000 one-line files (--jobs 2) took 11.5–11.9 s CPU against 7.4–7.6 s
 * without, and the peak RSS was higher (213 MB against 204: a new worker compiles its patterns
 * while the other one is at its steady state).
 */
const RETIRE_AFTER_FILES = 100_000;
const RETIRE_AT_HEAP = 384 * 2 ** 20;
let done = 0;

/**
 * After a file that leaves the heap large, a full collection before the next file. V8 sizes a
 * heap by its cap, not its live data: after long documents it let each worker sit on 100–190 MB
 * of which ~20 MB was live, and two workers doing so were most of a hostile batch's peak RSS
 * (docs/errors.md, "Memory"). Ordinary files stay well under the mark and never pay for it.
 */
const COLLECT_AT_HEAP = 96 * 2 ** 20;
const collectGarbage = fullCollection();

/**
 * After each file, from one reading of the heap: whether this worker should be replaced, and (if
 * not) a full collection when the file left the heap large.
 */
function afterFile(): { retire: boolean; collect: boolean } {
  const h = getHeapStatistics();
  const retire = ++done >= RETIRE_AFTER_FILES || h.used_heap_size > RETIRE_AT_HEAP;
  // buffers count too (a zip bomb's inflated chunks, a PDF's streams): V8 frees them only with the objects that hold them
  return { retire, collect: !retire && collectGarbage !== null && h.used_heap_size + h.external_memory > COLLECT_AT_HEAP };
}

/** V8's full collection (`gc()`), which Node exposes only with --expose-gc: the flag set now, read from a new context. */
function fullCollection(): (() => void) | null {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

/**
 * Finished files' answers are posted several to a message: a message a file woke the main thread
 * once a file, which cost it more CPU than writing the file's line (20,000 two-page documents,
 * --jobs 2: the main thread's 2.0–2.1 CPU-s → 1.4–1.7). Answers are held only while more files
 * are queued here than the pool needs to stay ahead of this worker (LOW_WATER), and for at most
 * BATCH_MS of work since the first of them began; anything else the worker says (OCR progress,
 * engine processes, retiring) goes after them, in order. The task being worked on is written to
 * the shared cell the pool gave (`taskCell`): should the worker hang or die, the pool blames that
 * file, not one whose answer was still held here, and has those done again (a few ms of work).
 */
const BATCH_MS = 20;
const BATCH_BYTES = 4 * 2 ** 20;
const LOW_WATER = 2;
type Answer = { id: number; result: TaskResult; ms: number };
const held: Answer[] = [];
let heldBytes = 0;
/** when the first held answer's file started */
let heldSince = 0;
/** a task came since the last post: the pool has refilled the queue, a low one is worth reporting again */
let refilled = false;
const taskCell = options.taskCell ? new Int32Array(options.taskCell) : null;

function post(message: object, transfer?: ArrayBuffer[]): void {
  flush();
  port.postMessage(message, transfer);
}

function flush(retire = false): void {
  if (!held.length && !retire) return;
  const answers = held.splice(0);
  heldBytes = 0;
  refilled = false;
  port.postMessage({ answers, retire }, answers.map((a) => a.result.bytes.buffer as ArrayBuffer));
}

const tasks: TaskMessage[] = [];
let pumping = false;
port.on("message", (task: TaskMessage | { cancel: true }) => {
  if ("cancel" in task) {
    // the pool gave up on the current file: leave no engine process or temporary folder behind
    // (the files queued here went back to the pool's line)
    tasks.length = 0;
    void cleanupOcr().finally(() => post({ cleaned: true }));
    return;
  }
  tasks.push(task);
  refilled = true;
  // after the messages that came with this one: they are counted before the first file's end
  if (!pumping) {
    pumping = true;
    setImmediate(() => void pump());
  }
});

/**
 * One file at a time, in the order sent, back to the event loop after each (so that the tasks sent
 * meanwhile are counted before the answers are, and a cancel is heard).
 */
async function pump(): Promise<void> {
  while (tasks.length) {
    const task = tasks.shift()!;
    const started = Date.now();
    if (!held.length) heldSince = started;
    if (taskCell) Atomics.store(taskCell, 0, task.id);
    let result: TaskResult;
    try {
      result = await convert(task.path, task.id);
    } catch (err) {
      // convert() catches everything; this is a last resort that still answers the task
      const message = reasonOf(toVanbanError(err, task.path), task.path);
      const rec = errorRecord(task.path, "internal-error", message);
      result = { bytes: errorLine(rec), ok: false, path: task.path, sha256: null, format: null, code: "internal-error", message };
    }
    if (taskCell) Atomics.store(taskCell, 0, -1);
    const now = Date.now();
    const { retire, collect } = afterFile();
    held.push({ id: task.id, result, ms: now - started });
    heldBytes += result.bytes.length;
    if (retire) return flush(true);
    if (collect) {
      flush();
      collectGarbage!();
    }
    await new Promise((resolve) => setImmediate(resolve));
    if (tasks.length === 0 || (refilled && tasks.length <= LOW_WATER) || Date.now() - heldSince >= BATCH_MS || heldBytes >= BATCH_BYTES) flush();
  }
  pumping = false;
}

// ready once the modules are loaded (no pattern is compiled at import): the pool may send files now
port.postMessage({ ready: true });

/**
 * Then the warm-up, before the first file: the first document a fresh worker parses pays for
 * compiling the patterns (half a second, seconds on a busy machine), which must not count against
 * the first file's time limit. It runs before any message is read (it is synchronous), and the
 * pool starts the first file's clock again when `warm` comes.
 */
try {
  const text = "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\nSố: 1/UBND-VX\nBình Định, ngày 20 tháng 5 năm 2025\nV/v khởi động\nKính gửi: Sở Y tế\nGiao Sở Y tế chủ trì thực hiện trước ngày 30/5/2025.\nCHỦ TỊCH\nNguyễn Văn A\n";
  // as parseText does for plain text (parseText itself imports the HTML parser, for HTML strings),
  // checked as a file's record is (the check is compiled from the schema then)
  isExactRecord(runLoaded(textToDocument(text), { sha256: sha256(new TextEncoder().encode(text)) }).record);
} catch {
  // a broken pipeline shows up on the real files, with their names
}
port.postMessage({ warm: true });
