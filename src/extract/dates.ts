import type { DateMention, Span, Warning } from "../record/schema.js";
import { afterSpaces, collapseSpaces, isAsciiDigitCode, isSpaceCode } from "../text/letters.js";
import { keyAtOffsets } from "../text/tone.js";
import { alt, esc, unnamedGroups } from "../text/pattern.js";
import { mapped } from "../text/lists.js";
import { textKey, type ExtractContext } from "./context.js";
import { PARSERS, type DigitOpening } from "./dates/parsers.js";
import { formatToken, tokenKind, type Token } from "./dates/point.js";
import { dateBounds } from "./dates/range.js";
import { REFINERS } from "./dates/refiners.js";
import { CodeSet } from "../text/codes.js";

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
  /** a parser stopped at the limit, or the list was cut there: a scan without a limit may give more */
  cut: boolean;
}

/** Markup that may sit inside a date in scraped text (`ngày **27/5/2026**`): read as a space. */
const MARKUP = /[*]/g;

/** `*` or whitespace (`/[\s*]/`): what a mention's ends are trimmed of. */
const spaceOrMarkup = (c: number) => c === 42 || isSpaceCode(c);
/** The markup left out of a mention's text (most have none: asked before replacing). */
const withoutMarkup = (s: string) => (s.includes("*") ? s.replace(MARKUP, "") : s);

/** Markup read as a space (most texts have none: asked before replacing). */
const markupAsSpace = (key: string) => (key.includes("*") ? key.replace(MARKUP, " ") : key);

function keyOf(text: string): string {
  return markupAsSpace(keyAtOffsets(text));
}

/** Each parser's pattern anchored (`y`), tried at one opening at a time, its groups read by number (text/pattern `unnamedGroups`: why). */
const UNNAMED = PARSERS.map((p) => unnamedGroups(p.pattern.source));
const STICKY = UNNAMED.map((u) => new RegExp(u.source, "uy"));
const GROUPS = UNNAMED.map((u) => u.numbers);

/**
 * Where the parsers' matches can open, and which: an opening's kind holds the bits (`1 << p`) of
 * the parsers that may match there — those opened by its digit run, or by one of its words, with
 * what follows the run or the word as the parser's `opens` says.
 */
const OPENING_WORDS = [...new Set(PARSERS.flatMap((p) => p.opens.words))];
if (PARSERS.length > 31) throw new Error("at most 31 date parsers");
/** a run of digits of a parser's `DigitOpening`: the runs it may be (as bits `1 << n`, the last for any longer run) and what may follow */
interface DigitShape {
  runs: number;
  then: CodeSet;
  thenDigit: CodeSet;
}
const MAX_RUN = 7;
const digitShape = (d: DigitOpening): DigitShape => ({ runs: d.run.reduce((m, n) => m | (1 << Math.min(n, MAX_RUN)), 0), then: CodeSet.ofChars(d.then), thenDigit: CodeSet.ofChars(d.thenDigit ?? "") });
/** a parser an opening word opens: its bit, and what the word must have after it (`wordThen`, `wordDigit`) */
interface WordParser {
  bit: number;
  then: CodeSet | null;
  digit: DigitShape | null;
}
/**
 * The opening words as a tree of their code units (`năm` and `năm học` share their `năm`), walked
 * from a candidate's first letter: a node's `parsers` are those of the word that ends there. One
 * walk reads every word from there (`từ`, `từ năm`), where each word compared in turn (six begin
 * with `n`) was a third of the openings' time.
 */
