import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { mostPrefetched, WorkerPool } from "../../src/bulk/pool.js";

/** A worker that answers every task at once and asks to be replaced after each one (as a real one does after 100,000 files, or when its heap stays large). */
const RETIRING_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", (task) => {
  if (task.cancel) return;
  parentPort.postMessage({ id: task.id, retire: true, result: { line: JSON.stringify({ path: task.path }), ok: true, path: task.path, sha256: null, format: null } });
});
parentPort.postMessage({ ready: true });
`;

/** A worker that takes 60 ms a file, and never answers for `hang.txt`. */
const PACED_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", (task) => {
  if (task.cancel || task.path === "hang.txt") return;
  setTimeout(() => parentPort.postMessage({ id: task.id, result: { bytes: new Uint8Array(0), ok: true, path: task.path, sha256: null, format: null } }), 60);
});
parentPort.postMessage({ ready: true });
`;

/**
 * A worker that answers several files in a message, as a real one does, holding the answers until
 * its queue is empty; it writes the task it is on to the pool's shared cell, and blocks for good on
 * `hang.txt` (with answers held: the files before it are done, and nothing said).
 */
const BATCHING_WORKER = `
import { parentPort, workerData } from "node:worker_threads";
const cell = new Int32Array(workerData.taskCell);
const tasks = [];
const held = [];
let pumping = false;
parentPort.on("message", (task) => {
  if (task.cancel) return;
  tasks.push(task);
  if (!pumping) { pumping = true; setImmediate(pump); }
});
function pump() {
  while (tasks.length) {
    const task = tasks.shift();
    Atomics.store(cell, 0, task.id);
    if (task.path === "hang.txt") Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    held.push({ id: task.id, ms: 1, result: { bytes: new Uint8Array(0), ok: true, path: task.path, sha256: null, format: null } });
  }
  Atomics.store(cell, 0, -1);
  parentPort.postMessage({ answers: held.splice(0), retire: false });
  pumping = false;
}
parentPort.postMessage({ ready: true });
`;

/** One worker running `source` (a module written to a temporary folder), with a time limit and a prefetch. */
function poolOf(source: string, opts: { timeoutMs: number; prefetch: number; size?: number }): WorkerPool {
  const script = join(mkdtempSync(join(tmpdir(), "vanban-pool-")), "worker.mjs");
  writeFileSync(script, source);
  return new WorkerPool({ size: 1, maxMemoryMb: 0, ...opts, workerUrl: pathToFileURL(script) });
}

describe("worker pool", () => {
  it("hands a fast worker up to eight tasks ahead, or the prefetch asked for when it is more (the run keeps that many in flight)", () => {
    expect(mostPrefetched(2)).toBe(8);
    expect(mostPrefetched(0)).toBe(8);
    expect(mostPrefetched(12)).toBe(12);
  });

  it("times each file from its own start: files in a row past one limit all finish, a file that hangs fails and the next still runs", async () => {
    const pool = poolOf(PACED_WORKER, { timeoutMs: 1000, prefetch: 2 });
    try {
      // 25 files of 60 ms: 1.5 s in all, past the limit of one
      const paths = [...Array.from({ length: 25 }, (_, i) => `${i}.txt`), "hang.txt", "last.txt"];
      const outcomes = await Promise.all(paths.map((p, i) => pool.run(i, p)));
      expect(outcomes.map((o) => ("result" in o ? "ok" : "failure" in o ? o.failure : "cancelled"))).toEqual([...Array(25).fill("ok"), "timeout", "ok"]);
      const hang = outcomes[25] as { message: string; ms: number };
      expect(hang.message).toBe("gave up after 1 s (--timeout)");
      expect(hang.ms).toBeGreaterThanOrEqual(1000);
    } finally {
      await pool.close();
    }
  });

  it("blames the file a worker hangs on, not the files before it whose answers it still held: those are done again", async () => {
    const pool = poolOf(BATCHING_WORKER, { timeoutMs: 500, prefetch: 3 });
    try {
      const paths = ["0.txt", "1.txt", "hang.txt", "3.txt", "4.txt"];
      const outcomes = await Promise.all(paths.map((p, i) => pool.run(i, p)));
      expect(outcomes.map((o) => ("result" in o ? o.result.path : "failure" in o ? o.failure : "cancelled"))).toEqual(["0.txt", "1.txt", "timeout", "3.txt", "4.txt"]);
      expect(pool.started).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("a file that runs long keeps no answer held before it waiting: those files are done again by another worker", async () => {
    const pool = poolOf(BATCHING_WORKER, { timeoutMs: 0, prefetch: 3, size: 2 });
    try {
      const paths = ["0.txt", "1.txt", "2.txt", "3.txt", "hang.txt", "5.txt", "6.txt", "7.txt"];
      const outcomes = paths.map((p, i) => pool.run(i, p));
      const others = await Promise.all(outcomes.filter((_, i) => paths[i] !== "hang.txt"));
      expect(others.map((o) => ("result" in o ? o.result.path : "not done"))).toEqual(paths.filter((p) => p !== "hang.txt"));
    } finally {
      await pool.close();
    }
  }, 20_000);

  it("loses no queued task when a worker retires with tasks prefetched behind the finished one", async () => {
    const pool = poolOf(RETIRING_WORKER, { timeoutMs: 10_000, prefetch: 3 });
    try {
      const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run(i, `file-${i}.txt`)));
      expect(outcomes.map((o) => ("result" in o ? o.result.path : "lost"))).toEqual(["file-0.txt", "file-1.txt", "file-2.txt", "file-3.txt", "file-4.txt", "file-5.txt"]);
      // each retired worker's successor starts once it has exited (never two in memory together)
      await vi.waitFor(() => expect(pool.started).toBe(7));
    } finally {
      await pool.close();
    }
  });
});
