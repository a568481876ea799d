import { describe, expect, it } from "vitest";
import { CodeSet, OpeningPairs } from "../../src/text/codes.js";

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

describe("OpeningPairs", () => {
  // the oracle: some word's first two code units stand at i (its first alone, for a one-unit word or one whose second may vary)
  const oracle = (words: string[], anySecond: (w: string) => boolean) => (s: string, i: number) =>
    i < s.length && words.some((w) => s[i] === w[0] && (w.length < 2 || anySecond(w) || s[i + 1] === w[1]));

  it("says yes exactly where a word's first two code units stand, at every place of texts made of their letters", () => {
    const words = ["đến", "tới", "-", "Đ/c", "đ/c", "Ô ", "𝐀b"];
    const anySecond = (w: string) => w[1] === " " || w[1] === "/";
    const opens = OpeningPairs.ofWords(words, anySecond);
    const is = oracle(words, anySecond);
    const letters = ["đ", "ế", "n", "t", "ớ", "i", "-", "Đ", "/", "c", "Ô", " ", "ê", "𝐀", "b"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) % letters.length;
    for (let k = 0; k < 2000; k++) {
      const s = Array.from({ length: 1 + (k % 9) }, () => letters[next()]).join("");
      for (let i = 0; i <= s.length; i++) expect(opens.at(s, i), `${JSON.stringify(s)} at ${i}`).toBe(is(s, i));
    }
  });

  it("tells a word by its second code unit where its first opens other words too", () => {
    const opens = OpeningPairs.ofWords(["đồng", "đ/c"]);
    expect(opens.at("đồng chí", 0)).toBe(true);
    expect(opens.at("được giao", 0)).toBe(false);
    expect(opens.at("x đ", 2)).toBe(false);
  });
});
