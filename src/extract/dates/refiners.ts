/**
 * Refiners, chrono style: each takes the parsers' tokens (sorted by start) and returns a settled
 * list. They run in the order of {@link REFINERS}.
 */
import type { Warning } from "../../record/schema.js";
import { DAY_PARTS, DAY_WORD, DEADLINE_CUES, NOT_DATE_AFTER, NOT_DATE_BEFORE, RANGE_DASH, RANGE_DASHES, RANGE_FROM, RANGE_TO, WEEKDAYS } from "../../../grammars/dates.js";
import { CodeSet, OpeningPairs } from "../../text/codes.js";
import { afterSpaces, isAsciiDigitCode } from "../../text/letters.js";
import { alt, altSource, endsWith } from "../../text/pattern.js";
import { formatPoint, isoWeekday, validPoint, type Point, type Token } from "./point.js";
import { dropOverlaps as dropSpanOverlaps } from "../overlaps.js";

export interface RefineEnv {
  /** the match key of the scanned text (lower case, same offsets) */
  key: string;
  /** the scanned text as written */
  text: string;
  /** where the scanned text starts in the document (for warnings' spans) */
  offset: number;
  warnings: Warning[];
}

export type Refiner = (tokens: Token[], env: RefineEnv) => Token[];

/** Drops dates that are not real (31/2, 29/2/2025) and periods that end before they start. */
export const dropInvalid: Refiner = (tokens) =>
  tokens.filter((t) => {
    if (t.point) return validPoint(t.point);
    if (!t.from || !t.to || !validPoint(t.from) || !validPoint(t.to)) return false;
    const a = formatPoint(t.from);
    const b = formatPoint(t.to);
    return !(a.length === b.length && a > b);
  });

/**
 * Whether one of `words` may begin where the whitespace at `i` of `s` ends (before `end`; one of
 * `between` and more whitespace skipped after it): its first two code units stand there. Asked
 * before a regex of the words after whitespace that fails at most places it is asked (a money word
 * after a date, a range's `đến` between two dates): it never says no where that regex matches, and
 * it costs a few comparisons where a regex call cost ~600 instructions, most of a refiner's time.
 *
 *     wordAfterSpaces(["đến", "-"])("a  đến", 1, 6) === true      …(" của", 0, 4) === false
 */
export function wordAfterSpaces(words: readonly string[], between = ""): (s: string, i: number, end: number) => boolean {
  const opens = OpeningPairs.ofWords(words);
  const skipped = CodeSet.ofChars(between);
  return (s, i, end) => {
    i = afterSpaces(s, i);
    if (i < end && skipped.has(s.charCodeAt(i))) i = afterSpaces(s, i + 1);
    return i < end && opens.at(s, i);
  };
}

const notDateBefore = endsWith(`(?<![\\p{L}])${alt(NOT_DATE_BEFORE)}\\s*`);
/** after a date, within {@link NOT_AFTER_WINDOW} characters: a money word or a measure */
const NOT_AFTER_RE = new RegExp(`^\\s*${alt(NOT_DATE_AFTER)}(?![\\p{L}])`, "u");
const NOT_AFTER_WINDOW = 8;
/** {@link NOT_AFTER_RE}'s word may begin there (see {@link wordAfterSpaces}) */
const notDateAfterMay = wordAfterSpaces(NOT_DATE_AFTER);

/** Numbers that only look like dates: `Điều 5.2.2010`, `khoản 20/5/2025`, `1.12.2000 đồng`. */
export const dropLookalikes: Refiner = (tokens, env) =>
  tokens.filter((t) => {
    // (an ASCII code unit is a number only as a digit: the regex asked of the others)
    const c = env.key.charCodeAt(t.start);
    const startsWithDigit = c < 128 ? isAsciiDigitCode(c) : /\p{N}/u.test(env.key[t.start] ?? "");
    if (startsWithDigit && notDateBefore(env.key.slice(Math.max(0, t.start - 12), t.start))) return false;
    const to = Math.min(env.key.length, t.end + NOT_AFTER_WINDOW);
    if (notDateAfterMay(env.key, t.end, to) && NOT_AFTER_RE.test(env.key.slice(t.end, to))) return false;
    return true;
  });

/**
 * Where matches overlap, keeps the longest (`ngày 20 tháng 5 năm 2025` over its `năm 2025`). The
 * tokens come sorted by start: each run of them that overlap one another (and none outside the run)
 * is settled alone, and a token that overlaps none, most of them, is kept as it is — the same
 * choice as over the whole list, without sorting it twice.
 */
