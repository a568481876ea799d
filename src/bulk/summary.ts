import { sep } from "node:path";
import type { Skipped } from "./inputs.js";
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
  /**
   * files (and whole folders, their path ending in `/`) found but left out by a rule — `hidden`,
   * `system`, `output` (docs/bulk.md) — never read and not in the output; every file (up to 10,000)
   */
  skippedByRule: { total: number; byRule: Record<string, number>; byExtension: Record<string, number>; files: Skipped[] };
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
      pages: 0, seconds: 0, filesPerSecond: 0, slowest: [], errors: [],
      skippedByRule: { total: 0, byRule: {}, byExtension: {}, files: [] },
      workersStarted: 0, peakRssMb: 0,
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
  }

  /** Files left out by a rule, counted by rule and by extension (`(folder)`, `(none)`). */
  addSkipped(files: Skipped[]): void {
    const k = this.summary.skippedByRule;
    const bump = (m: Record<string, number>, key: string) => (m[key] = (m[key] ?? 0) + 1);
    for (const f of files) {
      k.total++;
      bump(k.byRule, f.rule);
      bump(k.byExtension, extensionOf(f.path));
      if (k.files.length < MAX_ERRORS) k.files.push(f);
    }
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

/** `kho/a.PDF` → `.pdf`; a folder `(folder)`; no extension (`README`, `.DS_Store`) `(none)`. */
function extensionOf(path: string): string {
  if (path.endsWith("/") || path.endsWith(sep)) return "(folder)";
  const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf(sep)) + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot).toLowerCase() : "(none)";
}

/** A path as shown to a person: relative to the input folder when there is one. */
export function relativeTo(base: string | null | undefined): (path: string) => string {
  if (!base) return (p) => p;
  const prefix = base.endsWith(sep) || base.endsWith("/") ? base : base + sep;
  return (p) => (p.startsWith(prefix) && p.length > prefix.length ? p.slice(prefix.length) : p);
}

export interface FormatOptions {
  /** paths are shown relative to this folder (the one input folder) */
  base?: string | null;
  /** paths listed under each failure code, and under each skip rule */
  pathsEach?: number;
}

/**
 * The summary as lines a person reads on stderr: counts, the slowest files, the files skipped by
 * a rule, and the failures grouped by code, each reason written once above its files (sorted by path).
 */
export function formatSummary(s: Summary, options: FormatOptions = {}): string {
  const show = relativeTo(options.base);
  const each = options.pathsEach ?? 10;
  const out: string[] = [];
  const head = s.interrupted ? "vanban convert: interrupted" : "vanban convert: finished";
  out.push(`${head}: ${s.done} files in ${s.seconds} s (${s.filesPerSecond} files/s), ${s.status.ok} ok, ${s.status.error} failed` +
    (s.skipped ? `, ${s.skipped} already done (--resume)` : "") + (s.notDone ? `, ${s.notDone} not done (run again with --resume)` : ""));
  if (options.base) out.push(`  paths under ${options.base}`);
  out.push(`  formats: ${list(s.byFormat)}`);
  out.push(`  encodings: ${list(s.byEncoding)}`);
  out.push(`  types: ${list(s.byType)}`);
  if (s.slowest.length) out.push(`  slowest: ${s.slowest.slice(0, 3).map((x) => `${show(x.path)} (${(x.ms / 1000).toFixed(1)} s)`).join(", ")}`);
  const k = s.skippedByRule;
  if (k?.total) {
    out.push(`  skipped by rule, not read: ${k.total} (${list(k.byRule)}); by extension: ${list(k.byExtension)}`);
    for (const rule of Object.keys(k.byRule).sort()) {
      const paths = k.files.filter((f) => f.rule === rule).map((f) => show(f.path)).sort(comparePaths);
      out.push(`    ${rule}: ${paths.slice(0, each).join(", ")}${k.byRule[rule] > each ? `, … and ${k.byRule[rule] - Math.min(each, paths.length)} more` : ""}`);
    }
  }
  if (s.status.error) {
    out.push(`  failed: ${s.status.error} (${list(s.byError)})`);
    out.push(...formatFailures(s, show, each));
    if (s.errors.length < s.status.error) out.push(`  (${s.status.error - s.errors.length} more failures are not listed: see the output's error records)`);
  }
  return out.join("\n") + "\n";
}

const comparePaths = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Failures by code (most first), and within a code by reason: each reason once, its files sorted. */
function formatFailures(s: Summary, show: (p: string) => string, each: number): string[] {
  const byCode = new Map<string, Map<string, string[]>>();
  for (const e of s.errors) {
    let reasons = byCode.get(e.code);
    if (!reasons) byCode.set(e.code, (reasons = new Map()));
    const paths = reasons.get(e.message) ?? [];
    paths.push(show(e.path));
    reasons.set(e.message, paths);
  }
  const codes = [...byCode.keys()].sort((a, b) => (s.byError[b] ?? 0) - (s.byError[a] ?? 0) || comparePaths(a, b));
  const out: string[] = [];
  for (const code of codes) {
    const reasons = [...byCode.get(code)!.entries()].map(([message, paths]) => [message, paths.sort(comparePaths)] as const);
    reasons.sort((a, b) => comparePaths(a[1][0], b[1][0]));
    const n = s.byError[code] ?? reasons.reduce((t, r) => t + r[1].length, 0);
    if (reasons.length === 1) {
      out.push(`  ✗ ${code} (${n}): ${reasons[0][0]}`);
      out.push(...listPaths(reasons[0][1], each, "      "));
      continue;
    }
    out.push(`  ✗ ${code} (${n}):`);
    let shown = 0;
    for (const [message, paths] of reasons) {
      if (shown >= each) break;
      const taken = paths.slice(0, each - shown);
      if (paths.length === 1) out.push(`      ${paths[0]}: ${message}`);
      else out.push(`      ${message}:`, ...taken.map((p) => `        ${p}`));
      shown += taken.length;
    }
    const total = reasons.reduce((t, r) => t + r[1].length, 0);
    if (total > shown) out.push(`      … and ${total - shown} more`);
  }
  return out;
}

function listPaths(paths: readonly string[], each: number, indent: string): string[] {
  const out = paths.slice(0, Math.max(each, 0)).map((p) => indent + p);
  if (paths.length > each) out.push(`${indent}… and ${paths.length - each} more`);
  return out;
}
