#!/usr/bin/env node
// Benchmark of `vanban convert`, end to end (the CLI as a child process, worker threads and all).
//
//   npm run bench                 full: 20,000 two-page text documents, the real PDFs ×3
//   npm run bench -- --quick      a minute or two: 1,000 text documents, the real PDFs ×1
//   options: --files N (text documents), --pdf-copies N, --no-build, --json FILE, --keep
//
// Reports text docs/s and PDF pages/s on 1 core and on all cores, the scaling factor, peak RSS of
// the whole process (main thread + workers, from /proc VmHWM), and for the same PDFs the pages/s
// of bare pdf.js text extraction and of `pdftotext` (poppler-utils) when installed, as ratios.
// Machines here are shared and noisy: compare ratios measured in the same run, not absolutes.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequire } from "node:module";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : def;
};
const quick = flag("--quick");
const textFiles = Number(value("--files", quick ? 1000 : 20000));
const pdfCopies = Number(value("--pdf-copies", quick ? 1 : 3));
const cores = availableParallelism();
const log = (s) => process.stderr.write(s + "\n");

// targets of issue 5
const TARGETS = { textDocsPerCore: 2000, pdfVsPdfjs: 0.8, scaling2: 1.8, peakRssMb: 300, peakRssBatch: 20000 };
// budget of the browser build (issue 13; README), gzipped bytes
const BROWSER_BUDGET = { textOnlyGz: 120 * 1024, fullGz: 550 * 1024 };

if (!flag("--no-build")) {
  log("bench: npm run build");
  spawnSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}
if (!existsSync(join(root, "dist", "src", "bulk", "worker.js"))) {
  log("bench: dist/ is not built (npm run build)");
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), "vanban-bench-"));
process.on("exit", () => {
  if (!flag("--keep")) rmSync(work, { recursive: true, force: true });
});

function walk(dir, test, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, test, out);
    else if (test(e.name)) out.push(p);
  }
  return out;
}

// ---------- the text corpus: two-page documents made from the fixtures ----------
/** Repeats the body paragraphs (the long lines) in place until the text is about two pages. */
function twoPages(text, chars = 5000) {
  const lines = text.split(/\r?\n/);
  const long = lines.map((l, i) => (l.trim().length > 60 ? i : -1)).filter((i) => i >= 0);
  if (!long.length) return text;
  const [a, b] = [long[0], long[long.length - 1]];
  const body = lines.slice(a, b + 1);
  const out = [...lines.slice(0, b + 1)];
  let size = out.join("\n").length + lines.slice(b + 1).join("\n").length;
  while (size < chars) {
    out.push(...body);
    size += body.join("\n").length;
  }
  return [...out, ...lines.slice(b + 1)].join("\n");
}

const textSources = walk(join(root, "fixtures"), (n) => /\.txt$/i.test(n))
  .map((p) => readFileSync(p, "utf8"))
  .filter((t) => t.length > 500 && /Số:/.test(t))
  .map((t) => twoPages(t));
if (!textSources.length) {
  log("bench: no text fixtures with a document number under fixtures/");
  process.exit(1);
}
const textDir = join(work, "text");
for (let i = 0; i < textFiles; i++) {
  const dir = join(textDir, String(Math.floor(i / 1000)).padStart(3, "0"));
  if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
  const src = textSources[i % textSources.length];
  writeFileSync(join(dir, `vb-${String(i).padStart(6, "0")}.txt`), src.replace(/Số:\s*\d*/, `Số: ${i + 1}`));
}
const avgChars = Math.round(textSources.reduce((n, t) => n + t.length, 0) / textSources.length);
log(`bench: ${textFiles} text documents (${textSources.length} kinds, ~${avgChars} characters each) in ${textDir}`);

// ---------- the PDF corpus: PDFs with a text layer (scanned ones would measure OCR) ----------
const require = createRequire(join(root, "package.json"));
const pdfjsRoot = dirname(require.resolve("pdfjs-dist/package.json"));
const pdfjs = await import(pathToFileURL(join(pdfjsRoot, "legacy", "build", "pdf.mjs")).href);
const pdfjsOptions = {
  cMapUrl: `${pdfjsRoot}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`, wasmUrl: `${pdfjsRoot}/wasm/`,
  isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
};
/** Bare pdf.js: every page's getTextContent(), nothing else. Returns pages and characters. */
async function pdfjsText(bytes) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), ...pdfjsOptions }).promise;
  let chars = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent();
    for (const it of tc.items) chars += it.str?.length ?? 0;
    page.cleanup();
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, chars };
}

