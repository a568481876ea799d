import { InputError, VanbanError } from "../errors.js";
import type { SourceFormat, Warning } from "../record/schema.js";
import { defaultOcrLookup, requireOcrEngine, wordsToItems, type OcrEngineLookup } from "./ocr.js";
import { availableParallelism } from "node:os";
import { layoutPages, type PageRows } from "./pdf/layout.js";
import { groupRows } from "./pdf/lines.js";
import { mapLimit, oneLine } from "./pdf/loader.js";
import { tiffPages } from "./tiff.js";
import type { LoadedDocument, Loader } from "./types.js";

export { imageFormat } from "./detect.js";

/**
 * Scanned pages saved as images — PNG, JPEG, TIFF (every page of a multi-page TIFF, as many
 * archives were digitised) and WebP — read by OCR like a scanned PDF, then laid out by the same
 * code as a PDF page (header columns, signature block, page furniture).
 */

/** A4's width in inches: an image of unknown resolution is taken to be a page that wide. */
const PAGE_WIDTH_INCHES = 8.27;

export interface ImageLoaderDeps {
  /** how to find an OCR engine (tests inject one, or none) */
  findOcrEngine?: OcrEngineLookup;
}

export function createImageLoader(format: SourceFormat, deps: ImageLoaderDeps = {}): Loader {
  const findOcrEngine = deps.findOcrEngine ?? defaultOcrLookup;
  return {
    format,
    async load(bytes, options = {}): Promise<LoadedDocument> {
      const file = options.path ?? null;
      const why = `the file is an image (${format.toUpperCase()}): its text can only be read by OCR`;
      if (options.ocr === false) throw new InputError("ocr-disabled", `${why}, and OCR was disabled`, file);
      const engine = await requireOcrEngine(findOcrEngine, file, why);
      let pages;
      try {
        const recognize = engine.recognizeImage?.bind(engine);
        if (!recognize) throw new Error(`the ${engine.name} engine does not read image files`);
        // a multi-page TIFF page by page: progress, a time limit that grows with the pages, and
        // tesseract.js, which reads only a file's first page
        const split = format === "tiff" ? tiffPages(bytes) : { count: 1, page: () => bytes };
        const indexes = Array.from({ length: split.count }, (_, i) => i);
        let read = 0;
        options.onOcrProgress?.({ done: 0, pages: split.count });
        const concurrency = Math.min(engine.concurrency, availableParallelism());
        pages = (await mapLimit(indexes, concurrency, async (i) => {
          const got = await recognize(split.page(i));
          options.onOcrProgress?.({ done: ++read, pages: split.count });
          return got;
        })).flat();
      } catch (err) {
        if (err instanceof VanbanError) throw err;
        throw new VanbanError("ocr-failed", `OCR failed (${engine.name}): ${oneLine((err as Error).message)}`, file, { cause: err });
      } finally {
        await engine.close().catch(() => undefined);
      }
      // coordinates in points, as for a PDF page: the image's width is an A4 page's
      const pageRows: PageRows[] = pages.map((p, i) => {
        const dpi = p.width > 0 ? p.width / PAGE_WIDTH_INCHES : 300;
        const scale = 72 / dpi;
        return { page: i + 1, width: p.width * scale, height: p.height * scale, rows: groupRows(wordsToItems(p.words, dpi), i + 1), ocr: true };
      });
      const laid = layoutPages(pageRows);
      const warnings: Warning[] = [{ code: "ocr", message: `text read by OCR (${engine.name}) from ${pages.length === 1 ? "an image" : `${pages.length} pages of an image`}; check it` }];
      if (!laid.lines.some((l) => /\p{L}/u.test(l.text))) warnings.push({ code: "no-text", message: "no text found in the image" });
      return { format, pages: pages.length, lines: laid.lines, ocr: true, ocrEngine: engine.name, warnings };
    },
  };
}
