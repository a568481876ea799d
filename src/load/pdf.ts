import { dirname } from "node:path";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { defaultOcrLookup, OCR_INSTALL_HINT, pdftoppmRenderer, requireOcrEngine, wordsToItems } from "./ocr.js";
import { createPdfLoaderFor, type PdfJs, type PdfLoaderDeps, type PdfPlatform } from "./pdf/loader.js";
import type { Loader } from "./types.js";

export { legacyShare, stripSubset, OCR_DPI, type PdfLoaderDeps } from "./pdf/loader.js";

let pdfjsPromise: Promise<PdfJs> | null = null;

/** Node: pdf.js's legacy build, its data folders read with fs, tesseract and pdftoppm for scans. */
const nodePlatform: PdfPlatform = {
  pdfjs() {
    pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs");
    return pdfjsPromise;
  },
  dataUrls() {
    const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
    return { cMapUrl: `${root}/cmaps/`, standardFontDataUrl: `${root}/standard_fonts/`, wasmUrl: `${root}/wasm/` };
  },
  parallelism: availableParallelism,
  findOcrEngine: defaultOcrLookup,
  ocrInstallHint: OCR_INSTALL_HINT,
  requireOcrEngine,
  externalRenderer: pdftoppmRenderer,
  wordsToItems,
};

/** A PDF loader; `deps` lets tests choose the OCR engine. */
export function createPdfLoader(deps: PdfLoaderDeps = {}): Loader {
  return createPdfLoaderFor(nodePlatform, deps);
}

export const pdfLoader: Loader = createPdfLoader();
