import CFB from "cfb";
import iconv from "iconv-lite";
import { CorruptFileError, VanbanError } from "../errors.js";
import type { LoadedDocument, Loader, TextRun } from "./types.js";
import { formatNumber, isDateFormat, workbookLines, type Cell, type Sheet } from "./workbook.js";

/**
 * Excel 97–2003 (BIFF8) and Excel 5/95 (BIFF5) workbooks, read record by record from the
 * compound file's `Workbook` (or `Book`) stream. Our own reader rather than SheetJS: the npm
 * build of SheetJS does not hand out the font of a cell or of a rich-text run in an XLS file, and
 * the font is what tells a TCVN3 cell (`.VnTime`) from a VNI one (`VNI-Times`) in the same sheet.
 * BIFF8 strings are UTF-16 or "compressed" (one byte a character, U+0000–U+00FF): a TCVN3 cell
 * comes out as the Latin-1 characters of its bytes, which the normalize stage decodes by font.
 */

const REC = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FONT: 0x0031,
  FORMAT: 0x041e,
  XF: 0x00e0,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
} as const;

interface Font {
  name: string;
  bold: boolean;
}
interface Xf {
  font: number;
  format: number;
}
interface RichString {
  text: string;
  /** [character index, font index] where a run starts */
  runs: [number, number][];
}

class BiffError extends Error {}

/** Reads across an SST record and its CONTINUE records; a string's characters resume after a flags byte. */
class Segments {
  private seg = 0;
  private pos = 0;
  constructor(private readonly parts: Uint8Array[]) {}
  private ensure(): void {
    while (this.seg < this.parts.length && this.pos >= this.parts[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    if (this.seg >= this.parts.length) throw new BiffError("string table ends early");
  }
  u8(): number {
    this.ensure();
    return this.parts[this.seg][this.pos++];
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    while (n > 0) {
      this.ensure();
      const take = Math.min(n, this.parts[this.seg].length - this.pos);
      this.pos += take;
      n -= take;
    }
  }
  /** `cch` characters, 8- or 16-bit; a CONTINUE boundary inside them starts with a new flags byte. */
  chars(cch: number, wide: boolean): string {
    let out = "";
    while (cch > 0) {
      if (this.seg < this.parts.length && this.pos >= this.parts[this.seg].length) {
        this.seg++;
        this.pos = 0;
        if (this.seg >= this.parts.length) throw new BiffError("string table ends early");
        wide = (this.u8() & 1) === 1;
      }
      this.ensure();
      const part = this.parts[this.seg];
      const avail = Math.floor((part.length - this.pos) / (wide ? 2 : 1));
      const n = Math.min(cch, avail);
      if (n === 0) throw new BiffError("a character split across records");
      out += wide ? utf16(part, this.pos, n) : latin1(part, this.pos, n);
      this.pos += n * (wide ? 2 : 1);
      cch -= n;
    }
    return out;
  }
}

function latin1(b: Uint8Array, at: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[at + i]);
  return s;
}
function utf16(b: Uint8Array, at: number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[at + 2 * i] | (b[at + 2 * i + 1] << 8));
  return s;
}

/** One BIFF8 unicode-rich-extended string from the reader (the SST's entries). */
function readRichString(r: Segments): RichString {
  const cch = r.u16();
  const flags = r.u8();
  const rich = flags & 0x08 ? r.u16() : 0;
  const ext = flags & 0x04 ? r.u32() : 0;
  const text = r.chars(cch, (flags & 1) === 1);
  const runs: [number, number][] = [];
  for (let i = 0; i < rich; i++) runs.push([r.u16(), r.u16()]);
  if (ext) r.skip(ext);
  return { text, runs };
}

interface Workbook {
  biff8: boolean;
  decode: (b: Uint8Array) => string;
  fonts: Font[];
  xfs: Xf[];
  formats: Map<number, string>;
  sst: RichString[];
  date1904: boolean;
}

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;
const f64 = (d: Uint8Array, at: number) => new DataView(d.buffer, d.byteOffset + at, 8).getFloat64(0, true);

function rk(v: number): number {
  const div = v & 1;
  let n: number;
  if (v & 2) n = v >> 2; // a signed 30-bit integer
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, v & 0xfffffffc, true);
    n = buf.getFloat64(0, true);
  }
  return div ? n / 100 : n;
}

/** A string in a cell or a name: BIFF8 `cch, flags, chars` (cch of 1 or 2 bytes); BIFF5 `cch, bytes`. */
function readString(d: Uint8Array, at: number, wb: Workbook, cchBytes: 1 | 2): { text: string; end: number; flags: number } {
  const cch = cchBytes === 1 ? d[at] : u16(d, at);
  at += cchBytes;
  if (!wb.biff8) {
    const bytes = d.subarray(at, Math.min(d.length, at + cch));
    return { text: wb.decode(bytes), end: at + cch, flags: 0 };
  }
  const flags = d[at++];
  let rich = 0;
  let ext = 0;
  if (flags & 0x08) {
    rich = u16(d, at);
    at += 2;
  }
  if (flags & 0x04) {
    ext = u32(d, at);
    at += 4;
  }
  const wide = (flags & 1) === 1;
  const n = Math.min(cch, Math.floor((d.length - at) / (wide ? 2 : 1)));
  const text = wide ? utf16(d, at, n) : latin1(d, at, n);
  return { text, end: at + n * (wide ? 2 : 1) + rich * 4 + ext, flags };
}

