/**
 * The glyphs a page draws, read from its content stream without pdf.js: for a TCVN3 page whose
 * `ư` pdf.js dropped from the text (see `./glyphs.ts`), this is all that is needed to put it back,
 * and pdf.js's own operator list (a second full pass over the page: fonts, glyph objects, every
 * operator copied between its worker and this thread) costs as much as reading the text itself.
 *
 * Only the plain case is read: fonts with a ToUnicode map (one-byte simple fonts, or Type0 under
 * Identity-H/V), text outside form XObjects, no inline image. Anything else gives null, and the
 * caller asks pdf.js; so does any glyph whose code the map does not cover.
 */
import { multiply } from "./annotations.js";
import { GlyphTextBuilder, type GlyphText } from "./glyphs.js";
import { isAsciiDigitCode } from "../../text/letters.js";
import { binaryString, isOp, Lexer, PdfName, PdfRef, searchable, shortBinaryString, type PdfDict, type PdfValue, type RawPdf } from "./raw.js";

/** What a font's codes stand for: code length in bytes and code → text (from ToUnicode). */
interface FontCodes {
  bytes: 1 | 2;
  map: Map<number, string>;
  /**
   * a one-byte font's map by code, made when its first string is shown (a look-up a glyph): the
   * code unit a code stands for, {@link UNMAPPED}, or {@link SEVERAL_UNITS} (its text is asked of `map`)
   */
  byCode?: Int32Array;
}

const UNMAPPED = -1;
/** a code whose text is not one code unit (`fi` for a ligature; none) */
const SEVERAL_UNITS = -2;

/** A one-byte font's map as {@link FontCodes.byCode} has it. */
function oneByteCodes(map: Map<number, string>): Int32Array {
  const out = new Int32Array(256).fill(UNMAPPED);
  for (let c = 0; c < 256; c++) {
    const t = map.get(c);
    if (t !== undefined) out[c] = t.length === 1 ? t.charCodeAt(0) : SEVERAL_UNITS;
  }
  return out;
}

/**
 * A simple font under WinAnsiEncoding with no ToUnicode: pdf.js reads its codes by their glyph
 * names, which are Windows-1252's characters but for the codes 1252 leaves out (a bullet), the
 * no-break space (a space) and the soft hyphen (a hyphen).
 */
const WIN_ANSI = (() => {
  const map = new Map<number, string>();
  const high = "\u20ac\u2022\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u2022\u017d\u2022\u2022\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u2022\u017e\u0178";
  for (let c = 0x20; c <= 0xff; c++) map.set(c, c >= 0x80 && c < 0xa0 ? high[c - 0x80] : String.fromCharCode(c));
  map.set(0x7f, "\u2022");
  map.set(0xa0, " ");
  map.set(0xad, "-");
  return map;
})();

const hexValue = (h: string) => parseInt(h, 16);
const utf16 = (hex: string) => {
  let s = "";
  for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  if (hex.length % 4 === 2) s += String.fromCharCode(parseInt(hex.slice(-2), 16));
  return s;
};

/** A ToUnicode CMap's `bfchar` and `bfrange` entries (the forms PDF writers use). */
export function parseToUnicode(text: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(hexValue(m[1]), utf16(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const lo = hexValue(m[1]), hi = hexValue(m[2]);
      if (hi < lo || hi - lo > 0xffff) continue;
      if (m[4] !== undefined) {
        const dests = [...m[4].matchAll(/<([0-9a-fA-F]*)>/g)].map((d) => utf16(d[1]));
        for (let c = lo; c <= hi && c - lo < dests.length; c++) map.set(c, dests[c - lo]);
      } else {
        // the destination's last UTF-16 unit counts up along the range
        const base = utf16(m[3]!);
        if (!base) continue;
        const head = base.slice(0, -1), last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) map.set(c, head + String.fromCharCode(last + c - lo));
      }
    }
  }
  return map;
}

/**
 * What each byte of a content stream opens, as a table: a TCVN3 page's stream is some 30 KB of
 * `-0.0336 Tc (%) Tj`, and the tests a byte were most of its scan.
 */
