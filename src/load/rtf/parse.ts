import iconv from "iconv-lite";
import { FONT_RULES } from "../../../grammars/encodings/fonts.js";
import { superscript } from "../docx/body.js";
import { TablePlacer, type TableRows } from "../layout-table.js";
import { binaryString } from "../pdf/raw.js";
import type { SourceLine, TextRun } from "../types.js";

/**
 * A small RTF reader: control words, groups, `\'hh` bytes decoded by the current font's charset
 * (or `\ansicpg`), `\uN` with the `\ucN` skip count, paragraphs, line breaks, tabs, table cells and
 * rows, footnotes, list labels (`\pntext`, `\listtext`); font table, colour table, style sheet,
 * document info, pictures, objects, page headers and footers and unknown `\*` destinations
 * skipped. The current font's name (`.VnTime`, `VNI-Times`) goes into each run so that the
 * normalize stage can convert TCVN3 and VNI text run by run.
 */

export class RtfError extends Error {}

/** Destinations whose text is never document text. */
const SKIP = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "objdata", "header", "headerl", "headerr", "headerf",
  "footer", "footerl", "footerr", "footerf", "listtable", "listoverridetable", "revtbl", "rsidtbl", "generator",
  "xmlnstbl", "themedata", "colorschememapping", "latentstyles", "datastore", "pgdsctbl", "fldinst", "filetbl",
  "bkmkstart", "bkmkend", "shprslt", "sp", "nonshppict", "pn", "annotation", "atnid", "atnauthor", "xe", "tc",
  "template", "userprops", "docvar", "fchars", "lchars", "mmathPr", "wgrffmtfilter", "defchp", "defpap", "ftnsep",
  "ftnsepc", "aftnsep", "aftnsepc", "falt", "panose", "private", "protusertbl", "operator", "company", "title",
  "subject", "author", "keywords", "comment", "doccomm", "hlinkbase", "listpicture", "blipuid", "picprop",
]);

/** `\*` destinations that do hold document text. */
const KEEP_STARRED = new Set(["shpinst", "shptxt", "fldrslt"]);

/** \fcharset → Windows code page */
const CHARSET_CP: Record<number, number> = {
  0: 1252, 1: 0, 2: 1252, 77: 10000, 128: 932, 129: 949, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258,
  177: 1255, 178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250, 255: 437,
};

const SYMBOLS: Record<string, string> = {
  emdash: "—", endash: "–", bullet: "•", lquote: "‘", rquote: "’", ldblquote: "“", rdblquote: "”",
  emspace: " ", enspace: " ", qmspace: " ", tab: "\t",
};

interface Font {
  name: string;
  cp: number;
}

interface State {
  font: number;
  uc: number;
  skip: boolean;
  bold: boolean;
  italic: boolean;
  size: number;
  /** "footnote" while inside a footnote destination */
  dest: "body" | "footnote";
  fonttbl: boolean;
  hidden: boolean;
}

interface Para {
  runs: TextRun[];
  bold: boolean[];
  align?: SourceLine["align"];
  size: number;
}

export interface RtfResult {
  lines: SourceLine[];
  footnotes: SourceLine[];
}

function decodeByte(bytes: number[], cp: number): string {
  const buf = Uint8Array.from(bytes);
  if (cp === 1252 || cp === 0) return new TextDecoder("windows-1252").decode(buf);
  const enc = `cp${cp}`;
  return iconv.encodingExists(enc) ? iconv.decode(buf, enc) : new TextDecoder("windows-1252").decode(buf);
}

