/**
 * The date parsers, chrono style: an ordered list of small regular expressions built from the
 * fragments in `grammars/dates.ts`, each with an example of what it reads. They run over the
 * match key of the text (lower case, tone placement folded, same length as the text); every
 * match becomes a {@link Token}; the refiners (`refiners.ts`) then merge and settle them.
 */
import {
  BLANK,
  DAY,
  DAY_WORD,
  DAY_PARTS,
  DURATION_AFTER,
  DURATION_CUES,
  HALF_FIRST,
  HALF_LAST,
  HOUR,
  HOUR_WORD,
  MINUTE,
  MINUTE_WORDS,
  MONTH,
  MONTH_ONLY_NOT_BEFORE,
  MONTH_WORD,
  QUARTER_NUMERALS,
  QUARTER_WORD,
  RANGE_DASH,
  RANGE_DASHES,
  RANGE_FROM,
  RANGE_TO,
  YEAR,
  YEAR_RANGE_LEADS,
  YEAR_WORD,
} from "../../../grammars/dates.js";
import { LETTER_OR_NUMBER_UNIT } from "../../text/letters.js";
import { alt, endsWith, NOT_AFTER_LETTER, notAfter, type GroupNumbers } from "../../text/pattern.js";
import { point, type Point, type Token } from "./point.js";

export interface ParseEnv {
  /** the document's year, for dates written without one */
  year: number | null;
}

export interface Parser {
  name: string;
  /** global (`gu`): for a scan of a whole text */
  pattern: RegExp;
  /**
   * What a match can open with: a run of ASCII digits with no letter, digit or `/.,-` before it
   * (`digit`: the parsers' left guard) and/or one of `words` (as they stand in the match key). The
   * scan tries the parser only there; every match of `pattern` opens at one of them
   * (tests/extract/dates-openers check it against the whole-text scan).
   */
  opens: { digit: DigitOpening | null; words: readonly string[]; wordThen?: string; wordDigit?: DigitOpening };
  /** `m`, a match of `pattern` with its groups' names taken out; `g`, the number of each named group (text/pattern `unnamedGroups`) */
  build(m: RegExpExecArray, g: GroupNumbers, env: ParseEnv, key: string): Token | null;
}

/**
 * The digits a match opening at a digit begins with: how many (`run`: a day is 1 or 2, a year
 * 4) and what may stand after them, whitespace skipped (`then`: `/` for `20/5/2025`, `t` for
 * `20 tháng 5`). The scan tries the parser only at a run of that shape: most numbers of a text
 * (`1.`, `Điều 12`, `2025,`) are no opening of most parsers, and a pattern that fails still costs
 * a call. `wordThen` is the same for a match opening at one of `words`: what may stand after the
 * word, `[\s.…_]` skipped (a digit after `ngày`); `wordDigit`, where a digit stands there, the run
 * of digits and what follows it, as `digit` (`ngày 20/` for `ngày 20/5/2025`, not `ngày 20 tháng`):
 * most days a text names are tried by one parser of the seven that may open at `ngày`.
 */
export interface DigitOpening {
  run: readonly number[];
  then: string;
  /** of `then`, those a digit must follow right away (`20.5.2025`, not the list's `1. Trung tâm`) */
  thenDigit?: string;
}

const DIGITS = "0123456789";
/** a day, a month, an hour: one digit or two */
const ONE_OR_TWO = [1, 2];
const firstLetters = (words: readonly string[]) => [...new Set(words.map((w) => w[0]))].join("");

const num = (s: string | undefined) => (s === undefined || s === "" ? null : Number(s));

/** No digit or date separator glued on the left. */
const L = notAfter("\\p{L}\\p{N}/.,-");
/** Nothing on the right that would make it part of a longer number or a document number (`/NĐ-CP`). */
const R = `(?!\\p{N}|\\s*/\\s*${LETTER_OR_NUMBER_UNIT}|[.,-]${LETTER_OR_NUMBER_UNIT})`;
const NGAY = `(?:${DAY_WORD}[\\s.…_]*)`;

function withYear(p: Partial<Point>, env: ParseEnv): Point {
  return point({ ...p, y: env.year, yearGuessed: true });
}

const re = (src: string) => new RegExp(src, "gu");

/** (the fields written out, not spread: every match makes one) */
const tok = (m: RegExpExecArray, parser: string, fields: Pick<Token, "point" | "from" | "to">): Token => ({
  start: m.index,
  end: m.index + m[0].length,
  parser,
  point: fields.point,
  from: fields.from,
  to: fields.to,
});

