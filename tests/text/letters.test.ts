import { describe, expect, it } from "vitest";
import { afterSpaces, collapseSpaces, holdsSpace, isCapitalised, isLower, isSpaceCode, lettersEnd, squash, tidy, WB, wordCharBefore } from "../../src/text/letters.js";
import { foldTone, nfc } from "../../src/text/tone.js";
import { randomPieces } from "../helpers.js";

// squash, tidy and collapseSpaces first ask whether the string has
// anything to change, and isCapitalised/isLower read a table: checked here against the regexes
// they stand for, on every code unit below U+2000 and on random strings of the characters that matter.

const reference = {
  squash: (s: string) => {
    const n = nfc(s);
    return /[^\S ]|\s\s|^\s|\s$/.test(n) ? n.replace(/\s+/g, " ").trim() : n;
  },
  tidy: (s: string) => {
    const n = nfc(s);
    if (!/[-–—]|[^\S ]|\s\s|^\s|\s$/.test(n)) return foldTone(n);
    return foldTone(n.replace(/\s*[-–—]\s*/g, " - ").replace(/\s+/g, " ").trim());
  },
  collapseSpaces: (s: string) => (/[^\S ]|\s\s|^\s|\s$/.test(s) ? s.replace(/\s+/g, " ").trim() : s),
};

const PIECES = ["Sở", "Y", "tế", "hoà", " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\ufeff", "-", "–", "—", " - ", "a", "Ủy", "𝐀"];

describe("letters", () => {
  it("squash, tidy and collapseSpaces agree with their regexes on 20,000 random strings", () => {
    const wrong: string[] = [];
    for (let seed = 1; seed <= 20000; seed++) {
      const s = randomPieces(PIECES, seed, 7);
      if (squash(s) !== reference.squash(s)) wrong.push(`squash ${JSON.stringify(s)}`);
      if (tidy(s) !== reference.tidy(s)) wrong.push(`tidy ${JSON.stringify(s)}`);
      if (collapseSpaces(s) !== reference.collapseSpaces(s)) wrong.push(`collapseSpaces ${JSON.stringify(s)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it("keeps a tidy string as it is and mends an untidy one", () => {
    expect(squash("Sở Y tế")).toBe("Sở Y tế");
    expect(squash(" Sở\u00a0Y  tế\n")).toBe("Sở Y tế");
    expect(tidy("Lao động–Thương binh  và Xã hội")).toBe("Lao động - Thương binh và Xã hội");
    expect(tidy("hoà")).toBe("hòa");
    expect(tidy("Sở Văn hóa - Thể thao")).toBe("Sở Văn hóa - Thể thao");
    expect(tidy("Văn hóa -Thể thao")).toBe("Văn hóa - Thể thao");
    expect(tidy("-Thể thao")).toBe("- Thể thao");
  });

  it("isSpaceCode says what \\s says of every code unit", () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it("holdsSpace says what /\\s/ says of a string", () => {
    for (const s of ["", "1.", "a)", "837/QĐ-BKH", "1 .", "II\t.", "số\u00a0", "\u3000", "x\ufeff", "Điều\u20091"]) expect(holdsSpace(s)).toBe(/\s/.test(s));
  });

  it("isCapitalised and isLower say what \\p{Lu} and \\p{Ll} say of a word's first letter", () => {
    const wrong: string[] = [];
    const words = [...Array.from({ length: 0x2000 }, (_, c) => String.fromCharCode(c) + "x"), "", "𝐀b", "𝐚b", "Ⅻ", "ｚ", "Ａ"];
    for (const w of words) {
      if (isCapitalised(w) !== /^\p{Lu}/u.test(w)) wrong.push(`isCapitalised ${JSON.stringify(w)}`);
      if (isLower(w) !== /^\p{Ll}/u.test(w)) wrong.push(`isLower ${JSON.stringify(w)}`);
    }
    expect(wrong).toEqual([]);
  });

  it("lettersEnd: where /[\\p{L}\\p{M}]+/ from a place ends (a decomposed mark, a letter beyond U+2000 and a digit included)", () => {
    const text = "Nguyễn Văn A2, Tha\u0300nh 𝐀bc\u{1D400}; ư-ơ";
    const byRegex = (i: number) => {
      const m = /[\p{L}\p{M}]+/uy;
      m.lastIndex = i;
      return m.test(text) ? m.lastIndex : i;
    };
    // every place a caller starts from: not the second half of a surrogate pair
    for (let i = 0; i < text.length; i++) if (!/[\uDC00-\uDFFF]/.test(text[i])) expect([i, lettersEnd(text, i)]).toEqual([i, byRegex(i)]);
  });

  it("afterSpaces: where the whitespace at a place ends, as /\\s*/y reads it", () => {
    const text = " \t Sở\u00a0\u2003 Y tế\n\n";
    const byRegex = (i: number) => {
      const m = /\s*/y;
      m.lastIndex = i;
      m.test(text);
      return m.lastIndex;
    };
    for (let i = 0; i <= text.length; i++) expect([i, afterSpaces(text, i)]).toEqual([i, byRegex(i)]);
  });
});

describe("wordCharBefore", () => {
  // the lookbehind WB (`(?<![\p{L}\p{M}\d])`) it stands for, asked at each place
  const wb = new RegExp(WB, "uy");
  const byLookbehind = (t: string, i: number) => {
    wb.lastIndex = i;
    return !wb.test(t);
  };
  it("answers as the lookbehind at every place, after every code unit below U+2000", () => {
    let text = "";
    for (let c = 0; c < 0x2000; c++) if (c < 0xd800 || c > 0xdfff) text += String.fromCharCode(c) + " ";
    for (let i = 0; i <= text.length; i++) expect([i, wordCharBefore(text, i)]).toEqual([i, byLookbehind(text, i)]);
  });
  it("reads a surrogate pair before as its code point, and marks, digits and signs beyond U+2000", () => {
    const text = "Sở 𝐀x \u{1F600}y 12a e\u0301b \u2003c \u20ACd \u0E31e ǅf";
    for (let i = 0; i <= text.length; i++) expect([i, wordCharBefore(text, i)]).toEqual([i, byLookbehind(text, i)]);
    expect(wordCharBefore("𝐀x", 2)).toBe(true);
    expect(wordCharBefore("(x", 1)).toBe(false);
  });
});
