import { MAGIC_KINDS, ZIP_KINDS } from "../../grammars/file-kinds.js";
import { InputError, UnsupportedFormatError } from "../errors.js";
import type { SourceFormat } from "../record/schema.js";
import { bomlessUtf16, NUL_HOLE, withoutTrailingNuls } from "./text.js";
import type { LoadedDocument } from "./types.js";

/**
 * A file's format from its content (magic bytes), with no loader and no Node built-in imported,
 * so that the browser entry can use it too; compound files (OLE2) are told apart by the caller.
 */

export type ZipFormat = "docx" | "xlsx" | "pptx";

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/**
 * Where `%PDF-` starts within the first 1024 bytes, or -1: PDF readers (Acrobat, pdf.js, poppler)
 * accept junk before the header, and some upload tools leave some there.
 */
export function pdfHeaderAt(bytes: Uint8Array): number {
  const n = Math.min(bytes.length - 4, 1024);
  // from one `%` to the next, found natively (most files have none there: the signature was
  // compared at every byte, a fifth of a text file's loading), in the first n bytes only: a file
  // with no `%` there was searched to its end (~36 K instructions an 8 KB text file)
  const head = bytes.subarray(0, Math.max(0, n));
  for (let i = head.indexOf(0x25); i >= 0; i = head.indexOf(0x25, i + 1)) if (startsWith(bytes, PDF_HEADER, i)) return i;
  return -1;
}
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d];

/** One decoder for every file's first bytes (it holds no state between calls: no `stream`). */
const latin1 = new TextDecoder("latin1");

/** Skips a UTF-8 BOM and leading whitespace, for sniffing text formats. */
function head(bytes: Uint8Array, n = HEAD): string {
  const i = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  return latin1.decode(bytes.subarray(i, i + n)).trimStart();
}
const HEAD = 512;
const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** The first byte of {@link head}'s text (a Latin-1 character, as it decodes them), or -1 where it is empty. */
function firstNonBlank(bytes: Uint8Array): number {
  const from = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  const to = Math.min(bytes.length, from + HEAD);
  for (let i = from; i < to; i++) if (!isBlankByte(bytes[i])) return bytes[i];
  return -1;
}
/** What `trimStart` takes off a Latin-1 text: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
const isBlankByte = (b: number) => (b >= 0x09 && b <= 0x0d) || b === 0x20 || b === 0xa0;

/**
 * Share of bytes that no text file contains (NUL and most C0 controls), in the first 8 KB. A run
 * of {@link NUL_HOLE} NULs or more is left out of the count: a block zeroed by a crash or a bad
 * disk in a text file (the text around it is read; see `decodeText`), where a binary format's NULs
 * come with its other control bytes.
 */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  let holes = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    // a printable byte (most of them) settled by one comparison
    if (c >= 0x20) continue;
    if (c === 0) {
      let end = i;
      while (end < n && bytes[end] === 0) end++;
      if (end - i >= NUL_HOLE) holes += end - i;
      else bad += end - i;
      i = end - 1;
    } else if (c < 8 || (c > 13 && c < 27 && c !== 0x1f)) bad++;
  }
  const counted = n - holes;
  // too little besides the holes to call it text
  if (holes && counted < 64) return 1;
  return counted ? bad / counted : 0;
}

/**
 * The format of a file, decided by its content first (magic bytes) and its name only to tell
 * plain text from Markdown. A name that contradicts the content gets a warning, not an error.
 */
