import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { TaskMessage, TaskResult } from "./protocol.js";

/**
 * How a file ended when its worker had to be stopped: the pool never throws for a file, it
 * reports one of these and starts a fresh worker.
 */
export interface PoolFailure {
  failure: "timeout" | "out-of-memory" | "worker-crashed";
  message: string;
}

/** `ms`: how long the file took in its worker (from when the worker started on it). */
export type PoolOutcome = ({ result: TaskResult } | PoolFailure | { cancelled: true }) & { ms?: number };

export interface PoolOptions {
  /** number of worker threads */
  size: number;
  /** per-file time limit in ms (0: none) */
  timeoutMs: number;
  /** added to a file's time limit for each page it has OCR read (default {@link OCR_PAGE_TIMEOUT_MS}) */
  ocrPageTimeoutMs?: number;
  /** heap cap of each worker in MB (`resourceLimits.maxOldGenerationSizeMb`; 0: Node's default) */
  maxMemoryMb: number;
  /**
   * tasks handed to a worker ahead of time so it never waits for the main thread (default 2); up
   * to {@link FAST_PREFETCH} once its files take less than FAST_MS each
   */
  prefetch?: number;
  /** handed to every worker as `workerData` */
  workerData?: unknown;
  /** the worker script; default the compiled `worker.js` beside this module */
  workerUrl?: URL;
}

interface Pending {
  task: TaskMessage;
  resolve: (o: PoolOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** tasks sent to this worker, in order; the first one is the one it is working on */
  queue: Pending[];
  /** when the first task of the queue started */
  startedAt: number;
  /**
   * when the first task of the queue runs out of time (Infinity: no limit yet), and why; the timer
   * is not set again for each file: it fires at an earlier file's deadline, and then waits for the
   * rest of the current one's (a timer set and cleared a file was main-thread work on small files)
   */
  deadline: number;
  overtime: string;
  timer: NodeJS.Timeout | null;
  /** when the timer fires */
  timerAt: number;
  dead: boolean;
  /**
   * the worker has loaded its modules: the clock of its first file starts only then, and again
   * when it says `warm` (its warm-up parse, which compiles the patterns, is done)
   */
  ready: boolean;
  /** the worker's own temporary folder (OCR page images, a scan's copy): removed when it ends */
  tempDir: string | null;
  /** OCR engine processes the worker has running: killed when it ends */
  children: Set<number>;
  /** pages read by OCR of the current file, once it has pages to OCR */
  ocr: { done: number; pages: number } | null;
  /** the id of the task the worker says it is on (-1: none; the worker writes it, see worker.ts) */
  cell: Int32Array;
  /** its last file took less than FAST_MS: more tasks are queued for it */
  fast: boolean;
  /** since when the worker has been past the head of its queue (0: it is not), see reclaimHeld() */
  pastHead: number;
  /** its held answers were taken back: no task is handed to it until it answers */
  stalled: boolean;
}

/** One file's answer in a worker's message, with how long it took there. */
interface Answer {
  id: number;
  result: TaskResult;
  ms?: number;
}

/**
 * Each worker's young generation (new objects) in MB. V8 doubles it, up to 48 MB, each time as
 * much as it holds has survived a collection since it last grew: with the default a worker's
 * memory kept growing with the number of files, for thousands of files (one-line files, --jobs 2:
 * the two workers' new space 2 → 32 MB each, peak RSS 190 MB at 1,000 files, 230 at 20,000).
 * At 16 the collections cost no more CPU on two-page documents (8 cost ~10% more).
 */
export const YOUNG_GENERATION_MB = 16;

/**
 * A worker whose last answered files each took less than FAST_MS is handed up to FAST_PREFETCH
 * tasks, so that it can answer several in a message (see worker.ts: about six) and still never
 * wait for the next task; slower files are handed out `prefetch` at a time. The price: should the
 * files queued after quick ones turn out slow, up to seven of them wait for this worker while
 * another may have run out of work at the end of a batch.
 */
const FAST_MS = 10;
const FAST_PREFETCH = 8;

/** The most tasks a worker is handed ahead of the one it is on, fast or not (see FAST_PREFETCH). */
export function mostPrefetched(prefetch: number): number {
  return Math.max(FAST_PREFETCH, prefetch);
}

/**
 * A worker that has been past the head of its queue this long is on a slow file (or stuck) with
 * answers held (held work is ~20 ms): the files it finished before are done again elsewhere, so
 * that their lines are not kept waiting for it (until the time limit, should every worker be
 * stuck so).
 */
const STALL_MS = 1000;

/** A file's time limit grows by this much for each page read by OCR (tesseract.js: ~5–10 s a page on a busy machine). */
export const OCR_PAGE_TIMEOUT_MS = 30_000;

/** Every live pool's workers, so that engine processes and temporary folders go when the process exits. */
const liveSlots = new Set<Slot>();
let exitHook = false;

/** Kills a worker's engine processes and removes its temporary folder (the worker is gone or going). */
function cleanUpAfter(slot: Slot): void {
  for (const pid of slot.children) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // ended already
    }
  }
  slot.children.clear();
  if (slot.tempDir) rmSync(slot.tempDir, { recursive: true, force: true });
  slot.tempDir = null;
  liveSlots.delete(slot);
}

