import { existsSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hashRegularFile, headOfRegularFile } from "../load/file.js";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { InputError, OutputError, toVanbanError, VanbanError } from "../errors.js";
import { ARCHIVE_SEPARATOR } from "../load/archive-path.js";
import { errorLine } from "./lines.js";
import { compareNames, expandInputs, PathList, readPathLines, shard, type Rejected, type Skipped } from "./inputs.js";
import { withArchiveEntries } from "./archives.js";
import { FileSink, readJournal, StreamSink, writeJsonArray, type LineSink } from "./journal.js";
import { mostPrefetched, WorkerPool, type PoolOutcome } from "./pool.js";
import { createProgress, SLOW_MS, type Progress } from "./progress.js";
import { errorRecord, type TaskResult } from "./protocol.js";
import { formatSummary, SummaryBuilder, type Summary } from "./summary.js";
import { checkOutputFile, prepareOutputFolder } from "./outplace.js";

export type OutputFormat = "jsonl" | "json" | "csv" | "parquet";

/** Formats written to a folder of tables (built at the end from `records.jsonl` kept in it). */
const TABLE_FORMATS: readonly OutputFormat[] = ["csv", "parquet"];

/** The pool and its limits: shared by `vanban convert` and the library's `convert()`. */
export interface PoolOptions {
  /** worker threads (default: every core) */
  jobs?: number;
  /** per-file time limit in seconds (0: none) */
  timeoutSec?: number;
  /** seconds added to a file's time limit for each page read by OCR (default 30) */
  ocrPageTimeoutSec?: number;
  /** per-worker heap cap in MB (default DEFAULT_MAX_MEMORY_MB, 512; 0: Node's default) */
  maxMemoryMb?: number;
  /** refuse files larger than this many MB (0: no limit) */
  maxSizeMb?: number;
  /** a document's most characters of text and lines, and a list's most facts (defaults in src/limits.ts; 0: no limit) */
  maxChars?: number;
  maxLines?: number;
  maxFacts?: number;
  /** OCR scanned PDFs when an engine is installed (default true) */
  ocr?: boolean;
  /** trusted root certificates (PEM) that digital signatures are judged against */
  trustRoots?: string[];
}

export interface ConvertOptions extends PoolOptions {
  /** files, folders and globs (ignored when `stdin` is given) */
  inputs: string[];
  /** read the paths one a line from this stream instead, as they arrive */
  stdin?: NodeJS.ReadableStream;
  /** or take the paths from this (async) iterable, as they come (the library's `convert()`) */
  paths?: AsyncIterable<string> | Iterable<string>;
  /** write the lines here instead of `out` (the library's `convert()`) */
  sink?: LineSink;
  /** paths already done (converted by an earlier run): skipped, as `resume` skips those in the output */
  skip?: Iterable<string>;
  /** output file (jsonl, json) or folder (csv); null or "-" for standard output (jsonl only) */
  out: string | null;
  format?: OutputFormat;
  /** skip the files already in the output, append the rest */
  resume?: boolean;
  /** write records in input order (default: as they finish) */
  ordered?: boolean;
  /** [K, N]: only every N-th file of the sorted listing, starting with the K-th */
  shard?: [number, number];
  /** progress on stderr: a bar on a terminal, periodic lines otherwise */
  progress?: boolean;
  progressEveryMs?: number;
  /** a file running this long is named in the progress (default SLOW_MS) */
  slowAfterMs?: number;
  /** print the summary on stderr */
  printSummary?: boolean;
  /** write the summary as JSON here */
  summaryFile?: string;
  /** CSV with a UTF-8 BOM (for Excel) */
  excel?: boolean;
  /** check each document's thể thức: records get `checks`, CSV output a `checks` table */
  check?: boolean;
  /** CSV cells that a spreadsheet would take for a formula get a leading `'` (default true) */
  csvFormulaGuard?: boolean;
  /** follow symbolic links that lead out of an input folder (default: refused, with an error record) */
  followSymlinks?: boolean;
  /** stops the run: finished lines stay, the output is completed, the rest is left for --resume */
  signal?: AbortSignal;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream;
}