const REGULAR = 0, WHITE = 1, NUMBER = 2, LITERAL = 3, ANGLE = 4, OPEN_ARRAY = 5, NAME = 6, COMMENT = 7, OTHER_DELIMITER = 8;
const BYTE_KIND = (() => {
  const t = new Uint8Array(256);
  for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) t[c] = WHITE;
  // a number, the most of a stream's tokens
  for (const ch of "0123456789+-.") t[ch.charCodeAt(0)] = NUMBER;
  for (const ch of ")>]{}") t[ch.charCodeAt(0)] = OTHER_DELIMITER;
  t[0x28] = LITERAL;
  t[0x3c] = ANGLE;
  t[0x5b] = OPEN_ARRAY;
  t[0x2f] = NAME;
  t[0x25] = COMMENT;
  return t;
})();
/** The bytes a token ends at (white space and the delimiters), 1 in a table. */
const ENDS_TOKEN = BYTE_KIND.map((k) => (k === WHITE || k >= LITERAL ? 1 : 0));
/** where the token starting at `i` ends (at white space or a delimiter) */
function tokenEnd(b: Uint8Array, i: number): number {
  while (i < b.length && ENDS_TOKEN[b[i]] === 0) i++;
  return i;
}

const hexDigit = (c: number) => (isAsciiDigitCode(c) ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** The bytes that end a literal string's plain stretch: a backslash and the parentheses, 1 in a table. */
const IN_LITERAL = (() => {
  const t = new Uint8Array(256);
  t[0x28] = t[0x29] = t[0x5c] = 1;
  return t;
})();

/**
 * The string operands of a content stream's operator, their codes kept one after the other in one
 * buffer reused for the whole stream: a TCVN3 writer shows each glyph with its own `(x) Tj`, and
 * an array a string was most of the reading.
 */
class StringOperands {
  codes = new Uint8Array(1024);
  /** where each string's codes end in `codes` */
  ends = new Int32Array(64);
  length = 0;
  private size = 0;

  clear(): void {
    this.length = 0;
    this.size = 0;
  }

  /** the codes of string `k` run from `start(k)` to `ends[k]` */
  start(k: number): number {
    return k === 0 ? 0 : this.ends[k - 1];
  }

  /** Makes room for `more` codes. */
  private reserve(more: number): void {
    if (this.size + more <= this.codes.length) return;
    const grown = new Uint8Array(2 * (this.size + more));
    grown.set(this.codes);
    this.codes = grown;
  }

  private push(code: number): void {
    if (this.size === this.codes.length) this.reserve(1);
    this.codes[this.size++] = code;
  }

  private close(): void {
    if (this.length === this.ends.length) {
      const grown = new Int32Array(2 * this.length);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.length++] = this.size;
  }

  /** Reads a literal `( … )` string starting at `at`; returns where it ends. */
  literal(b: Uint8Array, at: number): number {
    const n = b.length;
    // a string with no escape and no parenthesis inside (`(%)`, most of a TCVN3 page's) is its
    // bytes as they stand, copied without asking each what it is
    let plain = at + 1;
    while (plain < n && IN_LITERAL[b[plain]] === 0) plain++;
    if (plain < n && b[plain] === 0x29) {
      this.reserve(plain - at);
      for (let k = at + 1; k < plain; k++) this.codes[this.size++] = b[k];
      this.close();
      return plain + 1;
    }
    let depth = 0, i = at;
    for (; i < n; i++) {
      const ch = b[i];
      if (ch === 0x5c) {
        if (++i === n) break;
        const e = b[i];
        if (e === 0x6e) this.push(10);
        else if (e === 0x72) this.push(13);
        else if (e === 0x74) this.push(9);
        else if (e === 0x62) this.push(8);
        else if (e === 0x66) this.push(12);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30, k = 1;
          while (k < 3 && i + 1 < n && b[i + 1] >= 0x30 && b[i + 1] <= 0x37) v = v * 8 + b[++i] - 0x30, k++;
          this.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[i + 1] === 0x0a) i++;
        } else if (e !== 0x0a) this.push(e);
        continue;
      }
      if (ch === 0x28 && depth++ === 0) continue;
      if (ch === 0x29 && --depth === 0) {
        this.close();
        return i + 1;
      }
      this.push(ch);
    }
    this.close();
    return i;
  }

  /** Reads a hex string `< … >` starting at `at` (non-hex characters skipped, an odd last digit read as `d0`); returns where it ends. */
  hex(b: Uint8Array, at: number): number {
    const close = b.indexOf(0x3e, at);
    const end = close < 0 ? b.length : close;
    let high = -1;
    for (let i = at + 1; i < end; i++) {
      const d = hexDigit(b[i]);
      if (d < 0) continue;
      if (high < 0) high = d;
      else {
        this.push(high * 16 + d);
        high = -1;
      }
    }
    if (high >= 0) this.push(high * 16);
    this.close();
    return end + 1;
  }
}

