#!/usr/bin/env node
// Times the PDF loader against bare pdf.js `getTextContent` over every page of one file, in the
// same run, alternating, and prints medians, pages/s and the ratio (loader speed / bare speed).
// Needs `npm run build` first (it loads dist/).
//   node scripts/measure-pdf.mjs [file.pdf] [runs]
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";

const file = process.argv[2] ?? "/work/shared/corpus/real/010.pdf";
const runs = Number(process.argv[3] ?? 5);
const bytes = new Uint8Array(readFileSync(file));
const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
const { pdfLoader } = await import("../dist/src/load/pdf.js");
const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));

async function bare() {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes), cMapUrl: `${root}/cmaps/`, cMapPacked: true, standardFontDataUrl: `${root}/standard_fonts/`,
    wasmUrl: `${root}/wasm/`, isEvalSupported: false, disableFontFace: true, verbosity: 0,
  }).promise;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    await page.getTextContent();
    page.cleanup();
  }
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

async function loader() {
  const d = await pdfLoader.load(bytes, { path: file, ocr: false });
  return d.pages;
}

function pdftotext() {
  try {
    execFileSync("pdftotext", ["-layout", file, "-"], { stdio: ["ignore", "ignore", "ignore"] });
    return true;
  } catch {
    return false;
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn) => { const t = performance.now(); const n = await fn(); return { ms: performance.now() - t, n }; };

// warm up both (JIT, pdf.js module, font data)
await bare();
await loader();
const t = { bare: [], loader: [], poppler: [] };
let pages = 0;
let havePoppler = true;
for (let i = 0; i < runs; i++) {
  const a = await time(bare);
  const b = await time(loader);
  pages = a.n;
  t.bare.push(a.ms);
  t.loader.push(b.ms);
  if (havePoppler) {
    const c = await time(async () => pdftotext());
    havePoppler = c.n;
    if (havePoppler) t.poppler.push(c.ms);
  }
}
const rate = (ms) => (pages / (ms / 1000)).toFixed(1);
const mb = median(t.bare), ml = median(t.loader);
console.log(`file ${file}: ${pages} pages, ${runs} runs each, medians`);
console.log(`bare pdf.js getTextContent: ${mb.toFixed(0)} ms  ${rate(mb)} pages/s`);
console.log(`vanban PDF loader:          ${ml.toFixed(0)} ms  ${rate(ml)} pages/s`);
if (t.poppler.length) console.log(`pdftotext -layout (floor):  ${median(t.poppler).toFixed(0)} ms  ${rate(median(t.poppler))} pages/s`);
console.log(`ratio loader/bare speed: ${((mb / ml) * 100).toFixed(0)}%`);
