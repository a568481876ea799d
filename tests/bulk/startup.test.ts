import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "./build.js";

const root = resolve(import.meta.dirname, "../..");

/**
 * The packages and modules a module loads before it runs, following its static imports (not
 * `import type`, which the compiler drops, nor `await import()`, which waits until it is called).
 */
function staticGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (modules.has(file)) return;
    modules.add(file);
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gms)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(resolve(root, entry));
  return { modules, packages };
}

describe("a convert worker's start-up", () => {
  // zod was a third of a worker's start-up CPU (~70 of ~220 ms): a worker checks records with the
  // compiled check (record/exact.ts) and loads zod only for a record that is not in the schema's form
  it("loads neither zod nor the zod schema until a record needs it", () => {
    const { modules, packages } = staticGraph("src/bulk/worker.ts");
    expect(modules.has(resolve(root, "src/run.ts"))).toBe(true);
    expect(modules.has(resolve(root, "src/record/exact.ts"))).toBe(true);
    expect(packages.has("zod")).toBe(false);
    expect(modules.has(resolve(root, "src/record/schema.ts"))).toBe(false);
    expect(modules.has(resolve(root, "src/pipeline.ts"))).toBe(false);
  });

  it("the public pipeline still loads the schema (parse validates by default)", () => {
    const { modules, packages } = staticGraph("src/pipeline.ts");
    expect(modules.has(resolve(root, "src/record/schema.ts"))).toBe(true);
    expect(packages.has("zod")).toBe(true);
  });
});

describe("the worker the pool starts", () => {
  it("is the bundle (dist/worker/), which loads no package before its first file", async () => {
    ensureBuilt();
    const { defaultWorkerUrl } = await import("../../src/bulk/pool.js");
    const url = defaultWorkerUrl();
    expect(url.pathname).toBe(resolve(root, "dist/worker/worker.js"));
    // chevrotain is inside; pdf.js, zod, jszip… are imported by the chunks that need them, later
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const m of readFileSync(file, "utf8").matchAll(/^(?:import|export)\s[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gms)) {
        const spec = m[1] ?? m[2]!;
        if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
        else packages.add(spec);
      }
    };
    visit(url.pathname);
    expect(seen.size).toBeLessThan(40);
    expect([...packages].filter((p) => !p.startsWith("node:"))).toEqual([]);
  });

  it("is tsc's own worker when a later tsc run has left the bundle older", async () => {
    const { workerToStart } = await import("../../src/bulk/pool.js");
    const dir = mkdtempSync(join(tmpdir(), "vanban-worker-"));
    const compiled = pathToFileURL(join(dir, "compiled.js"));
    const bundled = pathToFileURL(join(dir, "bundled.js"));
    try {
      expect(() => workerToStart(compiled, bundled)).toThrow(/npm run build/);
      writeFileSync(bundled, "");
      expect(workerToStart(compiled, bundled)).toBe(bundled);
      writeFileSync(compiled, "");
      utimesSync(bundled, 1_000, 1_000);
      expect(workerToStart(compiled, bundled)).toBe(compiled);
      utimesSync(bundled, Date.now() / 1000 + 10, Date.now() / 1000 + 10);
      expect(workerToStart(compiled, bundled)).toBe(bundled);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("has its top-level declarations `const` again where nothing assigns them (V8 folds a const)", async () => {
    const { restoreTopLevelConst } = await import("../../scripts/bundle-common.mjs");
    const bundle = [
      "var LETTER = 1, SMALL = 2;",
      "var cache = null;",
      "var { a, b: [c] } = pair();",
      "var Walker = class {};",
      "var seen;",
      "var count = 0;",
      "function f() { cache = new Map(); count++; [d] = [1]; for (e of []) ; }",
      "var d = 0, e = 1;",
    ].join("\n");
    const { source, changed, kept } = restoreTopLevelConst(bundle);
    expect(source.split("\n")).toEqual([
      "const LETTER = 1, SMALL = 2;",
      "var cache = null;",
      "const { a, b: [c] } = pair();",
      "const Walker = class {};",
      "var seen;",
      "var count = 0;",
      "function f() { cache = new Map(); count++; [d] = [1]; for (e of []) ; }",
      "var d = 0, e = 1;",
    ]);
    expect({ changed, kept }).toEqual({ changed: 3, kept: 4 });
    // the built worker: esbuild's `var`s are `const` but for the few its code assigns
    ensureBuilt();
    const worker = readFileSync(resolve(root, "dist/worker/worker.js"), "utf8");
    expect(restoreTopLevelConst(worker).changed).toBe(0);
  });
});

