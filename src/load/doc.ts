import { createRequire } from "node:module";
import { RECIPIENTS_MARKERS } from "../../grammars/load.js";
import { CorruptFileError, isEngineLimit, readableReason, toVanbanError, UnsupportedFormatError, VanbanError } from "../errors.js";
import { matchKey } from "../text/tone.js";
import { superscript } from "./docx/body.js";
import { TablePlacer, type TableRows } from "./layout-table.js";
import type { LoadedDocument, Loader, SourceLine } from "./types.js";
import { collapseBlankLines } from "./blank-lines.js";

/**
 * DOC (Word 97–2003) through word-extractor. Its text cleaner turns Word's control characters into
 * plain text and so loses what vanban needs: the cell marks (0x07, made into tabs that look like
 * the document's own tabs), the footnote reference marks (0x02, dropped) and optional hyphens
 * (0x1F, dropped: a TCVN3 `ư`, byte 0xAD, can be saved as one, and is then the only trace of it;
 * beside a 0xAD it is a real optional hyphen, and goes). We extend
 * its extractor with a document builder of our own that marks those first (cell and note marks as
 * private-use characters, 0x1F as U+00AD), then rebuild table rows and footnote marks from them.
 * Fonts are not available: legacy text (TCVN3, VNI) arrives as Windows-1252 characters and the
 * normalize stage recognises the encoding per block.
 */

export const CELL = "\uE007";
const NOTE = "\uE002";

interface WordDocument {
  getBody(o?: object): string;
  getFootnotes(o?: object): string;
  getEndnotes(o?: object): string;
  getHeaders(o?: object): string;
  getTextboxes(o?: object): string;
}
interface Piece {
  startCp: number;
  text: string;
}
/** word-extractor's OLE extractor: the fields our builder reads (set while it parses the file). */
declare class WordOleExtractor {
  _pieces: Piece[];
  _boundaries: Record<string, number>;
  _taggedHeaders: { type: string; text: string }[];
  extract(reader: unknown): Promise<WordDocument>;
  buildDocument(): WordDocument;
}

let extractorClass: (new () => WordOleExtractor) | null = null;
let bufferReader: (new (b: Buffer) => unknown) | null = null;

function extractor(): new () => WordOleExtractor {
  if (extractorClass) return extractorClass;
  const require = createRequire(import.meta.url);
  const Base = require("word-extractor/lib/word-ole-extractor") as typeof WordOleExtractor;
  const { clean } = require("word-extractor/lib/filters") as { clean: (s: string) => string };
  const DocumentClass = require("word-extractor/lib/document") as new () => Record<string, string>;
  bufferReader = require("word-extractor/lib/buffer-reader") as new (b: Buffer) => unknown;
  const keepMarks = (s: string) => clean(s.replace(/\x07/g, CELL).replace(/\x02/g, NOTE).replace(/\x1f(?!\u00AD)/g, (_, at: number, all: string) => (all[at - 1] === "\u00AD" ? "" : "\u00AD")).replace(/\x1f/g, "").replace(/\x1e/g, "-"));
  /** The characters [start, end) of the document's text stream (CP positions), across its pieces. */
  const range = (pieces: Piece[], start: number, end: number): string => {
    let out = "";
    for (const p of pieces) {
      const from = Math.max(start, p.startCp);
      const to = Math.min(end, p.startCp + p.text.length);
      if (from < to) out += p.text.slice(from - p.startCp, to - p.startCp);
    }
    return out;
  };
  extractorClass = class VanbanWordExtractor extends Base {
    /** word-extractor's own buildDocument, with our cleaner over the same text ranges */
    override buildDocument(): WordDocument {
      const doc = new DocumentClass();
      const b = this._boundaries;
      const parts: [string, string][] = [["ccpText", "_body"], ["ccpFtn", "_footnotes"], ["ccpHdd", ""], ["ccpAtn", "_annotations"], ["ccpEdn", "_endnotes"], ["ccpTxbx", "_textboxes"], ["ccpHdrTxbx", "_headerTextboxes"]];
      let start = 0;
      for (const [size, field] of parts) {
        const n = b[size] ?? 0;
        if (!n) continue;
        if (size === "ccpHdd") {
          doc._headers = keepMarks(this._taggedHeaders.filter((h) => h.type === "headers").map((h) => h.text).join(""));
          doc._footers = keepMarks(this._taggedHeaders.filter((h) => h.type === "footers").map((h) => h.text).join(""));
        } else {
          // the main text's range is whole; the others' last character is their closing mark
          doc[field] = keepMarks(range(this._pieces, start, start + n - (size === "ccpText" ? 0 : 1)));
        }
        start += n;
      }
      return doc as unknown as WordDocument;
    }
  };
  return extractorClass;
}