function fontAt(wb: Workbook, index: number): Font | undefined {
  // font index 4 is never written: the fifth FONT record is index 5
  return wb.fonts[index < 4 ? index : index - 1];
}

function runsOf(wb: Workbook, text: string, xf: number, rich: [number, number][]): { runs: TextRun[]; bold: boolean } {
  const base = fontAt(wb, wb.xfs[xf]?.font ?? 0);
  const bounds: [number, Font | undefined][] = [[0, base]];
  for (const [ich, ifnt] of rich) {
    if (ich >= text.length) continue;
    if (ich === 0) bounds[0] = [0, fontAt(wb, ifnt)];
    else bounds.push([ich, fontAt(wb, ifnt)]);
  }
  bounds.sort((a, b) => a[0] - b[0]);
  const runs: TextRun[] = [];
  bounds.forEach(([start, font], i) => {
    const end = i + 1 < bounds.length ? bounds[i + 1][0] : text.length;
    if (end <= start) return;
    const t = text.slice(start, end);
    const last = runs[runs.length - 1];
    if (last && last.font === font?.name) last.text += t;
    else runs.push(font?.name ? { text: t, font: font.name } : { text: t });
  });
  return { runs, bold: Boolean(base?.bold) };
}

function* records(d: Uint8Array, from = 0): Generator<{ type: number; data: Uint8Array; at: number }> {
  let at = from;
  while (at + 4 <= d.length) {
    const type = u16(d, at);
    const len = u16(d, at + 2);
    const data = d.subarray(at + 4, Math.min(d.length, at + 4 + len));
    yield { type, data, at };
    at += 4 + len;
  }
}

function decoderFor(codepage: number): (b: Uint8Array) => string {
  if (codepage === 1200) return (b) => Buffer.from(b).toString("utf16le");
  const name = codepage === 367 ? "ascii" : codepage === 10000 ? "macintosh" : `cp${codepage}`;
  if (codepage !== 1252 && iconv.encodingExists(name)) return (b) => iconv.decode(Buffer.from(b), name);
  // Windows-1252, as Excel 95 wrote TCVN3 and VNI text: the normalize stage decodes by font
  return (b) => iconv.decode(Buffer.from(b), "cp1252");
}

/** Reads the sheets of a workbook stream. */
export function readBiff(stream: Uint8Array): Sheet[] {
  const first = records(stream).next();
  if (first.done || first.value.type !== REC.BOF && first.value.type !== 0x0209 && first.value.type !== 0x0409) {
    throw new BiffError("the workbook stream does not start with a BOF record");
  }
  const version = u16(first.value.data, 0);
  const wb: Workbook = {
    biff8: version === 0x0600,
    decode: decoderFor(1252),
    fonts: [],
    xfs: [],
    formats: new Map(),
    sst: [],
    date1904: false,
  };
  const sheets: { name: string; at: number }[] = [];
  // workbook globals, up to their EOF
  let sstParts: Uint8Array[] | null = null;
  let lastType = 0;
  for (const { type, data } of records(stream)) {
    if (type === REC.CONTINUE && sstParts && lastType === REC.SST) {
      sstParts.push(data);
      continue;
    }
    lastType = type;
    if (type === REC.EOF) break;
    switch (type) {
      case REC.FILEPASS:
        throw new CorruptFileError("encrypted", "the workbook is password-protected (encrypted); vanban cannot read it", null);
      case REC.CODEPAGE:
        wb.decode = decoderFor(u16(data, 0));
        break;
      case REC.DATEMODE:
        wb.date1904 = u16(data, 0) === 1;
        break;
      case REC.FONT: {
        const bold = u16(data, 6) >= 700;
        const name = readString(data, 14, wb, 1).text;
        wb.fonts.push({ name: name.replace(/\0+$/, ""), bold });
        break;
      }
      case REC.FORMAT:
        wb.formats.set(u16(data, 0), readString(data, 2, wb, wb.biff8 ? 2 : 1).text);
        break;
      case REC.XF:
        wb.xfs.push({ font: u16(data, 0), format: u16(data, 2) });
        break;
      case REC.BOUNDSHEET: {
        // only worksheets (dt 0); charts, macro and VBA sheets hold no text of the document
        if ((data[5] & 0x0f) === 0) sheets.push({ name: readString(data, 6, wb, 1).text, at: u32(data, 0) });
        break;
      }
      case REC.SST:
        sstParts = [data];
        break;
    }
  }
  if (sstParts) {
    const r = new Segments(sstParts);
    r.skip(4);
    const unique = r.u32();
    try {
      for (let i = 0; i < unique; i++) wb.sst.push(readRichString(r));
    } catch (err) {
      if (!(err instanceof BiffError)) throw err;
      // a string table cut short: keep the strings read so far
    }
  }
  return sheets.map((s) => ({ name: s.name, cells: readSheet(stream, s.at, wb) }));
}

