import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openingsIn } from "../../src/extract/dates.js";
import { PARSERS, type DigitOpening } from "../../src/extract/dates/parsers.js";
import { matchKey } from "../../src/text/tone.js";
import { fixture, randomWords } from "../helpers.js";

// scanDates tries each parser only where its `opens` says a match can open (a run of digits of
// its length with no letter, digit or `/.,-` before it and one of its characters after it, or one
// of its words with one of its characters after it): that is the same as a scan of the whole text
// only if every match the parser's regex finds anywhere opens there. Checked on every text
// fixture and on random strings made of date pieces.

function opensRight(key: string, parser: (typeof PARSERS)[number]): string[] {
  const wrong: string[] = [];
  const re = new RegExp(parser.pattern.source, "gu");
  for (let m = re.exec(key); m; m = re.exec(key)) {
    const i = m.index;
    const run = /^[0-9]+/.exec(key.slice(i))?.[0].length ?? 0;
    const [, afterRun, second] = /^\s*([\s\S]?)([\s\S]?)/u.exec(key.slice(i + run))!;
    const d = parser.opens.digit;
    const digit = run > 0 && !/[\p{L}\p{N}/.,-]$/u.test(key.slice(0, i)) && !!d?.run.includes(run) && d.then.includes(afterRun) && digitAfter(d, afterRun, second);
    const word = parser.opens.words.some((w) => {
      const afterWord = /^[\s.…_]*([\s\S]?)/u.exec(key.slice(i + w.length))![1];
      if (!key.startsWith(w, i) || (parser.opens.wordThen && !parser.opens.wordThen.includes(afterWord))) return false;
      // a digit after the word: its run and what follows it, as `wordDigit` says
      const digits = /^[\s.…_]*([0-9]+)\s*([\s\S]?)([\s\S]?)/u.exec(key.slice(i + w.length));
      const wd = parser.opens.wordDigit;
      return !digits || !wd || (wd.run.includes(Math.min(digits[1].length, 7)) && wd.then.includes(digits[2]) && digitAfter(wd, digits[2], digits[3]));
    });
    if (!digit && !word) wrong.push(`${parser.name}: ${JSON.stringify(m[0])}`);
  }
  return wrong;
}

/** a digit right after `then` where the parser's `thenDigit` names it (`then`, `second`: the characters after the run, spaces skipped) */
const digitAfter = (d: DigitOpening, then: string, second: string) => !d.thenDigit?.includes(then) || /^[0-9]$/.test(second);

const texts = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? texts(join(dir, e.name)) : /\.(txt|md)$/.test(e.name) ? [readFileSync(join(dir, e.name), "utf8")] : [],
  );

const PIECES = [
  "ngày", "tháng", "năm", "quý", "nửa", "đầu", "cuối", "từ", "đến", "giai đoạn", "năm học", "chiến lược", "giờ", "phút", "sáng", "chiều",
  "IV", "iii", "h", "g", "'", "/", "-", "–", ".", ",", ":", " ", "  ", "…", "_", "*", "x", "a", "NĐ-CP",
  "1", "05", "12", "20", "31", "8", "30", "2025", "2026", "1999", "2030", "0",
  "ngày 20", "tháng 5", "năm 2026", "20/5", "/2026", "quý IV", "8h30", "14 giờ", "2021-2025", "05 tháng đầu năm", "từ ngày", "20.5.2025", "20-5-2025",
];

function randomText(seed: number, n: number): string {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
  let out = "";
  for (let i = 0; i < n; i++) out += PIECES[next() % PIECES.length] + (next() % 3 ? " " : "");
  return out;
}

describe("date parsers: every match opens where the parser's `opens` says", () => {
  it("on every text fixture", () => {
    const all = texts(fixture(""));
    expect(all.length).toBeGreaterThan(20);
    const wrong = all.flatMap((t) => PARSERS.flatMap((p) => opensRight(matchKey(t), p)));
    expect(wrong).toEqual([]);
  });

  it("on 2,000 random strings of date pieces", () => {
    let matches = 0;
    const wrong: string[] = [];
    for (let seed = 1; seed <= 2000; seed++) {
      const key = matchKey(randomText(seed, 40));
      for (const p of PARSERS) {
        wrong.push(...opensRight(key, p));
        matches += [...key.matchAll(new RegExp(p.pattern.source, "gu"))].length;
      }
    }
    expect(matches).toBeGreaterThan(5000); // the pieces do make dates
    expect(wrong).toEqual([]);
  });

  it("a parser told the wrong openers is caught", () => {
    const year = PARSERS.find((p) => p.name === "year")!;
    expect(opensRight("kế hoạch năm 2026", { ...year, opens: { digit: { run: [4], then: "" }, words: [] } })).toEqual(['year: "năm 2026"']);
    expect(opensRight("kế hoạch năm 2026", { ...year, opens: { digit: null, words: ["năm"], wordThen: "/" } })).toEqual(['year: "năm 2026"']);
    const slash = PARSERS.find((p) => p.name === "numeric-slash")!;
    expect(opensRight("hạn 20 / 5/2025", { ...slash, opens: { digit: { run: [1, 2], then: "." }, words: [] } })).toEqual(['numeric-slash: "20 / 5/2025"']);
    expect(opensRight("hạn 20 / 5/2025", { ...slash, opens: { digit: { run: [4], then: "/" }, words: [] } })).toEqual(['numeric-slash: "20 / 5/2025"']);
    expect(opensRight("hạn 20 / 5/2025", { ...slash, opens: { digit: { run: [1, 2], then: "/" }, words: [] } })).toEqual([]);
    // a digit wanted right after the `/`, where the pattern lets a space stand
    expect(opensRight("hạn 20 / 5/2025", { ...slash, opens: { digit: { run: [1, 2], then: "/", thenDigit: "/" }, words: [] } })).toEqual(['numeric-slash: "20 / 5/2025"']);
    expect(opensRight("hạn 20 /5/2025", { ...slash, opens: { digit: { run: [1, 2], then: "/", thenDigit: "/" }, words: [] } })).toEqual([]);
    // a digit after the word, of a run or before a character the parser does not say
    expect(opensRight("ngày 20 / 5/2025", { ...slash, opens: { digit: null, words: ["ngày"], wordThen: "0123456789", wordDigit: { run: [1, 2], then: "." } } })).toEqual(['numeric-slash: "ngày 20 / 5/2025"']);
    expect(opensRight("ngày 20 / 5/2025", { ...slash, opens: { digit: null, words: ["ngày"], wordThen: "0123456789", wordDigit: { run: [4], then: "/" } } })).toEqual(['numeric-slash: "ngày 20 / 5/2025"']);
    expect(opensRight("ngày 20 / 5/2025", { ...slash, opens: { digit: null, words: ["ngày"], wordThen: "0123456789", wordDigit: { run: [1, 2], then: "/" } } })).toEqual([]);
  });
});