export const dropOverlaps: Refiner = (tokens) => {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; ) {
    let end = tokens[i].end;
    let j = i + 1;
    for (; j < tokens.length && tokens[j].start < end; j++) if (tokens[j].end > end) end = tokens[j].end;
    const over = j === i + 1 ? tokens[i] : overlappingAll(tokens, i, j);
    if (over) out.push(over);
    else for (const t of dropSpanOverlaps(tokens.slice(i, j))) out.push(t);
    i = j;
  }
  return out;
};

/**
 * The longest of `tokens[i…j)` (the earliest on a tie, then the first) where it overlaps every
 * other, or null: all the run's choice then (`ngày 20 tháng 5 năm 2025`, its `tháng 5 năm 2025` and
 * its `năm 2025`), found without the copy and the two sorts of the choice over any run.
 */
function overlappingAll(tokens: Token[], i: number, j: number): Token | null {
  let best = tokens[i];
  for (let k = i + 1; k < j; k++) {
    const t = tokens[k];
    const d = t.end - t.start - (best.end - best.start);
    if (d > 0 || (d === 0 && t.start < best.start)) best = t;
  }
  if (best.start >= best.end) return null;
  for (let k = i; k < j; k++) if (tokens[k] !== best && !(tokens[k].start < best.end && best.start < tokens[k].end)) return null;
  return best;
}

const hasDate = (p: Point) => p.y !== null || p.m !== null;
const isTime = (t: Token) => !!t.point && t.point.h !== null && !hasDate(t.point);
const isTimeRange = (t: Token) => !!t.from && !!t.to && t.from.h !== null && !hasDate(t.from) && !hasDate(t.to);
const isDay = (t: Token) => !!t.point && t.point.h === null && t.point.d !== null;

const RANGE_GAP = new RegExp(`^\\s*(?:${alt(RANGE_TO)}|${RANGE_DASH})\\s*$`, "u");
/** {@link RANGE_GAP}'s word or dash may begin the gap (see {@link wordAfterSpaces}): most neighbours have other words between them */
const rangeGapMay = wordAfterSpaces([...RANGE_TO, ...RANGE_DASHES]);
// "từ ngày" before the first end of a range: `từ ngày 26/01/2026 đến hết ngày 28/02/2027`
const fromBeforeEnds = endsWith(`(?:^|[^\\p{L}])${RANGE_FROM}\\s*(?:${DAY_WORD}\\s*)?`);
const FROM_AT_END = new RegExp(`${RANGE_FROM}\\s*(?:${DAY_WORD}\\s*)?$`, "u");

function inherit(a: Point, b: Point): Point {
  const p = { ...a };
  if (p.h === null || hasDate(p)) {
    if (p.y === null || a.yearGuessed) {
      p.y = b.y;
      p.yearGuessed = b.yearGuessed;
    }
    if (p.m === null && p.d !== null) p.m = b.m;
  }
  return p;
}

/**
 * Neighbouring tokens, left to right, offered to `merge` with the key the text between them is read
 * from (`key.slice(a.end, b.start)`, cut where it is asked: most pairs are told apart first): a token
 * it returns replaces the pair, `null` keeps the left one and moves on.
 */
function mergeNeighbours(tokens: Token[], env: Parameters<Refiner>[1], merge: (a: Token, b: Token, key: string) => Token | null): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const merged = b ? merge(a, b, env.key) : null;
    if (merged) {
      out.push(merged);
      i++;
    } else out.push(a);
  }
  return out;
}

/**
 * `từ ngày 20/5/2025 đến ngày 30/5/2025`, `từ 8h00 đến 11h30`, `từ quý I đến quý III/2026`:
 * two neighbours joined by `đến`/`tới` (after a `từ`) or a dash, into one period.
 */
