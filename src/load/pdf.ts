import { dirname } from "node:path";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defaultOcrLookup, OCR_INSTALL_HINT, pdftoppmRenderer, requireOcrEngine, wordsToItems } from "./ocr.js";
import { createPdfLoaderFor, type PdfJs, type PdfLoaderDeps, type PdfPlatform } from "./pdf/loader.js";
import { lazily } from "../text/lazy.js";
import { containPdfjsRejections } from "./pdf/rejections.js";
import type { Loader } from "./types.js";

export { legacyShare, stripSubset, OCR_DPI, type PdfLoaderDeps } from "./pdf/loader.js";

let pdfjsPromise: Promise<PdfJs> | null = null;

/**
 * pdf.js's legacy build (the one for Node) installs core-js polyfills for the whole process, and
 * two of them replace built-ins Node has with slower copies: `Array.prototype.push` (about ten
 * times slower, and every stage pushes) and `JSON.parse`. Node's own are kept here, before pdf.js
 * is first imported, and put back once pdf.js and its worker code have loaded; the polyfills of
 * what Node lacks (Promise.withResolvers, Iterator helpers…) stay.
 */
const NATIVES: [object, string, unknown][] = [
  [Array.prototype, "push", Array.prototype.push],
  [JSON, "parse", JSON.parse],
];
const isNative = (f: unknown) => typeof f === "function" && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));

function restoreNatives(): void {
  for (const [owner, key, native] of NATIVES) {
    if (!isNative(native) || (owner as Record<string, unknown>)[key] === native) continue;
    Object.defineProperty(owner, key, { value: native, writable: true, enumerable: false, configurable: true });
  }
}

/** Node: pdf.js's legacy build, its data folders read with fs, tesseract and pdftoppm for scans. */
const nodePlatform: PdfPlatform = {
  pdfjs() {
    pdfjsPromise ??= (async () => {
      const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
      // the worker code runs in this thread ("fake worker"); loaded now, its polyfills come in
      // before the natives go back (pdf.js finds it in `globalThis.pdfjsWorker`)
      // @ts-expect-error -- pdfjs-dist ships no types for its worker module
      await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
      restoreNatives();
      return lib;
    })();
    return pdfjsPromise;
  },
  // found once, not again for every file (a module resolution, some 80 µs)
  dataUrls: lazily(() => {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: `${root}/cmaps/`, standardFontDataUrl: `${root}/standard_fonts/`, wasmUrl: `${root}/wasm/` };
  }),
  parallelism: availableParallelism,
  findOcrEngine: defaultOcrLookup,
  ocrInstallHint: OCR_INSTALL_HINT,
  requireOcrEngine,
  externalRenderer: pdftoppmRenderer,
  wordsToItems,
};

/** A PDF loader; `deps` lets tests choose the OCR engine. */
export function createPdfLoader(deps: PdfLoaderDeps = {}): Loader {
  const loader = createPdfLoaderFor(nodePlatform, deps);
  return { ...loader, load: (bytes, options) => containPdfjsRejections(() => loader.load(bytes, options)) };
}

export const pdfLoader: Loader = createPdfLoader();
