import { readJournal } from "./journal.js";
import type { ConvertLine } from "./lines.js";
import { convertFiles, type ConvertOptions, type PoolOptions } from "./run.js";
import type { Summary } from "./summary.js";

export type { ConvertLine, ConvertedRecord, ConvertError } from "./lines.js";
export type { Summary as ConvertSummary } from "./summary.js";

/** Options of {@link convert}: the pool and limits of `vanban convert` (defaults: 120 s a file, a 512 MB heap a worker, no size limit). */
export interface BulkConvertOptions extends PoolOptions {
  /** yield in input order (default: as files finish) */
  ordered?: boolean;
  /** [K, N]: only every N-th input, starting with the K-th */
  shard?: [number, number];
  /** paths done by an earlier run, skipped (see {@link donePaths}) */
  skip?: Iterable<string>;
  /** stops the run; what finished is still yielded */
  signal?: AbortSignal;
}

/** Lines buffered before the workers wait for the consumer. */
const HIGH_WATER = 64;

/**
 * Converts many files on worker threads, the engine of `vanban convert`: every input yields
 * exactly one item, its record (`error: null`) or an error record (`error: {code, message}`,
 * every other key blank), in finishing order unless `ordered`. A bad file never throws; the
 * iterator rejects only for a bad option or a listed input that does not exist (`no-such-input`,
 * `no-match`). `inputs` is a list of files, folders and globs (expanded and sorted as the CLI
 * does: every file but hidden and system ones, the documents inside .zip archives as
 * `archive.zip!/inner`), or an (async) iterable of file paths taken as they come. Breaking out of the loop stops the workers. The generator returns the run's summary.
 *
 * ```ts
 * for await (const rec of convert(["./kho"], { jobs: 4 })) {
 *   if (rec.error) console.error(rec.source.path, rec.error.code);
 *   else console.log(rec.type?.code, rec.subject);
 * }
 * ```
 */
export async function* convert(
  inputs: string[] | AsyncIterable<string> | Iterable<string>,
  options: BulkConvertOptions = {},
): AsyncGenerator<ConvertLine, Summary | undefined, undefined> {
  // lines wait as bytes, decoded one at a time as the consumer asks
  const queue: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let notify = null as (() => void) | null;
  let release = null as (() => void) | null;
  let closed = false;
  let finished = false;
  let failure: unknown = null;
  let summary: Summary | undefined;
  const wakeConsumer = () => {
    notify?.();
    notify = null;
  };
  const sink = {
    write(line: Uint8Array): void | Promise<void> {
      if (closed) return;
      queue.push(line);
      wakeConsumer();
      if (queue.length >= HIGH_WATER) return new Promise<void>((resolve) => (release = resolve));
    },
    async close(): Promise<void> {},
  };
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });

  const list = Array.isArray(inputs);
  const opts: ConvertOptions = {
    inputs: list ? inputs : [],
    paths: list ? undefined : inputs,
    out: null,
    sink,
    jobs: options.jobs,
    timeoutSec: options.timeoutSec,
    ocrPageTimeoutSec: options.ocrPageTimeoutSec,
    maxMemoryMb: options.maxMemoryMb,
    maxSizeMb: options.maxSizeMb,
    maxChars: options.maxChars,
    maxLines: options.maxLines,
    maxFacts: options.maxFacts,
    ocr: options.ocr,
    trustRoots: options.trustRoots,
    ordered: options.ordered,
    shard: options.shard,
    skip: options.skip,
    progress: false,
    printSummary: false,
    signal: controller.signal,
  };
  const run = convertFiles(opts).then(
    (s) => {
      summary = s;
    },
    (err: unknown) => {
      failure = err;
    },
  ).finally(() => {
    finished = true;
    wakeConsumer();
  });

  try {
    for (;;) {
      const line = queue.shift();
      if (line !== undefined) {
        if (release && queue.length < HIGH_WATER / 2) {
          release();
          release = null;
        }
        yield JSON.parse(decoder.decode(line)) as ConvertLine;
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => (notify = resolve));
    }
    if (failure) throw failure;
    return summary;
  } finally {
    // the consumer stopped early (break, throw): stop the workers and let the engine finish
    closed = true;
    release?.();
    if (!finished) controller.abort();
    await run;
    options.signal?.removeEventListener("abort", onAbort);
  }
}

/** The paths an earlier run's JSONL output holds (records and error records), for `skip`. */
export function donePaths(jsonlPath: string): Set<string> {
  return readJournal(jsonlPath).done;
}
