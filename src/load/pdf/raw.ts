/**
 * Just enough of PDF's object syntax to read objects that stand uncompressed in the file (as the
 * objects a signing tool appends in an incremental update do): an index of `N G obj` headers
 * (the last revision of each wins), a parser of object values, and stream data (FlateDecode via
 * the Compression Streams API, in Node and browsers). Objects inside object streams are not
 * reached: callers treat `undefined` as "not known".
 */
import { nodeBuffer } from "../../text/units.js";

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | Uint8Array | PdfValue[] | PdfDict;
export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}
export type PdfDict = Map<string, PdfValue>;

const DELIM = "()<>[]{}/%";
/** PDF white space (NUL, tab, LF, FF, CR, space), by code: the bytes' scans ask it of a byte, the lexer of a character. */
const isWhiteCode = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isWhite = (c: string) => isWhiteCode(c.charCodeAt(0));
const isRegular = (c: string | undefined) => c !== undefined && !isWhite(c) && !DELIM.includes(c);

/** A reader of PDF tokens over latin1 text (one character a byte). */
export class Lexer {
  pos: number;
  constructor(readonly s: string, pos = 0) {
    this.pos = pos;
  }

  skip(): void {
    const s = this.s;
    while (this.pos < s.length) {
      if (isWhite(s[this.pos])) this.pos++;
      else if (s[this.pos] === "%") while (this.pos < s.length && s[this.pos] !== "\n" && s[this.pos] !== "\r") this.pos++;
      else break;
    }
  }

  /** The next value, or an operator (`{ op }`) in a content stream; null at the end. */
  next(): PdfValue | { op: string } | undefined {
    this.skip();
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) return undefined;
    if (c === "(") return this.literal();
    if (c === "<" && s[this.pos + 1] === "<") {
      this.pos += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skip();
        if (this.pos >= s.length) return dict;
        if (s.startsWith(">>", this.pos)) {
          this.pos += 2;
          return dict;
        }
        const key = this.next();
        const value = this.value();
        if (key instanceof PdfName) dict.set(key.name, value ?? null);
      }
    }
    if (c === "<") {
      const end = s.indexOf(">", this.pos);
      const hex = s.slice(this.pos + 1, end < 0 ? s.length : end);
      this.pos = end < 0 ? s.length : end + 1;
      return hexToBytes(hex);
    }
    if (c === "[") {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (this.pos >= s.length) return arr;
        if (s[this.pos] === "]") {
          this.pos++;
          return arr;
        }
        const v = this.value();
        if (v === undefined) return arr;
        arr.push(v);
      }
    }
    if (c === "/") {
      let end = this.pos + 1;
      while (isRegular(s[end])) end++;
      const name = s.slice(this.pos + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      this.pos = end;
      return new PdfName(name);
    }
    if (c === ")" || c === ">" || c === "]" || c === "{" || c === "}") {
      this.pos++;
      return { op: c };
    }
    let end = this.pos;
    while (isRegular(s[end])) end++;
    const word = s.slice(this.pos, end);
    this.pos = end;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // `12 0 R`: a reference
      const m = /^\s+(\d+)\s+R(?![^\s()<>[\]{}/%])/.exec(s.slice(end, end + 24));
      if (/^\d+$/.test(word) && m) {
        this.pos = end + m[0].length;
        return new PdfRef(Number(word), Number(m[1]));
      }
      return Number(word);
    }
    if (word === "true" || word === "false") return word === "true";
    if (word === "null") return null;
    return { op: word };
  }

  /** The next value; an operator where a value should be is passed over as null. */
  value(): PdfValue | undefined {
    const v = this.next();
    return v !== undefined && isOp(v) ? null : v;
  }

  private literal(): Uint8Array {
    const s = this.s;
    const out: number[] = [];
    let depth = 0;
    const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
    for (; this.pos < s.length; this.pos++) {
      const ch = s[this.pos];
      if (ch === "\\") {
        const n = s[++this.pos];
        if (n in esc) out.push(esc[n]);
        else if (n >= "0" && n <= "7") {
          let oct = n;
          while (oct.length < 3 && s[this.pos + 1] >= "0" && s[this.pos + 1] <= "7") oct += s[++this.pos];
          out.push(parseInt(oct, 8) & 0xff);
        } else if (n === "\r") {
          if (s[this.pos + 1] === "\n") this.pos++;
        } else if (n !== "\n" && n !== undefined) out.push(n.charCodeAt(0));
        continue;
      }
      if (ch === "(" && depth++ === 0) continue;
      if (ch === ")" && --depth === 0) {
        this.pos++;
        break;
      }
      out.push(ch.charCodeAt(0) & 0xff);
    }
    return Uint8Array.from(out);
  }
}

