import { BREAK_BEFORE, RULE_LINE } from "../../grammars/layout.js";
import type { LoadedDocument, Loader, SourceLine } from "./types.js";
import { decodeUtf8Strict } from "./utf8.js";

/**
 * Bytes → string. UTF-8 (with or without BOM) and UTF-16 (with a BOM, or without one: see
 * {@link bomlessUtf16}) are read as such; anything else is read as Windows-1252 so that every byte
 * survives as one character: legacy Vietnamese (TCVN3, VNI, CP1258) is then recognised and
 * converted by the normalize stage. NULs padding the end of the file (a write cut short on a
 * preallocated file) are left out, and a run of them inside it (a zeroed block) ends a line.
 */
export function decodeText(bytes: Uint8Array): string {
  const body = withoutTrailingNuls(bytes);
  const { text, wide } = decodeBytes(body);
  // one-byte and UTF-8 text holds a NUL where its bytes do: one that cannot hold a hole (most) is
  // not searched for one
  return wide || mayHoldHole(body) ? text.replace(wide ? WIDE_HOLE : BYTE_HOLE, "\n") : text;
}

/**
 * Whether `bytes` may hold a run of {@link NUL_HOLE} NULs: every such run covers a byte at one of
 * the places NUL_HOLE − 1, 2 × NUL_HOLE − 1, …, so those alone are read — a sixteenth of the
 * bytes, where a search for any NUL (`indexOf(0)`, a scalar loop in V8) read all of them: ~36 K
 * instructions an 8 KB file, against ~3 K.
 */
function mayHoldHole(bytes: Uint8Array): boolean {
  for (let i = NUL_HOLE - 1; i < bytes.length; i += NUL_HOLE) if (bytes[i] === 0) return true;
  return false;
}

/** The NULs of a block a crash or a bad disk zeroed inside a text file: this many bytes or more in a row. */
export const NUL_HOLE = 16;
/** Such a hole once decoded: a NUL character a byte, or one a byte pair in UTF-16. */
const BYTE_HOLE = new RegExp(`\\0{${NUL_HOLE},}`, "g");
const WIDE_HOLE = new RegExp(`\\0{${NUL_HOLE / 2},}`, "g");

/** The text of the bytes, and whether it was read as UTF-16 (two bytes a character). */
function decodeBytes(bytes: Uint8Array): { text: string; wide: boolean } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), wide: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), wide: true };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), wide: true };
  return { text: decodeUtf8Strict(bytes) ?? new TextDecoder("windows-1252").decode(bytes), wide: false };
}

/**
 * UTF-16 written without a byte order mark (some Windows exports): the high byte of most
 * characters is 0 (Latin letters, digits, spaces, and the Vietnamese letters of U+00C0–U+01B0)
 * and the low byte almost never is, in every kilobyte of the first 8 KB — a file that is UTF-8 in
 * part (pieces of files run together) is not UTF-16. The byte order is the side the NULs fall on.
 *
 *     "Số: 12" in UTF-16LE: 53 00 d1 1e 3a 00 20 00 31 00 32 00 — NULs at odd offsets
 */
export function bomlessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  // no NUL in the first kilobyte (UTF-8 and one-byte text): found natively, and no block counted
  if (bytes.subarray(0, Math.min(n, 1024)).indexOf(0) < 0) return null;
  let order: "utf-16le" | "utf-16be" | null = null;
  for (let from = 0; from < n; from += 1024) {
    const to = Math.min(n, from + 1024);
    // a short tail is too few characters to judge
    if (from > 0 && to - from < 64) break;
    let evenNuls = 0;
    let oddNuls = 0;
    for (let i = from; i < to; i += 2) {
      if (bytes[i] === 0) evenNuls++;
      if (bytes[i + 1] === 0) oddNuls++;
    }
    const units = (to - from) / 2;
    const here = oddNuls > units * 0.3 && evenNuls < units * 0.02 ? "utf-16le" : evenNuls > units * 0.3 && oddNuls < units * 0.02 ? "utf-16be" : null;
    if (!here || (order && here !== order)) return null;
    order = here;
  }
  return order;
}

/** The bytes without the NULs that pad their end. */
export function withoutTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  // a UTF-16LE text ends on a NUL of its own: keep the byte pairs whole
  if (end < bytes.length && end % 2 === 1 && bomlessUtf16(bytes.subarray(0, end + 1))) end++;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

