import { describe, expect, it } from "vitest";
import { CodeSet } from "../../src/text/codes.js";

describe("CodeSet", () => {
  it("answers as a Set of the same code units, below U+2000, beyond it, and for NaN", () => {
    const codes = [0x2f, 0x2d, 0x110 /* Đ */, 0x1ee7 /* ủ */, 0x2013 /* – */, 0xff0f /* ／ */];
    const set = new CodeSet(codes);
    const plain = new Set(codes);
    for (let c = 0; c < 0x10000; c++) expect(set.has(c), `U+${c.toString(16)}`).toBe(plain.has(c));
    expect(set.has(Number.NaN)).toBe(false);
    expect(set.has("".charCodeAt(0))).toBe(false);
  });

  it("is made from characters by their first code unit", () => {
    const set = CodeSet.ofChars("/-.–");
    expect(["/", "-", ".", "–"].every((ch) => set.has(ch.charCodeAt(0)))).toBe(true);
    expect(set.has(":".charCodeAt(0))).toBe(false);
    expect(new CodeSet([]).has(0)).toBe(false);
  });
});
