import { CorruptFileError, InputError, isEngineLimit, LimitError, readableReason, toVanbanError, UnsupportedFormatError, VanbanError } from "../errors.js";
import type { SourceFormat } from "../record/schema.js";
import { docLoader } from "./doc.js";
import { docxLoader } from "./docx.js";
import { htmlLoader, htmlToDocument } from "./html.js";
import { createImageLoader } from "./image.js";
import { pdfLoader } from "./pdf.js";
import { rtfLoader } from "./rtf.js";
import { markdownLoader, markdownToDocument, textLoader, textToDocument } from "./text.js";
import { oleFormat } from "./sniff.js";
import { detectFormatWith, warnIfMislabelled } from "./detect.js";
import { xlsLoader } from "./xls.js";
import { pptLoader } from "./ppt.js";
import { xlsxLoader } from "./xlsx.js";
import { pptxLoader } from "./pptx.js";
import type { LoadedDocument, Loader, LoadOptions } from "./types.js";

export type { LoadedDocument, Loader, LoadOptions, SourceLine, TextRun, LayoutBlock } from "./types.js";

const LOADERS: Record<SourceFormat, Loader> = {
  pdf: pdfLoader,
  docx: docxLoader,
  doc: docLoader,
  rtf: rtfLoader,
  html: htmlLoader,
  txt: textLoader,
  md: markdownLoader,
  xls: xlsLoader,
  ppt: pptLoader,
  xlsx: xlsxLoader,
  pptx: pptxLoader,
  png: createImageLoader("png"),
  jpeg: createImageLoader("jpeg"),
  tiff: createImageLoader("tiff"),
  webp: createImageLoader("webp"),
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
  const doc = await LOADERS[format].load(bytes, options);
  warnIfMislabelled(doc, format, options.path, options.format);
  return doc;
}

/** The formats a document given as a string can be in. */
export const TEXT_FORMATS = ["txt", "md", "html"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** A document already decoded to a string, read as the format the caller names (default plain text). */
export function loadText(text: string, format: SourceFormat = "txt", file: string | null = null): LoadedDocument {
  if (format === "md") return markdownToDocument(text);
  if (format === "html") return htmlToDocument(text, file);
  if (format === "txt") return textToDocument(text);
  throw new InputError("bad-option", `text given as a string can be read as ${TEXT_FORMATS.join(", ")}, not ${format} (give a ${format} file's bytes to parseBytes)`, file);
}

/** Wraps an unexpected failure inside a loader into an error that names the file. */
export function corrupt(format: string, err: unknown, file: string | null): VanbanError {
  if (err instanceof VanbanError) return err;
  if (isEngineLimit(err)) return toVanbanError(err, file, `reading this ${format} file`);
  // a library's own words when they read as a reason; never JavaScript's
  const reason = readableReason(err) ?? "its structure is damaged";
  return new CorruptFileError("corrupt-file", `cannot read this ${format} file: ${reason}`, file, { cause: err });
}