export const mergeRanges: Refiner = (tokens, env) =>
  mergeNeighbours(tokens, env, (a, b, key) => {
    // the gap first: most neighbours have words between them, and the look before `a` is the dearer test
    if (!rangeGapMay(key, a.end, b.start)) return null;
    const gap = key.slice(a.end, b.start);
    if (!RANGE_GAP.test(gap)) return null;
    const sameShape = (isTime(a) && isTime(b)) || (!isTime(a) && !isTime(b) && !isTimeRange(a) && !isTimeRange(b));
    if (!sameShape) return null;
    const fromBefore = fromBeforeEnds(env.key.slice(Math.max(0, a.start - 12), a.start));
    if (!fromBefore && !/^\s*[-–—]\s*$/u.test(gap)) return null;
    const from = inherit(a.from ?? a.point!, b.from ?? b.point!);
    const to = b.to ?? b.point!;
    let start = a.start;
    // (a window before the token, not the whole text before it: that was quadratic on a long line)
    if (fromBefore) start = a.start - (env.key.slice(Math.max(0, a.start - 40), a.start).match(FROM_AT_END)?.[0].length ?? 0);
    // `từ ngày 26/01/2026 đến hết ngày 28/02/2027`: both days are dates the document names too
    const fullDay = (p: Point) => p.y !== null && p.m !== null && p.d !== null && p.h === null;
    const ends = isDay(a) && isDay(b) && fullDay(from) && fullDay(to) ? [{ ...a, point: from }, b] : undefined;
    return { start, end: b.end, from, to, parser: "range", ends };
  });

const DAY_PART_WORDS = alt(DAY_PARTS.map((p) => p.word));
const WEEKDAY_WORDS = alt(WEEKDAYS.flatMap((w) => w.words));
/** between a time and the date after it: `08 giờ 00 phút, ngày 27/5/2026`, `14h00 thứ Tư ngày …` */
const TIME_THEN_DATE = new RegExp(`^\\s*[,;]?\\s*(?:(?:buổi\\s+)?${DAY_PART_WORDS}\\s*,?\\s*)?(?:${WEEKDAY_WORDS}\\s*,?\\s*)?(?:${DAY_WORD}\\s*)?$`, "u");
/** between a date and the time after it: `ngày 27/5/2026 (thứ Tư), lúc 8h00` */
const DATE_THEN_TIME = new RegExp(`^\\s*(?:\\(\\s*${WEEKDAY_WORDS}\\s*\\))?\\s*[,;]?\\s*(?:${WEEKDAY_WORDS}\\s*,?\\s*)?(?:vào\\s+)?(?:lúc|hồi|từ)?\\s*$`, "u");

/** the time's hour on the date's day (written out, not spread: every merged time makes one) */
function withDate(time: Point, date: Point): Point {
  return { y: date.y, m: date.m, d: date.d, h: time.h, mi: time.mi, yearGuessed: date.yearGuessed };
}

/** A time next to a day becomes one datetime: `từ 08 giờ 00 phút, ngày 27/5/2026` → 2026-05-27T08:00. */
export const mergeDateTime: Refiner = (tokens, env) =>
  mergeNeighbours(tokens, env, (a, b, key) => {
    // (a time and a day, the one or the other first: most pairs are neither, told without the gap)
    const timeFirst = (isTime(a) || isTimeRange(a)) && isDay(b);
    if (!timeFirst && !(isDay(a) && (isTime(b) || isTimeRange(b)))) return null;
    if (!(timeFirst ? TIME_THEN_DATE : DATE_THEN_TIME).test(key.slice(a.end, b.start))) return null;
    const [t, d] = timeFirst ? [a, b] : [b, a];
    const merged: Token = { start: a.start, end: b.end, parser: "datetime", deadline: a.deadline || b.deadline };
    if (t.point) merged.point = withDate(t.point, d.point!);
    else {
      merged.from = withDate(t.from!, d.point!);
      merged.to = withDate(t.to!, d.point!);
    }
    return merged;
  });

/**
 * The match of `source` ending where the string ends, with no letter before it: what
 * `matchAtEnd("(?<![\\p{L}])" + source)` gives. {@link endsWith} answers the common "no"; for a
 * "yes" the match is looked for from the start with the letter before it asked in JS where one was
 * found (a lookbehind of `\p{L}` written first, tried at every character of the window, cost more
 * than the rest of the deadline marking: a cue before a date, `trước ngày …`, is not rare).
 */
function matchAtEndNotAfterLetter(source: string): (s: string) => RegExpExecArray | null {
  const ends = endsWith(`(?<![\\p{L}])${source}`);
  const re = new RegExp(`${source}$`, "gu");
  return (s) => {
    if (!ends(s)) return null;
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (!letterBefore(s, m.index)) return m;
      // a match glued to a letter: the next start, as the engine would go on with the lookbehind failing there
      re.lastIndex = m.index + 1;
    }
    return null;
  };
}
const LETTER = /^\p{L}$/u;
/** `\p{L}` stands right before `i` (a surrogate pair read as its code point, as a `u` lookbehind reads it). */
function letterBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const c = s.charCodeAt(i - 1);
  return LETTER.test(c >= 0xdc00 && c <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s[i - 1]);
}

