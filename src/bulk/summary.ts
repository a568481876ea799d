import type { TaskResult } from "./protocol.js";

/** What `vanban convert` reports at the end (stderr, and `--summary FILE` as this JSON). */
export interface Summary {
  /** files given after resume and sharding; `done` + `skipped` + `notDone` */
  total: number | null;
  done: number;
  /** already in the output of an earlier run (`--resume`) */
  skipped: number;
  /** left when the run was interrupted */
  notDone: number;
  interrupted: boolean;
  status: { ok: number; error: number };
  byFormat: Record<string, number>;
  byEncoding: Record<string, number>;
  /** document type code (`CV`, `QĐ`, …); `none` where no type was found */
  byType: Record<string, number>;
  /** error code → how many */
  byError: Record<string, number>;
  pages: number;
  seconds: number;
  filesPerSecond: number;
  slowest: { path: string; ms: number; format: string | null; pages: number | null }[];
  /** every failed file (up to 10,000) */
  errors: { path: string; code: string; message: string }[];
  workersStarted: number;
  peakRssMb: number;
}

const SLOWEST = 10;
const MAX_ERRORS = 10_000;

export class SummaryBuilder {
  readonly summary: Summary;
  private readonly started = Date.now();

  constructor(skipped: number) {
    this.summary = {
      total: null, done: 0, skipped, notDone: 0, interrupted: false,
      status: { ok: 0, error: 0 }, byFormat: {}, byEncoding: {}, byType: {}, byError: {},
      pages: 0, seconds: 0, filesPerSecond: 0, slowest: [], errors: [], workersStarted: 0, peakRssMb: 0,
    };
  }

  get failures(): number {
    return this.summary.status.error;
  }

  add(result: TaskResult, ms: number): void {
    const s = this.summary;
    s.done++;
    const bump = (m: Record<string, number>, k: string) => (m[k] = (m[k] ?? 0) + 1);
    bump(s.byFormat, result.format ?? "unknown");
    if (result.ok) {
      s.status.ok++;
      if (result.encoding) bump(s.byEncoding, result.encoding);
      bump(s.byType, result.type ?? "none");
      s.pages += result.pages ?? 0;
    } else {
      s.status.error++;
      bump(s.byError, result.code ?? "error");
      if (s.errors.length < MAX_ERRORS) s.errors.push({ path: result.path, code: result.code ?? "error", message: result.message ?? "" });
    }
    if (s.slowest.length < SLOWEST || ms > s.slowest[s.slowest.length - 1].ms) {
      s.slowest.push({ path: result.path, ms: Math.round(ms), format: result.format, pages: result.pages ?? null });
      s.slowest.sort((a, b) => b.ms - a.ms);
      s.slowest.length = Math.min(s.slowest.length, SLOWEST);
    }
    this.sampleRss();
  }

  sampleRss(): void {
    this.summary.peakRssMb = Math.max(this.summary.peakRssMb, Math.round(process.memoryUsage.rss() / 2 ** 20));
  }

  finish(extra: Partial<Summary>): Summary {
    Object.assign(this.summary, extra);
    this.sampleRss();
    const s = this.summary;
    s.seconds = Math.round((Date.now() - this.started) / 10) / 100;
    s.filesPerSecond = s.seconds > 0 ? Math.round((s.done / s.seconds) * 10) / 10 : s.done;
    return s;
  }
}

const list = (m: Record<string, number>) =>
  Object.entries(m).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(", ") || "-";

/** The summary as the few lines printed on stderr. */
export function formatSummary(s: Summary, showErrors = 20): string {
  const out: string[] = [];
  const head = s.interrupted ? "vanban convert: interrupted" : "vanban convert: finished";
  out.push(`${head}: ${s.done} files in ${s.seconds} s (${s.filesPerSecond} files/s), ${s.status.ok} ok, ${s.status.error} failed` +
    (s.skipped ? `, ${s.skipped} already done (--resume)` : "") + (s.notDone ? `, ${s.notDone} not done (run again with --resume)` : ""));
  out.push(`  formats: ${list(s.byFormat)}`);
  out.push(`  encodings: ${list(s.byEncoding)}`);
  out.push(`  types: ${list(s.byType)}`);
  if (s.status.error) out.push(`  errors: ${list(s.byError)}`);
  if (s.slowest.length) out.push(`  slowest: ${s.slowest.slice(0, 3).map((x) => `${x.path} (${(x.ms / 1000).toFixed(1)} s)`).join(", ")}`);
  for (const e of s.errors.slice(0, showErrors)) out.push(`  ✗ ${e.path}: ${e.code}: ${e.message}`);
  if (s.errors.length > showErrors) out.push(`  … and ${s.status.error - showErrors} more failures (see --summary FILE or the output's error records)`);
  return out.join("\n") + "\n";
}
