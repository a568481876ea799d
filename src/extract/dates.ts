import type { DateMention, Span, Warning } from "../record/schema.js";
import { collapseSpaces, isSpaceCode } from "../text/letters.js";
import { keyAtOffsets } from "../text/tone.js";
import { matchesAt } from "../text/openers.js";
import { alt } from "../text/pattern.js";
import { textKey, type ExtractContext } from "./context.js";
import { PARSERS } from "./dates/parsers.js";
import { formatToken, tokenKind, type Token } from "./dates/point.js";
import { dateBounds } from "./dates/range.js";
import { REFINERS } from "./dates/refiners.js";

/**
 * Dates and times, chrono style: the parsers in `dates/parsers.ts` find candidates, the refiners
 * in `dates/refiners.ts` merge a time with its day, join ranges, mark deadlines and check
 * weekdays. Values are ISO 8601 at the precision written:
 *
 * | written | value | kind |
 * | --- | --- | --- |
 * | `ngày 20 tháng 5 năm 2025`, `20/5/2025` | `2025-05-20` | date |
 * | `ngày    tháng 5 năm 2026` (blank day) | `2026-05` | date |
 * | `tháng 5/2026` | `2026-05` | date |
 * | `năm 2026` | `2026` | date |
 * | `ngày 20/5` (no year: the document's year; none known: `--05-20`) | `2025-05-20` | date |
 * | `8h30` (no day beside it) | `T08:30` | time |
 * | `08 giờ 00 phút, ngày 27/5/2026` | `2026-05-27T08:00` | datetime |
 * | `quý IV/2025` | `2025-10/2025-12` | period |
 * | `05 tháng đầu năm 2026` | `2026-01/2026-05` | period |
 * | `giai đoạn 2026 - 2035` | `2026/2035` | period |
 * | `từ ngày 20/5/2025 đến ngày 30/5/2025` | `2025-05-20/2025-05-30` | period |
 * | `trước 11h00 ngày 26/5/2026` | `2026-05-26T11:00` | deadline |
 * | `hoàn thành trong tháng 6/2026` | `2026-06` | deadline |
 *
 * A period is an ISO 8601 interval `start/end`, each end at its own precision.
 */

/** What {@link scanDates} returns. */
export interface DateScan {
  dates: DateMention[];
  warnings: Warning[];
  /** with `ends`: the mentions without the ends of periods (what a scan without `ends` gives) */
  plain?: DateMention[];
}

/** Markup that may sit inside a date in scraped text (`ngày **27/5/2026**`): read as a space. */
const MARKUP = /[*]/g;

/** `*` or whitespace (`/[\s*]/`): what a mention's ends are trimmed of. */
const spaceOrMarkup = (c: number) => c === 42 || isSpaceCode(c);
/** The markup left out of a mention's text (most have none: asked before replacing). */
const withoutMarkup = (s: string) => (s.includes("*") ? s.replace(MARKUP, "") : s);

function keyOf(text: string): string {
  return keyAtOffsets(text).replace(MARKUP, " ");
}

/** Each parser's pattern anchored (`y`): tried at one opening at a time. */
const STICKY = PARSERS.map((p) => new RegExp(p.pattern.source, "uy"));

/**
 * Where the parsers' matches can open: bit 0 a digit with no letter, digit or `/.,-` before it, then a bit for each
 * opening word; a parser's mask holds the bits of its openings.
 */
const OPENING_WORDS = [...new Set(PARSERS.flatMap((p) => p.opens.words))];
const PARSER_MASKS = PARSERS.map((p) => (p.opens.digit ? 1 : 0) | p.opens.words.reduce((m, w) => m | (2 << OPENING_WORDS.indexOf(w)), 0));
/** the opening words by their first character (all ASCII letters) */
const WORDS_BY_FIRST: { word: string; bit: number }[][] = Array.from({ length: 128 }, () => []);
OPENING_WORDS.forEach((word, i) => {
  if (OPENING_WORDS.length > 30 || word.charCodeAt(0) >= 128) throw new Error(`date opening words: ${word}`);
  WORDS_BY_FIRST[word.charCodeAt(0)].push({ word, bit: 2 << i });
});

/**
 * A letter, a digit or one of `/.,-` stands before `i`: the parsers' left guard, which every
 * match opening at a digit has, fails there (`2/2025`, `NĐ-CP 15`, `12.5`).
 */
function gluedBefore(key: string, i: number): boolean {
  const p = key.charCodeAt(i - 1);
  if (p < 128) return (p >= 97 && p <= 122) || (p >= 65 && p <= 90) || (p >= 48 && p <= 57) || p === 47 || p === 46 || p === 44 || p === 45;
  return LETTER_OR_NUMBER.test(String.fromCodePoint(key.codePointAt(i - 1 - (p >= 0xdc00 && p <= 0xdfff ? 1 : 0))!));
}
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * A run of digits or an opening word: the candidates {@link openingsIn} looks at. The regex
 * engine finds them (a walk of every character in JS, looking words up at each of the six
 * letters they begin with, was ~4× slower: 13% of the date scan).
 */
const CANDIDATE = new RegExp(`\\d+|${alt(OPENING_WORDS)}`, "g");

