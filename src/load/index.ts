import { CorruptFileError, isEngineLimit, LimitError, readableReason, toVanbanError, VanbanError } from "../errors.js";
import type { SourceFormat } from "../record/schema.js";
import { markdownLoader, textLoader } from "./text.js";
import { oleFormat } from "./sniff.js";
import { detectFormatWith, warnIfMislabelled } from "./detect.js";
import type { LoadedDocument, Loader, LoadOptions } from "./types.js";

export type { LoadedDocument, Loader, LoadOptions, SourceLine, TextRun, LayoutBlock } from "./types.js";

/**
 * Each loader is imported when its first file comes (pdf.js, mammoth, the zip and OLE readers
 * cost about half a second of CPU to import; HTML's parser, ~30 modules, a tenth of a worker's
 * start-up): a batch of text files, and a `convert` worker before its first PDF, never pay for them.
 * A string read as HTML synchronously (parseText) goes through ./text-input.js instead.
 */
const LOADERS: Record<SourceFormat, () => Promise<Loader>> = {
  pdf: async () => (await import("./pdf.js")).pdfLoader,
  docx: async () => (await import("./docx.js")).docxLoader,
  doc: async () => (await import("./doc.js")).docLoader,
  rtf: async () => (await import("./rtf.js")).rtfLoader,
  html: async () => (await import("./html.js")).htmlLoader,
  txt: async () => textLoader,
  md: async () => markdownLoader,
  xls: async () => (await import("./xls.js")).xlsLoader,
  ppt: async () => (await import("./ppt.js")).pptLoader,
  xlsx: async () => (await import("./xlsx.js")).xlsxLoader,
  pptx: async () => (await import("./pptx.js")).pptxLoader,
  png: async () => (await import("./image.js")).createImageLoader("png"),
  jpeg: async () => (await import("./image.js")).createImageLoader("jpeg"),
  tiff: async () => (await import("./image.js")).createImageLoader("tiff"),
  webp: async () => (await import("./image.js")).createImageLoader("webp"),
};

export { pdfHeaderAt } from "./detect.js";

/**
 * The format of a file, decided by its content first (magic bytes) and its name only to tell
 * plain text from Markdown. A name that contradicts the content gets a warning, not an error.
 */
export function detectFormat(bytes: Uint8Array, path?: string, hint?: SourceFormat): SourceFormat {
  return detectFormatWith(bytes, path, oleFormat, hint);
}

/** Reads a file's bytes into positioned lines. */
export async function loadDocument(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  const file = options.path ?? null;
  if (options.maxBytes && bytes.length > options.maxBytes) {
    throw new LimitError("too-large", `the file is ${bytes.length} bytes, over the limit of ${options.maxBytes}`, file);
  }
  const format = detectFormat(bytes, options.path, options.format);
  const doc = await (await LOADERS[format]()).load(bytes, options);
  warnIfMislabelled(doc, format, options.path, options.format);
  return doc;
}

/** Wraps an unexpected failure inside a loader into an error that names the file. */
export function corrupt(format: string, err: unknown, file: string | null): VanbanError {
  if (err instanceof VanbanError) return err;
  if (isEngineLimit(err)) return toVanbanError(err, file, `reading this ${format} file`);
  // a library's own words when they read as a reason; never JavaScript's
  const reason = readableReason(err) ?? "its structure is damaged";
  return new CorruptFileError("corrupt-file", `cannot read this ${format} file: ${reason}`, file, { cause: err });
}