/**
 * Bytes as a string of one character a byte (ISO-8859-1). Not TextDecoder("latin1"): that is
 * windows-1252, which turns 0x80–0x9F into other characters.
 */
export function binaryString(bytes: Uint8Array): string {
  // Node's Buffer does it natively, many times faster; a browser builds it in chunks
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join("");
}

/**
 * `bytes` as Node's Buffer where there is one, for a scan that looks for one byte again and again:
 * a Buffer's `indexOf` looks natively, a typed array's own a byte at a time (five times as long
 * as a string's `indexOf` over a page's content). In a browser, the bytes as they are.
 */
export const searchable = (bytes: Uint8Array): Uint8Array =>
  nodeBuffer ? (nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Uint8Array) : bytes;

/** Bytes `from`–`to` as a string of one character a byte: a name's few, where a Buffer would cost more than the string. */
export function shortBinaryString(bytes: Uint8Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/**
 * Whether `bytes` hold the ASCII text `needle`, asked of the bytes themselves: a file's text is
 * made only once it is needed (most PDFs hold no signature, and a string of the whole file cost
 * more than looking). Node's Buffer looks natively; a browser byte by byte.
 */
export const holdsAscii = (bytes: Uint8Array, needle: string): boolean => indexOfAscii(bytes, needle) >= 0;

/** Where `bytes` hold the ASCII text `needle` first from `from` on, or -1 (as {@link holdsAscii} looks). */
function indexOfAscii(bytes: Uint8Array, needle: string, from = 0): number {
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from, "latin1");
  const first = needle.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < needle.length && bytes[i + k] === needle.charCodeAt(k)) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

export const isOp = (v: unknown): v is { op: string } => typeof v === "object" && v !== null && "op" in v && !(v instanceof Map);

export function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, "");
  const out = new Uint8Array(Math.ceil(clean.length / 2));
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2).padEnd(2, "0"), 16);
  return out;
}

export interface ObjectHeader {
  num: number;
  gen: number;
  /** offset of the header */
  offset: number;
  /** offset just after `obj` */
  end: number;
}

/** Every `N G obj` header of the file, in file order (found by `obj`, then looking back: a regex over binary data is slow). */
export function objectHeaders(text: string): ObjectHeader[] {
  const out: ObjectHeader[] = [];
  for (let i = text.indexOf("obj"); i >= 0; i = text.indexOf("obj", i + 3)) {
    if (isRegular(text[i + 3]) || !isWhite(text[i - 1] ?? "x")) continue;
    const before = text.slice(Math.max(0, i - 24), i);
    const m = /(?<![0-9])(\d+)\s+(\d+)\s+$/.exec(before);
    if (!m) continue;
    out.push({ num: Number(m[1]), gen: Number(m[2]), offset: i - before.length + m.index, end: i + 3 });
  }
  return out;
}

