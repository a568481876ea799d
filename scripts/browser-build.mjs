// Builds vanban for the browser with esbuild: the library (`vanban/browser`, dist/browser/) and the
// playground (playground/dist/), each with pdf.js's worker and data folders beside it under pdfjs/.
// The code is split so that loaders come on demand: text-only use loads the entry and its static
// chunks; HTML, RTF, DOCX and PDF (pdf.js) each add their chunk the first time a file needs it.
import { build } from "esbuild";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chevrotainStatic, utf8OnTextDecoder } from "./bundle-common.mjs";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

const common = {
  bundle: true,
  format: "esm",
  splitting: true,
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  // iconv-lite needs Node's Buffer: the loaders' two calls go to TextDecoder instead
  alias: { "iconv-lite": "./src/browser/iconv.ts" },
  // chevrotain imported statically, its lexer left out; UTF-8 read by TextDecoder (scripts/bundle-common.mjs)
  plugins: [chevrotainStatic(root), utf8OnTextDecoder(root)],
  // pdf.js reaches for these only when it runs in Node
  external: ["fs", "module", "url", "path", "http", "https", "zlib", "stream", "@napi-rs/canvas", "node:*"],
  absWorkingDir: root,
};

function copyPdfAssets(outdir) {
  const dest = join(outdir, "pdfjs");
  mkdirSync(dest, { recursive: true });
  cpSync(join(pdfjsRoot, "legacy/build/pdf.worker.min.mjs"), join(dest, "pdf.worker.mjs"));
  for (const d of ["cmaps", "standard_fonts", "wasm"]) cpSync(join(pdfjsRoot, d), join(dest, d), { recursive: true });
}

/** Bytes (raw, gzipped) of an output file and every chunk it imports statically. */
function closure(metafile, outdir, entryOut) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of metafile.outputs[file]?.imports ?? []) if (imp.kind === "import-statement") visit(imp.path);
  };
  visit(entryOut);
  return sizes([...seen].map((f) => resolve(root, f)));
}

/** Source files bundled into an output and the chunks it imports statically (what text-only use loads). */
function inputsOf(metafile, entryOut) {
  const seen = new Set(), inputs = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of Object.keys(metafile.outputs[file]?.inputs ?? {})) inputs.add(i);
    for (const imp of metafile.outputs[file]?.imports ?? []) if (imp.kind === "import-statement") visit(imp.path);
  };
  visit(entryOut);
  return [...inputs];
}

function sizes(files) {
  let raw = 0, gz = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gz };
}

/** Builds `entryPoints` into `outdir`; returns the bundle sizes (text-only entry, everything). */
async function bundle(entryPoints, outdir, extra = {}) {
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({ ...common, entryPoints, outdir, entryNames: "[name]", chunkNames: "[name]-[hash]", ...extra });
  copyPdfAssets(outdir);
  return result.metafile;
}

/** The library: dist/browser/vanban.js. */
export async function buildLibrary(outdir = join(root, "dist/browser")) {
  const metafile = await bundle({ vanban: "src/browser/index.ts" }, outdir);
  const outputs = Object.keys(metafile.outputs).filter((f) => f.endsWith(".js"));
  const entry = outputs.find((f) => f.endsWith("/vanban.js"));
  const all = sizes(outputs.map((f) => resolve(root, f)));
  const worker = sizes([join(outdir, "pdfjs/pdf.worker.mjs")]);
  return { textOnly: closure(metafile, outdir, entry), full: all, pdfWorker: worker, files: outputs.length, textOnlyInputs: inputsOf(metafile, entry), metafile };
}

/** The playground: playground/dist/ (index.html, app.js, chunks, pdfjs/). */
export async function buildPlayground(outdir = join(root, "playground/dist")) {
  await bundle({ app: "playground/app.ts" }, outdir);
  cpSync(join(root, "playground/index.html"), join(outdir, "index.html"));
  cpSync(join(root, "playground/style.css"), join(outdir, "style.css"));
  return outdir;
}

export const kb = (n) => `${(n / 1024).toFixed(0)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const s = await buildLibrary();
  console.log(`browser build: dist/browser (${s.files} files)`);
  console.log(`  text-only entry: ${kb(s.textOnly.raw)} minified, ${kb(s.textOnly.gz)} gzipped`);
  console.log(`  full (every loader, pdf.js): ${kb(s.full.raw)} minified, ${kb(s.full.gz)} gzipped; + pdf.js worker ${kb(s.pdfWorker.raw)} (${kb(s.pdfWorker.gz)} gzipped)`);
  void statSync;
}
