import { CorruptFileError, InputError, UnsupportedFormatError } from "../errors.js";
import type { SourceFormat } from "../record/schema.js";
import { docLoader } from "./doc.js";
import { docxLoader } from "./docx.js";
import { htmlLoader } from "./html.js";
import { createImageLoader, imageFormat } from "./image.js";
import { pdfLoader } from "./pdf.js";
import { rtfLoader } from "./rtf.js";
import { markdownLoader, textLoader } from "./text.js";
import { oleFormat, refuseOtherKinds, zipFormat } from "./sniff.js";
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

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * Where `%PDF-` starts within the first 1024 bytes, or -1: PDF readers (Acrobat, pdf.js, poppler)
 * accept junk before the header, and some upload tools leave some there.
 */
export function pdfHeaderAt(bytes: Uint8Array): number {
  const n = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < n; i++) if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return i;
  return -1;
}

/** Skips a UTF-8 BOM and leading whitespace, for sniffing text formats. */
function head(bytes: Uint8Array, n = 512): string {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return new TextDecoder("latin1").decode(bytes.subarray(i, i + n)).trimStart();
}

/** Share of bytes that no text file contains (NUL and most C0 controls). */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0 || (c < 8) || (c > 13 && c < 27 && c !== 0x1f)) bad++;
  }
  return n ? bad / n : 0;
}

/**
 * The format of a file, decided by its content first (magic bytes) and its name only to tell
 * plain text from Markdown. A name that contradicts the content gets a warning, not an error.
 */
export function detectFormat(bytes: Uint8Array, path?: string): SourceFormat {
  const file = path ?? null;
  if (bytes.length === 0) throw new InputError("empty-file", "the file is empty", file);
  if (pdfHeaderAt(bytes) >= 0) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // a zip: Word, Excel or PowerPoint by its entries' names; other kinds refused by name
    return zipFormat(bytes, file);
  }
  // a compound file: Word, Excel or PowerPoint 97–2003 by its streams; Visio, Publisher… refused by name
  const image = imageFormat(bytes);
  if (image) return image;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleFormat(bytes, file);
  refuseOtherKinds(bytes, file);
  const start = head(bytes);
  if (start.startsWith("{\\rtf")) return "rtf";
  if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta)/i.test(start)) return "html";
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return extFormat(path) === "md" ? "md" : "txt";
  if (binaryShare(bytes) > 0.02) {
    throw new UnsupportedFormatError("unsupported-format", "binary content of a kind vanban does not read (not PDF, Word, Excel, PowerPoint, RTF, HTML, an image or text)", file);
  }
  return extFormat(path) === "md" ? "md" : "txt";
}

function extFormat(path?: string): string | null {
  const m = /\.([a-z0-9]+)$/i.exec(path ?? "");
  return m ? m[1].toLowerCase() : null;
}

/** Reads a file's bytes into positioned lines. */
export async function loadDocument(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  const file = options.path ?? null;
  if (options.maxBytes && bytes.length > options.maxBytes) {
    throw new InputError("too-large", `the file is ${bytes.length} bytes, over the limit of ${options.maxBytes}`, file);
  }
  const format = detectFormat(bytes, options.path);
  const doc = await LOADERS[format].load(bytes, options);
  const ext = extFormat(options.path);
  const expected: Record<string, SourceFormat> = { pdf: "pdf", docx: "docx", doc: "doc", rtf: "rtf", htm: "html", html: "html", xls: "xls", ppt: "ppt", xlsx: "xlsx", pptx: "pptx", png: "png", jpg: "jpeg", jpeg: "jpeg", tif: "tiff", tiff: "tiff", webp: "webp" };
  if (ext && expected[ext] && expected[ext] !== format) {
    doc.warnings.push({ code: "mislabelled-file", message: `the file is named .${ext} but its content is ${format}` });
  }
  return doc;
}

/** Wraps an unexpected failure inside a loader into an error that names the file. */
export function corrupt(format: string, err: unknown, file: string | null): CorruptFileError {
  const reason = err instanceof Error ? err.message : String(err);
  return new CorruptFileError("corrupt-file", `cannot read this ${format} file: ${reason}`, file, { cause: err });
}
