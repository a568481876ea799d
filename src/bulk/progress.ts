import type cliProgress from "cli-progress";
import { createRequire } from "node:module";
import { relativeTo } from "./summary.js";

export interface ProgressState {
  done: number;
  /** null while the total is unknown (paths still arriving on stdin) */
  total: number | null;
  failed: number;
  /** the file that has been worked on longest, when it is slow; `ocr`: its pages read by OCR so far */
  slow: { path: string; ms: number; ocr?: { done: number; pages: number } } | null;
}

export interface Progress {
  update(state: ProgressState): void;
  stop(): void;
}

/** A file counts as slow (and is named in the progress line) after this long, unless told otherwise (`--slow-after`). */
export const SLOW_MS = 3000;

/** The throughput the ETA is taken from: files finished over about the last minute. */
export const RATE_WINDOW_MS = 60_000;

/**
 * Files a second over a moving window (not since the start): a batch that began with quick text
 * files and reached the scans slows down, and its ETA says so within a minute.
 */
export class Throughput {
  private readonly samples: { t: number; done: number }[] = [];
  constructor(private readonly windowMs = RATE_WINDOW_MS, private readonly started = Date.now()) {}

  add(done: number, now = Date.now()): void {
    const last = this.samples[this.samples.length - 1];
    if (last && last.done === done) return;
    this.samples.push({ t: now, done });
    // keep one sample at or before the window's start, so the window is always full
    while (this.samples.length > 2 && this.samples[1].t <= now - this.windowMs) this.samples.shift();
  }

  /** Files a second, recently (since the start until a window has passed). */
  rate(now = Date.now()): number {
    const last = this.samples[this.samples.length - 1];
    if (!last) return 0;
    const from = now - this.started < this.windowMs || this.samples.length < 2 ? { t: this.started, done: 0 } : this.samples[0];
    // up to now, not to the last file done: a run stuck on slow files shows it
    const seconds = (now - from.t) / 1000;
    return seconds > 0 ? (last.done - from.done) / seconds : 0;
  }

  eta(done: number, total: number | null, now = Date.now()): string {
    if (total === null || done === 0) return "?";
    const rate = this.rate(now);
    if (rate <= 0) return "?";
    const left = (total - done) / rate;
    if (left < 60) return `${Math.ceil(left)}s`;
    if (left < 3600) return `${Math.floor(left / 60)}m${String(Math.round(left % 60)).padStart(2, "0")}s`;
    return `${Math.floor(left / 3600)}h${String(Math.round((left % 3600) / 60)).padStart(2, "0")}m`;
  }
}

/** A path cut in the middle to `max` characters, so both its folder and its file name show. */
export function middleTruncate(path: string, max: number): string {
  if (path.length <= max) return path;
  if (max <= 1) return "…".slice(0, max);
  const keep = max - 1;
  // the file name whole when there is room for it and a little of the start
  const name = path.length - Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) - 1;
  const tail = Math.max(keep - Math.floor(keep / 3), Math.min(name, keep - 8));
  return `${path.slice(0, keep - tail)}…${path.slice(path.length - tail)}`;
}

function describe(state: ProgressState, meter: Throughput, show: (p: string) => string, width: number | null, fixed: (d: { rate: string; eta: string }) => number) {
  meter.add(state.done);
  const rate = meter.rate();
  const d = { rate: rate >= 100 ? rate.toFixed(0) : rate.toFixed(1), eta: meter.eta(state.done, state.total), failed: state.failed, slow: "" };
  if (state.slow) {
    const ocr = state.slow.ocr ? ` OCR page ${Math.min(state.slow.ocr.done + 1, state.slow.ocr.pages)}/${state.slow.ocr.pages}` : "";
    const secs = ` ${(state.slow.ms / 1000).toFixed(0)}s${ocr}`;
    const room = width === null ? Infinity : width - fixed(d) - " | slow: ".length - secs.length;
    // on a narrow terminal the slow file is left out rather than wrapped
    if (room >= 12) d.slow = ` | slow: ${middleTruncate(show(state.slow.path), room)}${secs}`;
  }
  return d;
}

/** A bar that redraws in place, for a terminal, as wide as the terminal. */
class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private readonly meter = new Throughput();
  private readonly barsize: number;
  private running = false;
  constructor(private readonly stream: NodeJS.WriteStream, private readonly show: (p: string) => string) {
    this.barsize = (stream.columns ?? 80) < 100 ? 12 : 24;
    // loaded for a terminal only: a run with its output on a file or a pipe never draws a bar (~16 ms of a start-up)
    const bars = createRequire(import.meta.url)("cli-progress") as typeof cliProgress;
    this.bar = new bars.SingleBar(
      {
        stream,
        format: "{bar} {value}/{totalText} files | {rate} files/s | ETA {etaText} | {failed} failed{slow}",
        barsize: this.barsize,
        hideCursor: true,
        fps: 5,
        clearOnComplete: false,
      },
      bars.Presets.shades_classic,
    );
  }
  update(state: ProgressState): void {
    const total = state.total ?? Math.max(state.done, 1);
    const fixed = (d: { rate: string; eta: string }) =>
      this.barsize + ` ${state.done}/${state.total ?? "?"} files | ${d.rate} files/s | ETA ${d.eta} | ${state.failed} failed`.length;
    // one column spare: a line exactly as wide as the terminal wraps on some
    const d = describe(state, this.meter, this.show, (this.stream.columns ?? 80) - 1, fixed);
    const payload = { totalText: state.total ?? "?", etaText: d.eta, rate: d.rate, failed: d.failed, slow: d.slow };
    if (!this.running) {
      this.bar.start(total, state.done, payload);
      this.running = true;
    } else {
      this.bar.setTotal(total);
      this.bar.update(state.done, payload);
    }
  }
  stop(): void {
    if (this.running) this.bar.stop();
  }
}

/** Plain lines every few seconds, for a log file or a pipe (paths whole: a log has no width). */
class LineProgress implements Progress {
  private readonly meter = new Throughput();
  private last = 0;
  constructor(private readonly stream: NodeJS.WritableStream, private readonly everyMs: number, private readonly show: (p: string) => string) {
    this.last = Date.now();
  }
  update(state: ProgressState): void {
    this.meter.add(state.done);
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    const d = describe(state, this.meter, this.show, null, () => 0);
    this.stream.write(`vanban: ${state.done}/${state.total ?? "?"} files, ${d.rate} files/s, ETA ${d.eta}, ${d.failed} failed${d.slow}\n`);
  }
  stop(): void {}
}

class NoProgress implements Progress {
  update(): void {}
  stop(): void {}
}

/** `base`: the input folder, that the slow file's path is shown relative to. */
export function createProgress(mode: "auto" | "off", stream: NodeJS.WriteStream = process.stderr, everyMs = 10_000, base: string | null = null): Progress {
  if (mode === "off") return new NoProgress();
  const show = relativeTo(base);
  return stream.isTTY ? new BarProgress(stream, show) : new LineProgress(stream, everyMs, show);
}
