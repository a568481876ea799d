import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";

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
