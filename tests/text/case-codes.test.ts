import { describe, expect, it } from "vitest";
import { collapseSpaces, isCapitalCode, isLowerCode, isUpper, squash } from "../../src/text/letters.js";

// the word walks of normalize/flattened and segment/split skip a word on its first code unit:
// the tables must say what the regex and the string test they stand for would say of the word
describe("case tables below U+2000", () => {
  it("isCapitalCode: /^\\p{Lu}/ of any word opening with the code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      if (isCapitalCode(c) !== /^\p{Lu}/u.test(ch + "ạ")) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });

  it("isLowerCode: a word opening with the code unit is never its own upper case", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      for (const w of [ch, ch + "A", ch + "Ạ", ch + ch])
        if (isLowerCode(c) && w === w.toUpperCase()) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    // the letters a Vietnamese word walk meets most
    expect([..."ađưởêx"].map((ch) => isLowerCode(ch.charCodeAt(0)))).toEqual([true, true, true, true, true, true]);
    expect([..."AĐƯỞ1.("].map((ch) => isLowerCode(ch.charCodeAt(0)))).toEqual([false, false, false, false, false, false, false]);
  });

  it("isUpper: what the two case-mapped copies say, for every code unit alone and beside capitals, small letters and signs", () => {
    const byCopies = (w: string) => w === w.toUpperCase() && w !== w.toLowerCase();
    const wrong: string[] = [];
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      for (const w of [ch, ch + "A", "Ạ" + ch, ch + "ạ", "1" + ch, ch + "-", ch + ch, "Ở" + ch + "\u{1D400}"])
        if (isUpper(w) !== byCopies(w)) wrong.push(JSON.stringify(w));
    }
    expect(wrong).toEqual([]);
    expect(["UBND", "ĐỒNG", "NGUYỄN", "Sở", "sở", "2024", "TP.HCM", "ǅ", "ß", ""].map(isUpper)).toEqual([true, true, true, false, false, false, true, false, false, false]);
  });
});

describe("collapseSpaces, squash", () => {
  it("are `replace(/\\s+/g, \" \").trim()` on random strings of spaces, line ends and letters", () => {
    const pieces = [" ", "  ", "\n", "\t", "\u00a0", " \n ", "a", "ạ", "Bộ", "x y", "\u2003", "."];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
    for (let i = 0; i < 3000; i++) {
      let s = "";
      for (let k = next() % 12; k > 0; k--) s += pieces[next() % pieces.length];
      expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, " ").trim());
      expect(squash(s)).toBe(s.normalize("NFC").replace(/\s+/g, " ").trim());
    }
  });
});