/** Where the first `>>` from `from` on stands in `b`, or -1. */
function closingAngles(b: Uint8Array, from: number): number {
  let i = b.indexOf(0x3e, from);
  while (i >= 0 && b[i + 1] !== 0x3e) i = b.indexOf(0x3e, i + 1);
  return i;
}

/** The operators {@link contentGlyphs} acts on, as {@link opCode} gives them. */
const OP = { Tf: 0x5466, Tj: 0x546a, TJ: 0x544a, quote: 0x27, doubleQuote: 0x22, Do: 0x446f, BI: 0x4249, ID: 0x4944 } as const;

/** An operator of one or two characters as a number (its codes), -1 for a longer one: no slice an operator. */
const opCode = (b: Uint8Array, i: number, e: number) => (e - i === 1 ? b[i] : e - i === 2 ? (b[i] << 8) | b[i + 1] : -1);

/**
 * The glyphs shown by a content stream (one `Glyph` a code point of each code's text, as
 * `glyphStream` gives them from pdf.js's operator list), or null when the stream leaves the plain
 * case (a form XObject, an inline image, a font or a code that cannot be read here). Read from
 * its bytes as inflated: a string of them cost a copy of the page, and reading it a code unit at a
 * time cost more than reading the bytes.
 */
export function contentGlyphs(content: Uint8Array, fonts: (name: string) => FontCodes | null, isForm: (name: string) => boolean): GlyphText | null {
  const out = new GlyphTextBuilder();
  const b = content;
  const n = b.length;
  let font: FontCodes | null = null;
  let fontName = "";
  // where the last name's bytes stand: made a string only for the operators that read it (a
  // TCVN3 page names a hundred things, `/P <</MCID 3>> BDC`, and sets a font a few times)
  let nameFrom = 0, nameTo = 0;
  const lastName = () => shortBinaryString(b, nameFrom, nameTo);
  // string operands since the last operator (a `[` starts them again)
  const strings = new StringOperands();
  /**
   * the glyphs of string operand `k` in the current font; false for a code the font does not map
   * (what was added before it does not matter: the stream is then not read here at all)
   */
  const show = (k: number): boolean => {
    if (!font) return false;
    const { codes } = strings;
    const from = strings.start(k), to = strings.ends[k];
    if (font.bytes === 1) {
      const byCode = (font.byCode ??= oneByteCodes(font.map));
      for (let i = from; i < to; i++) {
        const u = byCode[codes[i]];
        if (u >= 0) out.unit(u, fontName);
        else if (u === UNMAPPED) return false;
        else out.add(font.map.get(codes[i])!, fontName);
      }
    } else {
      if ((to - from) % 2 !== 0) return false;
      for (let i = from; i < to; i += 2) {
        const t = font.map.get((codes[i] << 8) | codes[i + 1]);
        if (t === undefined) return false;
        out.add(t, fontName);
      }
    }
    return true;
  };
  let i = 0;
  while (i < n) {
    switch (BYTE_KIND[b[i]]) {
      case WHITE:
      case OTHER_DELIMITER:
        // a stray delimiter (`)`, `>`, `]`, `{`, `}`) stands for nothing
        i++;
        continue;
      case NUMBER:
        i = tokenEnd(b, i + 1);
        continue;
      case REGULAR: {
        const e = tokenEnd(b, i + 1);
        switch (opCode(b, i, e)) {
          case OP.Tf:
            fontName = lastName();
            font = fonts(fontName);
            if (!font) return null;
            break;
          case OP.Tj:
          case OP.quote:
          case OP.doubleQuote:
            if (strings.length && !show(strings.length - 1)) return null;
            break;
          case OP.TJ:
            for (let k = 0; k < strings.length; k++) if (!show(k)) return null;
            break;
          case OP.Do:
            if (isForm(lastName())) return null;
            break;
          case OP.BI:
          case OP.ID:
            return null;
        }
        i = e;
        strings.clear();
        continue;
      }
      case COMMENT:
        while (i < n && b[i] !== 0x0a && b[i] !== 0x0d) i++;
        continue;
      case LITERAL:
        i = strings.literal(b, i);
        continue;
      case ANGLE:
        if (b[i + 1] === 0x3c) {
          // a dictionary operand (marked content properties): nothing drawn
          const end = closingAngles(b, i + 2);
          if (end < 0) return null;
          for (let k = i + 2; k + 1 < end; k++) if (b[k] === 0x3c && b[k + 1] === 0x3c) return null;
          i = end + 2;
          continue;
        }
        i = strings.hex(b, i);
        continue;
      case OPEN_ARRAY:
        strings.clear();
        i++;
        continue;
      case NAME:
        nameFrom = i + 1;
        i = nameTo = tokenEnd(b, i + 1);
        continue;
    }
  }
  return out.done();
}