export function parseRtf(bytes: Uint8Array): RtfResult {
  const src = binaryString(bytes);
  if (!/^\s*\{\\rtf/.test(src.slice(0, 64))) throw new RtfError("does not start with {\\rtf");
  const fonts = new Map<number, Font>();
  let ansiCp = 1252;
  let deff = 0;
  const stack: State[] = [];
  let st: State = { font: 0, uc: 1, skip: false, bold: false, italic: false, size: 12, dest: "body", fonttbl: false, hidden: false };
  let skipChars = 0; // ANSI fallback characters still to skip after \uN
  let pendingBytes: number[] = [];
  // font table parsing
  let fontEntry: { num: number; charset: number; name: string } | null = null;
  let fontEntryDepth = -1;

  const out: SourceLine[] = [];
  const notes: SourceLine[] = [];
  let noteCount = 0;
  let noteOpen = false;
  let para: Para = { runs: [], bold: [], size: 12 };
  let notePara: Para = { runs: [], bold: [], size: 12 };
  let inTable = false;
  let rows: TableRows = [];
  let row: SourceLine[][] = [];
  let cell: SourceLine[] = [];
  const tables = new TablePlacer();
  let align: SourceLine["align"] | undefined;

  const cur = () => (st.dest === "footnote" ? notePara : para);
  const fontName = () => fonts.get(st.font)?.name;
  const codepage = () => {
    const f = fonts.get(st.font);
    return f && f.cp ? f.cp : ansiCp;
  };
  const emit = (text: string) => {
    if (!text || st.skip) return;
    if (st.fonttbl) {
      if (fontEntry) fontEntry.name += text;
      return;
    }
    if (st.hidden) return;
    const p = cur();
    const font = fontName();
    const last = p.runs[p.runs.length - 1];
    if (last && last.font === font) last.text += text;
    else p.runs.push(font ? { text, font } : { text });
    if (text.trim()) p.bold.push(st.bold);
  };
  const flushBytes = () => {
    if (!pendingBytes.length) return;
    const text = decodeByte(pendingBytes, codepage());
    pendingBytes = [];
    emit(text);
  };
  const toLine = (p: Para, paragraphEnd: boolean): SourceLine => {
    const text = p.runs.map((r) => r.text).join("");
    const line: SourceLine = { text, paragraphEnd };
    if (p.runs.some((r) => r.font)) line.runs = p.runs;
    if (p.bold.length) line.bold = p.bold.every(Boolean);
    if (p.align) line.align = p.align;
    return line;
  };
  const flushTable = () => {
    if (!inTable && !rows.length) return;
    if (cell.length) row.push(cell);
    if (row.length) rows.push(row);
    out.push(...tables.place(rows));
    rows = [];
    row = [];
    cell = [];
    inTable = false;
  };
  /** a paragraph (or line) ends */
  const endPara = (paragraphEnd: boolean, intbl: boolean) => {
    flushBytes();
    if (st.dest === "footnote") {
      notes.push({ ...toLine(notePara, paragraphEnd), block: "footnote" });
      notePara = { runs: [], bold: [], size: 12, align: notePara.align };
      return;
    }
    para.align = align;
    const line = toLine(para, paragraphEnd);
    para = { runs: [], bold: [], size: 12 };
    if (intbl) {
      inTable = true;
      cell.push(line);
      return;
    }
    if (rows.length || row.length || cell.length) flushTable();
    out.push(line);
    tables.addText(line.text.trim().length);
  };
  let intbl = false;

  const re = /\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([\r\n]+)|([^\\{}\r\n]+)/gy;
  let m: RegExpExecArray | null;
  re.lastIndex = src.search(/\{/);
  let depth = 0;
  let ignorableNext = false;
  while ((m = re.exec(src))) {
    const [, word, num, hex, sym, brace, , text] = m;
    if (hex !== undefined) {
      if (skipChars > 0) { skipChars--; continue; }
      pendingBytes.push(parseInt(hex, 16));
      continue;
    }
    if (text !== undefined) {
      let t = text;
      if (skipChars > 0) {
        const n = Math.min(skipChars, t.length);
        t = t.slice(n);
        skipChars -= n;
      }
      if (!t) continue;
      flushBytes();
      // raw 8-bit characters are bytes of the current code page
      if (/[\x80-\xff]/.test(t)) emit(decodeByte([...t].map((c) => c.charCodeAt(0)), codepage()));
      else emit(t);
      continue;
    }
    if (m[6] !== undefined) continue; // CR/LF in the file are not text
    if (brace === "{") {
      flushBytes();
      stack.push(st);
      st = { ...st };
      depth++;
      skipChars = 0;
      continue;
    }
    if (brace === "}") {
      flushBytes();
      const wasNote = st.dest === "footnote";
      const prev = stack.pop();
      if (!prev) throw new RtfError("unbalanced braces: a group closes that was never opened");
      if (st.fonttbl && fontEntry && (depth === fontEntryDepth || !prev.fonttbl)) {
        // a font entry's group, or the font table, closes
        commitFont(fonts, fontEntry);
        fontEntry = null;
      }
      st = prev;
      depth--;
      skipChars = 0;
      if (wasNote && st.dest !== "footnote" && noteOpen) {
        if (notePara.runs.some((r) => r.text.trim())) notes.push({ ...toLine(notePara, true), block: "footnote" });
        notePara = { runs: [], bold: [], size: 12 };
        noteOpen = false;
      }
      if (depth === 0) break;
      continue;
    }
    if (sym !== undefined) {
      if (sym === "*") { ignorableNext = true; continue; }
      if (skipChars > 0) { skipChars--; continue; }
      flushBytes();
      if (sym === "\\" || sym === "{" || sym === "}") emit(sym);
      else if (sym === "~") emit("\u00a0");
      else if (sym === "_") emit("-");
      else if (sym === "\n" || sym === "\r") endPara(true, intbl && st.dest === "body");
      // "\-" optional hyphen, "\:" index sub-entry, "\|" formula: nothing
      continue;
    }
    if (word === undefined) continue;
    const n = num === undefined ? undefined : parseInt(num, 10);
    if (ignorableNext) {
      ignorableNext = false;
      if (!KEEP_STARRED.has(word)) { st.skip = true; continue; }
    }
    if (SKIP.has(word) && word !== "fonttbl") { st.skip = true; continue; }
    switch (word) {
      case "fonttbl": st.fonttbl = true; fontEntry = null; continue;
      case "ansicpg": if (n) ansiCp = n; continue;
      case "deff": deff = n ?? 0; st.font = deff; continue;
      case "f":
        flushBytes();
        if (st.fonttbl) {
          if (fontEntry) commitFont(fonts, fontEntry);
          fontEntry = { num: n ?? 0, charset: 0, name: "" };
          fontEntryDepth = depth;
        } else st.font = n ?? 0;
        continue;
      case "fcharset": if (fontEntry) fontEntry.charset = n ?? 0; continue;
      case "uc": st.uc = n ?? 1; continue;
      case "u": {
        flushBytes();
        let cp = n ?? 0;
        if (cp < 0) cp += 65536;
        emit(String.fromCharCode(cp));
        skipChars = st.uc;
        continue;
      }
      case "bin": {
        // binary data follows: skip it
        re.lastIndex += Math.max(0, n ?? 0);
        continue;
      }
    }
    if (st.skip || st.fonttbl) continue;
    if (skipChars > 0) { skipChars--; continue; }
    flushBytes();
    switch (word) {
      case "par": endPara(true, intbl && st.dest === "body"); break;
      case "sect": case "page": case "column": endPara(true, intbl && st.dest === "body"); break;
      case "line": endPara(false, intbl && st.dest === "body"); break;
      case "cell": case "nestcell":
        if (st.dest === "footnote") { endPara(true, false); break; }
        endPara(true, true);
        if (word === "cell") { row.push(cell); cell = []; }
        inTable = true;
        break;
      case "row":
        if (cell.length) { row.push(cell); cell = []; }
        rows.push(row);
        row = [];
        break;
      case "nestrow": break;
      case "intbl": intbl = true; break;
      case "pard": intbl = false; align = undefined; if (st.dest === "footnote") notePara.align = undefined; break;
      case "ql": align = "left"; break;
      case "qc": align = "center"; break;
      case "qr": align = "right"; break;
      case "qj": align = "justify"; break;
      case "plain": st.bold = false; st.italic = false; st.font = deff; st.size = 12; st.hidden = false; break;
      case "v": st.hidden = n !== 0; break;
      case "b": st.bold = n !== 0; break;
      case "i": st.italic = n !== 0; break;
      case "fs": st.size = (n ?? 24) / 2; break;
      case "footnote": {
        // the mark was printed by \chftn in the body just before
        st.dest = "footnote";
        noteOpen = true;
        notePara = { runs: [], bold: [], size: 12 };
        break;
      }
      case "chftn":
        if (st.dest === "footnote") emit(`${superscript(noteCount)} `);
        else emit(superscript(++noteCount));
        break;
      default:
        if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]);
    }
  }
  if (depth > 0) throw new RtfError(`the file ends inside ${depth} open group${depth > 1 ? "s" : ""} (truncated?)`);
  flushBytes();
  if (para.runs.length) endPara(true, false);
  flushTable();
  // a footnote's first line: the mark, one space, the text
  for (const l of notes) {
    const fixed = l.text.replace(/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+/, "$1 ");
    if (fixed !== l.text) {
      l.text = fixed;
      if (l.runs) l.runs = [{ text: fixed.match(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /)![0] }, ...trimRuns(l.runs, fixed.length - fixed.match(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /)![0].length)];
    }
  }
  return { lines: out, footnotes: notes.filter((l) => l.text.trim()) };
}

/** The last `keep` characters of runs. */
function trimRuns(runs: TextRun[], keep: number): TextRun[] {
  const total = runs.reduce((n, r) => n + r.text.length, 0);
  let drop = total - keep;
  const out: TextRun[] = [];
  for (const r of runs) {
    if (drop >= r.text.length) { drop -= r.text.length; continue; }
    out.push({ ...r, text: r.text.slice(drop) });
    drop = 0;
  }
  return out;
}

const fontRules = FONT_RULES.map((r) => ({ re: new RegExp(r.pattern, "i"), encoding: r.encoding }));

function commitFont(fonts: Map<number, Font>, e: { num: number; charset: number; name: string }): void {
  const name = e.name.replace(/;\s*$/, "").trim();
  // legacy Vietnamese fonts keep glyph codes in their bytes, whatever charset they declare
  const legacy = (fontRules.find((r) => r.re.test(name))?.encoding ?? "unicode") !== "unicode";
  if (!fonts.has(e.num) || name) fonts.set(e.num, { name, cp: legacy ? 1252 : CHARSET_CP[e.charset] ?? 1252 });
}
