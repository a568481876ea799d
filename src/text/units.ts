/**
 * `buf[0..n)` as a string, in chunks that `apply` takes as arguments: the one way out of a buffer
 * of code units that keeps every unit as it is (a lone surrogate too, which TextDecoder replaces).
 * Code that builds text a code unit at a time (a legacy decoding, a page's glyphs) fills such a
 * buffer instead of appending to a string.
 */
export function unitsToString(buf: Uint16Array, n: number): string {
  if (n <= 8192) return String.fromCharCode.apply(null, buf.subarray(0, n) as unknown as number[]);
  let out = "";
  for (let i = 0; i < n; i += 8192) out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  return out;
}