/** A page's content streams, decoded and joined by line feeds; null when one cannot be read here. */
async function pageContent(raw: RawPdf, page: PdfDict): Promise<Uint8Array | null> {
  const contents = page.get("Contents");
  const resolved = raw.resolve(contents);
  const refs: PdfValue[] = Array.isArray(resolved) ? resolved : contents === undefined ? [] : [contents];
  const parts: Uint8Array[] = [];
  for (const ref of refs) {
    await raw.need(ref);
    const data = await raw.stream(ref);
    if (!data) return null;
    parts.push(data);
  }
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, -1));
  let at = 0;
  for (const p of parts) {
    if (at > 0) out[at++] = 0x0a;
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The page's resources, inherited from the page tree when the page has none of its own. */
function resourcesOf(raw: RawPdf, page: PdfDict): PdfDict | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 32; depth++) {
    const res = raw.dict(node.get("Resources"));
    if (res) return res;
    node = raw.dict(node.get("Parent"));
  }
  return undefined;
}

/**
 * The names a content stream writes (`/F1`, `/Im0`, `/GS0`), read in one pass: a resource is read
 * only when the stream names it (a page's fonts and images were each looked for in the whole
 * stream, a scan a resource).
 */
export function namesIn(content: Uint8Array): Set<string> {
  const names = new Set<string>();
  // from each `/` to the next one (a TCVN3 page's 30 KB hold a hundred): the regex engine's
  // match objects, one a name, cost more than the scan
  const view = searchable(content);
  for (let i = view.indexOf(0x2f); i >= 0; ) {
    let e = i + 1;
    while (e < content.length && NAME_ENDS[content[e]] === 0) e++;
    if (e > i + 1) names.add(shortBinaryString(content, i + 1, e));
    i = view.indexOf(0x2f, e);
  }
  return names;
}

/**
 * The bytes a name of {@link namesIn} ends at, 1 in a table: what `/([^\s/[\]()<>{}%]+)/` stops at
 * in the stream's text, one character a byte (JavaScript's `\s`, which is not PDF's white space: it
 * holds U+000B and U+00A0, not U+0000).
 */