export function detectFormatWith(bytes: Uint8Array, path: string | undefined, oleFormat: (bytes: Uint8Array, file: string | null) => SourceFormat, hint?: SourceFormat): SourceFormat {
  const file = path ?? null;
  // what the caller says the bytes are (standard input has no name) counts as a name would
  const named = hint ?? extFormat(path);
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
  // RTF opens with `{`, HTML with `<`: the start of a file opening with neither is not made a string
  const opening = firstNonBlank(bytes);
  if (opening === 0x7b || opening === 0x3c) {
    const start = head(bytes);
    if (start.startsWith("{\\rtf")) return "rtf";
    if (/^(<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta)/i.test(start)) return "html";
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return named === "md" ? "md" : hint === "html" ? "html" : "txt";
  // text in UTF-16 without a BOM, and text padded with NULs, are text
  const text = withoutTrailingNuls(bytes);
  if (text.length === 0) throw new InputError("empty-file", `the file holds nothing but ${bytes.length.toLocaleString("en-US")} NUL bytes (a write that never finished?)`, file);
  if (bomlessUtf16(text)) return named === "md" ? "md" : "txt";
  if (binaryShare(text) > 0.02) {
    throw new UnsupportedFormatError("unsupported-format", "binary content of a kind vanban does not read (not PDF, Word, Excel, PowerPoint, RTF, HTML, an image or text)", file);
  }
  // text the bytes cannot tell apart: Markdown by its name, an HTML fragment only when the caller says so
  return named === "md" ? "md" : hint === "html" ? "html" : "txt";
}

export function extFormat(path?: string): string | null {
  const m = /\.([a-z0-9]+)$/i.exec(path ?? "");
  return m ? m[1].toLowerCase() : null;
}

/** The image kinds, by their magic bytes: `\x89PNG`, JPEG's SOI, TIFF's byte order mark, `RIFF….WEBP`. */
export function imageFormat(bytes: Uint8Array): SourceFormat | null {
  const at = (sig: number[], from = 0) => sig.every((v, i) => bytes[from + i] === v);
  if (at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (at([0xff, 0xd8, 0xff])) return "jpeg";
  if (at([0x49, 0x49, 0x2a, 0x00]) || at([0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (at([0x52, 0x49, 0x46, 0x46]) && at([0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  return null;
}

export function zipFormat(bytes: Uint8Array, file: string | null): ZipFormat {
  // entry names stand in the local headers and again in the central directory at the end
  const names = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - (1 << 16))));
  // an OpenDocument file starts with its `mimetype` entry, stored uncompressed
  const mime = names.slice(30, 200).startsWith("mimetype") ? names.slice(38, 200) : "";
  for (const kind of ZIP_KINDS) {
    const hit = kind.mimetype ? mime.startsWith(kind.mimetype) : kind.entries!.some((e) => names.includes(e) || tail.includes(e));
    if (!hit) continue;
    if (kind.format) return kind.format as ZipFormat;
    throw new UnsupportedFormatError("unsupported-format", `a ${kind.kind} file, which vanban does not read`, file);
  }
  throw new UnsupportedFormatError("unsupported-format", "a zip archive that is not a Word, Excel or PowerPoint document (vanban convert reads the documents inside a .zip)", file);
}

/** Other kinds an archive holds, known by their first bytes (an Access database): refused by name. */
export function refuseOtherKinds(bytes: Uint8Array, file: string | null): void {
  // the magic strings are written a byte a character, and compared with the first bytes as they are
  // (decoding the bytes to a string first cost more than the rest of the sniffing)
  const n = Math.min(bytes.length, HEAD);
  let nulFirst: boolean | undefined;
  for (const kind of MAGIC_KINDS) {
    if (!magicAt(bytes, kind.magic, kind.at, n)) continue;
    if (kind.binary && !(nulFirst ??= bytes.subarray(0, 64).includes(0))) continue;
    throw new UnsupportedFormatError("unsupported-format", `not a document: ${/^[aeiou]/i.test(kind.kind) ? "an" : "a"} ${kind.kind}, which vanban does not read`, file);
  }
}

/** Whether `bytes[at…]` holds `magic`, its characters' codes a byte each, before `end`. */
function magicAt(bytes: Uint8Array, magic: string, at: number, end: number): boolean {
  if (at + magic.length > end) return false;
  for (let j = 0; j < magic.length; j++) if (bytes[at + j] !== magic.charCodeAt(j)) return false;
  return true;
}

/** A name that contradicts the content: a warning, not an error. */
export function warnIfMislabelled(doc: LoadedDocument, format: SourceFormat, path?: string, hint?: SourceFormat): void {
  if (hint && hint !== format && !(hint === "txt" && format === "md")) {
    doc.warnings.push({ code: "mislabelled-file", message: `the input was given as ${hint} but its content is ${format}` });
    return;
  }
  const ext = extFormat(path);
  const expected: Record<string, SourceFormat> = { pdf: "pdf", docx: "docx", doc: "doc", rtf: "rtf", htm: "html", html: "html", xls: "xls", ppt: "ppt", xlsx: "xlsx", pptx: "pptx", png: "png", jpg: "jpeg", jpeg: "jpeg", tif: "tiff", tiff: "tiff", webp: "webp" };
  if (ext && expected[ext] && expected[ext] !== format) {
    doc.warnings.push({ code: "mislabelled-file", message: `the file is named .${ext} but its content is ${format}` });
  }
}