interface WordNode {
  codes: number[];
  next: WordNode[];
  parsers: WordParser[] | null;
}
const wordNode = (): WordNode => ({ codes: [], next: [], parsers: null });
/** the trees by the code of the words' first letter (all ASCII: a table) */
const WORD_TREES: (WordNode | null)[] = Array.from({ length: 128 }, () => null);
for (const word of OPENING_WORDS) {
  const first = word.charCodeAt(0);
  if (first >= 128) throw new Error(`date opening words: ${word}`);
  let node = (WORD_TREES[first] ??= wordNode());
  for (let k = 1; k < word.length; k++) {
    const c = word.charCodeAt(k);
    let n = node.codes.indexOf(c);
    if (n < 0) n = node.codes.push(c) - 1, node.next.push(wordNode());
    node = node.next[n];
  }
  node.parsers = PARSERS.flatMap((p, i) =>
    p.opens.words.includes(word) ? [{ bit: 1 << i, then: p.opens.wordThen ? CodeSet.ofChars(p.opens.wordThen) : null, digit: p.opens.wordDigit ? digitShape(p.opens.wordDigit) : null }] : [],
  );
}
/** the parsers a run of `n` digits may open (index `n`; the last, any longer run) */
const RUN_PARSERS: number[] = Array.from({ length: MAX_RUN + 1 }, (_, n) => PARSERS.reduce((m, p, i) => (p.opens.digit?.run.includes(n) ? m | (1 << i) : m), 0));
/** the parsers a digit run followed by a character may open, by its code */
const THEN_PARSERS = new Map<number, number>();
/** those of them a digit must follow right away (`DigitOpening.thenDigit`), by the character's code (all ASCII: a table) */
const THEN_DIGIT_PARSERS = new Int32Array(128);
PARSERS.forEach((p, i) => {
  for (const ch of p.opens.digit?.then ?? "") THEN_PARSERS.set(ch.charCodeAt(0), (THEN_PARSERS.get(ch.charCodeAt(0)) ?? 0) | (1 << i));
  for (const ch of p.opens.digit?.thenDigit ?? "") {
    if (ch.charCodeAt(0) >= 128) throw new Error(`a date parser's thenDigit: ${ch}`);
    THEN_DIGIT_PARSERS[ch.charCodeAt(0)] |= 1 << i;
  }
});
/** `[\s.…_]`: what a word's `wordThen` skips (blank draft fields, `ngày …… tháng`) */
const isBlankCode = (c: number) => c === 46 || c === 95 || c === 0x2026 || isSpaceCode(c);

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
 * Where a run of digits or an opening word may begin: the candidates {@link openingsIn} looks at.
 * The regex engine finds them, one character long each (a digit, or a word's first letter with the
 * rest of some word after it, looked ahead): `test` then tells where without a match array a
 * candidate, and the run or the words are read from there (a walk of every character in JS, looking
 * words up at each of the six letters they begin with, was ~4× slower: 13% of the date scan; one
 * looking each code unit up in a table and walking `WORD_TREES` from the letters, twice as slow as
 * this: a bare `charCodeAt` loop over a key costs what the engine's whole scan does).
 */
const CANDIDATE = new RegExp(
  `\\d|${[...new Set(OPENING_WORDS.map((w) => w[0]))].map((c) => `${esc(c)}(?=${alt(OPENING_WORDS.filter((w) => w[0] === c).map((w) => w.slice(1)))})`).join("|")}`,
  "g",
);
/** the parsers a digit run followed by a character may open, by its code (ASCII: a table, not a map look-up a run) */
const THEN_PARSERS_ASCII = Int32Array.from({ length: 128 }, (_, c) => THEN_PARSERS.get(c) ?? 0);
const thenParsers = (c: number) => (c < 128 ? THEN_PARSERS_ASCII[c] : (THEN_PARSERS.get(c) ?? 0));

/** Every place a date parser's match can open in `key`, in order, with the parsers that may match there. */
export function openingsIn(key: string): { at: number[]; kinds: number[] } {
  const at: number[] = [];
  const kinds: number[] = [];
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.test(key)) {
    const i = CANDIDATE.lastIndex - 1;
    const c = key.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // a run's digits after the first are passed over: they have a digit before them
      let end = i + 1;
      while (end < key.length && isAsciiDigitCode(key.charCodeAt(end))) end++;
      CANDIDATE.lastIndex = end;
      if (i > 0 && gluedBefore(key, i)) continue;
      const run = end - i;
      const then = afterSpaces(key, end);
      const c = key.charCodeAt(then);
      let kind = RUN_PARSERS[Math.min(run, RUN_PARSERS.length - 1)] & thenParsers(c);
      // (`1. Trung tâm`, a list's number before a `.` that wants a digit after it: most runs before a `.`)
      if (c < 128 && kind & THEN_DIGIT_PARSERS[c] && !isAsciiDigitCode(key.charCodeAt(then + 1))) kind &= ~THEN_DIGIT_PARSERS[c];
      if (kind) at.push(i), kinds.push(kind);
      continue;
    }
    // every word from here (`từ`, `từ năm`); another may open inside one (`năm` in `từ năm`): the search goes on from the next character
    let kind = 0;
    let node = WORD_TREES[c];
    for (let j = i + 1; node; j++) {
      if (node.parsers) kind |= wordKind(node.parsers, key, j);
      const next = key.charCodeAt(j);
      const { codes } = node;
      let k = 0;
      while (k < codes.length && codes[k] !== next) k++;
      node = k < codes.length ? node.next[k] : null;
    }
    if (kind) at.push(i), kinds.push(kind);
  }
  return { at, kinds };
}