const pdfCandidates = [...walk(join(root, "..", "shared", "corpus", "real"), (n) => /\.pdf$/i.test(n)), ...walk(join(root, "fixtures"), (n) => /\.pdf$/i.test(n))];
const pdfs = [];
for (const p of pdfCandidates) {
  try {
    const { pages, chars } = await pdfjsText(readFileSync(p));
    if (chars / pages >= 200) pdfs.push({ path: p, pages });
  } catch {
    // broken on purpose (fixtures of damaged files): not a speed sample
  }
}
const pdfDir = join(work, "pdf");
mkdirSync(pdfDir, { recursive: true });
for (let c = 0; c < pdfCopies; c++) for (const [i, p] of pdfs.entries()) copyFileSync(p.path, join(pdfDir, `${c}-${i}-${basename(p.path)}`));
const pdfPages = pdfs.reduce((n, p) => n + p.pages, 0);
log(`bench: ${pdfs.length} PDFs with a text layer (${pdfPages} pages) ×${pdfCopies}, of ${pdfCandidates.length} found`);

// ---------- runs ----------
/** Runs the CLI; polls the child's VmHWM (peak RSS, threads included). */
function convert(input, jobs, extra = []) {
  return new Promise((resolvePromise, reject) => {
    const summary = join(work, `summary-${Date.now()}-${jobs}.json`);
    const out = join(work, `out-${Date.now()}-${jobs}.jsonl`);
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, "bin", "vanban.js"), "convert", input, "--out", out, "--jobs", String(jobs), "--no-ocr", "-q", "--summary", summary, ...extra], { stdio: ["ignore", "ignore", "inherit"] });
    let peakKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        // gone, or no /proc
      }
    }, 100);
    child.on("close", (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`convert exited ${code}`));
      const s = JSON.parse(readFileSync(summary, "utf8"));
      rmSync(out, { force: true });
      resolvePromise({ ...s, wallSeconds: (performance.now() - started) / 1000, peakRssMb: peakKb ? Math.round(peakKb / 1024) : s.peakRssMb });
    });
    child.on("error", reject);
  });
}

const results = { machine: { cores, node: process.version }, quick, corpus: { textFiles, textChars: avgChars, pdfFiles: pdfs.length * pdfCopies, pdfPages: pdfPages * pdfCopies } };

// text on one core: a fifth of the batch (every 5th file, so all kinds are there)
const oneCoreShare = quick ? 2 : 5;
log(`bench: text, 1 worker, ${Math.ceil(textFiles / oneCoreShare)} files…`);
const text1 = await convert(textDir, 1, ["--shard", `1/${oneCoreShare}`]);
log(`bench: text, ${cores} workers, ${textFiles} files…`);
const textN = await convert(textDir, cores);
results.text = {
  docsPerSecond1: round(text1.done / text1.seconds),
  docsPerSecondAll: round(textN.done / textN.seconds),
  scaling: round(text1.seconds / text1.done / (textN.seconds / textN.done), 2),
  failed: text1.status.error + textN.status.error,
  peakRssMb: textN.peakRssMb,
  batch: textN.done,
};

if (pdfs.length) {
  log(`bench: PDF, 1 worker…`);
  const pdf1 = await convert(pdfDir, 1);
  log(`bench: PDF, ${cores} workers…`);
  const pdfN = await convert(pdfDir, cores);
  log("bench: bare pdf.js, one thread…");
  let t = performance.now();
  let pages = 0;
  for (let c = 0; c < pdfCopies; c++) for (const p of pdfs) pages += (await pdfjsText(readFileSync(p.path))).pages;
  const pdfjsPagesPerSecond = pages / ((performance.now() - t) / 1000);
  let pdftotext = null;
  if (spawnSync("pdftotext", ["-v"]).status === 0) {
    log("bench: pdftotext -layout, one process at a time…");
    t = performance.now();
    for (let c = 0; c < pdfCopies; c++) for (const p of pdfs) spawnSync("pdftotext", ["-layout", p.path, "-"], { stdio: "ignore" });
    pdftotext = pdfPages * pdfCopies / ((performance.now() - t) / 1000);
  }
  results.pdf = {
    pagesPerSecond1: round(pdf1.pages / pdf1.seconds),
    pagesPerSecondAll: round(pdfN.pages / pdfN.seconds),
    scaling: round(pdfN.pages / pdfN.seconds / (pdf1.pages / pdf1.seconds), 2),
    failed: pdf1.status.error,
    peakRssMb: pdfN.peakRssMb,
    pdfjsPagesPerSecond: round(pdfjsPagesPerSecond),
    vsPdfjs: round(pdf1.pages / pdf1.seconds / pdfjsPagesPerSecond, 3),
    pdftotextPagesPerSecond: pdftotext && round(pdftotext),
    vsPdftotext: pdftotext && round(pdf1.pages / pdf1.seconds / pdftotext, 4),
  };
}