/** Every place a date parser's match can open in `key`, in order, with the kinds of opening there. */
function openingsIn(key: string): { at: number[]; kinds: number[] } {
  const at: number[] = [];
  const kinds: number[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(key); m; m = CANDIDATE.exec(key)) {
    const i = m.index;
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // only a run's first digit can open: the others have a digit before them
      if (i === 0 || !gluedBefore(key, i)) at.push(i), kinds.push(1);
      continue;
    }
    let kind = 0;
    for (const w of WORDS_BY_FIRST[c]) if (key.startsWith(w.word, i)) kind |= w.bit;
    at.push(i), kinds.push(kind);
    // another word may open inside this one (`năm` in `từ năm`)
    CANDIDATE.lastIndex = i + 1;
  }
  return { at, kinds };
}

/** Every date in `text` (a piece of the document starting at `offset`), with the warnings met. */
export function scanDates(text: string, offset: number, ctx: Pick<ExtractContext, "year">, opts: { ends?: boolean; key?: string; limit?: number } = {}): DateScan {
  const key = opts.key ?? keyOf(text);
  const env = { year: ctx.year };
  let tokens: Token[] = [];
  // with a limit: the tokens kept, the limit's and the two the header's number and date may take
  // (near the start, left out of the document's list afterwards)
  const keep = opts.limit ? opts.limit + 2 : Infinity;
  const openings = openingsIn(key);
  for (let p = 0; p < PARSERS.length; p++) {
    const parser = PARSERS[p];
    // tried only where one of its matches can open (a digit or one of its words), each time
    // anchored there: the same matches, in the same order, as a global scan of the whole key
    // (which would try every character), since no match opens anywhere else. A match ending at
    // `from` hides what opens inside it, as in the global scan. A parser never matches empty.
    // with a limit, each parser stops after as many tokens as the list keeps: its matches come
    // in order, so the first ones of the document are all there; past them, 110,000 years made
    // 110,000 tokens to drop
    const most = tokens.length + keep;
    for (const m of matchesAt(STICKY[p], key, openings, PARSER_MASKS[p])) {
      const built = parser.build(m, env, key);
      if (!built) continue;
      tokens.push(...(Array.isArray(built) ? built : [built]));
      if (tokens.length >= most) break;
    }
  }
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const warnings: Warning[] = [];
  const renv = { key, text, offset, warnings };
  for (const refine of REFINERS) tokens = refine(tokens, renv);
  // past the limit no mention is made: the list is cut there anyway (110,000 years made 110,000
  // mentions, ~30 MB, to keep 10,000)
  if (tokens.length > keep) tokens.length = keep;
  const mention = (t: Token): DateMention => {
    let { start, end } = t;
    while (start < end && spaceOrMarkup(text.charCodeAt(start))) start++;
    while (end > start && spaceOrMarkup(text.charCodeAt(end - 1))) end--;
    const value = formatToken(t);
    const bounds = dateBounds(value);
    // the keys written out, not spread: one object shape for every mention, its fields in the
    // object itself (a text of 900,000 characters of years gives 90,000 mentions)
    return {
      text: collapseSpaces(withoutMarkup(text.slice(start, end))),
      value,
      kind: tokenKind(t),
      start: bounds.start,
      end: bounds.end,
      precision: bounds.precision,
      span: [offset + start, offset + end],
    };
  };
  const plain = tokens.map(mention);
  if (!opts.ends) return { dates: plain, warnings };
  // with `ends`, a day-to-day period is followed by its two days (the document's list of dates);
  // the mentions are the same objects in both lists, made once
  const dates: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    dates.push(plain[i]);
    const ends = tokens[i].ends;
    if (ends) for (const e of ends) dates.push(mention(e));
  }
  return { dates, warnings, plain };
}

/**
 * The scan of the whole document, made once and shared by every extractor that needs the dates
 * of the whole text (dates, references): each scan is a pass of every date parser over the text.
 * Kept per context (one a document), so nothing outlives the document.
 */
const wholeScans = new WeakMap<Pick<ExtractContext, "tree" | "year" | "maxFacts">, Required<DateScan>>();
export function documentDates(ctx: Pick<ExtractContext, "tree" | "year" | "maxFacts">): Required<DateScan> {
  let scan = wholeScans.get(ctx);
  if (!scan) wholeScans.set(ctx, (scan = scanDates(ctx.tree.text, 0, ctx, { ends: true, key: textKey(ctx).replace(MARKUP, " "), limit: ctx.maxFacts }) as Required<DateScan>));
  return scan;
}

/**
 * The dates in a piece of text, for other extractors (a task's deadline, a meeting's time).
 * `text` is a slice of the normalized document starting at `offset`; spans are `offset` + the
 * position in `text`; dates without a year take `ctx.year`.
 */
export function findDates(text: string, offset: number, ctx: Pick<ExtractContext, "year">): DateMention[] {
  return scanDates(text, offset, ctx).dates;
}

const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

/** Every date in the document, leaving out the header's own number and date (separate fields). */
export function extractDates(ctx: ExtractContext): { dates: DateMention[]; warnings: Warning[] } {
  const { tree } = ctx;
  const scan = documentDates(ctx);
  const skip: Span[] = [];
  if (tree.number?.span) skip.push(tree.number.span);
  if (tree.date?.span) skip.push(tree.date.span);
  const dates = scan.dates.filter((d) => !skip.some((s) => d.span && overlaps(d.span, s)));
  return { dates, warnings: scan.warnings };
}
