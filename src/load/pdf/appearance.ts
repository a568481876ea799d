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
  const font = raw.dict(ref);
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

interface State {
  lines: string[];
  line: string;
  /** the baseline the last Tm set: a Tm on the same baseline continues the line */
  y?: number;
}

function endLine(st: State) {
  if (st.line.trim()) st.lines.push(st.line);
  st.line = "";
}

/** Runs a content stream's text operators, following form XObjects. */
async function runForm(raw: RawPdf, ref: PdfValue | undefined, st: State, depth: number): Promise<void> {
  if (depth > MAX_DEPTH || !(ref instanceof PdfRef)) return;
  const form = raw.dict(ref);
  const data = await raw.stream(ref);
  if (!form || !data) return;
  const resources = raw.dict(form.get("Resources"));
  const fonts = raw.dict(resources?.get("Font"));
  const xobjects = raw.dict(resources?.get("XObject"));
  const decoders = new Map<string, Decoder>();
  let decode: Decoder = () => "";
  const text = binaryString(data);
  const lex = new Lexer(text);
  const operands: PdfValue[] = [];
  for (let t = lex.next(); t !== undefined; t = lex.next()) {
    if (!isOp(t)) {
      operands.push(t);
      continue;
    }
    const op = t.op;
    if (op === "Tf" && operands[0] instanceof PdfName) {
      const name = operands[0].name;
      if (!decoders.has(name)) decoders.set(name, await fontDecoder(raw, fonts?.get(name)));
      decode = decoders.get(name)!;
    } else if (op === "Tj" || op === "'" || op === '"') {
      if (op !== "Tj") endLine(st);
      const s = operands[operands.length - 1];
      if (s instanceof Uint8Array) st.line += decode(s);
    } else if (op === "TJ" && Array.isArray(operands[0])) {
      for (const part of operands[0]) {
        if (part instanceof Uint8Array) st.line += decode(part);
        else if (typeof part === "number" && part < -200) st.line += " ";
      }
    } else if (op === "T*" || op === "ET") {
      endLine(st);
    } else if ((op === "Td" || op === "TD") && operands[1] !== 0) {
      endLine(st);
    } else if (op === "Tm") {
      const y = operands[5];
      if (typeof y !== "number" || y !== st.y) endLine(st);
      else if (st.line && !st.line.endsWith(" ")) st.line += " ";
      st.y = typeof y === "number" ? y : undefined;
    } else if (op === "Do" && operands[0] instanceof PdfName) {
      const x = xobjects?.get(operands[0].name);
      const sub = raw.dict(x)?.get("Subtype");
      if (sub instanceof PdfName && sub.name === "Form") await runForm(raw, x, st, depth + 1);
    } else if (op === "BI") {
      // an inline image: its data runs to `EI`
      const ei = text.indexOf("EI", text.indexOf("ID", lex.pos));
      lex.pos = ei < 0 ? text.length : ei + 2;
    }
    operands.length = 0;
  }
  endLine(st);
}

/** The text of a widget's normal appearance, lines joined by "\n"; null when it draws none. */
export async function appearanceText(raw: RawPdf, widget: PdfDict): Promise<string | null> {
  const ap = raw.dict(widget.get("AP"));
  const normal = ap?.get("N");
  const st: State = { lines: [], line: "" };
  await runForm(raw, normal, st, 0);
  const lines = st.lines.map((l) => l.replace(/\s+/g, " ").trim()).filter(Boolean);
  return lines.length ? lines.join("\n") : null;
}