// ---------- the check stage (issue 14): its cost on top of parsing a two-page document ----------
{
  log("bench: vanban check on the two-page fixture (docx, pdf)…");
  const lib = await import(pathToFileURL(join(root, "dist", "src", "index.js")).href);
  const { loadDocument } = await import(pathToFileURL(join(root, "dist", "src", "load", "index.js")).href);
  results.check = {};
  for (const ext of ["docx", "pdf"]) {
    const bytes = readFileSync(join(root, "fixtures", `cong-van-ubnd.${ext}`));
    const stages = lib.parseStages(await loadDocument(bytes, { fonts: true }), { sha256: "bench" });
    for (let i = 0; i < 50; i++) lib.checkStages(stages); // warm-up
    const n = 500, t0 = performance.now();
    for (let i = 0; i < n; i++) lib.checkStages(stages);
    results.check[ext] = round((performance.now() - t0) / n, 3);
  }
}

function round(x, digits = 1) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

// ---------- report ----------
const mark = (ok) => (ok ? "✓" : "✗");
const r = results;
const lines = [
  `vanban bench (${quick ? "quick" : "full"}; ${cores} cores, Node ${process.version})`,
  `  text  (${r.text.batch} docs, ~${avgChars} chars): ${r.text.docsPerSecond1} docs/s on 1 core, ${r.text.docsPerSecondAll} on ${cores}; scaling ×${r.text.scaling}; peak RSS ${r.text.peakRssMb} MB`,
];
if (r.pdf) {
  lines.push(
    `  PDF   (${r.corpus.pdfFiles} files, ${r.corpus.pdfPages} pages): ${r.pdf.pagesPerSecond1} pages/s on 1 core, ${r.pdf.pagesPerSecondAll} on ${cores}; scaling ×${r.pdf.scaling}; peak RSS ${r.pdf.peakRssMb} MB`,
    `  bare pdf.js getTextContent: ${r.pdf.pdfjsPagesPerSecond} pages/s (vanban end to end = ${Math.round(r.pdf.vsPdfjs * 100)}% of it)`,
    r.pdf.pdftotextPagesPerSecond ? `  pdftotext -layout: ${r.pdf.pdftotextPagesPerSecond} pages/s (vanban = ${(r.pdf.vsPdftotext * 100).toFixed(2)}% of it)` : "  pdftotext: not installed (apt-get install poppler-utils)",
  );
} else lines.push("  PDF: no PDFs with a text layer found (../shared/corpus/real, fixtures/)");
lines.push(`  check stage (two-page document, after parsing): ${r.check.docx} ms (docx), ${r.check.pdf} ms (pdf)`);
lines.push(
  "targets:",
  `  ${mark(Math.max(r.check.docx, r.check.pdf) <= 2)} check ≤ 2 ms on top of parsing a two-page document: ${Math.max(r.check.docx, r.check.pdf)} ms`,
  `  ${mark(r.text.docsPerSecond1 >= TARGETS.textDocsPerCore)} text ≥ ${TARGETS.textDocsPerCore} docs/s per core: ${r.text.docsPerSecond1}`,
  r.pdf ? `  ${mark(r.pdf.vsPdfjs >= TARGETS.pdfVsPdfjs)} PDF end to end ≥ ${TARGETS.pdfVsPdfjs * 100}% of bare pdf.js: ${Math.round(r.pdf.vsPdfjs * 100)}%` : "  - PDF: not measured",
  cores >= 2
    ? `  ${mark(r.text.scaling >= TARGETS.scaling2 && (!r.pdf || r.pdf.scaling >= TARGETS.scaling2))} ≥ ${TARGETS.scaling2}× on ${cores} cores: text ×${r.text.scaling}${r.pdf ? `, PDF ×${r.pdf.scaling}` : ""}`
    : "  - scaling: one core only",
  r.text.batch >= TARGETS.peakRssBatch
    ? `  ${mark(r.text.peakRssMb < TARGETS.peakRssMb)} peak RSS < ${TARGETS.peakRssMb} MB on a ${r.text.batch}-file batch: ${r.text.peakRssMb} MB`
    : `  - peak RSS target is for a ${TARGETS.peakRssBatch}-file batch (this one: ${r.text.batch} files, ${r.text.peakRssMb} MB)`,
);
// the browser build's size (issue 13): what text-only use downloads, and everything
{
  const { buildLibrary, kb } = await import("./browser-build.mjs");
  const { metafile: _m, textOnlyInputs: _i, ...b } = await buildLibrary(join(work, "browser"));
  results.browser = b;
  lines.push(
    "browser bundle (esbuild, minified):",
    `  ${mark(b.textOnly.gz <= BROWSER_BUDGET.textOnlyGz)} text-only entry ≤ ${kb(BROWSER_BUDGET.textOnlyGz)} gzipped: ${kb(b.textOnly.raw)} (${kb(b.textOnly.gz)} gzipped)`,
    `  ${mark(b.full.gz <= BROWSER_BUDGET.fullGz)} full (every loader, pdf.js) ≤ ${kb(BROWSER_BUDGET.fullGz)} gzipped: ${kb(b.full.raw)} (${kb(b.full.gz)} gzipped); pdf.js worker ${kb(b.pdfWorker.raw)} (${kb(b.pdfWorker.gz)} gzipped)`,
  );
}
console.log(lines.join("\n"));
const jsonOut = value("--json");
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + "\n");
