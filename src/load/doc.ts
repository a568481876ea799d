import { createRequire } from "node:module";
import { RECIPIENTS_MARKERS } from "../../grammars/load.js";
import { CorruptFileError, UnsupportedFormatError, VanbanError } from "../errors.js";
import { matchKey } from "../normalize/tone.js";
import { superscript } from "./docx/body.js";
import { TablePlacer, type TableRows } from "./layout-table.js";
import type { LoadedDocument, Loader, SourceLine } from "./types.js";
import { collapseBlankLines } from "./blank-lines.js";

/**
 * DOC (Word 97–2003) through word-extractor. Its text cleaner turns Word's control characters into
 * plain text and so loses two things vanban needs: the cell marks (0x07, made into tabs that look
 * like the document's own tabs) and the footnote reference marks (0x02, dropped). We load the
 * library with its cleaner wrapped so those survive as private-use characters, then rebuild table
 * rows and footnote marks from them. Fonts are not available: legacy text (TCVN3, VNI) arrives as
 * Windows-1252 characters and the normalize stage recognises the encoding per document.
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
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordDocument> };
}

let extractorClass: WordExtractorClass | null = null;
let marksKept = false;

function extractor(): WordExtractorClass {
  if (extractorClass) return extractorClass;
  const require = createRequire(import.meta.url);
  // word-ole-extractor destructures `clean` when it is first loaded: wrap it before that happens
  const loadedBefore = Boolean(require.cache[require.resolve("word-extractor/lib/word-ole-extractor")]);
  const filters = require("word-extractor/lib/filters") as { clean: (s: string) => string };
  const original = filters.clean;
  if (!(original as { vanban?: boolean }).vanban) {
    const wrapped = (s: string) => original(s.replace(/\x07/g, CELL).replace(/\x02/g, NOTE).replace(/\x1f/g, "").replace(/\x1e/g, "-"));
    (wrapped as { vanban?: boolean }).vanban = true;
    filters.clean = wrapped;
  }
  extractorClass = require("word-extractor") as WordExtractorClass;
  marksKept = !loadedBefore || Boolean((original as { vanban?: boolean }).vanban);
  return extractorClass;
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
      const Extractor = extractor();
      doc = await new Extractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this doc file: ${reason} (damaged, truncated, encrypted, or not a Word 97–2003 document)`, file, { cause: err });
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
    if (!marksKept) warnings.push({ code: "doc-tables-unmarked", message: "table cells could not be told from tabs (word-extractor was loaded before vanban)" });
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