async function extract(bytes: Uint8Array): Promise<WordDocument> {
  const Extractor = extractor();
  const reader = new bufferReader!(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as { open(): Promise<unknown>; close(): Promise<unknown> };
  await reader.open();
  try {
    return await new Extractor().extract(reader);
  } finally {
    await reader.close();
  }
}

const recipientsRe = RECIPIENTS_MARKERS.map((p) => new RegExp(p, "imu"));
const OPTS = { filterUnicode: false };

/** Paragraph text of a run of Word text: control remnants out, U+00A0 kept, non-breaking hyphen as "-". */
function clean(s: string): string {
  return s.replace(/\u2011/g, "-").replace(/[\u0000-\u0008\u000e-\u001f]/g, "");
}

export const docLoader: Loader = {
  format: "doc",
  async load(bytes, options) {
    const file = options.path ?? null;
    let doc: WordDocument;
    try {
      doc = await extract(bytes);
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      if (isEngineLimit(err)) throw toVanbanError(err, file, "reading this doc file");
      const reason = readableReason(err);
      throw new CorruptFileError("corrupt-file", `cannot read this doc file${reason ? `: ${reason}` : ""} (damaged, truncated, encrypted, or not a Word 97–2003 document)`, file, { cause: err });
    }
    const warnings: LoadedDocument["warnings"] = [];
    let refCount = 0;
    let noteCount = 0;
    const bodyText = doc.getBody(OPTS).replace(new RegExp(NOTE, "g"), () => superscript(++refCount));
    const lines = bodyLines(bodyText);
    const boxes = doc.getTextboxes({ ...OPTS, includeHeadersAndFooters: false }).split("\n").map(clean).filter((t) => t.replace(CELL, "").trim());
    for (const t of boxes) lines.push({ text: t.replace(new RegExp(CELL, "g"), " ").trim(), paragraphEnd: true });
    // footnotes then endnotes, numbered in one sequence as their marks were in the body
    lines.push(...notes(doc.getFootnotes(OPTS), () => superscript(++noteCount)));
    lines.push(...notes(doc.getEndnotes(OPTS), () => superscript(++noteCount)));
    const headers = doc.getHeaders({ ...OPTS, includeFooters: true }).split("\n").map(clean).filter((t) => /\p{L}{2}/u.test(t));
    if (headers.length) {
      warnings.push({ code: "page-header-skipped", message: `page header/footer text left out: ${headers.slice(0, 3).join(" | ").slice(0, 200)}` });
    }
    if (!lines.some((l) => l.text.trim())) {
      if (!bytes.length) throw new UnsupportedFormatError("unsupported-format", "empty file", file);
      warnings.push({ code: "no-text", message: "the Word document holds no text (an image-only or empty document?)" });
    }
    return { format: "doc", pages: null, lines, ocr: false, warnings };
  },
};

/** Footnote or endnote text: each note starts at its reference mark. */
function notes(text: string, nextMark: () => string): SourceLine[] {
  const out: SourceLine[] = [];
  if (!text.replace(/[\s\u0000]/g, "")) return out;
  const parts = text.split(NOTE);
  const numbered = parts.length > 1;
  parts.forEach((part, i) => {
    if (numbered && i === 0 && !part.trim()) return;
    const paras = part.split("\n").map((p) => clean(p).replace(new RegExp(CELL, "g"), " ")).filter((p) => p.trim());
    if (!paras.length) return;
    const mark = numbered && i > 0 ? nextMark() : "";
    paras.forEach((p, k) => {
      const text = k === 0 && mark ? `${mark} ${p.trim()}` : p.trim();
      out.push({ text, block: "footnote", paragraphEnd: true });
    });
  });
  return out;
}

/**
 * Body text → lines, rebuilding tables from the cell marks: a row is cells each closed by a
 * cell mark, and ends where a cell mark is followed by a paragraph end. Where the first cell of a
 * table begins is not marked: it is taken back from its cell mark over short lines, stopping at
 * body text, at a previous table, or at the `Nơi nhận:` line that opens a signature table.
 */
export function bodyLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const tables = new TablePlacer();
  // paragraphs not yet placed (may still turn out to be the first cell of a table)
  let pending: string[] = [];
  const flushPending = (paras: string[]) => {
    for (const p of paras) {
      out.push({ text: p, paragraphEnd: true });
      tables.addText(p.trim().length);
    }
  };
  let i = 0;
  let lastTableEnd = true; // the document start counts as a boundary
  while (i < text.length) {
    const nextCell = text.indexOf(CELL, i);
    const segEnd = nextCell < 0 ? text.length : nextCell;
    const seg = text.slice(i, segEnd);
    if (nextCell < 0) {
      pending.push(...seg.split("\n"));
      break;
    }
    // seg ends with the first cell of a row: split off the paragraphs that belong to the cell
    const paras = seg.split("\n");
    const take = firstCellStart(paras, lastTableEnd && out.length === 0 && pending.length === 0);
    pending.push(...paras.slice(0, take));
    flushPending(pending.map(clean));
    pending = [];
    // read rows while they continue
    const rows: TableRows = [];
    let row: SourceLine[][] = [cellLines(paras.slice(take))];
    let j = nextCell + 1;
    for (;;) {
      if (j >= text.length || text[j] === "\n" || text[j] === CELL) {
        // row end
        rows.push(row);
        row = [];
        j++;
        // another row follows when a cell mark comes before the next blank line and the text
        // between is short (a cell, not body)
        const nc = text.indexOf(CELL, j);
        if (nc < 0) break;
        const between = text.slice(j, nc);
        if (between.length > 600 || /\n\s*\n\s*\n/.test(between) || between.split("\n").some((p) => p.length > 200)) break;
        row.push(cellLines(between.split("\n")));
        j = nc + 1;
        continue;
      }
      const nc = text.indexOf(CELL, j);
      if (nc < 0) {
        rows.push(row);
        row = [];
        break;
      }
      row.push(cellLines(text.slice(j, nc).split("\n")));
      j = nc + 1;
    }
    if (row.length) rows.push(row);
    out.push(...tables.place(rows));
    i = j;
    lastTableEnd = true;
  }
  flushPending(pending.map(clean));
  return collapseBlankLines(out);
}

function cellLines(paras: string[]): SourceLine[] {
  return paras.map(clean).filter((p) => p.trim()).map((p) => ({ text: p, paragraphEnd: true }));
}

/** Index in `paras` where the first cell of a table starts. */
function firstCellStart(paras: string[], atDocumentStart: boolean): number {
  const total = paras.reduce((n, p) => n + p.length, 0);
  const hasRecipients = paras.some((p) => recipientsRe.some((r) => r.test(matchKey(p.trim()))));
  if (atDocumentStart && total < 400 && paras.length <= 12 && !hasRecipients && !paras.some((p) => /\.\/\.\s*$/.test(p))) return 0;
  let k = paras.length;
  let blanks = 0;
  while (k > 0 && paras.length - k < 25) {
    const p = paras[k - 1];
    const t = p.trim();
    if (!t) {
      if (++blanks >= 2) break;
      k--;
      continue;
    }
    blanks = 0;
    if (t.length > 150 || /\.\/\.\s*$/.test(t)) break;
    k--;
    if (recipientsRe.some((r) => r.test(matchKey(t)))) break;
  }
  while (k < paras.length && !paras[k].trim()) k++;
  return k;
}