/** The last header at or before `pos` (headers in file order). */
export function headerBefore(headers: ObjectHeader[], pos: number): ObjectHeader | undefined {
  let lo = 0, hi = headers.length - 1, found: ObjectHeader | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid].offset <= pos) {
      found = headers[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export interface RawObject {
  num: number;
  gen: number;
  /** offset of the `N G obj` header */
  offset: number;
  value: PdfValue;
  /** where the stream's data starts, for a stream object */
  streamAt?: number;
}

/** The uncompressed objects of a PDF, read on demand, by number. */
export class RawPdf {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, RawObject | null>();
  /** objects inside object streams (/Type /ObjStm): number → its text and where the stream stands */
  private packed: Map<number, { text: string; at: number; streamOffset: number }> | null = null;

  constructor(readonly bytes: Uint8Array, readonly text: string, readonly headers: ObjectHeader[] = objectHeaders(text)) {
    // later revisions come later in the file: the last header of a number wins
    for (const h of this.headers) this.offsets.set(h.num, h.offset);
  }

  /** Reads the object streams, so that `object()` finds what they hold (a PDF 1.5 file keeps its dictionaries there). */
  async unpack(): Promise<void> {
    if (this.packed) return;
    this.packed = new Map();
    for (const [num, offset] of this.offsets) {
      if (!/\/Type\s*\/ObjStm/.test(this.text.slice(offset, offset + 512))) continue;
      const obj = this.object(num);
      const dict = obj?.value instanceof Map ? obj.value : undefined;
      const first = this.resolve(dict?.get("First")), n = this.resolve(dict?.get("N"));
      if (!obj || typeof first !== "number" || typeof n !== "number") continue;
      const data = await this.stream(new PdfRef(num, obj.gen));
      if (!data) continue;
      const text = binaryString(data);
      const head = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < head.length && i < 2 * n; i += 2) {
        const prev = this.packed.get(head[i]);
        const uncompressed = this.offsets.get(head[i]);
        // the later of two copies is the later revision
        if ((prev && prev.streamOffset > offset) || (uncompressed !== undefined && uncompressed > offset && !/\/Type\s*\/ObjStm/.test(this.text.slice(uncompressed, uncompressed + 512)))) continue;
        this.packed.set(head[i], { text, at: first + head[i + 1], streamOffset: offset });
        this.cache.delete(head[i]);
      }
    }
  }

  /** Makes sure the referred objects can be read: inflates the object streams when one is not found uncompressed. */
  async need(...values: (PdfValue | undefined)[]): Promise<void> {
    if (this.packed) return;
    if (values.some((v) => v instanceof PdfRef && !this.object(v.num))) await this.unpack().catch(() => undefined);
  }

  object(num: number): RawObject | undefined {
    if (this.cache.has(num)) return this.cache.get(num) ?? undefined;
    const packed = this.packed?.get(num);
    if (packed) {
      const value = new Lexer(packed.text, packed.at).value() ?? null;
      const obj: RawObject = { num, gen: 0, offset: packed.streamOffset, value };
      this.cache.set(num, obj);
      return obj;
    }
    const at = this.offsets.get(num);
    let obj: RawObject | null = null;
    if (at !== undefined) {
      const lex = new Lexer(this.text, at);
      const n = lex.next(), g = lex.next(), kw = lex.next();
      if (typeof n === "number" && typeof g === "number" && isOp(kw) && kw.op === "obj") {
        const value = lex.value() ?? null;
        obj = { num, gen: g, offset: at, value };
        lex.skip();
        if (this.text.startsWith("stream", lex.pos)) {
          let p = lex.pos + 6;
          if (this.text[p] === "\r") p++;
          if (this.text[p] === "\n") p++;
          obj.streamAt = p;
        }
      }
    }
    this.cache.set(num, obj);
    return obj ?? undefined;
  }

  /** A value with references followed (to a depth of a few). */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    for (let i = 0; i < 8 && v instanceof PdfRef; i++) v = this.object(v.num)?.value;
    return v instanceof PdfRef ? undefined : v;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    return r instanceof Map ? r : undefined;
  }

  /** A stream's decoded data (FlateDecode or none); undefined where it cannot be read. */
  async stream(ref: PdfValue | undefined): Promise<Uint8Array | undefined> {
    const obj = ref instanceof PdfRef ? this.object(ref.num) : undefined;
    if (!obj || obj.streamAt === undefined || !(obj.value instanceof Map)) return undefined;
    const dict = obj.value;
    const length = this.resolve(dict.get("Length"));
    let end = typeof length === "number" ? obj.streamAt + length : -1;
    if (end < 0 || end > this.bytes.length || !/^\s*endstream/.test(this.text.slice(end, end + 32))) {
      end = this.text.indexOf("endstream", obj.streamAt);
      if (end < 0) return undefined;
    }
    const data = this.bytes.subarray(obj.streamAt, end);
    const filter = this.resolve(dict.get("Filter"));
    const filters = (Array.isArray(filter) ? filter : filter ? [filter] : []).map((f) => (f instanceof PdfName ? f.name : ""));
    if (filters.length === 0) return data;
    if (filters.length === 1 && (filters[0] === "FlateDecode" || filters[0] === "Fl")) return inflate(data);
    return undefined;
  }
}