/** How often peak RSS is sampled (ms). */
const RSS_SAMPLE_MS = 200;
/**
 * Each worker's heap cap by default (--max-memory). The largest document the text limits allow
 * parses within 128 MB of heap; left at 2 GB, V8 let each worker's heap grow to ~380 MB on a
 * hostile batch (2,000 fuzzed inputs, two workers: peak RSS 1.1–1.25 GB → 870 MB at 512, with no
 * file out of memory there or among 129 real documents at 192). A lower cap did not lower that
 * batch's peak (256: 664–776 MB); what did is in docs/errors.md, "Memory".
 */
export const DEFAULT_MAX_MEMORY_MB = 512;

/** Records held back at most in `ordered` mode before dispatching waits for the slow file (count and bytes). */
const ORDER_WINDOW = 512;
const ORDER_WINDOW_BYTES = 32 * 2 ** 20;

/**
 * The table writers, imported by a run that writes tables: their columns come from the zod
 * schema, which a JSON Lines run's main thread need not load (~14 MB of its memory).
 */
const tableWriters = () => Promise.all([import("./csv.js"), import("./parquet.js")]).then(([csv, parquet]) => ({ ...csv, ...parquet }));

/** Every file a run writes, so that none of them can be an input too. */
async function outputFiles(format: OutputFormat, journal: string | null, finalOut: string | null): Promise<string[]> {
  if (!journal || !finalOut) return [];
  if (TABLE_FORMATS.includes(format)) {
    const { CSV_TABLES } = await tableWriters();
    return [journal, join(finalOut, "duckdb.sql"), ...CSV_TABLES.map((t) => join(finalOut, `${t}.${format}`))];
  }
  return format === "json" ? [journal, finalOut] : [journal];
}

const realOrSelf = (p: string): string => {
  try {
    return realpathSync.native(p);
  } catch {
    return resolve(p);
  }
};

/** A path read from standard input that names the output of this run (`outputs`: their real paths). */
function isOutput(path: string, outputs: Set<string>): Rejected | undefined {
  if (!outputs.size) return undefined;
  return outputs.has(realOrSelf(path)) ? { code: "is-output", message: "is the output of this run; not read" } : undefined;
}

