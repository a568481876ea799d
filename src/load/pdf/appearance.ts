import { binaryString, isOp, Lexer, PdfName, PdfRef, type PdfDict, type PdfValue, type RawPdf } from "./raw.js";

/**
 * The text a widget's appearance stream draws (a signature stamp: the signer, the time, or the
 * số and ngày a clerk's signature fills in), read from the file's own objects: form XObjects
 * followed through `Do`, strings decoded with each font's /ToUnicode CMap (or WinAnsi for a
 * simple font without one). pdf.js would give the same only by drawing the whole page.
 */

const MAX_DEPTH = 6;
const cp1252 = new TextDecoder("windows-1252");

type Decoder = (bytes: Uint8Array) => string;

/** A /ToUnicode CMap: code (as bytes in hex) → text, and the code lengths it uses. */
function parseCMap(text: string): { map: Map<string, string>; lengths: number[] } {
  const map = new Map<string, string>();
  const lengths = new Set<number>();
  const lex = new Lexer(text);
  const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  const utf16 = (b: Uint8Array) => new TextDecoder("utf-16be").decode(b);
  let mode: "char" | "range" | null = null;
  const args: PdfValue[] = [];
  for (let t = lex.next(); t !== undefined; t = lex.next()) {
    if (isOp(t)) {
      if (t.op === "beginbfchar") mode = "char";
      else if (t.op === "beginbfrange") mode = "range";
      else if (t.op === "endbfchar" || t.op === "endbfrange") mode = null;
      args.length = 0;
      continue;
    }
    if (!mode) continue;
    args.push(t);
    if (mode === "char" && args.length === 2) {
      const [src, dst] = args;
      if (src instanceof Uint8Array && dst instanceof Uint8Array) {
        map.set(hex(src), utf16(dst));
        lengths.add(src.length);
      }
      args.length = 0;
    } else if (mode === "range" && args.length === 3) {
      const [lo, hi, dst] = args;
      if (lo instanceof Uint8Array && hi instanceof Uint8Array && lo.length === hi.length) {
        const from = parseInt(hex(lo), 16), to = parseInt(hex(hi), 16);
        lengths.add(lo.length);
        for (let code = from; code <= to && code - from < 65536; code++) {
          const key = code.toString(16).padStart(lo.length * 2, "0");
          if (Array.isArray(dst)) {
            const d = dst[code - from];
            if (d instanceof Uint8Array) map.set(key, utf16(d));
          } else if (dst instanceof Uint8Array && dst.length >= 2) {
            // the last UTF-16 unit counts up along the range
            const d = Uint8Array.from(dst);
            const last = ((d[d.length - 2] << 8) | d[d.length - 1]) + (code - from);
            d[d.length - 2] = (last >> 8) & 0xff;
            d[d.length - 1] = last & 0xff;
            map.set(key, utf16(d));
          }
        }
      }
      args.length = 0;
    }
  }
  return { map, lengths: [...lengths].sort((a, b) => b - a) };
}

