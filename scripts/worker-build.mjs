// Bundles the `vanban convert` worker into dist/worker/ (run by `npm run build`, after tsc).
//
// Why: a worker's start-up was mostly Node's module loader going through tsc's ~160 output files
// (resolving, reading, compiling each one: ~700 M instructions a worker, counted under valgrind
// with the bare worker's ~680 M apart). One file with its lazily loaded loaders in chunks beside it,
// chevrotain inside without its lexer, costs ~500 M, and a warm document no more than through tsc's
// modules (its top-level `const`s given back, see bundle-common.mjs). The pool starts this bundle when it is at
// least as new as tsc's own worker (src/bulk/pool.ts `defaultWorkerUrl`), so a tsc run alone
// never leaves an older bundle in use. Nothing is minified: a stack trace still names our functions.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chevrotainStatic, restoreTopLevelConstIn } from "./bundle-common.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "worker");

/** chevrotain and what it is made of are bundled; every other package is imported from node_modules. */
const bundled = /^(chevrotain|@chevrotain\/|lodash-es)/;

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { worker: "src/bulk/worker.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "[name]-[hash]",
  logLevel: "warning",
  absWorkingDir: root,
  plugins: [
    chevrotainStatic(root),
    {
      name: "packages-outside",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (a) => (a.kind === "entry-point" || bundled.test(a.path) ? undefined : { path: a.path, external: true }));
      },
    },
  ],
});
// esbuild wrote the top-level `const`s as `var`s, which V8 does not fold (bundle-common.mjs says more)
restoreTopLevelConstIn(outdir);