const NAME_ENDS = (() => {
  const t = new Uint8Array(256);
  for (const ch of "\t\n\v\f\r \u00a0/[]()<>{}%") t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** An XObject a content stream paints with `Do`: an image, or a form with its own content. */
type Painted = { image: true } | { image: false; matrix: number[]; content: string; xobjects: Map<string, Painted> };

/** Forms inside forms read for {@link ContentReader.imageCoverage}; deeper, pdf.js is asked. */
const FORM_DEPTH = 6;

/**
 * The largest share of the page (of `area`, in user space) that one image covers, read from a
 * content stream as `imageCoverage` (./quality.ts) reads pdf.js's operator list: `q`/`Q`/`cm`
 * carry the matrix, `Do` paints an image (or a form, through its /Matrix), `BI … ID … EI` is an
 * inline image. Null where the stream cannot be followed here.
 *
 *     q 595 0 0 842 0 0 cm /Im0 Do Q   → 1 on an A4 page: a scan's page image
 */
export function contentImageCoverage(content: string, xobjects: Map<string, Painted>, area: number, start: number[] = [1, 0, 0, 1, 0, 0]): number | null {
  const lex = new Lexer(content);
  let ctm = start;
  const stack: number[][] = [];
  let operands: PdfValue[] = [];
  let best = 0;
  const cover = (m: number[]) => (best = Math.max(best, Math.abs(m[0] * m[3] - m[1] * m[2]) / (area || 1)));
  for (let steps = 0; ; steps++) {
    if (steps > 2_000_000) return null;
    const t = lex.next();
    if (t === undefined) break;
    if (!isOp(t)) {
      operands.push(t);
      continue;
    }
    switch (t.op) {
      case "q":
        stack.push(ctm);
        break;
      case "Q":
        ctm = stack.pop() ?? ctm;
        break;
      case "cm": {
        const m = operands.slice(-6);
        if (m.length !== 6 || !m.every((v) => typeof v === "number")) return null;
        ctm = multiply(m as number[], ctm);
        break;
      }
      case "Do": {
        const name = operands[operands.length - 1];
        if (!(name instanceof PdfName)) return null;
        const x = xobjects.get(name.name);
        // an XObject the resources do not name paints nothing (pdf.js skips it too)
        if (!x) break;
        if (x.image) cover(ctm);
        else {
          const inner = contentImageCoverage(x.content, x.xobjects, area, multiply(x.matrix, ctm));
          if (inner === null) return null;
          best = Math.max(best, inner);
        }
        break;
      }
      case "BI": {
        // the image's dictionary, then its data up to an EI standing alone
        const data = content.indexOf("ID", lex.pos);
        if (data < 0) return null;
        const end = /\sEI(?=[\s]|$)/g;
        end.lastIndex = data + 3;
        const m = end.exec(content);
        if (!m) return null;
        lex.pos = m.index + m[0].length;
        cover(ctm);
        break;
      }
    }
    operands = [];
  }
  return Math.min(best, 1);
}

/** Reads pages' glyphs from one document's raw bytes; font maps are kept for the document. */
export class ContentReader {
  private readonly fontCache = new Map<number, FontCodes | null>();

  constructor(private readonly raw: RawPdf) {}

  private async fontCodes(ref: PdfValue | undefined): Promise<FontCodes | null> {
    if (!(ref instanceof PdfRef)) return null;
    if (this.fontCache.has(ref.num)) return this.fontCache.get(ref.num)!;
    let codes: FontCodes | null = null;
    try {
      await this.raw.need(ref);
      const dict = this.raw.dict(ref);
      const subtype = this.raw.resolve(dict?.get("Subtype"));
      const kind = subtype instanceof PdfName ? subtype.name : "";
      const encoding = this.raw.resolve(dict?.get("Encoding"));
      const bytes = kind === "TrueType" || kind === "Type1" || kind === "MMType1" ? 1
        : kind === "Type0" && encoding instanceof PdfName && (encoding.name === "Identity-H" || encoding.name === "Identity-V") ? 2 : 0;
      const tu = dict?.get("ToUnicode");
      if (bytes && tu) {
        await this.raw.need(tu);
        const data = await this.raw.stream(tu);
        if (data) codes = { bytes, map: parseToUnicode(binaryString(data)) };
      } else if (bytes === 1 && !tu && encoding instanceof PdfName && encoding.name === "WinAnsiEncoding") {
        codes = { bytes, map: WIN_ANSI };
      }
    } catch {
      codes = null;
    }
    this.fontCache.set(ref.num, codes);
    return codes;
  }

  /**
   * The names pdf.js gives the fonts of page object `num`, by resource name: a font's BaseFont
   * when its descriptor's FontName says the same (for Type0, its descendant's too); null for a
   * font where pdf.js could choose otherwise (it is then asked).
   */
  async fontNames(num: number): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    const page = this.raw.dict(new PdfRef(num, 0));
    const fontDict = page && this.raw.dict(resourcesOf(this.raw, page)?.get("Font"));
    if (!fontDict) return out;
    const nameOf = (v: PdfValue | undefined) => {
      const r = this.raw.resolve(v);
      return r instanceof PdfName ? r.name : null;
    };
    for (const [res, ref] of fontDict) {
      await this.raw.need(ref);
      const dict = this.raw.dict(ref);
      let name: string | null = null;
      if (dict) {
        const base = nameOf(dict.get("BaseFont"));
        const kind = nameOf(dict.get("Subtype"));
        let font: PdfDict | undefined = dict;
        if (kind === "Type0") {
          const df = this.raw.resolve(dict.get("DescendantFonts"));
          await this.raw.need(Array.isArray(df) ? df[0] : undefined);
          font = Array.isArray(df) ? this.raw.dict(df[0]) : undefined;
          if (font && nameOf(font.get("BaseFont")) !== base) font = undefined;
        }
        const descriptor = font && this.raw.dict(font.get("FontDescriptor"));
        if (base && descriptor && (kind === "Type0" || kind === "TrueType" || kind === "Type1") && nameOf(descriptor.get("FontName")) === base) name = base;
      }
      out.set(res, name);
    }
    return out;
  }

  /**
   * The largest share of the page's `area` one image covers (see {@link contentImageCoverage}),
   * without decoding any image; null where this reader cannot tell.
   */
  async imageCoverage(num: number, area: number): Promise<number | null> {
    const ref = new PdfRef(num, 0);
    await this.raw.need(ref);
    const page = this.raw.dict(ref);
    if (!page) return null;
    const content = await pageContent(this.raw, page);
    if (content === null) return null;
    const xobjects = await this.painted(resourcesOf(this.raw, page), content, 0);
    return xobjects && contentImageCoverage(binaryString(content), xobjects, area);
  }

  /** The XObjects of `resources` that `content` names, forms read (to {@link FORM_DEPTH}); null when one cannot be. */
  private async painted(resources: PdfDict | undefined, content: Uint8Array, depth: number): Promise<Map<string, Painted> | null> {
    const out = new Map<string, Painted>();
    const dict = this.raw.dict(resources?.get("XObject"));
    if (!dict) return out;
    const named = namesIn(content);
    for (const [name, ref] of dict) {
      if (!named.has(name)) continue;
      await this.raw.need(ref);
      const x = this.raw.dict(ref);
      const sub = this.raw.resolve(x?.get("Subtype"));
      if (!(sub instanceof PdfName)) return null;
      if (sub.name === "Image") out.set(name, { image: true });
      else if (sub.name === "Form") {
        if (depth >= FORM_DEPTH) return null;
        const data = await this.raw.stream(ref);
        if (!data) return null;
        const m = this.raw.resolve(x!.get("Matrix"));
        const matrix = Array.isArray(m) && m.length === 6 && m.every((v) => typeof v === "number") ? (m as number[]) : [1, 0, 0, 1, 0, 0];
        const xobjects = await this.painted(this.raw.dict(x!.get("Resources")) ?? resources, data, depth + 1);
        if (!xobjects) return null;
        out.set(name, { image: false, matrix, content: binaryString(data), xobjects });
      }
    }
    return out;
  }

  /** The glyphs page object `num` draws, or null where this reader cannot tell them. */
  async glyphs(num: number): Promise<GlyphText | null> {
    const ref = new PdfRef(num, 0);
    await this.raw.need(ref);
    const page = this.raw.dict(ref);
    if (!page) return null;
    const resources = resourcesOf(this.raw, page);
    const fontDict = this.raw.dict(resources?.get("Font"));
    const xobjects = this.raw.dict(resources?.get("XObject"));
    const content = await pageContent(this.raw, page);
    if (content === null) return null;
    // the fonts and forms the stream names, read before the (synchronous) scan
    const fonts = new Map<string, FontCodes | null>();
    const named = namesIn(content);
    if (fontDict) for (const [name, value] of fontDict) if (named.has(name)) fonts.set(name, await this.fontCodes(value));
    const forms = new Set<string>();
    if (xobjects) {
      for (const [name, value] of xobjects) {
        if (!named.has(name)) continue;
        await this.raw.need(value);
        const sub = this.raw.dict(value)?.get("Subtype");
        if (!(sub instanceof PdfName) || sub.name !== "Image") forms.add(name);
      }
    }
    return contentGlyphs(content, (n) => fonts.get(n) ?? null, (n) => forms.has(n));
  }
}
