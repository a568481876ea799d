import { describe, expect, it } from "vitest";
import { AB, LETTER_OR_NUMBER_UNIT, WB, WE } from "../../src/text/letters.js";
import { endsWith, matchAtEnd, NOT_AFTER_LETTER, notAfter, notBefore, oneOf } from "../../src/text/pattern.js";

// The guards are cheaper spellings of plain regex forms: each must answer as the plain form does,
// everywhere (a space, a letter, a digit, a separator, a surrogate pair, the start of the text).

const TEXTS = ["ngày 20/5/2025", "Điều 5.2.2010", "x2025", "(2025)", "\n12 giờ", "𝐀2025 𝐀 2025", "-5-", "\u00a08h30", "ạ1", "12"];

describe("text/pattern guards", () => {
  it("notAfter is the negative lookbehind it stands for, at every position", () => {
    // and beside every code unit below U+3000: a guard of several properties is written as branches
    const units = Array.from({ length: 0x3000 }, (_, c) => String.fromCharCode(c));
    const texts = [...TEXTS, ...units.map((u) => ` ${u}a`)];
    for (const chars of ["\\p{L}\\p{N}/.,-", "\\p{L}", "\\p{L}\\p{M}\\d/\\-", "\\p{L}\\p{N}"]) {
      const plain = new RegExp(`(?<![${chars}])`, "uy");
      const guard = new RegExp(notAfter(chars), "uy");
      for (const t of texts)
        for (let i = 0; i <= t.length; i++) {
          plain.lastIndex = guard.lastIndex = i;
          if (guard.test(t) !== plain.test(t)) expect([chars, t, i, guard.test(t)]).toEqual([chars, t, i, plain.test(t)]);
        }
    }
    expect(new RegExp(`${NOT_AFTER_LETTER}năm`, "u").test("kế hoạch năm 2026")).toBe(true);
    expect(new RegExp(`${NOT_AFTER_LETTER}năm`, "u").test("xnăm 2026")).toBe(false);
  });

  it("notBefore is the negative lookahead it stands for, at every position", () => {
    const units = Array.from({ length: 0x3000 }, (_, c) => String.fromCharCode(c));
    const texts = [...TEXTS, ...units.map((u) => `a${u} `)];
    for (const chars of ["\\p{L}\\p{N}/.,-", "\\p{L}", "\\p{L}\\p{M}\\d"]) {
      const plain = new RegExp(`(?![${chars}])`, "uy");
      const guard = new RegExp(notBefore(chars), "uy");
      for (const t of texts)
        for (let i = 0; i <= t.length; i++) {
          plain.lastIndex = guard.lastIndex = i;
          if (guard.test(t) !== plain.test(t)) expect([chars, t, i, guard.test(t)]).toEqual([chars, t, i, plain.test(t)]);
        }
    }
    expect(new RegExp(`năm${notBefore("\\p{L}")}`, "u").test("năm 2026")).toBe(true);
    expect(new RegExp(`năm${notBefore("\\p{L}")}`, "u").test("nămx")).toBe(false);
  });

  it("oneOf is the class it stands for, at every code unit below U+3000 and astral letters and digits", () => {
    const units = [...Array.from({ length: 0x3000 }, (_, c) => String.fromCharCode(c)), "𝐀", "𝟙", "𝅥"];
    for (const [unit, chars] of [[LETTER_OR_NUMBER_UNIT, "\\p{L}\\p{N}"], [oneOf("\\p{L}"), "\\p{L}"], [oneOf("\\p{L}\\p{M}\\d/"), "\\p{L}\\p{M}\\d/"]]) {
      const one = new RegExp(`^${unit}$`, "u");
      const plain = new RegExp(`^[${chars}]$`, "u");
      for (const u of units) if (one.test(u) !== plain.test(u)) expect([chars, u, one.test(u)]).toEqual([chars, u, plain.test(u)]);
    }
  });

  it("the word guards WB, WE and AB are the class lookarounds they stand for, beside every code unit below U+3000 and astral letters, marks and digits", () => {
    const pairs: [string, string][] = [
      [WB, "(?<![\\p{L}\\p{M}\\d])"],
      [WE, "(?![\\p{L}\\p{M}\\d])"],
      [AB, "(?<![\\p{L}\\p{M}\\d/\\-])"],
    ];
    // each code unit (a lone surrogate too) and some astral letters (𝐀), marks (𝅥) and digits (𝟙), alone and between spaces and letters
    const units = Array.from({ length: 0x3000 }, (_, c) => String.fromCharCode(c));
    const texts = [...units.map((u) => ` ${u}a`), ...units.map((u) => `a${u} `), "𝐀", " 𝐀 ", "x𝅥", "𝟙2", "\ud835", "Sở Y tế-UBND/12", ""];
    for (const [guard, plain] of pairs) {
      const g = new RegExp(guard, "uy");
      const p = new RegExp(plain, "uy");
      for (const t of texts)
        for (let i = 0; i <= t.length; i++) {
          g.lastIndex = p.lastIndex = i;
          if (g.test(t) !== p.test(t)) expect([guard, t, i, g.test(t)]).toEqual([guard, t, i, p.test(t)]);
        }
    }
    // they stand where their plain forms stood: a head's word ends, an abbreviation's start
    expect(new RegExp(`Sở${WE}`, "u").test("Sở Y tế")).toBe(true);
    expect(new RegExp(`Sở${WE}`, "u").test("Sởx")).toBe(false);
    expect(new RegExp(`${AB}UBND`, "u").test("QĐ-UBND")).toBe(false);
    expect(new RegExp(`${AB}UBND`, "u").test("của UBND tỉnh")).toBe(true);
  });

  it("endsWith answers as the pattern anchored at the end", () => {
    const source = "(?<![\\p{L}])(?:chậm nhất(?:\\s+là)?|trước)\\s*";
    const ends = endsWith(source);
    const anchored = new RegExp(`${source}$`, "u");
    const cases = ["hoàn thành trước ", "chậm nhất là  ", "chậm nhất là x ", "xtrước ", "trước", "", "trước\n", "sau"];
    for (const s of cases) expect([s, ends(s)]).toEqual([s, anchored.test(s)]);
    expect(ends("báo cáo trước ")).toBe(true);
    expect(ends("báo cáo trước nữa ")).toBe(false);
  });

  it("matchAtEnd gives the match the pattern anchored at the end gives, groups and all", () => {
    const source = "(?<![\\p{L}])(thứ hai|chủ nhật)\\s*,?\\s*(?:ngày\\s*)?";
    const matchEnd = matchAtEnd(source);
    const anchored = new RegExp(`${source}$`, "u");
    const cases = ["họp vào thứ hai, ngày ", "chủ nhật ", "thứ hai ngày x", "xchủ nhật ", "", "thứ hai"];
    for (const s of cases) expect([s, matchEnd(s)]).toEqual([s, s.match(anchored)]);
    expect(matchEnd("họp vào thứ hai, ngày ")?.[1]).toBe("thứ hai");
  });
});