/** Splits text into lines; a form feed starts a new page. */
export function textToLines(text: string): { lines: SourceLine[]; pages: number } {
  // most files end their lines with \n alone and have no form feed: split on the one character,
  // without the regex (it cost as much as the rest of the loader) and without a split per line
  const chunks = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  const lines: SourceLine[] = [];
  let page = 1;
  if (!text.includes("\f")) {
    for (const chunk of chunks) lines.push({ text: chunk, page });
    return { lines, pages: page };
  }
  for (const chunk of chunks) {
    const parts = chunk.split("\f");
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) page++;
      if (i === 0 || parts[i].length) lines.push({ text: parts[i], page });
    }
  }
  return { lines, pages: page };
}

export const textLoader: Loader = {
  format: "txt",
  async load(bytes) {
    return textToDocument(decodeText(bytes));
  },
};

/** Plain text already decoded to a string. */
export function textToDocument(text: string): LoadedDocument {
  const { lines } = textToLines(text);
  return { format: "txt", pages: null, lines, ocr: false, warnings: [] };
}

const breakBefore = new RegExp(`\\s*(?=${BREAK_BEFORE.map((p) => `(?:${p})`).join("|")})`, "giu");
const rule = new RegExp(RULE_LINE, "u");

/**
 * Splits the text of a table cell that lost its line breaks (as thuvienphapluat pages scrape to
 * Markdown) back into the lines of the document: before each known part, around rules, and
 * between an upper-case signature title and the signer's name.
 */
export function splitFlattenedCell(cell: string): string[] {
  const out: string[] = [];
  const pieces = cell
    .replace(/\s*(?:-{3,}|─{3,}|\*{3,})\s*/g, "\n")
    .replace(breakBefore, "\n")
    .split("\n");
  for (const raw of pieces) {
    const piece = raw.trim();
    if (!piece || rule.test(piece)) continue;
    out.push(...splitTitleFromName(piece));
  }
  return out;
}

/** `KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương` → the upper-case title, then the name. */
function splitTitleFromName(piece: string): string[] {
  const m = /^((?:[\p{Lu}\d.,/()&-]+\s+)*[\p{Lu}\d.,/()&-]+)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,5})$/u.exec(piece);
  if (m && /\p{Lu}{2}/u.test(m[1])) return [m[1], m[2]];
  return [piece];
}

function tableCells(line: string): string[] | null {
  const t = line.trim();
  if (!t.startsWith("|")) return null;
  return t.replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

/** Markdown: emphasis and headings stripped, tables read cell by cell as layout columns. */
export const markdownLoader: Loader = {
  format: "md",
  async load(bytes) {
    return markdownToDocument(decodeText(bytes));
  },
};

/** Markdown already decoded to a string (`parseText(text, { format: "md" })`). */
export function markdownToDocument(source: string): LoadedDocument {
  const { lines: raw } = textToLines(source);
  const lines: SourceLine[] = [];
  const warnings: LoadedDocument["warnings"] = [];
  let seenTable = false;
  let tableRow = 0;
  let tableIndex = 0;
  for (let i = 0; i < raw.length; i++) {
    const text = raw[i].text;
    // a scraper's provenance line: "*Source: https://…*"
    if (/^\s*\*?(Source|Nguồn)\s*:\s*https?:\/\//i.test(text)) continue;
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(text);
    if (heading && !seenTable && raw.slice(i + 1, i + 6).some((l) => tableCells(l.text))) {
      // a page title above the document's own header table is the portal's, not the document's
      warnings.push({ code: "dropped-page-title", message: `Markdown title above the header table left out: ${heading[1].trim()}` });
      continue;
    }
    const cells = tableCells(text);
    if (cells) {
      seenTable = true;
      if (tableRow === 0) tableIndex++;
      if (cells.every((c) => /^:?-{3,}:?$/.test(c) || c === "")) continue;
      tableRow++;
      const footer = cells.some((c) => /^Nơi nhận/i.test(c));
      cells.forEach((cell, col) => {
        const block = cells.length === 2 ? (footer ? (col === 0 ? "footer-left" : "footer-right") : tableIndex === 1 && tableRow <= 2 ? (col === 0 ? "header-left" : "header-right") : undefined) : undefined;
        for (const piece of splitFlattenedCell(stripEmphasis(cell))) {
          lines.push({ text: piece, page: raw[i].page, block, paragraphEnd: true });
        }
      });
      lines.push({ text: "", page: raw[i].page });
      continue;
    }
    tableRow = 0;
    lines.push({ text: stripEmphasis(heading ? heading[1] : text), page: raw[i].page });
  }
  return { format: "md", pages: null, lines, ocr: false, warnings };
}

function stripEmphasis(s: string): string {
  return s.replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/(^|\W)[*_]([^*_\s][^*_]*?)[*_](?=\W|$)/gu, "$1$2").replace(/<br\s*\/?>/gi, " ");
}