/**
 * The worker to start: the bundle in `dist/worker/` (scripts/worker-build.mjs: one file where tsc's
 * output is ~160 modules, a third less start-up) when it is at least as new as tsc's own worker, else
 * tsc's worker, beside this module in `dist/` or in `dist/` when this runs as TypeScript (tests). A
 * bundle older than tsc's output is one a later `tsc` alone has outdated: it is passed over.
 */
export function defaultWorkerUrl(): URL {
  const inDist = existsSync(new URL("./worker.js", import.meta.url));
  const compiled = inDist ? new URL("./worker.js", import.meta.url) : new URL("../../dist/src/bulk/worker.js", import.meta.url);
  return workerToStart(compiled, new URL(inDist ? "../../worker/worker.js" : "../../dist/worker/worker.js", import.meta.url));
}

/**
 * Of tsc's worker (`compiled`) and the bundle, the bundle when it is there and at least as new (as
 * new: an installed package's files all have the one time npm gives them).
 */
export function workerToStart(compiled: URL, bundled: URL): URL {
  if (!existsSync(compiled)) {
    if (existsSync(bundled)) return bundled;
    throw new Error("vanban: the compiled worker (dist/src/bulk/worker.js) is missing; run `npm run build`");
  }
  return existsSync(bundled) && statSync(bundled).mtimeMs >= statSync(compiled).mtimeMs ? bundled : compiled;
}