const QUARTER = `(?<q>${alt(Object.keys(QUARTER_NUMERALS))})(?!${LETTER_OR_NUMBER_UNIT})`;
/** `nửa đầu năm`: the word for half, opening the half-year parser. */
const HALF_WORD = "nửa";
const HALF = `(?<half>${alt([...HALF_FIRST, ...HALF_LAST])})`;
const DAY_PART = `(?:\\s*(?<part>${alt(DAY_PARTS.map((p) => p.word))})(?![\\p{L}]))?`;
const durationBefore = endsWith(`(?:^|[^\\p{L}])${alt(DURATION_CUES)}\\s+`);
const DURATION_AFTER_RE = new RegExp(`^${DURATION_AFTER}`, "u");

/** A time of day from its hour, its minutes (none: `00`) and the part of the day written after it. */
function timeToken(m: RegExpExecArray, key: string, parser: string, hour: string, minutes: string | undefined, dayPart: string | undefined): Token | null {
  let h = Number(hour);
  const mi = num(minutes) ?? 0;
  // a duration, not a time of day: "trong vòng 24 giờ", "8 giờ/ngày"
  if (durationBefore(key.slice(Math.max(0, m.index - 20), m.index))) return null;
  if (DURATION_AFTER_RE.test(key.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
  const part = DAY_PARTS.find((p) => p.word === dayPart);
  if (part?.pm && h < 12) h += 12;
  if (h > 23) return null;
  return tok(m, parser, { point: point({ h, mi }) });
}

export const PARSERS: Parser[] = [
  // "ngày 20 tháng 5 năm 2025", "20 tháng 5, năm 2025", "ngày  01 tháng  7 năm 2004"
  {
    name: "words-full",
    pattern: re(`${L}${NGAY}?(?<d>${DAY})\\s+${MONTH_WORD}\\s+(?<m>${MONTH})\\s*,?\\s*${YEAR_WORD}\\s+(?<y>${YEAR})${R}`),
    opens: { digit: { run: ONE_OR_TWO, then: MONTH_WORD[0] }, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: MONTH_WORD[0] } },
    build: (m, g) => tok(m, "words-full", { point: point({ y: +m[g.y], m: +m[g.m], d: +m[g.d] }) }),
  },
  // "ngày    tháng 5 năm 2026" → 2026-05; "ngày …… tháng …… năm 2025" → 2025 (a draft's blank fields)
  {
    name: "words-blank",
    pattern: re(`${DAY_WORD}(?=[\\s.…_])${BLANK}${MONTH_WORD}(?:${BLANK}(?<m>${MONTH})(?!\\p{N}))?${BLANK}${YEAR_WORD}\\s*(?<y>${YEAR})${R}`),
    opens: { digit: null, words: [DAY_WORD], wordThen: MONTH_WORD[0] },
    build: (m, g) => tok(m, "words-blank", { point: point({ y: +m[g.y], m: num(m[g.m]) }) }),
  },
  // "ngày 20 tháng 5" (no year: the document's year)
  {
    name: "words-no-year",
    pattern: re(`${L}${DAY_WORD}\\s+(?<d>${DAY})\\s+${MONTH_WORD}\\s+(?<m>${MONTH})(?![\\p{N}]|\\s*,?\\s*${YEAR_WORD}\\s*\\p{N})`),
    opens: { digit: null, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: MONTH_WORD[0] } },
    build: (m, g, env) => tok(m, "words-no-year", { point: withYear({ m: +m[g.m], d: +m[g.d] }, env) }),
  },
  // "ngày 20/5/2025", "05/01/2020", "ngày 01/ 7 /2004"
  {
    name: "numeric-slash",
    pattern: re(`${L}${NGAY}?(?<d>${DAY})\\s*/\\s*(?<m>${MONTH})\\s*/\\s*(?<y>${YEAR})${R}`),
    opens: { digit: { run: ONE_OR_TWO, then: "/" }, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: "/" } },
    build: (m, g) => tok(m, "numeric-slash", { point: point({ y: +m[g.y], m: +m[g.m], d: +m[g.d] }) }),
  },
  // "20-5-2025"
  {
    name: "numeric-dash",
    pattern: re(`${L}${NGAY}?(?<d>${DAY})-(?<m>${MONTH})-(?<y>${YEAR})${R}`),
    opens: { digit: { run: ONE_OR_TWO, then: "-", thenDigit: "-" }, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: "-", thenDigit: "-" } },
    build: (m, g) => tok(m, "numeric-dash", { point: point({ y: +m[g.y], m: +m[g.m], d: +m[g.d] }) }),
  },
  // "20.5.2025"
  {
    name: "numeric-dot",
    pattern: re(`${L}${NGAY}?(?<d>${DAY})\\.(?<m>${MONTH})\\.(?<y>${YEAR})${R}`),
    opens: { digit: { run: ONE_OR_TWO, then: ".", thenDigit: "." }, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: ".", thenDigit: "." } },
    build: (m, g) => tok(m, "numeric-dot", { point: point({ y: +m[g.y], m: +m[g.m], d: +m[g.d] }) }),
  },
  // "ngày 20/5" (no year: the document's year); needs the word "ngày"
  {
    name: "numeric-no-year",
    pattern: re(`${DAY_WORD}\\s*(?<d>${DAY})\\s*/\\s*(?<m>${MONTH})(?![\\p{N}]|\\s*[/.-]\\s*${LETTER_OR_NUMBER_UNIT})`),
    opens: { digit: null, words: [DAY_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: "/" } },
    build: (m, g, env) => tok(m, "numeric-no-year", { point: withYear({ m: +m[g.m], d: +m[g.d] }, env) }),
  },
  // "ngày    /    /2007" → 2007; "ngày   /7/2007" → 2007-07 (blank draft fields)
  {
    name: "numeric-blank",
    pattern: re(`${DAY_WORD}[\\s.…_]*/[\\s.…_]*(?:(?<m>${MONTH})[\\s.…_]*)?/\\s*(?<y>${YEAR})${R}`),
    opens: { digit: null, words: [DAY_WORD], wordThen: "/" },
    build: (m, g) => tok(m, "numeric-blank", { point: point({ y: +m[g.y], m: num(m[g.m]) }) }),
  },
  // "ngày 20 - 25/5/2026", "từ ngày 20 đến ngày 25/5/2026" → 2026-05-20/2026-05-25
  {
    name: "day-range",
    pattern: re(
      `(?:${RANGE_FROM}\\s+)?${DAY_WORD}\\s*(?<d1>${DAY})\\s*(?:${RANGE_DASH}|\\s${alt(RANGE_TO)}\\s)\\s*(?:${DAY_WORD}\\s*)?(?<d2>${DAY})\\s*/\\s*(?<m>${MONTH})(?:\\s*/\\s*(?<y>${YEAR}))?${R}`,
    ),
    opens: { digit: null, words: [RANGE_FROM, DAY_WORD], wordThen: DAY_WORD[0] + DIGITS, wordDigit: { run: ONE_OR_TWO, then: RANGE_DASHES + firstLetters(RANGE_TO) } },
    build: (m, g, env) => {
      const y = num(m[g.y]) ?? env.year;
      const d1 = +m[g.d1];
      const d2 = +m[g.d2];
      if (d2 <= d1) return null;
      return tok(m, "day-range", { from: point({ y, m: +m[g.m], d: d1 }), to: point({ y, m: +m[g.m], d: d2 }) });
    },
  },
  // "tháng 5/2026", "tháng 5 năm 2026", "tháng 05-2026" → 2026-05
  {
    name: "month-year",
    pattern: re(`${NOT_AFTER_LETTER}${MONTH_WORD}\\s*(?<m>${MONTH})\\s*(?:/|-|\\.|,?\\s*${YEAR_WORD})\\s*(?<y>${YEAR})${R}`),
    opens: { digit: null, words: [MONTH_WORD], wordThen: DIGITS, wordDigit: { run: ONE_OR_TWO, then: "/-.," + YEAR_WORD[0] } },
    build: (m, g) => tok(m, "month-year", { point: point({ y: +m[g.y], m: +m[g.m] }) }),
  },
  // "Chương trình công tác tháng 5" → the document's year
  {
    name: "month-only",
    pattern: re(`${NOT_AFTER_LETTER}(?<!\\p{N}\\s*)${MONTH_WORD}\\s+(?<m>${MONTH})(?![\\p{N}]|\\s*[/.-]\\s*\\p{N}|\\s*,?\\s*${YEAR_WORD}\\s*\\p{N}|\\s+${alt(MONTH_ONLY_NOT_BEFORE)}(?!\\p{L}))`),
    opens: { digit: null, words: [MONTH_WORD], wordThen: DIGITS },
    build: (m, g, env) => tok(m, "month-only", { point: withYear({ m: +m[g.m] }, env) }),
  },
  // "quý IV/2025" → 2025-10/2025-12; "quý I năm 2026"; "quý 3" (the document's year)
  {
    name: "quarter",
    pattern: re(`${NOT_AFTER_LETTER}${QUARTER_WORD}\\s+${QUARTER}(?:\\s*(?:/|-|,?\\s*${YEAR_WORD})\\s*(?<y>${YEAR})${R})?`),
    opens: { digit: null, words: [QUARTER_WORD], wordThen: firstLetters(Object.keys(QUARTER_NUMERALS)) },
    build: (m, g, env) => {
      const q = QUARTER_NUMERALS[m[g.q]];
      const y = num(m[g.y]) ?? env.year;
      const guessed = m[g.y] === undefined;
      return tok(m, "quarter", {
        from: point({ y, m: q * 3 - 2, yearGuessed: guessed }),
        to: point({ y, m: q * 3, yearGuessed: guessed }),
      });
    },
  },
  // "05 tháng đầu năm 2026" → 2026-01/2026-05; "6 tháng cuối năm" → 07/12 of the document's year
  {
    name: "months-of-year",
    pattern: re(`${L}(?<n>0?[1-9]|1[0-2])\\s+${MONTH_WORD}\\s+${HALF}\\s+${YEAR_WORD}(?:\\s+(?<y>${YEAR})${R})?(?!${LETTER_OR_NUMBER_UNIT})`),
    opens: { digit: { run: ONE_OR_TWO, then: MONTH_WORD[0] }, words: [] },
    build: (m, g, env) => {
      const n = +m[g.n];
      const y = num(m[g.y]) ?? env.year;
      const first = HALF_FIRST.includes(m[g.half]);
      const guessed = m[g.y] === undefined;
      return tok(m, "months-of-year", {
        from: point({ y, m: first ? 1 : 13 - n, yearGuessed: guessed }),
        to: point({ y, m: first ? n : 12, yearGuessed: guessed }),
      });
    },
  },
  // "nửa đầu năm 2026" → 2026-01/2026-06
  {
    name: "half-year",
    pattern: re(`${NOT_AFTER_LETTER}${HALF_WORD}\\s+${HALF}\\s+${YEAR_WORD}(?:\\s+(?<y>${YEAR})${R})?(?!${LETTER_OR_NUMBER_UNIT})`),
    opens: { digit: null, words: [HALF_WORD], wordThen: firstLetters([...HALF_FIRST, ...HALF_LAST]) },
    build: (m, g, env) => {
      const y = num(m[g.y]) ?? env.year;
      const first = HALF_FIRST.includes(m[g.half]);
      return tok(m, "half-year", { from: point({ y, m: first ? 1 : 7 }), to: point({ y, m: first ? 6 : 12 }) });
    },
  },
  // "giai đoạn 2026 - 2035", "năm học 2024-2025", "2021-2025" → 2026/2035
  {
    name: "year-range",
    pattern: re(`(?:${alt(YEAR_RANGE_LEADS, NOT_AFTER_LETTER)}\\s*:?\\s*)?${L}(?<y1>${YEAR})${RANGE_DASH}(?<y2>${YEAR})${R}`),
    opens: { digit: { run: [4], then: RANGE_DASHES }, words: YEAR_RANGE_LEADS, wordThen: ":" + DIGITS, wordDigit: { run: [4], then: RANGE_DASHES } },
    build: (m, g) => {
      const y1 = +m[g.y1];
      const y2 = +m[g.y2];
      if (y2 <= y1 || y2 - y1 > 50) return null;
      return tok(m, "year-range", { from: point({ y: y1 }), to: point({ y: y2 }) });
    },
  },
  // "năm 2026"
  {
    name: "year",
    pattern: re(`${NOT_AFTER_LETTER}${YEAR_WORD}\\s+(?<y>${YEAR})${R}`),
    opens: { digit: null, words: [YEAR_WORD], wordThen: DIGITS },
    build: (m, g) => tok(m, "year", { point: point({ y: +m[g.y] }) }),
  },
  // "08 giờ 00 phút", "8 giờ 30", "14 giờ", "8 giờ sáng", "2 giờ chiều"
  {
    name: "time-words",
    pattern: re(`${L}(?<h>${HOUR})\\s*${HOUR_WORD}(?:\\s*(?<mi>${MINUTE})(?:\\s*${alt(MINUTE_WORDS)})?)?(?!${LETTER_OR_NUMBER_UNIT})${DAY_PART}`),
    opens: { digit: { run: ONE_OR_TWO, then: HOUR_WORD[0] }, words: [] },
    build: (m, g, _env, key) => timeToken(m, key, "time-words", m[g.h], m[g.mi], m[g.part]),
  },
  // "8h30", "11h00", "lúc 14h", "14h30'", "8g30"
  {
    name: "time-h",
    pattern: re(`${L}(?<h>${HOUR})(?:h(?:\\s*(?<mi>${MINUTE}))?|g(?<mi2>${MINUTE}))'?(?!${LETTER_OR_NUMBER_UNIT})${DAY_PART}`),
    opens: { digit: { run: ONE_OR_TWO, then: "hg" }, words: [] },
    build: (m, g, _env, key) => timeToken(m, key, "time-h", m[g.h], m[g.mi2] || m[g.mi], m[g.part]),
  },
];