/** a deadline's cue ending the text before a date (the cue is rare: answered "no" cheaply) */
const deadlineBefore = matchAtEndNotAfterLetter(`${altSource(DEADLINE_CUES)}\\s*`);

/** `trước 11h00 ngày 26/5/2026`, `chậm nhất ngày 30/6`, `hoàn thành trong tháng 6/2026`: kind deadline, the cue in the span. */
export const markDeadlines: Refiner = (tokens, env) => {
  const { key } = env;
  // pushed, not made by `map` (why: segment/index.ts, `classes`): the weekday check and the scan read them
  const marked: Token[] = [];
  for (const t of tokens) {
    // the 60 characters before, on the same line: the window's last line break looked for in the
    // window alone (lastIndexOf over a 5 MB line, token by token, was quadratic; a walk of every
    // line break of the text forward, 3% of the date scan)
    const window = key.slice(Math.max(0, t.start - 60), t.start);
    let br = window.indexOf("\n");
    // (the last one: indexOf again past each, a window holds one or two; lastIndexOf cost twice as much)
    for (let next = br; next >= 0; next = window.indexOf("\n", next + 1)) br = next;
    const m = deadlineBefore(br < 0 ? window : window.slice(br + 1));
    // the fields written out, not spread: a spread copy of a token was a tenth of the refiners
    marked.push(m ? { start: t.start - m[0].length, end: t.end, point: t.point, from: t.from, to: t.to, deadline: true, parser: t.parser, ends: t.ends } : t);
  }
  return marked;
};

/** a weekday within {@link WEEKDAY_WINDOW} characters after a date */
const WEEKDAY_AFTER = new RegExp(`^\\s*[,(]?\\s*(${WEEKDAY_WORDS})(?![\\p{L}])`, "u");
const WEEKDAY_WINDOW = 16;
/** {@link WEEKDAY_AFTER}'s weekday may begin there (see {@link wordAfterSpaces}): most dates have none */
const weekdayAfterMay = wordAfterSpaces(WEEKDAYS.flatMap((w) => w.words), ",(");
const weekdayBefore = matchAtEndNotAfterLetter(`(${WEEKDAY_WORDS})\\s*,?\\s*(?:${DAY_WORD}\\s*)?`);

/** Checks a weekday written beside a full date; a disagreement becomes a `weekday-mismatch` warning. */
export const checkWeekdays: Refiner = (tokens, env) => {
  for (const t of tokens) {
    const p = t.point ?? (t.from && t.to && formatPoint(t.from) === formatPoint(t.to) ? t.from : null);
    if (!p || p.y === null || p.m === null || p.d === null || p.yearGuessed) continue;
    const to = Math.min(env.key.length, t.end + WEEKDAY_WINDOW);
    const after = weekdayAfterMay(env.key, t.end, to) ? env.key.slice(t.end, to).match(WEEKDAY_AFTER) : null;
    // the weekday after the date wins: the one before is looked for only without it
    const before = after ? null : weekdayBefore(env.key.slice(Math.max(0, t.start - 16), t.start));
    const word = after?.[1] ?? before?.[1];
    if (!word) continue;
    const written = WEEKDAYS.find((w) => w.words.includes(word))!.iso;
    const actual = isoWeekday(p.y, p.m, p.d);
    if (written !== actual) {
      const wrote = after ? env.text.slice(t.end, t.end + after[0].length) : env.text.slice(t.start - before![0].length, t.start);
      env.warnings.push({
        code: "weekday-mismatch",
        message: `${env.text.slice(t.start, t.end).replace(/\s+/g, " ").trim()} is a ${WEEKDAYS.find((w) => w.iso === actual)!.words[0]}, but the text says ${wrote.replace(/[\s,()]+/g, " ").trim()}`,
        span: [env.offset + t.start, env.offset + t.end],
      });
    }
  }
  return tokens;
};

/** The order the refiners run in. */
export const REFINERS: Refiner[] = [dropInvalid, dropLookalikes, dropOverlaps, mergeRanges, mergeDateTime, mergeRanges, markDeadlines, checkWeekdays];
