import { describe, expect, it } from "vitest";
import { decodeUtf8, decodeUtf8Strict, utf16ToUtf8 } from "../../src/load/utf8.js";
import { decodeUtf8 as browserDecodeUtf8, decodeUtf8Strict as browserDecodeUtf8Strict } from "../../src/browser/utf8.js";

const fatal = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");
const strictly = (b: Uint8Array): string | null => {
  try {
    return fatal.decode(b);
  } catch {
    return null;
  }
};

/** Byte strings a file may hold: text in every script and plane, byte order marks, and bytes no UTF-8 encoder writes. */
function samples(): Uint8Array[] {
  const enc = new TextEncoder();
  const out = [
    new Uint8Array(0),
    enc.encode("Ủy ban nhân dân tỉnh Bình Định"),
    enc.encode("\ufeffCông văn"),
    enc.encode("\ufeff\ufeffhai dấu"),
    enc.encode("ASCII only, 2025"),
    enc.encode("café, 😀 ngoài mặt phẳng cơ bản"),
    Uint8Array.of(0xef, 0xbb, 0xbf),
    Uint8Array.of(0xed, 0xa0, 0x80), // a surrogate written as UTF-8 (CESU)
    Uint8Array.of(0xc3), // a sequence cut short
    Uint8Array.of(0xc0, 0xaf), // an overlong form
    Uint8Array.of(0x53, 0xe9, 0x41), // Windows-1252 `Sé`
  ];
  // seeded: the same bytes every run
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  for (let i = 0; i < 3000; i++) out.push(Uint8Array.from({ length: 1 + Math.floor(next() * 40) }, () => (next() < 0.7 ? 32 + Math.floor(next() * 95) : Math.floor(next() * 256))));
  for (let i = 0; i < 1000; i++) {
    let s = "";
    for (let k = 0; k < 30; k++) s += String.fromCodePoint(next() < 0.5 ? Math.floor(next() * 0x2000) : next() < 0.9 ? Math.floor(next() * 0xd7ff) : 0x10000 + Math.floor(next() * 0xfffff));
    out.push(enc.encode(s));
  }
  return out;
}

describe("UTF-8 read as TextDecoder reads it", () => {
  it("gives TextDecoder's text, fatal and not, and null where a fatal one throws (Node's ICU path and the browser's alike)", () => {
    let valid = 0;
    for (const b of samples()) {
      const want = strictly(b);
      if (want !== null) valid++;
      expect(decodeUtf8Strict(b)).toBe(want);
      expect(browserDecodeUtf8Strict(b)).toBe(want);
      expect(decodeUtf8(b)).toBe(lenient.decode(b));
      expect(browserDecodeUtf8(b)).toBe(lenient.decode(b));
    }
    // both kinds were there
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(4000);
  });

  it("reads a slice of a larger buffer by its own bytes only", () => {
    const whole = new TextEncoder().encode("xxĐiều 1yy");
    expect(decodeUtf8Strict(whole.subarray(2, whole.length - 2))).toBe("Điều 1");
  });

  it("writes UTF-16 as TextEncoder would, in a buffer of its own", () => {
    const text = "Điều 1. 😀 “trích” — ạ";
    const out = utf16ToUtf8(Buffer.from(text, "ucs2"))!;
    expect(out).not.toBeNull();
    expect(Buffer.compare(out, Buffer.from(new TextEncoder().encode(text)))).toBe(0);
    expect([out.byteOffset, out.buffer.byteLength]).toEqual([0, out.length]);
  });
});
