import { MissingDependencyError } from "../errors.js";
import { createPdfLoaderFor, type PdfJs, type PdfPlatform } from "../load/pdf/loader.js";
import type { Loader } from "../load/types.js";
import { pdfAssets } from "./pdf-assets.js";

const NO_OCR = "the browser build has no OCR: read scanned documents with vanban in Node (tesseract)";

let pdfjsPromise: Promise<PdfJs> | null = null;

/** A browser: the same pdf.js build as in Node, its parsing in a web worker, its data fetched by URL. */
const browserPlatform: PdfPlatform = {
  pdfjs() {
    pdfjsPromise ??= import("pdfjs-dist/legacy/build/pdf.mjs").then((lib) => {
      lib.GlobalWorkerOptions.workerSrc = pdfAssets().workerSrc;
      return lib;
    });
    return pdfjsPromise;
  },
  dataUrls() {
    const base = pdfAssets().dataUrl;
    return { cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/`, wasmUrl: `${base}wasm/` };
  },
  parallelism: () => 1,
  findOcrEngine: async () => null,
  ocrInstallHint: NO_OCR,
  async requireOcrEngine(_lookup, file, why) {
    throw new MissingDependencyError("ocr-unavailable", `${why}, and ${NO_OCR}`, file);
  },
  externalRenderer: () => null,
  wordsToItems: () => [],
};

export const browserPdfLoader: Loader = createPdfLoaderFor(browserPlatform);
