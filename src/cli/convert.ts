import { InvalidArgumentError, Option, type Command } from "commander";
import { toVanbanError } from "../errors.js";
import { parseShard } from "../bulk/inputs.js";
import { convertFiles, DEFAULT_MAX_MEMORY_MB, type OutputFormat } from "../bulk/run.js";
import { EXIT, exitCodeOf } from "./exit.js";
import { readTrustRoots } from "./io.js";

interface ConvertCliOptions {
  out?: string;
  format: OutputFormat;
  jobs?: number;
  timeout: number;
  ocrPageTimeout: number;
  maxMemory: number;
  maxSize: number;
  maxChars?: number;
  maxLines?: number;
  maxFacts?: number;
  ocr: boolean;
  trustRoots?: string;
  resume?: boolean;
  ordered?: boolean;
  stdin?: boolean;
  shard?: [number, number];
  quiet?: boolean;
  summary?: string;
  excel?: boolean;
  formulaGuard: boolean;
  followSymlinks?: boolean;
  failOnError?: boolean;
  progressEvery: number;
  slowAfter: number;
  check?: boolean;
}

export const positive = (what: string, allowZero = false) => (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) throw new InvalidArgumentError(`${what} takes a ${allowZero ? "non-negative" : "positive"} number`);
  return n;
};

export function registerConvert(program: Command): void {
  program
    .command("convert")
    .description("convert many documents on every core: one output line per input file, a record or an error record")
    .argument("[inputs...]", "files, folders (every file in them, recursively, but hidden and system ones; the documents inside .zip archives too) and globs")
    .option("-o, --out <path>", "output file (jsonl, json), folder (csv, parquet), or - for standard output")
    .addOption(new Option("-f, --format <format>", "output format").choices(["jsonl", "json", "csv", "parquet"]).default("jsonl"))
    .option("-j, --jobs <n>", "worker threads (default: one per core)", positive("--jobs"))
    .option("--timeout <sec>", "give up on a file after this many seconds (0: never)", positive("--timeout", true), 120)
    .option("--ocr-page-timeout <sec>", "seconds added to --timeout for each page of a file read by OCR", positive("--ocr-page-timeout", true), 30)
    .option("--max-memory <mb>", "memory cap of each worker in MB; a file that needs more is reported and skipped", positive("--max-memory", true), DEFAULT_MAX_MEMORY_MB)
    .option("--max-size <mb>", "refuse files larger than this many MB (0: no limit)", positive("--max-size", true), 0)
    .option("--max-chars <n>", "refuse documents whose text is longer than this many characters (default 1,000,000; 0: no limit)", positive("--max-chars", true))
    .option("--max-lines <n>", "refuse documents of more lines than this (default 50,000; 0: no limit)", positive("--max-lines", true))
    .option("--max-facts <n>", "keep at most this many entries in each list of facts (dates, references, …) of a document (default 10,000; 0: no limit)", positive("--max-facts", true))
    .option("--no-ocr", "do not OCR scanned PDFs (they become error records)")
    .option("--trust-roots <file.pem>", "judge digital signatures' certificates against these root certificates (PEM)")
    .option("--resume", "continue an interrupted run: skip the files already in the output, append the rest")
    .option("--ordered", "write records in input order (default: as they finish; each carries source.path and source.sha256)")
    .option("--stdin", "read the paths one a line from standard input; with no --out, write JSONL to standard output")
    .option("--shard <K/N>", "take only every N-th file of the sorted listing, starting with the K-th (1 ≤ K ≤ N)", (v) => {
      try {
        return parseShard(v);
      } catch (err) {
        throw new InvalidArgumentError((err as Error).message);
      }
    })
    .option("-q, --quiet", "no progress and no summary on standard error")
    .option("--summary <file>", "also write the summary as JSON to this file")
    .option("--excel", "CSV with a byte-order mark, so Excel reads Vietnamese right")
    .option("--no-formula-guard", "CSV: leave text cells that begin with = + - @ as they are (for data pipelines; such a file is unsafe to open in a spreadsheet)")
    .option("--follow-symlinks", "read symbolic links in input folders that lead out of them (default: they get an outside-input error record)")
    .option("--fail-on-error", "exit with status 1 when any file failed")
    .option("--check", "also check each document's thể thức (NĐ 30/2020, HD 36): records get `checks`, CSV a checks table")
    .option("--progress-every <sec>", "seconds between progress lines when standard error is not a terminal", positive("--progress-every"), 10)
    .option("--slow-after <sec>", "name the file being worked on in the progress once it has run this long", positive("--slow-after"), 3)
    .action(async (inputs: string[], opts: ConvertCliOptions) => {
      const stderr = process.stderr;
      if (!opts.stdin && !inputs.length) {
        stderr.write("vanban convert: name the files, folders or globs to convert, or give --stdin\n");
        process.exit(EXIT.usage);
      }
      if (opts.stdin && inputs.length) {
        stderr.write("vanban convert: --stdin reads the paths from standard input; name no inputs with it\n");
        process.exit(EXIT.usage);
      }
      if (!opts.stdin && !opts.out) {
        stderr.write("vanban convert: --out PATH is required (or --out - for standard output)\n");
        process.exit(EXIT.usage);
      }
      const controller = new AbortController();
      let interrupts = 0;
      const onSignal = (sig: NodeJS.Signals) => {
        if (++interrupts > 1) process.exit(EXIT.interrupted);
        if (!opts.quiet) stderr.write(`\nvanban convert: ${sig}: finishing the output (press Ctrl-C again to quit at once)\n`);
        controller.abort();
      };
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      // a consumer that closes the pipe (`| head`) ends the run quietly
      process.stdout.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code === "EPIPE") process.exit(0);
        throw err;
      });
      try {
        const summary = await convertFiles({
          inputs,
          stdin: opts.stdin ? process.stdin : undefined,
          out: opts.out ?? null,
          format: opts.format,
          jobs: opts.jobs,
          timeoutSec: opts.timeout,
          ocrPageTimeoutSec: opts.ocrPageTimeout,
          maxMemoryMb: opts.maxMemory,
          maxSizeMb: opts.maxSize,
          maxChars: opts.maxChars,
          maxLines: opts.maxLines,
          maxFacts: opts.maxFacts,
          ocr: opts.ocr,
          trustRoots: await readTrustRoots(opts.trustRoots),
          resume: opts.resume,
          ordered: opts.ordered,
          shard: opts.shard,
          progress: !opts.quiet,
          progressEveryMs: opts.progressEvery * 1000,
          slowAfterMs: opts.slowAfter * 1000,
          printSummary: !opts.quiet,
          summaryFile: opts.summary,
          excel: opts.excel,
          check: opts.check,
          csvFormulaGuard: opts.formulaGuard,
          followSymlinks: opts.followSymlinks,
          signal: controller.signal,
        });
        if (summary.interrupted) process.exit(EXIT.interrupted);
        process.exit(opts.failOnError && summary.status.error > 0 ? EXIT.failed : EXIT.ok);
      } catch (err) {
        stderr.write(`vanban convert: ${toVanbanError(err, null, "converting").message}\n`);
        if (process.env.VANBAN_DEBUG && err instanceof Error) stderr.write(String(err.stack) + "\n");
        process.exit(exitCodeOf(err));
      }
    });
}