// openingsIn reads each candidate the regex finds by code unit: the words from there by a walk down
// a tree of their code units, what follows them from tables. The oracle reads every position of
// the key from the parsers' `opens` as written, word by word (what the walk replaced).
const OPENING_WORDS = [...new Set(PARSERS.flatMap((p) => p.opens.words))];

/** the character after what `skip` matches at `i` ("" at the end) */
const charAfter = (key: string, i: number, skip: RegExp) => key.slice(i).replace(skip, "").charAt(0);
const oneOf = (chars: string, ch: string) => ch !== "" && chars.includes(ch);

function oracle(key: string): { at: number[]; kinds: number[] } {
  const at: number[] = [];
  const kinds: number[] = [];
  for (let i = 0; i < key.length; i++) {
    let kind = 0;
    if (/[0-9]/.test(key[i])) {
      // a run, read from its first digit, not after a letter, a digit or `/.,-`
      if (/[\p{L}\p{N}/.,-]$/u.test(key.slice(0, i))) continue;
      const run = /^[0-9]+/.exec(key.slice(i))![0].length;
      const [, then, second] = /^\s*([\s\S]?)([\s\S]?)/u.exec(key.slice(i + run))!;
      PARSERS.forEach((p, b) => {
        if (p.opens.digit?.run.includes(run) && oneOf(p.opens.digit.then, then) && digitAfter(p.opens.digit, then, second)) kind |= 1 << b;
      });
    }
    for (const w of OPENING_WORDS) {
      if (!key.startsWith(w, i)) continue;
      const next = charAfter(key, i + w.length, /^[\s.…_]*/u);
      const digits = /^[\s.…_]*([0-9]+)/u.exec(key.slice(i + w.length));
      PARSERS.forEach((p, b) => {
        if (!p.opens.words.includes(w) || (p.opens.wordThen && !oneOf(p.opens.wordThen, next))) return;
        const wd = p.opens.wordDigit;
        const [, then, second] = /^\s*([\s\S]?)([\s\S]?)/u.exec(key.slice(i + w.length + (digits?.[0].length ?? 0)))!;
        if (digits && wd && !(wd.run.includes(Math.min(digits[1].length, 7)) && oneOf(wd.then, then) && digitAfter(wd, then, second))) return;
        kind |= 1 << b;
      });
    }
    if (kind) at.push(i), kinds.push(kind);
  }
  return { at, kinds };
}

/** the opening words, every beginning of each (`n`, `nă`, `năm`, `năm `, `năm h`, …) and the date pieces above */
const OPENING_PIECES = [...new Set([...OPENING_WORDS.flatMap((w) => [...w].map((_, k) => w.slice(0, k + 1))), ...PIECES])];
const GLUE = ["", " ", "  ", "\n", ".", "…", "_", "/", "-", "–", ",", ":", "1", "20", "2025", "a", "ă", "đ", "*"];
const same = (key: string) => JSON.stringify(openingsIn(key)) === JSON.stringify(oracle(key));

describe("date openings: the candidates read as the parsers' `opens` say", () => {
  it("at every position of every text fixture", () => {
    const keys = texts(fixture("")).map(matchKey);
    expect(keys.filter((k) => !same(k)).map((k) => k.slice(0, 60))).toEqual([]);
    expect(keys.reduce((n, k) => n + oracle(k).at.length, 0)).toBeGreaterThan(300);
  });

  it("at every position of 3,000 random strings of the words, their beginnings and date pieces", () => {
    const keys = Array.from({ length: 3000 }, (_, seed) => matchKey(randomWords(OPENING_PIECES, GLUE, seed + 1, 30)));
    expect(keys.filter((k) => !same(k))).toEqual([]);
    expect(keys.reduce((n, k) => n + oracle(k).at.length, 0)).toBeGreaterThan(10000);
  });

  it("the oracle tells a wrong opening", () => {
    // `năm` before a year opens the year parser; glued to a letter or a digit before it, a run opens nothing
    const year = 1 << PARSERS.findIndex((p) => p.name === "year");
    expect(oracle("kế hoạch năm 2026").kinds.some((k) => k & year)).toBe(true);
    expect(oracle("x20/5/2025").at).toEqual([]);
    expect(same("kế hoạch năm 2026, ngày 20/5/2025")).toBe(true);
  });
});