type Zlib = { inflateSync(data: Uint8Array, options: { finishFlush: number; maxOutputLength: number }): Uint8Array; constants: { Z_SYNC_FLUSH: number } };

/**
 * A stream that inflates past this is not read here (undefined: pdf.js reads the page its own
 * way). A page's content or a stamp's appearance is a few hundred KB at most; a crafted stream
 * inflates to gigabytes, and inflated at once it was the largest allocation of a hostile batch.
 */
const MAX_INFLATED_BYTES = 16 * 2 ** 20;
/** Node's zlib where there is one (no import: the browser build has none), for its synchronous inflate. */
const nodeZlib = (): Zlib | undefined => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.("node:zlib") as Zlib | undefined;
};

/** zlib data inflated; what came out before a damaged end is kept. */
async function inflate(data: Uint8Array): Promise<Uint8Array | undefined> {
  // Node's own inflate at once: through DecompressionStream's web streams a page's content costs
  // some twenty times as much; data it cannot inflate goes the stream's way (which keeps what
  // came out before the damage)
  const zlib = nodeZlib();
  if (zlib) {
    try {
      const out = zlib.inflateSync(data, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_INFLATED_BYTES });
      if (out.byteLength > 0) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return undefined;
      // below
    }
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const ds = new DecompressionStream("deflate");
    const writer = ds.writable.getWriter();
    writer.write(data).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = ds.readable.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_INFLATED_BYTES) {
        void reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    if (!chunks.length) return undefined;
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The letters of `Annots` and `ObjStm` by code: a name's `#xx` escape of one may spell either key. */
const KEY_LETTERS = new Set([..."AnotsObjStm"].map((c) => c.charCodeAt(0)));
const hexDigit = (c: number) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

/** Does a name's `#xx` escape anywhere in the file write one of `letters` (codes), so that it may spell a key the byte scans look for? */
function escapesAny(bytes: Uint8Array, letters: ReadonlySet<number>): boolean {
  for (let i = bytes.indexOf(0x23); i >= 0; i = bytes.indexOf(0x23, i + 1)) {
    const hi = hexDigit(bytes[i + 1]), lo = hexDigit(bytes[i + 2]);
    if (hi >= 0 && lo >= 0 && letters.has(hi * 16 + lo)) return true;
  }
  return false;
}

/** Where the white space from `i` on ends. */
function afterWhite(bytes: Uint8Array, i: number): number {
  while (i < bytes.length && isWhiteCode(bytes[i])) i++;
  return i;
}

/**
 * Whether no page of the file can have annotations, told from its bytes: every `/Annots` is an
 * empty array (`/Annots [ ]`, which some writers put on every page) or there is none, and no
 * object stream could hide one nor a name escape spell one (pdf.js reads `/Ann#6fts` as `/Annots`).
 * Asking pdf.js (the loader's `drawnAnnotations`) costs a round trip to its worker a page, more
 * than looking at the whole file.
 */
export function withoutAnnotations(bytes: Uint8Array): boolean {
  if (holdsAscii(bytes, "ObjStm") || escapesAny(bytes, KEY_LETTERS)) return false;
  for (let i = indexOfAscii(bytes, "/Annots"); i >= 0; i = indexOfAscii(bytes, "/Annots", i + 7)) {
    const open = afterWhite(bytes, i + 7);
    if (bytes[open] !== 0x5b || bytes[afterWhite(bytes, open + 1)] !== 0x5d) return false;
  }
  return true;
}

/** The letters of the keys {@link infoMayPass} looks for, by code: a name's `#xx` escape of one may spell the key. */
const INFO_KEY_LETTERS = new Set([..."ProducerCreatorEncryptObjStm"].map((c) => c.charCodeAt(0)));
const INFO_KEYS = ["/Producer", "/Creator"];
const isPrintableAscii = (c: number) => c >= 0x20 && c <= 0x7e;

/**
 * The string at `at` (after white space) as pdf.js would read it, when it is a plain one: a
 * literal of printable ASCII (`\(`, `\)`, `\\` the only escapes) or a hex string of it, as bytes
 * or as UTF-16BE behind its byte order mark. Null for anything else (a reference, an escape, a
 * byte that PDFDocEncoding or a decoder would turn into another character).
 */
function plainInfoString(bytes: Uint8Array, at: number): string | null {
  let i = afterWhite(bytes, at);
  const codes: number[] = [];
  if (bytes[i] === 0x28) {
    let depth = 0;
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 0x5c) {
        const n = bytes[++i];
        if (n !== 0x28 && n !== 0x29 && n !== 0x5c) return null;
        codes.push(n);
      } else if (c === 0x28 && depth++ === 0) continue;
      else if (c === 0x29 && --depth === 0) break;
      else if (!isPrintableAscii(c)) return null;
      else codes.push(c);
    }
    if (i >= bytes.length) return null;
  } else if (bytes[i] === 0x3c && bytes[i + 1] !== 0x3c) {
    let high = -1;
    for (i++; i < bytes.length && bytes[i] !== 0x3e; i++) {
      if (isWhiteCode(bytes[i])) continue;
      const d = hexDigit(bytes[i]);
      if (d < 0) return null;
      if (high < 0) high = d;
      else {
        codes.push(high * 16 + d);
        high = -1;
      }
    }
    if (i >= bytes.length || high >= 0) return null;
  } else return null;
  if (codes[0] === 0xfe && codes[1] === 0xff) {
    if (codes.length % 2 !== 0) return null;
    let out = "";
    for (let k = 2; k < codes.length; k += 2) {
      if (codes[k] !== 0 || !isPrintableAscii(codes[k + 1])) return null;
      out += String.fromCharCode(codes[k + 1]);
    }
    return out;
  }
  return codes.every(isPrintableAscii) ? String.fromCharCode(...codes) : null;
}

/**
 * Whether the Producer or Creator of the file's Info dictionary may pass `test`, told from its
 * bytes: false only when every `/Producer` and `/Creator` the file holds is a plain string (see
 * {@link plainInfoString}) that fails it, no object stream could hide the dictionary, no
 * encryption its strings, and no name escape spell a key. Asking pdf.js (`getMetadata`) reads the
 * file's forms and parses its XMP metadata too, for two strings that nearly always fail.
 */
export function infoMayPass(bytes: Uint8Array, test: (value: string) => boolean): boolean {
  if (holdsAscii(bytes, "ObjStm") || holdsAscii(bytes, "/Encrypt") || escapesAny(bytes, INFO_KEY_LETTERS)) return true;
  for (const key of INFO_KEYS) {
    for (let i = indexOfAscii(bytes, key); i >= 0; i = indexOfAscii(bytes, key, i + key.length)) {
      const after = bytes[i + key.length];
      // a longer name (`/CreatorTool`) is another key
      if (after !== undefined && !isWhiteCode(after) && !DELIM.includes(String.fromCharCode(after))) continue;
      const value = plainInfoString(bytes, i + key.length);
      if (value === null || test(value)) return true;
    }
  }
  return false;
}

