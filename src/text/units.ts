/**
 * Node's Buffer where there is one (no import: the browser build has none), for the native ways
 * through bytes that the text and PDF code take where they can, each with a browser way beside it.
 */
export const nodeBuffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, n: number): { toString(enc: string): string; indexOf(s: string, at: number, enc: string): number } } }).Buffer;

/** A Uint16Array's bytes are in the machine's order; UTF-16LE reads them low byte first. */
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Below this many units `apply` is as quick as a Buffer (which costs an object to make); above,
 * it is many times slower: 4 µs against 0.3 for 1,000 units, 130 against 5 for a TCVN3 page's 30,000.
 */
const BUFFER_FROM = 64;

/**
 * `buf[0..n)` as a string, every unit kept as it is (a lone surrogate, a BOM too, which TextDecoder
 * replaces or drops): Node's Buffer reads the units as UTF-16LE natively; elsewhere `apply` takes
 * them as arguments, in chunks. Code that builds text a code unit at a time (a legacy decoding, a
 * page's glyphs) fills such a buffer instead of appending to a string.
 */
export function unitsToString(buf: Uint16Array, n: number): string {
  if (nodeBuffer && littleEndian && n >= BUFFER_FROM) return nodeBuffer.from(buf.buffer, buf.byteOffset, 2 * n).toString("utf16le");
  if (n <= 8192) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = "";
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}