/** The parsers of a word ending at `j` that may open there, by what follows it (see `DigitOpening`). */
function wordKind(parsers: WordParser[], key: string, j: number): number {
  while (j < key.length && isBlankCode(key.charCodeAt(j))) j++;
  const next = key.charCodeAt(j);
  // a digit after the word: its run, and what follows the run, for the parsers that say
  let run = 0;
  let then = 0;
  let afterRun = NaN;
  if (isAsciiDigitCode(next)) {
    while (j + run < key.length && isAsciiDigitCode(key.charCodeAt(j + run))) run++;
    then = afterSpaces(key, j + run);
    afterRun = key.charCodeAt(then);
  }
  let kind = 0;
  for (const p of parsers) {
    if (p.then && !p.then.has(next)) continue;
    const d = p.digit;
    if (run && d && !(d.runs & (1 << Math.min(run, MAX_RUN)) && d.then.has(afterRun) && (!d.thenDigit.has(afterRun) || isAsciiDigitCode(key.charCodeAt(then + 1))))) continue;
    kind |= p.bit;
  }
  return kind;
}

/** Each parser's end of its last match in a scan (no scan runs inside another: a parser's `build` scans nothing). */
const HIDDEN = new Int32Array(PARSERS.length);
/** Each parser's tokens made in a scan. */
const MADE = new Int32Array(PARSERS.length);

/** Every date in `text` (a piece of the document starting at `offset`), with the warnings met. */
export function scanDates(text: string, offset: number, ctx: Pick<ExtractContext, "year">, opts: { ends?: boolean; key?: string; limit?: number } = {}): DateScan {
  const key = opts.key ?? keyOf(text);
  const env = { year: ctx.year };
  let tokens: Token[] = [];
  // with a limit: the tokens kept, the limit's and the two the header's number and date may take
  // (near the start, left out of the document's list afterwards)
  const keep = opts.limit ? opts.limit + 2 : Infinity;
  const openings = openingsIn(key);
  // one walk over the openings, each tried with the parsers its kind names (a walk of them all
  // for each parser, skipping the others' openings, was a fifth of the scan). Each parser keeps
  // its own end of the last match, so it finds what it found scanning alone: its matches anchored
  // where one can open, in order, a match hiding the openings inside it (as in a global scan of the
  // key, since no match opens anywhere else; a parser never matches empty). With a limit, a parser
  // stops after as many tokens as the list keeps: its matches come in order, so the first ones of
  // the document are all there; past them, 110,000 years made 110,000 tokens to drop.
  // (the module's arrays, emptied: a typed array made for each scan cost as much as a parser's try)
  const hidden = HIDDEN.fill(0);
  const made = MADE.fill(0);
  let open = 0;
  let cut = false;
  for (const kind of openings.kinds) open |= kind;
  for (let o = 0; o < openings.at.length && open; o++) {
    const at = openings.at[o];
    for (let kind = openings.kinds[o] & open; kind; kind &= kind - 1) {
      const p = 31 - Math.clz32(kind & -kind);
      if (at < hidden[p]) continue;
      const sticky = STICKY[p];
      sticky.lastIndex = at;
      const m = sticky.exec(key);
      if (!m) continue;
      hidden[p] = sticky.lastIndex;
      const built = PARSERS[p].build(m, GROUPS[p], env, key);
      if (!built) continue;
      tokens.push(built);
      if (++made[p] >= keep) open &= ~(1 << p), (cut = true);
    }
  }
  // The tokens come by start (a match starts at its opening), those of one start by parser: sorted
  // by start and longest first, they are in the order of every parser's list joined in the
  // parsers' order and sorted so (the sort is stable), the list the parsers one after the other
  // made; and the sort finds them nearly in order (each parser's list joined were sorted whole).
  tokens.sort((a, b) => a.start - b.start || b.end - a.end);
  const warnings: Warning[] = [];
  const renv = { key, text, offset, warnings };
  // (no token, nothing to refine: most pieces of text a task or a meeting asks about have none)
  if (tokens.length) for (const refine of REFINERS) tokens = refine(tokens, renv);
  // past the limit no mention is made: the list is cut there anyway (110,000 years made 110,000
  // mentions, ~30 MB, to keep 10,000)
  if (tokens.length > keep) (tokens.length = keep), (cut = true);
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
  // (text/lists: why not `map`)
  const plain = mapped(tokens, mention);
  if (!opts.ends) return { dates: plain, warnings, cut };
  // with `ends`, a day-to-day period is followed by its two days (the document's list of dates);
  // the mentions are the same objects in both lists, made once
  const dates: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    dates.push(plain[i]);
    const ends = tokens[i].ends;
    if (ends) for (const e of ends) dates.push(mention(e));
  }
  return { dates, warnings, plain, cut };
}

/**
 * The scan of the whole document, made once and shared by every extractor that needs the dates
 * of the whole text (dates, references): each scan is a pass of every date parser over the text.
 * Kept on the context (one a document), so nothing outlives the document.
 */
export function documentDates(ctx: Pick<ExtractContext, "tree" | "year" | "maxFacts" | "shared">): Required<DateScan> {
  return (ctx.shared.dates ??= scanDates(ctx.tree.text, 0, ctx, { ends: true, key: markupAsSpace(textKey(ctx)), limit: ctx.maxFacts }) as Required<DateScan>);
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