function readSheet(stream: Uint8Array, at: number, wb: Workbook): Cell[] {
  const cells: Cell[] = [];
  if (at >= stream.length) return cells;
  const add = (row: number, col: number, xf: number, text: string, rich: [number, number][] = []) => {
    if (!text) return;
    const { runs, bold } = runsOf(wb, text, xf, rich);
    cells.push(bold ? { row, col, runs, bold } : { row, col, runs });
  };
  const number = (row: number, col: number, xf: number, v: number) => {
    const fmt = wb.xfs[xf]?.format ?? 0;
    const text = formatNumber(v, isDateFormat(fmt, wb.formats.get(fmt)), wb.date1904);
    cells.push({ row, col, runs: [{ text }] });
  };
  let depth = 0;
  let pendingFormula: { row: number; col: number; xf: number } | null = null;
  for (const { type, data } of records(stream, at)) {
    if (type === REC.BOF || type === 0x0209 || type === 0x0409) {
      depth++;
      continue;
    }
    if (type === REC.EOF) {
      if (--depth <= 0) break;
      continue;
    }
    if (depth > 1) continue; // a chart embedded in the sheet
    if (data.length < 6 && type !== REC.STRING) continue;
    const row = u16(data, 0);
    const col = u16(data, 2);
    const xf = u16(data, 4);
    switch (type) {
      case REC.LABELSST: {
        const s = wb.sst[u32(data, 6)];
        if (s) add(row, col, xf, s.text, s.runs);
        break;
      }
      case REC.LABEL:
        add(row, col, xf, readString(data, 6, wb, 2).text);
        break;
      case REC.RSTRING: {
        const s = readString(data, 6, wb, 2);
        const rich: [number, number][] = [];
        let p = s.end;
        if (wb.biff8) {
          const n = u16(data, p);
          p += 2;
          for (let i = 0; i < n && p + 4 <= data.length; i++, p += 4) rich.push([u16(data, p), u16(data, p + 2)]);
        } else {
          const n = data[p++];
          for (let i = 0; i < n && p + 2 <= data.length; i++, p += 2) rich.push([data[p], data[p + 1]]);
        }
        add(row, col, xf, s.text, rich);
        break;
      }
      case REC.NUMBER:
        if (data.length >= 14) number(row, col, xf, f64(data, 6));
        break;
      case REC.RK:
        if (data.length >= 10) number(row, col, xf, rk(u32(data, 6)));
        break;
      case REC.MULRK: {
        const last = u16(data, data.length - 2);
        for (let c = col, p = 4; c <= last && p + 6 <= data.length - 2; c++, p += 6) number(row, c, u16(data, p), rk(u32(data, p + 2)));
        break;
      }
      case REC.FORMULA: {
        if (data.length < 14) break;
        if (data[12] === 0xff && data[13] === 0xff) {
          if (data[6] === 0) pendingFormula = { row, col, xf }; // the text follows in a STRING record
          else if (data[6] === 1) cells.push({ row, col, runs: [{ text: data[8] ? "TRUE" : "FALSE" }] });
        } else {
          const v = f64(data, 6);
          if (Number.isFinite(v)) number(row, col, xf, v);
        }
        break;
      }
      case REC.STRING: {
        if (!pendingFormula) break;
        const { row: r, col: c, xf: x } = pendingFormula;
        pendingFormula = null;
        add(r, c, x, readString(data, 0, wb, 2).text);
        break;
      }
      case REC.BOOLERR:
        if (data.length >= 8 && data[7] === 0) cells.push({ row, col, runs: [{ text: data[6] ? "TRUE" : "FALSE" }] });
        break;
    }
  }
  return cells;
}

/** The workbook stream of a compound file: `Workbook` (Excel 97 on) or `Book` (Excel 5/95). */
export function workbookStream(bytes: Uint8Array): Uint8Array | null {
  const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
  const entry = CFB.find(cfb, "/Workbook") ?? CFB.find(cfb, "/Book");
  if (!entry?.content) return null;
  const c = entry.content as Uint8Array | number[];
  return c instanceof Uint8Array ? c : Uint8Array.from(c);
}

export const xlsLoader: Loader = {
  format: "xls",
  async load(bytes, options) {
    const file = options.path ?? null;
    let sheets: Sheet[];
    try {
      const stream = workbookStream(bytes);
      if (!stream) throw new BiffError("no Workbook stream in the compound file");
      sheets = readBiff(stream);
    } catch (err) {
      if (err instanceof VanbanError) throw err instanceof CorruptFileError && !err.file ? new CorruptFileError(err.code, err.message, file) : err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this xls file: ${reason} (damaged, truncated, or not an Excel 97–2003 workbook)`, file, { cause: err });
    }
    const lines = workbookLines(sheets);
    const warnings: LoadedDocument["warnings"] = [];
    if (!lines.length) warnings.push({ code: "no-text", message: "the workbook holds no text" });
    return { format: "xls", pages: null, lines, ocr: false, warnings };
  },
};
