import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, "..", "..");
const STAMP = join(ROOT, "dist", ".build-stamp");
const LOCK = join(ROOT, "dist", ".build-lock");

function newest(dir: string): number {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const stale = () =>
  !existsSync(join(ROOT, "dist", "src", "bulk", "worker.js")) ||
  !existsSync(STAMP) ||
  statSync(STAMP).mtimeMs < Math.max(newest(join(ROOT, "src")), newest(join(ROOT, "grammars")));

/**
 * Worker threads and the CLI run the compiled JS in dist/ (the workers, its bundle in dist/worker/):
 * build both when a source is newer than the last build. Several test files may ask at once; a
 * lock folder lets one of them build.
 */
export function ensureBuilt(): void {
  if (!stale()) return;
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // a lock left by a killed run
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 300_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error("timed out waiting for another build of dist/");
      spawnSync("sleep", ["0.5"]);
    }
  }
  try {
    if (!stale()) return;
    const started = Date.now();
    // tsc writes the JS even when another part of the tree has a type error
    spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "ignore" });
    if (!existsSync(join(ROOT, "dist", "src", "bulk", "worker.js"))) throw new Error("npm run build did not produce dist/src/bulk/worker.js");
    // the bundled worker the pool starts (scripts/worker-build.mjs), as `npm run build` makes it
    const bundled = spawnSync(process.execPath, [join(ROOT, "scripts", "worker-build.mjs")], { cwd: ROOT, encoding: "utf8" });
    if (bundled.status !== 0) throw new Error(`scripts/worker-build.mjs failed: ${bundled.stderr}`);
    writeFileSync(STAMP, String(started));
    utimesSync(STAMP, started / 1000, started / 1000);
  } finally {
    rmdirSync(LOCK);
  }
}