/** A failure to write the output → an error naming the output, in words. */
export function outputError(err: unknown, path: string): VanbanError {
  if (err instanceof VanbanError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const why =
    code === "ENOSPC" ? "the disk is full" :
    code === "EDQUOT" ? "the disk quota is used up" :
    code === "EROFS" ? "the file system is read-only" :
    code === "EACCES" || code === "EPERM" ? "permission denied" :
    code === "ENOTDIR" ? "a part of the path is not a folder" :
    code === "EISDIR" ? "it is a folder" :
    code === "EEXIST" ? "a part of the path is a file, not a folder" :
    code === "EPIPE" ? "the reader of the output went away" :
    code === "EIO" ? "the disk reported an error" :
    code === "ENOENT" ? "a folder on its path does not exist" :
    code ? `the system refused (${code})` : "an unexpected failure";
  return new OutputError("output-failed", `cannot write the output: ${why}`, path, { cause: err });
}

/** Where the finished lines go, and the files built from them at the end. */
function plan(format: OutputFormat, out: string | null): { journal: string | null; finalOut: string | null } {
  if (out === null || out === "-") {
    if (format !== "jsonl") throw new InputError("bad-option", `--format ${format} needs --out (standard output takes only jsonl)`);
    return { journal: null, finalOut: null };
  }
  if (format === "jsonl") return { journal: out, finalOut: out };
  if (format === "json") return { journal: `${out}.partial.jsonl`, finalOut: out };
  if (!TABLE_FORMATS.includes(format)) throw new InputError("bad-option", `unknown format ${format}`);
  return { journal: join(out, "records.jsonl"), finalOut: out };
}


let detect: ((bytes: Uint8Array, path?: string) => string) | null = null;
/** The format of a file whose worker had to be stopped (loaded only when that happens). */
async function formatOf(path: string): Promise<string | undefined> {
  try {
    const head = await headOfRegularFile(path);
    if (!head?.length) return undefined;
    detect ??= (await import("../load/index.js")).detectFormat;
    return detect(head, path);
  } catch {
    return undefined;
  }
}

/** A file whose worker was stopped (time limit, memory cap, crash) still gets its error record. */
async function failureResult(path: string, code: string, message: string, look = true): Promise<TaskResult> {
  // regular files only, hashed in chunks: a FIFO or /dev/zero behind the path cannot hang or fill the main thread
  const [sha256, format] = look ? await Promise.all([hashRegularFile(path), formatOf(path)]) : [undefined, undefined];
  return { bytes: errorLine(errorRecord(path, code, message, sha256, format)), ok: false, path, sha256: sha256 ?? null, format: format ?? null, code, message };
}

/**
 * Converts many files through a pool of worker threads. Every input gives exactly one line in
 * the output: its record, or an error record. Never rejects for a bad file; rejects only for a
 * bad option, an input named that does not exist, or an output it cannot write.
 */
export async function convertFiles(options: ConvertOptions): Promise<Summary> {
  const format = options.format ?? "jsonl";
  const { journal, finalOut } = options.sink ? { journal: null, finalOut: null } : plan(format, options.out);
  if (options.resume && !journal) throw new InputError("bad-option", "--resume needs --out (it reads the paths already done from the output)");
  // the workers start first: they load and warm up (~0.5 s each) while the inputs are listed and
  // the journal is read, instead of after
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const pool = new WorkerPool({
    size: jobs,
    timeoutMs: Math.round((options.timeoutSec ?? 120) * 1000),
    ocrPageTimeoutMs: options.ocrPageTimeoutSec === undefined ? undefined : Math.round(options.ocrPageTimeoutSec * 1000),
    maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
    prefetch: PREFETCH,
    workerData: { maxBytes: Math.round((options.maxSizeMb ?? 0) * 2 ** 20), maxChars: options.maxChars, maxLines: options.maxLines, maxFacts: options.maxFacts, ocr: options.ocr !== false, trustRoots: options.trustRoots, check: options.check === true },
  });
  try {
    return await convertWith(pool, jobs, options, format, journal, finalOut);
  } finally {
    // closed already when the run got that far; not when a bad input or output stopped it
    await pool.close();
  }
}

/** The progress is updated at most this often as files finish (and every second regardless). */
const TICK_MS = 100;

/** Tasks handed to each worker ahead of the one it is on. */
const PREFETCH = 2;

async function convertWith(pool: WorkerPool, jobs: number, options: ConvertOptions, format: OutputFormat, journal: string | null, finalOut: string | null): Promise<Summary> {
  const stderr = options.stderr ?? process.stderr;

  // what to do (listed first: the output must not be one of the inputs, and is not touched before that is known)
  let listed: PathList | null = null;
  let source: AsyncIterable<string> | Iterable<string>;
  const rejected = new Map<string, Rejected>();
  const skippedFiles: Skipped[] = [];
  const outputs = await outputFiles(format, journal, finalOut);
  if (options.stdin || options.paths) {
    // zip archives named are opened as they come: their documents follow one another
    const lines = withArchiveEntries(options.paths ?? readPathLines(options.stdin!), rejected, skippedFiles);
    const sh = options.shard;
    source = sh ? (async function* () { let i = 0; for await (const p of lines) if (i++ % sh[1] === sh[0] - 1) yield p; })() : lines;
  } else {
    // a folder's own copy of the output is skipped; an output named as an input, or reached through
    // a symbolic link, is refused below (only those paths are resolved, not every file of the folders)
    const outReal = new Set(outputs.map(realOrSelf));
    const aliases: string[] = [];
    const found = await expandInputs(options.inputs, { followSymlinks: options.followSymlinks, rejected, skipped: skippedFiles, outputs: TABLE_FORMATS.includes(format) && finalOut ? [...outputs, finalOut] : outputs, aliases });
    for (const p of outReal.size ? aliases.sort(compareNames) : []) {
      if (outReal.has(realOrSelf(p))) {
        throw new InputError("bad-option", `the output ${options.out} is also one of the inputs (${p}); it would be overwritten before it is read: choose another --out`);
      }
    }
    // (a listing without a zip archive is its own expansion)
    listed = found;
    if (found.hasArchives) {
      listed = new PathList();
      for await (const p of withArchiveEntries(found, rejected, skippedFiles)) listed.push(p);
    }
    if (options.shard) listed = shard(listed, options.shard);
    source = listed;
  }

  // what is done already
  let done = new Set<string>();
  if (journal) {
    try {
      if (TABLE_FORMATS.includes(format)) prepareOutputFolder(finalOut!);
      else checkOutputFile(journal);
      if (options.summaryFile) checkOutputFile(options.summaryFile, "the summary");
    } catch (err) {
      throw outputError(err, TABLE_FORMATS.includes(format) ? finalOut! : journal);
    }
    if (options.resume) {
      if (format === "json" && !existsSync(journal) && finalOut && existsSync(finalOut)) seedJournalFromJson(finalOut, journal);
      const state = readJournal(journal);
      done = state.done;
      if (state.droppedBytes && options.printSummary !== false) {
        stderr.write(`vanban convert: dropped a truncated last line (${state.droppedBytes} bytes) of ${journal}; that file is done again\n`);
      }
    } else if (existsSync(journal) && statSync(journal).size > 0 && options.printSummary !== false) {
      stderr.write(`vanban convert: overwriting ${journal} (use --resume to continue it instead)\n`);
    }
  }

  for (const p of options.skip ?? []) done.add(p);

  let sink: LineSink;
  try {
    sink = options.sink ? options.sink : journal ? new FileSink(journal, !!options.resume) : new StreamSink(options.stdout ?? process.stdout);
  } catch (err) {
    throw outputError(err, journal ?? "-");
  }
  const stats = new SummaryBuilder(0);
  const base = inputFolder(options);
  const progress: Progress = createProgress(options.progress === false ? "off" : "auto", stderr, options.progressEveryMs, base);
  let total: number | null = null;
  if (listed) {
    total = listed.length;
    if (done.size) for (const p of listed) if (done.has(p)) total--;
  }
  let ticked = 0;
  const tick = () => {
    ticked = Date.now();
    const slow = pool.running().sort((a, b) => b.ms - a.ms)[0];
    progress.update({ done: stats.summary.done, total, failed: stats.failures, slow: slow && slow.ms >= (options.slowAfterMs ?? SLOW_MS) ? slow : null });
  };
  const ticker = setInterval(tick, 1000);
  ticker.unref();
  // peak RSS for the summary: sampled on a timer, not at each file
  const sampler = setInterval(() => stats.sampleRss(), RSS_SAMPLE_MS);
  sampler.unref();

  // writing: serialized, in finishing order or (ordered) in input order
  let chain: Promise<void> = Promise.resolve();
  const held = new Map<number, { result: TaskResult; ms: number } | null>();
  let heldBytes = 0;
  let nextToWrite = 0;
  const emit = async (result: TaskResult, ms: number) => {
    await sink.write(result.bytes);
    stats.add(result, ms);
    // the bar redraws 5 times a second: a redraw for each file (the running files listed and
    // sorted, the rate's window a sample a file) was main-thread work growing with the files
    if (Date.now() - ticked >= TICK_MS) tick();
  };
  let writeError: unknown = null;
  const deliver = (seq: number, item: { result: TaskResult; ms: number } | null) => {
    chain = chain
      .then(async () => {
        if (writeError) return;
        if (!options.ordered) {
          if (item) await emit(item.result, item.ms);
          return;
        }
        held.set(seq, item);
        heldBytes += item?.result.bytes.length ?? 0;
        while (held.has(nextToWrite)) {
          const next = held.get(nextToWrite)!;
          held.delete(nextToWrite++);
          heldBytes -= next?.result.bytes.length ?? 0;
          if (next) await emit(next.result, next.ms);
        }
      })
      .catch((err: unknown) => {
        // the output cannot be written (disk full, closed pipe): stop the run
        writeError ??= err;
        void pool.close();
        wake?.();
      });
    return chain;
  };
  /** After an interruption: what finished behind a gap is written too (out of order), so nothing done is lost. */
  const flushHeld = () => {
    chain = chain.then(async () => {
      if (writeError) return;
      for (const key of [...held.keys()].sort((a, b) => a - b)) {
        const item = held.get(key);
        held.delete(key);
        heldBytes -= item?.result.bytes.length ?? 0;
        if (item) await emit(item.result, item.ms);
      }
    });
    return chain;
  };

  // dispatching: as many files in flight as the workers may hold (the one each is on, and those handed ahead)
  const capacity = jobs * (mostPrefetched(PREFETCH) + 1);
  let inflight = 0;
  let wake: (() => void) | null = null;
  const woken = () => new Promise<void>((resolve) => (wake = resolve));
  const signal = options.signal;
  const onAbort = () => {
    void pool.close();
    wake?.();
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  let skipped = 0;
  let seq = 0;
  let writtenReal: Set<string> | null = null;
  try {
    for await (const path of source) {
      if (signal?.aborted || writeError) break;
      if (done.has(path)) {
        skipped++;
        continue;
      }
      // a path named twice is converted once; a folder's listing names each file once already (the
      // archives' documents aside), and its paths need not be kept a second time
      if (!listed || path.includes(ARCHIVE_SEPARATOR)) done.add(path);
      while ((inflight >= capacity || held.size >= ORDER_WINDOW || heldBytes >= ORDER_WINDOW_BYTES) && !signal?.aborted && !writeError) await woken();
      if (signal?.aborted || writeError) break;
      const mySeq = seq++;
      // the outputs resolved once the journal exists (a symbolic link on its path is then followed)
      const refused = rejected.get(path) ?? (listed ? undefined : isOutput(path, (writtenReal ??= new Set(outputs.map(realOrSelf)))));
      if (refused) {
        // decided without reading the file: its error record goes straight to the output
        void deliver(mySeq, { result: await failureResult(path, refused.code, refused.message, false), ms: 0 });
        continue;
      }
      inflight++;
      pool
        .run(mySeq, path)
        .then(async (outcome: PoolOutcome) => {
          if ("cancelled" in outcome) return deliver(mySeq, null);
          const result = "result" in outcome ? outcome.result : await failureResult(path, outcome.failure, outcome.message);
          return deliver(mySeq, { result, ms: outcome.ms ?? 0 });
        })
        .catch((err: unknown) => {
          // never reached in normal use; still, the file gets its line
          const message = toVanbanError(err, null, "converting this file").message;
          return deliver(mySeq, { result: { bytes: errorLine(errorRecord(path, "internal-error", message)), ok: false, path, sha256: null, format: null, code: "internal-error", message }, ms: 0 });
        })
        .finally(() => {
          inflight--;
          wake?.();
        });
    }
    if (total === null) total = seq;
    while (inflight > 0) await woken();
    await chain;
    await flushHeld();
  } finally {
    clearInterval(ticker);
    clearInterval(sampler);
    tick(); // the bar's last state: every file done
    signal?.removeEventListener("abort", onAbort);
    await pool.close();
    await chain.catch(() => undefined);
    // the last lines are written here: a failure is the run's output error like any other
    await sink.close().catch((err: unknown) => void (writeError ??= err));
    progress.stop();
  }
  if (writeError) throw outputError(writeError, journal ?? "standard output");

  const interrupted = !!signal?.aborted;
  const summary = stats.finish({
    total: (total ?? seq) + skipped,
    skipped,
    interrupted,
    workersStarted: pool.started,
  });
  summary.notDone = Math.max(0, (total ?? seq) - summary.done);
  stats.addSkipped(skippedFiles);

  // the final files
  try {
    if (format === "json" && journal && finalOut) {
      writeJsonArray(journal, finalOut);
      if (!interrupted) rmSync(journal, { force: true });
    } else if (format === "csv" && journal && finalOut) {
      (await tableWriters()).writeCsvTables(journal, finalOut, { excel: options.excel, checks: options.check, formulaGuard: options.csvFormulaGuard !== false });
    } else if (format === "parquet" && journal && finalOut) {
      (await tableWriters()).writeParquetTables(journal, finalOut);
    }
  } catch (err) {
    throw outputError(err, finalOut ?? "the output");
  }
  if (options.summaryFile) {
    try {
      writeFileSync(options.summaryFile, JSON.stringify(summary, null, 2) + "\n");
    } catch (err) {
      throw outputError(err, options.summaryFile);
    }
  }
  if (options.printSummary !== false) stderr.write(formatSummary(summary, { base }));
  return summary;
}

/** The one folder given as input, that paths are shown relative to (null: several inputs, or paths on stdin). */
function inputFolder(options: ConvertOptions): string | null {
  if (options.stdin || options.paths || options.inputs.length !== 1) return null;
  try {
    return statSync(options.inputs[0]).isDirectory() ? options.inputs[0].replace(/(.)\/+$/, "$1") : null;
  } catch {
    return null;
  }
}

/** `--resume` of a `--format json` run that had finished: its array becomes the journal again. */
function seedJournalFromJson(json: string, journal: string): void {
  let items: unknown;
  try {
    items = JSON.parse(readFileSync(json, "utf8"));
  } catch (err) {
    throw new InputError("bad-output", `cannot resume: the existing output is not a JSON array (${(err as Error).message})`, json);
  }
  if (!Array.isArray(items)) throw new InputError("bad-output", "cannot resume: the existing output is not a JSON array", json);
  writeFileSync(journal, items.map((r) => JSON.stringify(r) + "\n").join(""));
}