/**
 * A pool of worker threads, one file at a time per worker, with a time limit and a memory cap
 * per file. A worker that overruns either is terminated and replaced; the file gets a failure
 * outcome and the tasks queued behind it go to other workers.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private readonly prefetch: number;
  private readonly workerUrl: URL;
  private closed = false;
  private readonly watch: NodeJS.Timeout;
  /** workers started, including replacements (for tests and the summary) */
  started = 0;

  constructor(private readonly options: PoolOptions) {
    this.prefetch = Math.max(1, options.prefetch ?? 2);
    this.workerUrl = options.workerUrl ?? defaultWorkerUrl();
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
    this.watch = setInterval(() => this.reclaimHeld(), STALL_MS / 4);
    this.watch.unref();
  }

  /** Converts one file; never rejects. */
  run(id: number, path: string): Promise<PoolOutcome> {
    if (this.closed) return Promise.resolve({ cancelled: true });
    return new Promise((resolve) => {
      this.waiting.push({ task: { id, path }, resolve });
      this.dispatch();
    });
  }

  /** The files being worked on now, with how long each has taken so far. */
  running(now = Date.now()): { path: string; ms: number; ocr?: { done: number; pages: number } }[] {
    return this.slots.filter((s) => !s.dead && s.queue.length).map((s) => ({ path: s.queue[current(s)].task.path, ms: now - s.startedAt, ...(s.ocr ? { ocr: s.ocr } : {}) }));
  }

  /** Stops every worker; tasks not finished resolve as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watch);
    const pending = [...this.waiting.splice(0), ...this.slots.flatMap((s) => s.queue.splice(0))];
    for (const p of pending) p.resolve({ cancelled: true });
    await Promise.all(
      this.slots.map((s) => {
        s.dead = true;
        if (s.timer) clearTimeout(s.timer);
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const { maxMemoryMb } = this.options;
    let tempDir: string | null = null;
    try {
      tempDir = mkdtempSync(join(tmpdir(), "vanban-worker-"));
    } catch {
      // no temporary folder of its own: the worker uses the system's, and cleans it up itself
    }
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => [...liveSlots].forEach(cleanUpAfter));
    }
    const cell = new Int32Array(new SharedArrayBuffer(4)).fill(-1);
    const worker = new Worker(this.workerUrl, {
      workerData: { ...(this.options.workerData as object | undefined), ocrTempRoot: tempDir ?? undefined, taskCell: cell.buffer },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, ...(maxMemoryMb > 0 ? { maxOldGenerationSizeMb: maxMemoryMb } : {}) },
      stdout: false,
      stderr: false,
    });
    this.started++;
    const slot: Slot = { worker, queue: [], startedAt: Date.now(), deadline: Infinity, overtime: "", timer: null, timerAt: Infinity, dead: false, ready: false, tempDir, children: new Set(), ocr: null, cell, fast: false, pastHead: 0, stalled: false };
    liveSlots.add(slot);
    type Message = { id: number; result: TaskResult; retire?: boolean } | { answers: Answer[]; retire: boolean } | { ready: true } | { warm: true } | { cleaned: true }
      | { ocrChild: number; alive: boolean } | { id: number; progress: { done: number; pages: number } };
    worker.on("message", (msg: Message) => {
      if ("ocrChild" in msg) {
        if (msg.alive) slot.children.add(msg.ocrChild);
        else slot.children.delete(msg.ocrChild);
      } else if ("progress" in msg) {
        this.onOcrProgress(slot, msg.id, msg.progress);
      } else if ("cleaned" in msg) {
        void worker.terminate();
      } else if ("ready" in msg) {
        slot.ready = true;
        if (slot.queue.length) this.startHead(slot);
      } else if ("warm" in msg) {
        // the patterns are compiled: the first file's clock starts (again) now; armed since `ready`, it
        // stops a warm-up that never ends
        if (slot.queue.length && !slot.dead) this.startHead(slot);
      } else if ("answers" in msg) this.onAnswers(slot, msg.answers, msg.retire);
      else this.onAnswers(slot, [msg], msg.retire);
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const oom = err.code === "ERR_WORKER_OUT_OF_MEMORY";
      this.fail(slot, oom
        ? { failure: "out-of-memory", message: `used more memory than the limit of ${maxMemoryMb} MB (--max-memory)` }
        : { failure: "worker-crashed", message: `the worker crashed: ${err.message}` });
    });
    worker.on("exit", (code) => {
      cleanUpAfter(slot);
      if (!slot.dead) this.fail(slot, { failure: "worker-crashed", message: `the worker exited (code ${code})` });
    });
    // an idle worker must not keep the process alive
    worker.unref();
    return slot;
  }

  private onAnswers(slot: Slot, answers: Answer[], retire?: boolean): void {
    if (slot.dead) return;
    const now = Date.now();
    const done: [Pending, Answer][] = [];
    for (const answer of answers) {
      const head = slot.queue[0];
      if (!head || head.task.id !== answer.id) continue;
      slot.queue.shift();
      done.push([head, answer]);
    }
    if (!done.length) return;
    slot.stalled = false;
    // (a worker that does not time its files, only the tests', is timed from here)
    const timed = (a: Answer) => a.ms ?? now - slot.startedAt;
    // with no time limit, a file that never ends would keep the answers held before it from the
    // output for good if every worker were stuck so (reclaimHeld() has nowhere to send them): no
    // worker is handed the tasks to hold answers for then
    slot.fast = this.options.timeoutMs > 0 && done.every(([, answer]) => timed(answer) < FAST_MS);
    if (retire) {
      // recycled: a fresh worker takes over; what was queued here goes back to the line (the
      // finished tasks are off the queue already, so what replace() hands back is the next one)
      const next = this.replace(slot);
      if (next) this.waiting.unshift(next);
    } else this.startHead(slot);
    for (const [head, answer] of done) head.resolve({ result: answer.result, ms: timed(answer) });
    this.dispatch();
  }

  /** The files a slow worker has finished but not answered yet go back to the line (see STALL_MS). */
  private reclaimHeld(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      const at = slot.dead ? 0 : current(slot);
      if (at === 0) slot.pastHead = 0;
      else if (!slot.pastHead) slot.pastHead = now;
      else if (now - slot.pastHead >= STALL_MS) {
        this.waiting.unshift(...slot.queue.splice(0, at));
        slot.pastHead = 0;
        slot.stalled = true;
        slot.fast = false;
        this.dispatch();
      }
    }
  }

  /** Stops a worker and starts another in its place; its queued tasks wait for any worker. */
  private replace(slot: Slot, graceful = false): Pending | undefined {
    slot.dead = true;
    if (slot.timer) clearTimeout(slot.timer);
    const [head, ...rest] = slot.queue.splice(0);
    this.waiting.unshift(...rest);
    if (graceful) {
      // a worker waiting on an OCR engine can still clean up (kill it, remove its temp files): ask
      // first, and stop it anyway after a moment (a worker stuck in a loop never answers)
      slot.worker.postMessage({ cancel: true });
      const worker = slot.worker;
      setTimeout(() => void worker.terminate(), CLEANUP_GRACE_MS).unref();
      this.respawn(slot);
    } else {
      // the successor starts once this worker has exited (at once: it is idle, or dead already):
      // started side by side, the two were in memory together, and a batch's peak RSS grew by a
      // worker at each retirement
      void slot.worker.terminate().finally(() => this.respawn(slot));
    }
    return head;
  }

  /** A fresh worker in a stopped one's place (none once the pool is closed). */
  private respawn(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (this.closed || i < 0) return;
    this.slots[i] = this.spawn();
    this.dispatch();
  }

  /**
   * The worker is broken: its current file fails, the files queued behind it are re-queued, and so
   * are those before it, done but their answers not sent yet (held for a message of several).
   */
  private fail(slot: Slot, failure: PoolFailure): void {
    if (slot.dead) return;
    const finished = slot.queue.splice(0, current(slot));
    const head = this.replace(slot, failure.failure === "timeout");
    this.waiting.unshift(...finished);
    head?.resolve({ ...failure, ms: Date.now() - slot.startedAt });
    this.dispatch();
  }

  /** The file has pages to OCR: its time limit grows by the pages (once), and the bar shows them. */
  private onOcrProgress(slot: Slot, id: number, progress: { done: number; pages: number }): void {
    const head = slot.queue[0];
    if (slot.dead || !head || head.task.id !== id) return;
    const first = slot.ocr === null;
    slot.ocr = progress;
    const { timeoutMs } = this.options;
    if (!first || !(timeoutMs > 0) || slot.deadline === Infinity) return;
    const perPage = this.options.ocrPageTimeoutMs ?? OCR_PAGE_TIMEOUT_MS;
    const limit = timeoutMs + perPage * progress.pages;
    this.limit(slot, slot.startedAt + limit,
      `gave up after ${formatSeconds(limit)} (--timeout ${formatSeconds(timeoutMs)} + ${formatSeconds(perPage)} a page for ${progress.pages} OCR'd ${progress.pages === 1 ? "page" : "pages"}, --ocr-page-timeout)`);
  }

  /** The current file fails with `overtime` at `deadline` (the message of --timeout alone when empty). */
  private limit(slot: Slot, deadline: number, overtime = ""): void {
    slot.deadline = deadline;
    slot.overtime = overtime;
    if (slot.timer && slot.timerAt <= deadline) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timerAt = deadline;
    // (a delay past 2^31 ms would fire at once: a limit of weeks is waited for in steps)
    slot.timer = setTimeout(() => this.onTimer(slot), Math.min(2 ** 31 - 1, Math.max(0, deadline - Date.now())));
  }

  private onTimer(slot: Slot): void {
    slot.timer = null;
    if (slot.dead || !slot.queue.length || slot.deadline === Infinity) return;
    // the file the timer was set for is done: wait for the rest of the current one's time
    if (slot.deadline > Date.now()) return this.limit(slot, slot.deadline, slot.overtime);
    this.fail(slot, { failure: "timeout", message: slot.overtime || `gave up after ${formatSeconds(this.options.timeoutMs)} (--timeout)` });
  }

  private startHead(slot: Slot): void {
    slot.ocr = null;
    slot.startedAt = Date.now();
    slot.deadline = Infinity;
    if (!slot.queue.length) {
      // idle: no timer keeps the process alive
      if (slot.timer) clearTimeout(slot.timer);
      slot.timer = null;
      slot.worker.unref();
      return;
    }
    slot.worker.ref();
    const { timeoutMs } = this.options;
    if (timeoutMs > 0 && slot.ready) this.limit(slot, slot.startedAt + timeoutMs);
  }

  private dispatch(): void {
    if (this.closed) return;
    const most = mostPrefetched(this.prefetch);
    for (let depth = 1; depth <= most && this.waiting.length; depth++) {
      for (const slot of this.slots) {
        if (!this.waiting.length) return;
        if (slot.dead || slot.stalled || slot.queue.length >= depth || depth > (slot.fast ? most : this.prefetch)) continue;
        const next = this.waiting.shift()!;
        slot.queue.push(next);
        if (slot.queue.length === 1) this.startHead(slot);
        slot.worker.postMessage(next.task);
      }
    }
  }
}

/** Where in its queue the worker is: the task it says it is on, or the head. */
function current(slot: Slot): number {
  const id = Atomics.load(slot.cell, 0);
  if (id < 0) return 0;
  const at = slot.queue.findIndex((p) => p.task.id === id);
  return at < 0 ? 0 : at;
}

/** How long a timed-out worker may take to clean up before it is stopped. */
const CLEANUP_GRACE_MS = 2000;

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
