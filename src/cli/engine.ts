import { setFlagsFromString } from "node:v8";

/**
 * How many bytes of bytecode V8's optimizing compiler (TurboFan) may inline into one function it
 * optimizes, for the CLI's process: a quarter of V8's default (920).
 *
 * A `convert` worker has ~700 functions optimized as its first files warm it up (~1,450 on PDFs,
 * pdf.js's among them), on V8's own threads; with the default budget that compiling cost about as
 * much CPU as the parsing on a 500-file batch (1.45 CPU-s of helper threads against the worker's
 * 1.73, `npm run bench -- --quick`) and ~3 CPU-s a worker on 20,000 files — paid again by each
 * worker, it is most of what `--jobs 2` loses against twice `--jobs 1`. At 230, on 20,000
 * two-page files alternating with the default: the compiler's threads 2.1 instead of 2.8–2.9 CPU-s
 * at `--jobs 1` (the run's total 29.9–30.9 against 31.2–31.4) and 3.6–3.9 instead of 5.3 at
 * `--jobs 2`; on 196 PDFs 3.9–4.1 instead of 5.0–5.2 (total 11.8–12.6 against 13.3). The worker's
 * own CPU stayed where it was. At 115 the compiling took no less.
 */
export const INLINE_BUDGET_BYTES = 230;

const FLAG = "--max-inlined-bytecode-size-cumulative";

/**
 * The flag to set, or null: none where the user chose the budget on node's command line (node
 * refuses it in NODE_OPTIONS), and none on a V8 it has not been tried on (V8 11–13: Node 20–24),
 * where an unknown flag would print an error line at every run.
 */
export function inlineBudgetFlag(execArgv: readonly string[], v8Version: string): string | null {
  const major = Number(v8Version.split(".")[0]);
  if (!(major >= 11 && major <= 13)) return null;
  if (execArgv.some((arg) => arg.replace(/_/g, "-").startsWith(FLAG))) return null;
  return `${FLAG}=${INLINE_BUDGET_BYTES}`;
}

/**
 * Sets the compiler's inlining budget for this process (see {@link INLINE_BUDGET_BYTES}). Only the
 * CLI calls it, first thing: it owns its process, and V8's flags hold for every thread of it (the
 * `convert` workers included); the library changes nothing process-wide.
 */
export function tuneCompiler(): void {
  const flag = inlineBudgetFlag(process.execArgv, process.versions.v8);
  if (flag) setFlagsFromString(flag);
}