async function fontDecoder(raw: RawPdf, ref: PdfValue | undefined): Promise<Decoder> {
  await raw.need(ref);
  const font = raw.dict(ref);
  await raw.need(font?.get("ToUnicode"));
  const subtype = font && raw.resolve(font.get("Subtype"));
  const composite = subtype instanceof PdfName && subtype.name === "Type0";
  const data = font ? await raw.stream(font.get("ToUnicode")) : undefined;
  if (data) {
    const { map, lengths } = parseCMap(binaryString(data));
    const sizes = lengths.length ? lengths : [composite ? 2 : 1];
    return (bytes) => {
      let out = "";
      for (let i = 0; i < bytes.length; ) {
        let hit = false;
        for (const n of sizes) {
          const key = Array.from(bytes.subarray(i, i + n), (x) => x.toString(16).padStart(2, "0")).join("");
          const t = map.get(key);
          if (t !== undefined) {
            out += t;
            i += n;
            hit = true;
            break;
          }
        }
        if (!hit) i += sizes[sizes.length - 1];
      }
      return out;
    };
  }
  // a composite font without a map has glyph ids, not text
  return composite ? () => "" : (bytes) => cp1252.decode(bytes);
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `a × b` (a point goes through `a` first, as PDF writes it). */
function times(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

const asMatrix = (v: PdfValue[] | PdfValue | undefined): Matrix | null =>
  Array.isArray(v) && v.length === 6 && v.every((n) => typeof n === "number") ? ([...v] as Matrix) : null;

/** Lines of text as drawn: a string starts a new line when its baseline is not the current line's. */
interface State {
  lines: string[];
  line: string;
  /** the baseline (device y) of the current line */
  lineY: number | null;
}

/** `text` drawn at baseline `y` in type of height `size` (both in device space). */
function show(st: State, y: number, size: number, text: string) {
  if (st.lineY !== null && Math.abs(y - st.lineY) > Math.max(0.4 * size, 1e-6)) {
    if (st.line.trim()) st.lines.push(st.line);
    st.line = "";
  }
  st.lineY = y;
  st.line += text;
}

/** Runs a content stream's text operators, following form XObjects. */
async function runForm(raw: RawPdf, ref: PdfValue | undefined, st: State, ctm: Matrix, depth: number): Promise<void> {
  if (depth > MAX_DEPTH || !(ref instanceof PdfRef)) return;
  await raw.need(ref);
  const form = raw.dict(ref);
  const data = await raw.stream(ref);
  if (!form || !data) return;
  await raw.need(form.get("Resources"));
  const resources = raw.dict(form.get("Resources"));
  await raw.need(resources?.get("Font"), resources?.get("XObject"));
  const fonts = raw.dict(resources?.get("Font"));
  const xobjects = raw.dict(resources?.get("XObject"));
  const decoders = new Map<string, Decoder>();
  let decode: Decoder = () => "";
  let cm = times(asMatrix(raw.resolve(form.get("Matrix"))) ?? IDENTITY, ctm);
  const saved: Matrix[] = [];
  // text matrix and text line matrix, and the leading T* moves by
  let tm: Matrix = IDENTITY, tlm: Matrix = IDENTITY, leading = 0;
  const moveLine = (tx: number, ty: number) => {
    tlm = times([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  let fontSize = 1;
  const at = (): [number, number] => {
    const m = times(tm, cm);
    return [m[5], Math.abs(fontSize) * Math.hypot(m[2], m[3])];
  };
  const text = binaryString(data);
  const lex = new Lexer(text);
  const operands: PdfValue[] = [];
  const num = (i: number) => (typeof operands[i] === "number" ? (operands[i] as number) : 0);
  for (let t = lex.next(); t !== undefined; t = lex.next()) {
    if (!isOp(t)) {
      operands.push(t);
      continue;
    }
    const op = t.op;
    if (op === "q") saved.push(cm);
    else if (op === "Q") cm = saved.pop() ?? cm;
    else if (op === "cm") cm = times(asMatrix(operands) ?? IDENTITY, cm);
    else if (op === "BT") tm = tlm = IDENTITY;
    else if (op === "TL") leading = num(0);
    else if (op === "Td") moveLine(num(0), num(1));
    else if (op === "TD") {
      leading = -num(1);
      moveLine(num(0), num(1));
    } else if (op === "T*") moveLine(0, -leading);
    else if (op === "Tm") tm = tlm = asMatrix(operands) ?? IDENTITY;
    else if (op === "Tf" && operands[0] instanceof PdfName) {
      const name = operands[0].name;
      if (!decoders.has(name)) decoders.set(name, await fontDecoder(raw, fonts?.get(name)));
      decode = decoders.get(name)!;
      fontSize = num(1);
    } else if (op === "Tj" || op === "'" || op === '"') {
      if (op !== "Tj") moveLine(0, -leading);
      const s = operands[operands.length - 1];
      if (s instanceof Uint8Array) show(st, ...at(), decode(s));
    } else if (op === "TJ" && Array.isArray(operands[0])) {
      let out = "";
      for (const part of operands[0]) {
        if (part instanceof Uint8Array) out += decode(part);
        else if (typeof part === "number" && part < -200) out += " ";
      }
      show(st, ...at(), out);
    } else if (op === "Do" && operands[0] instanceof PdfName) {
      const x = xobjects?.get(operands[0].name);
      await raw.need(x);
      const sub = raw.dict(x)?.get("Subtype");
      if (sub instanceof PdfName && sub.name === "Form") await runForm(raw, x, st, cm, depth + 1);
    } else if (op === "BI") {
      // an inline image: its data runs to `EI`
      const ei = text.indexOf("EI", text.indexOf("ID", lex.pos));
      lex.pos = ei < 0 ? text.length : ei + 2;
    }
    operands.length = 0;
  }
}

/** The text of a widget's normal appearance, lines joined by "\n"; null when it draws none. */
export async function appearanceText(raw: RawPdf, widget: PdfDict): Promise<string | null> {
  await raw.need(widget.get("AP"));
  const ap = raw.dict(widget.get("AP"));
  const normal = ap?.get("N");
  const st: State = { lines: [], line: "", lineY: null };
  await runForm(raw, normal, st, IDENTITY, 0);
  const lines = [...st.lines, st.line].map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  return lines.length ? lines.join("\n") : null;
}
