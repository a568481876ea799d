import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The browser build (esbuild): text-only use must not load the heavy loaders or Node code, and
// no output may reach for a Node built-in or a global Buffer. Sizes are the bench's business.

describe("browser build", () => {
  it("keeps pdf.js, jszip, htmlparser2, zod, chevrotain's lexer and Node-only loaders out of the text-only entry", async () => {
    const { buildLibrary } = await import("../../scripts/browser-build.mjs");
    const out = mkdtempSync(join(tmpdir(), "vanban-browser-"));
    const b = await buildLibrary(out);
    const inputs: string[] = b.textOnlyInputs;
    expect(inputs.some((i) => i.startsWith("src/stages.ts"))).toBe(true);
    // chevrotain's lexer and the regular-expression parser it reads token patterns with: the
    // outline parser is handed its tokens (src/browser/chevrotain-lexer.ts stands in)
    expect(inputs).toContain("src/browser/chevrotain-lexer.ts");
    for (const heavy of ["pdfjs-dist", "jszip", "htmlparser2", "zod", "iconv-lite", "src/load/docx.ts", "src/load/pdf/loader.ts", "src/load/ocr.ts", "src/load/doc.ts", "src/pipeline.ts", "chevrotain/lib/src/scan/lexer", "regexp-to-ast"]) {
      expect(inputs.filter((i) => i.includes(heavy)), heavy).toEqual([]);
    }
    // every loader is somewhere in the whole build, each in a chunk of its own
    const all = Object.values(b.metafile.outputs as Record<string, { inputs: Record<string, unknown> }>).flatMap((o) => Object.keys(o.inputs));
    for (const loader of ["src/load/html.ts", "src/load/rtf.ts", "src/load/docx.ts", "src/load/pdf/loader.ts"]) expect(all).toContain(loader);
    expect(all.some((i) => i.includes("src/load/ocr.ts") || i.includes("word-extractor") || i.includes("node_modules/cfb/"))).toBe(false);
    // no output imports a Node built-in (pdf.js's own `isNodeJS` branches aside); none of our
    // modules in the build touches Buffer but text/units.ts, whose guarded `nodeBuffer` the fast
    // paths read, each with a browser way beside it (unitsToString; pdf/raw.ts binaryString and holdsAscii)
    for (const f of readdirSync(out).filter((f) => f.endsWith(".js"))) {
      const js = readFileSync(join(out, f), "utf8");
      if (js.includes("PDFDocumentProxy")) continue;
      expect(/\bfrom\s*"node:|import\("node:/.test(js), f).toBe(false);
    }
    const ours = [...new Set(all)].filter((i) => i.startsWith("src/") && i !== "src/text/units.ts");
    expect(ours.filter((i) => /\bBuffer\b/.test(readFileSync(i, "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")))).toEqual([]);
    expect(b.textOnly.gz).toBeGreaterThan(10_000);
  }, 60_000);
});
