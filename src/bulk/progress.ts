import cliProgress from "cli-progress";

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

/** A file counts as slow (and is named in the progress line) after this long. */
export const SLOW_MS = 3000;

function eta(done: number, total: number | null, elapsedS: number): string {
  if (total === null || done === 0) return "?";
  const left = ((total - done) * elapsedS) / done;
  if (left < 60) return `${Math.ceil(left)}s`;
  if (left < 3600) return `${Math.floor(left / 60)}m${String(Math.round(left % 60)).padStart(2, "0")}s`;
  return `${Math.floor(left / 3600)}h${String(Math.round((left % 3600) / 60)).padStart(2, "0")}m`;
}

const shortPath = (p: string, max = 40) => (p.length <= max ? p : `…${p.slice(-(max - 1))}`);

function describe(state: ProgressState, elapsedS: number) {
  const rate = elapsedS > 0 ? state.done / elapsedS : 0;
  return {
    rate: rate >= 100 ? rate.toFixed(0) : rate.toFixed(1),
    eta: eta(state.done, state.total, elapsedS),
    failed: state.failed,
    slow: state.slow ? ` | slow: ${shortPath(state.slow.path)} ${(state.slow.ms / 1000).toFixed(0)}s${state.slow.ocr ? ` OCR page ${Math.min(state.slow.ocr.done + 1, state.slow.ocr.pages)}/${state.slow.ocr.pages}` : ""}` : "",
  };
}

/** A bar that redraws in place, for a terminal. */
class BarProgress implements Progress {
  private readonly bar: cliProgress.SingleBar;
  private readonly started = Date.now();
  private running = false;
  constructor(stream: NodeJS.WriteStream) {
    this.bar = new cliProgress.SingleBar(
      {
        stream,
        format: "{bar} {value}/{totalText} files | {rate} files/s | ETA {etaText} | {failed} failed{slow}",
        barsize: 24,
        hideCursor: true,
        fps: 5,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
  }
  update(state: ProgressState): void {
    const d = describe(state, (Date.now() - this.started) / 1000);
    const payload = { totalText: state.total ?? "?", etaText: d.eta, rate: d.rate, failed: d.failed, slow: d.slow };
    const total = state.total ?? Math.max(state.done, 1);
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

/** Plain lines every few seconds, for a log file or a pipe. */
class LineProgress implements Progress {
  private readonly started = Date.now();
  private last = 0;
  private lastState: ProgressState | null = null;
  constructor(private readonly stream: NodeJS.WritableStream, private readonly everyMs: number) {
    this.last = Date.now();
  }
  update(state: ProgressState): void {
    this.lastState = state;
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    const d = describe(state, (now - this.started) / 1000);
    this.stream.write(`vanban: ${state.done}/${state.total ?? "?"} files, ${d.rate} files/s, ETA ${d.eta}, ${d.failed} failed${d.slow}\n`);
  }
  stop(): void {}
}

class NoProgress implements Progress {
  update(): void {}
  stop(): void {}
}

export function createProgress(mode: "auto" | "off", stream: NodeJS.WriteStream = process.stderr, everyMs = 10_000): Progress {
  if (mode === "off") return new NoProgress();
  return stream.isTTY ? new BarProgress(stream) : new LineProgress(stream, everyMs);
}
