import { describe, expect, it } from "vitest";
import { isCapitalCode, isLowerCode } from "../../src/text/letters.js";

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
});
