/**
 * People named in a document, with their position, chrono-style: an ordered list of rules
 * (a signer; an honorific + name; a title + name; a name + title; a bare name with a known
 * family name), then refiners (drop overlaps keeping the longest, merge mentions of one person).
 */
import { PLACE_LEVELS, PROVINCES } from "../../grammars/agencies.js";
import { HONORIFICS, NOT_PEOPLE, NOT_PERSON_BEFORE, SURNAMES } from "../../grammars/people.js";
import { foldTone, matchKey, nfc } from "../text/tone.js";
import type { Person } from "../record/schema.js";
import { agencyBuildsOf, agencyEndAt, AgencyBuilds } from "./agencies/scan.js";
import { keepDisjoint } from "./overlaps.js";
import { afterSpaces, CAPITAL, isAsciiDigitCode, isCapitalCode, isCapitalised, isLetterOrMarkCode, isLowerCode, isSpaceCode, isUpper, L, letterClassesBelow2000, lettersEnd, MARK_OR_DIGIT, sentenceCase, SMALL, squash, tidy, WE } from "../text/letters.js";
import { alternation, matchAtEnd, notAfter } from "../text/pattern.js";
import { OpeningPairs } from "../text/codes.js";
import { SpanMemo } from "../text/memo.js";
import { groupOpenings, openingCodes, opensAt, type Openers, type Openings } from "../text/openers.js";
import { mapped } from "../text/lists.js";
import { foldedText, type ExtractContext } from "./context.js";
import { documentOpeners, documentOpenings, OPENS, PERSON_TITLES } from "./openings.js";

/** not inside a word, a number or a symbol (`(?<![${L}\\d/])`), in the form V8 answers cheaply where a rule is tried (text/pattern `notAfter`) */
const WB = notAfter(`${L}\\d/`);
const TITLES = PERSON_TITLES;
/** an honorific in lower case or with a capital first letter (`Đồng chí`, `Ông`), not all capitals */
const HONORIFICS_BOTH = [...HONORIFICS, ...HONORIFICS.map(sentenceCase)];
let titleSticky!: RegExp, titleGlobal!: RegExp, honorificGlobal!: RegExp, surnameGlobal!: RegExp;
/** the title and honorific rules' patterns anchored (`y`), tried only where their first words open (see `openers`) */
let titleAt!: RegExp, honorificAt!: RegExp;
/** the groups of `openers` (extract/openings): a title, an honorific, a family name */
const { personTitle: TITLE, honorific: HONORIFIC, surname: SURNAME } = OPENS;
/** the groups an agency opens with (agencies/scan `agencyEndAt`: a head or a collective) */
const AGENCY_OPENS = OPENS.agencyHead | OPENS.collective;
const openers = documentOpeners;
/** the code units each rule's forms can begin with, in their case (text/openers `openingCodes`): the openings are found in any case */
let titleCodes!: Set<number>, honorificCodes!: Set<number>, surnameCodes!: Set<number>;
/** the honorifics' first two code units as written, tone placement folded (see {@link openingPairs}) */
let honorificPairs!: OpeningPairs;
/** the same by code unit below U+2000: the rules' groups (`OPENS` bits) whose forms can begin with it */
let rulesByCode!: Uint8Array;
/** the family names as the surname pattern matches them (tone placement folded, case as written): one word each */
let surnameForms!: Set<string>;
let surnames!: Set<string>, notPeople!: Set<string>, notBefore!: Set<string>, provinces!: Set<string>;
/** the first words of the two-word phrases of `notBefore` */
let notBeforeFirsts!: Set<string>;
/** The patterns and word sets, made the first time people are looked for (once), not at import. */
function compilePatterns(): void {
  if (titleSticky) return;
  titleSticky = new RegExp(`\\s*(?:${alternation(TITLES, "cap")})${WE}`, "uy");
  titleGlobal = new RegExp(`(?:${alternation(TITLES, "cap", WB)})${WE}`, "gu");
  honorificGlobal = new RegExp(`(?:${alternation(HONORIFICS_BOTH, "exact", WB)})${WE}`, "gu");
  surnames = new Set(SURNAMES.map((s) => matchKey(s)));
  notPeople = new Set(NOT_PEOPLE.map((s) => matchKey(s)));
  notBefore = new Set(NOT_PERSON_BEFORE.map((s) => matchKey(s)));
  notBeforeFirsts = new Set([...notBefore].filter((k) => k.includes(" ")).map((k) => k.slice(0, k.indexOf(" "))));
  provinces = new Set(PROVINCES.map((p) => matchKey(tidy(p))));
  // the rule's own test is `surnameEndAt` (one word looked up in surnameForms); the pattern says
  // where a family name stands for the first-word dispatch's test (tests/extract/openers)
  surnameGlobal = new RegExp(`(?:${alternation(SURNAMES, "exact", WB)})${WE}`, "gu");
  surnameForms = new Set(SURNAMES.map((s) => foldTone(nfc(s))));
  titleAt = new RegExp(titleGlobal.source, "uy");
  titleCodes = openingCodes(TITLES, "cap");
  honorificCodes = openingCodes(HONORIFICS_BOTH, "exact");
  surnameCodes = openingCodes(SURNAMES, "exact");
  honorificAt = new RegExp(honorificGlobal.source, "uy");
  honorificPairs = openingPairs(HONORIFICS_BOTH);
  rulesByCode = new Uint8Array(0x2000);
  for (const [codes, bit] of [[titleCodes, TITLE], [honorificCodes, HONORIFIC], [surnameCodes, SURNAME]] as const) for (const c of codes) if (c < 0x2000) rulesByCode[c] |= bit;
}

/**
 * The first two code units of forms matched as written (case `exact`), tone placement folded
 * (text/codes `OpeningPairs`); the first alone where the second is one the pattern lets vary (a
 * space, a dash, a comma, `&`: text/pattern `formSource`). The honorifics' openings are mostly
 * other words of their first letter (`đề`, `được` for `Đ/c`): told by the second code unit, not
 * by the pattern tried there.
 */
const openingPairs = (forms: readonly string[]): OpeningPairs => OpeningPairs.ofWords(forms.map((form) => foldTone(nfc(form))), (f) => " -–—,&".includes(f[1]));

/** For tests: each rule's pattern as a global scan, and where the dispatch tries it (`openers`, the rule's group). */
export function peopleOpenings(): { name: string; pattern: RegExp; openers: Openers; group: number }[] {
  compilePatterns();
  return [
    { name: "title", pattern: titleGlobal, openers: openers(), group: TITLE },
    { name: "honorific", pattern: honorificGlobal, openers: openers(), group: HONORIFIC },
    { name: "surname", pattern: surnameGlobal, openers: openers(), group: SURNAME },
  ];
}
/** the levels of a place a proper name follows (grammars `PLACE_LEVELS`), whose name may be a person's (`tỉnh Hoàng Văn Nam`) */
const NAMED_LEVELS = PLACE_LEVELS.filter((l) => l.proper).flatMap((l) => l.forms);
/**
 * `… tỉnh Hoàng Văn Nam` at the end of a position: the place's "name" is the person's (not a
 * province). Asked from the end (text/pattern `matchAtEnd`), where {@link placeNameStart} meets a
 * character at or beyond U+2000.
 */
const levelThenName = matchAtEnd(`(\\s+(?:${NAMED_LEVELS.join("|")}))\\s+((?:\\p{Lu}[\\p{Ll}\\p{M}]*[ \\t]+){1,4}\\p{Lu}[\\p{Ll}\\p{M}]*)`);

/**
 * A text being read: as written and tone-folded, its openings, and where the agency found at each
 * word asked about ends (the honorific and the title rules read the same position, a name and a
 * position end at the same word).
 */
interface Page {
  text: string;
  t: string;
  /** the openings of `documentOpeners` in `t` */
  open: Openings;
  /** the agency mentions built in `t` (the agency scan's, when `t` is a document's) */
  builds: AgencyBuilds;
  /** where the agency at a word start ends (-1: none there), by the word's start */
  agencyEnds: Map<number, number>;
}

/**
 * Where the agency that begins at the word at or after `pos` ends, -1 where none begins: its end
 * only (agencies/scan `agencyEndAt`), as a name and a position read no more of it.
 */
function agencyEndFrom(page: Page, pos: number): number {
  const at = afterSpaces(page.t, pos);
  const opens = opensAt(page.t, page.open, at);
  // no head's or collective's first word there: `agencyEndAt` answers none without reading on, and
  // most words asked about are a name's (`Nguyễn`, `Văn`), not worth an entry in the map
  if (opens !== -1 && !(opens & AGENCY_OPENS)) return -1;
  let end = page.agencyEnds.get(at);
  if (end === undefined) page.agencyEnds.set(at, (end = agencyEndAt(page.text, at, page.t, page.builds, opens) ?? -1));
  return end;
}

/** A name and its words (2–5), each word's start and end. */
interface NameSpan {
  start: number;
  end: number;
  words: number;
  starts: number[];
  ends: number[];
}

interface Mention {
  start: number;
  end: number;
  name: string;
  position: string | null;
  /** rule strength: a signer or a titled name outranks a bare name */
  rank: number;
}

/** The end of the title at `at` (after no whitespace), -1 where none is: the first word's code and opening asked before the pattern. */
function titleEndAt(t: string, at: number): number {
  const c = t.charCodeAt(at);
  if (!(c < 0x2000 ? rulesByCode[c] & TITLE : titleCodes.has(c)) || !(openers().at(t, at) & TITLE)) return -1;
  titleSticky.lastIndex = at;
  return titleSticky.test(t) ? titleSticky.lastIndex : -1;
}

/**
 * A position: the title from `start` to `titleEnd`, then the agency right after it on the same
 * line (`Phó Chủ tịch` `UBND tỉnh`).
 */
function positionFrom(page: Page, start: number, titleEnd: number): { start: number; end: number } {
  const { t } = page;
  const next = afterSpaces(t, titleEnd);
  if (next === titleEnd) return { start, end: titleEnd };
  for (let i = titleEnd; i < next; i++) if (t.charCodeAt(i) === 10) return { start, end: titleEnd };
  const ag = agencyEndFrom(page, next);
  return { start, end: ag < 0 ? titleEnd : ag };
}

/** A position starting at the word at or after `pos` (see {@link positionFrom}). */
function positionAt(page: Page, pos: number): { start: number; end: number } | null {
  const start = afterSpaces(page.t, pos);
  const end = titleEndAt(page.t, start);
  return end < 0 ? null : positionFrom(page, start, end);
}

/**
 * `Chủ tịch UBND tỉnh Hoàng Văn Nam`: the place name that ends a position is a person's name
 * when it starts with a family name and is no province. Shortens `pos` to the position.
 */
function nameInPlace(t: string, pos: { start: number; end: number }): { start: number; end: number } | null {
  const at = placeNameStart(t, pos.start, pos.end);
  if (at < 0) return null;
  const cand = matchKey(tidy(t.slice(at, pos.end)));
  if (!cand || provinces.has(cand) || !surnames.has(cand.split(" ")[0]) || notPeople.has(cand)) return null;
  const name = { start: at, end: pos.end };
  pos.end = name.start;
  while (/\s/u.test(t[pos.end - 1])) pos.end--;
  return name;
}

/**
 * Where the name of a place that ends the text from `start` to `end` begins (`tỉnh Hoàng Văn Nam`
 * → `Hoàng`), -1 where none does: the second group of {@link levelThenName}, read back from the end
 * on the letter table (most positions end with a small title word or an abbreviation, `Phó Chủ
 * tịch`, `UBND`, and the pattern cost ~1.4 µs a position that ends with a place). Its words are
 * 2–5 capitals each followed by small letters and marks, apart by spaces and tabs; before them
 * whitespace, a level, whitespace. A level is in small letters: no word of a name ends one, so the
 * words can be read only one way. A character at or beyond U+2000 on the way leaves it to the pattern.
 * (For tests: compared with the pattern in tests/extract/people.)
 */
export function placeNameStart(t: string, start: number, end: number): number {
  const cls = letterClassesBelow2000();
  let i = end;
  for (let words = 1; words <= 5; words++) {
    // a word read back: small letters and marks (the table's mark class holds the ASCII digits too), then a capital
    let c = 0;
    for (; i > start; i--) {
      c = t.charCodeAt(i - 1);
      if (c >= 0x2000) return placeNameByPattern(t, start, end);
      if (!(cls[c] & SMALL) && !(cls[c] & MARK_OR_DIGIT && !isAsciiDigitCode(c))) break;
    }
    if (i === start || !(cls[c] & CAPITAL)) return -1;
    const wordStart = --i;
    if (words >= 2 && levelBefore(t, start, wordStart)) return wordStart;
    // the word before it, after spaces and tabs only
    while (i > start && (t.charCodeAt(i - 1) === 32 || t.charCodeAt(i - 1) === 9)) i--;
    if (i === wordStart) return -1;
  }
  return -1;
}

/** Does whitespace, then a level after whitespace, end at `at` (not before `start`)? */
function levelBefore(t: string, start: number, at: number): boolean {
  let w = at;
  while (w > start && isSpaceCode(t.charCodeAt(w - 1))) w--;
  if (w === at) return false;
  for (const level of NAMED_LEVELS) {
    const s = w - level.length;
    if (s - 1 >= start && t.startsWith(level, s) && isSpaceCode(t.charCodeAt(s - 1))) return true;
  }
  return false;
}

/** {@link placeNameStart} asked of the pattern. */
function placeNameByPattern(t: string, start: number, end: number): number {
  const tail = levelThenName(t.slice(start, end));
  return tail ? end - tail[2].length : -1;
}

/**
 * Is the word from `start` to `end` in capitals (text/letters `isUpper`)? A small letter among its
 * first two code units says no without a copy of the word: most words of a text are not.
 */
function upperWord(t: string, start: number, end: number): boolean {
  for (let i = start; i < end && i < start + 2; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x2000 && isLowerCode(c)) return false;
  }
  return isUpper(t.slice(start, end));
}

/**
 * Capitalised syllables from `pos` on one line, 2–5 of them, stopping before a title or a body.
 * The words are read first without asking whether a body begins at each (an agency scan a word,
 * most of the stage's time): a run of fewer than two is no name whatever the bodies, and in a
 * longer run the first word a body begins at ends the name there, as the loop asking at every
 * word would have stopped.
 */
function nameAt(page: Page, pos: number, caps = false): NameSpan | null {
  const { t } = page;
  const starts: number[] = [];
  const ends: number[] = [];
  let words = 0;
  let cur = pos;
  while (words < 5) {
    // the word after the spaces, as text/letters `wordAt` reads it, read in place: a name's word
    // is letters and marks only (no digit, sign or `&`-joined abbreviation), on the line of the first
    let start = cur;
    let newline = false;
    for (let c = t.charCodeAt(start); start < t.length && isSpaceCode(c); c = t.charCodeAt(++start)) if (c === 10) newline = true;
    const end = lettersEnd(t, start);
    if (end === start || (words > 0 && newline) || (t.charCodeAt(end) === 0x26 && lettersEnd(t, end + 1) > end + 1)) break;
    const c = t.charCodeAt(start);
    if (!(c < 0x2000 ? isCapitalCode(c) : isCapitalised(t.slice(start, end)))) break;
    if (!caps && end - start > 1 && upperWord(t, start, end)) break;
    if (caps && !upperWord(t, start, end)) break;
    // a title opens there: ends the name
    if (titleEndAt(t, start) >= 0) break;
    starts.push(start);
    ends.push(end);
    words++;
    cur = end;
  }
  if (words < 2) return null;
  let n = 0;
  while (n < words && agencyEndFrom(page, starts[n]) < 0) n++;
  return n < 2 ? null : { start: starts[0], end: ends[n - 1], words: n, starts, ends };
}

/** Is code unit `c` a letter, a mark or a dot (`[\p{L}\p{M}.]`)? A regex beyond U+2000. */
const wordOrDotAt = (t: string, i: number, width: number): boolean => {
  const c = t.charCodeAt(i);
  return c < 0x2000 ? c === 0x2e || isLetterOrMarkCode(c) : WORD_OR_DOT.test(t.slice(i, i + width));
};

/**
 * The key of the last word (letters, marks, dots) before `pos` within 30 characters, only
 * whitespace after it: what `/([\p{L}\p{M}.]+)\s*$/u` finds in the 30 characters, read backwards
 * (the regex tried every start).
 */
function keyOfWordBefore(t: string, pos: number): string {
  const from = Math.max(0, pos - 30);
  let end = pos;
  while (end > from && isSpaceCode(t.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from) {
    // a letter outside the BMP is two code units: read whole
    const c = t.charCodeAt(start - 1);
    const width = c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && t.charCodeAt(start - 2) >= 0xd800 && t.charCodeAt(start - 2) <= 0xdbff ? 2 : 1;
    if (!wordOrDotAt(t, start - width, width)) break;
    start -= width;
  }
  return keyAt(t, start, end);
}
const WORD_OR_DOT = /^[\p{L}\p{M}.]$/u;

/** Where the run of whitespace (`space`) or of other characters that ends at `i` begins (not before `from`). */
function runBack(t: string, i: number, from: number, space: boolean): number {
  while (i > from && isSpaceCode(t.charCodeAt(i - 1)) === space) i--;
  return i;
}

/**
 * Does a word of `NOT_PERSON_BEFORE` stand right before `pos` (`phường`, `đường`, `thị trấn`)? The
 * last word (letters, marks, dots) in the 30 characters before it, or its last two
 * whitespace-separated pieces there, one space between; keyed as each piece's key joined by a
 * space (nothing in a key's making reads across whitespace), and made only when the first piece
 * opens one of the list's two-word phrases.
 */
function placeWordBefore(t: string, pos: number): boolean {
  if (notBefore.has(keyOfWordBefore(t, pos))) return true;
  const from = Math.max(0, pos - 30);
  const lastEnd = runBack(t, pos, from, true);
  const lastStart = runBack(t, lastEnd, from, false);
  const end = runBack(t, lastStart, from, true);
  const start = runBack(t, end, from, false);
  if (start === end) return notBefore.has(keyAt(t, lastStart, lastEnd));
  const first = keyAt(t, start, end);
  return notBeforeFirsts.has(first) && notBefore.has(`${first} ${keyAt(t, lastStart, lastEnd)}`);
}

/**
 * The match key (text/tone `matchKey`) of a word of the text, `t.slice(start, end)`, remembered by
 * its span (text/memo `SpanMemo`: the word is not cut out to be looked up): the words a name is
 * checked with repeat (family names, `ông`, `tỉnh`), and lower-casing a string with Vietnamese
 * letters costs more than looking its key up (~250 against ~40 ns).
 */
const wordKeys = new SpanMemo<string>(4096, 40);
const keyAt = (t: string, start: number, end: number): string => wordKeys.get(t, start, end) ?? wordKeys.set(t, start, end, matchKey(t.slice(start, end)));

/**
 * Can the name be a person's: opening with a family name (`needSurname`), no look-alike (`Hồ Chí
 * Minh`), not after a place's or a street's word. The name's key, `matchKey(squash(name))`, is its
 * words' keys joined by a space: nothing in a key's making reads across the whitespace between
 * two words.
 */
function plausible({ t }: Page, name: NameSpan, needSurname: boolean): boolean {
  const first = keyAt(t, name.start, name.ends[0]);
  if (needSurname && !surnames.has(first)) return false;
  let key = first;
  for (let w = 1; w < name.words; w++) key += ` ${keyAt(t, name.starts[w], name.ends[w])}`;
  return !notPeople.has(key) && !placeWordBefore(t, name.start);
}

/**
 * After a name: `, Phó Chủ tịch UBND tỉnh`, ` - Trưởng phòng`, ` (Giám đốc Sở Y tế)`: the position
 * after a comma, a dash or a bracket among spaces and tabs, all within 6 characters of `pos`.
 */
function trailingPosition(page: Page, pos: number): { start: number; end: number } | null {
  const { t } = page;
  const limit = Math.min(t.length, pos + 6);
  const i = blanksEnd(t, pos, limit);
  const c = i < limit ? t.charCodeAt(i) : -1;
  if (c !== 0x2c && c !== 0x2d && c !== 0x2013 && c !== 0x28) return null;
  return positionAt(page, blanksEnd(t, i + 1, limit));
}

/** Where the spaces and tabs from `i` end, at `limit` at most (a line's blanks: a newline is not one). */
function blanksEnd(t: string, i: number, limit: number): number {
  while (i < limit && (t.charCodeAt(i) === 32 || t.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * Does a capitalised `Ông`/`Bà` at `i` open a clause (`/(^|[\n;:,.(\-–+•]\s*|\s{2,})$/` on the 3
 * characters before it)? Mid-sentence it is a place (`tỉnh Bà Rịa`).
 */
function opensClause(t: string, i: number): boolean {
  const from = Math.max(0, i - 3);
  if (from === i) return true;
  let k = i;
  let newline = false;
  for (; k > from && isSpaceCode(t.charCodeAt(k - 1)); k--) if (t.charCodeAt(k - 1) === 10) newline = true;
  return newline || i - k >= 2 || (k > from && CLAUSE_MARKS.includes(t[k - 1]));
}
const CLAUSE_MARKS = ";:,.(-–+•";

/**
 * Can a form of group `bit` begin with the code unit at `i` (text/openers `openingCodes`: an opening
 * is found in any case, a form is written in one)? Below U+2000 read from `rulesByCode`.
 */
function ruleCodeAt(t: string, i: number, bit: number, codes: Set<number>): boolean {
  const c = t.charCodeAt(i);
  return c < 0x2000 ? (rulesByCode[c] & bit) !== 0 : codes.has(c);
}

/**
 * Does a family name stand at `at` (an opening of the group)? Where it ends, -1 where not: the
 * surname pattern's answer (`WB`, one of the names as written, `WE`), read as one word looked up.
 */
function surnameEndAt(t: string, at: number): number {
  if (at > 0) {
    const p = t.charCodeAt(at - 1);
    if (p < 0x2000 ? p === 0x2f || isAsciiDigitCode(p) || isLetterOrMarkCode(p) : GLUED.test(t.slice(Math.max(0, at - 2), at))) return -1;
  }
  const end = lettersEnd(t, at);
  const after = t.charCodeAt(end);
  if (isAsciiDigitCode(after)) return -1;
  return surnameForms.has(t.slice(at, end)) ? end : -1;
}
/** what the surname pattern's lookbehind (`WB`) refuses before it, for a character at or beyond U+2000 */
const GLUED = /[\p{L}\p{M}\d/]$/u;

/** A rule, tried at the openings of its group (text/openers `groupOpenings`, sorted out of the document's once, for every extractor). */
type Rule = (page: Page, at: readonly number[]) => Mention[];

const rules: Rule[] = [
  // "đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh", "ông Nguyễn Văn A - Giám đốc", "đồng chí Phó Chủ tịch UBND tỉnh Lê Văn B"
  (page, at) => {
    const { text, t } = page;
    const out: Mention[] = [];
    let from = 0;
    for (const i of at) {
      // the pair's first code unit is one an honorific begins with (`ruleCodeAt`)
      if (i < from || !honorificPairs.at(t, i)) continue;
      honorificAt.lastIndex = i;
      if (!honorificAt.test(t)) continue;
      const hEnd = (from = honorificAt.lastIndex);
      // a capitalised Ông/Bà mid-sentence is a place (`tỉnh Bà Rịa`): only at a clause start
      const c = t.charCodeAt(i);
      if ((c === 0xd4 /* Ô */ || c === 0x42 /* B */) && !opensClause(t, i)) continue;
      const pre = positionAt(page, hEnd);
      const after = pre ? pre.end : hEnd;
      const first = nameAt(page, after);
      const split = pre && !first ? nameInPlace(t, pre) : null;
      // `bà NGUYỄN THỊ YẾN`: a name in capitals after an honorific
      const named = split ? null : (first ?? nameAt(page, after, true));
      const name = split ?? named;
      if (!name || (named && !plausible(page, named, false))) continue;
      const post = pre ? null : trailingPosition(page, name.end);
      const pos = pre ?? post;
      out.push({ start: i, end: post ? post.end : name.end, name: squash(text.slice(name.start, name.end)), position: pos ? squash(text.slice(pos.start, pos.end)) : null, rank: 3 });
    }
    return out;
  },
  // "Phó Thủ tướng Vũ Văn Ninh", "Chủ tịch UBND tỉnh Nguyễn Văn A", "PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp"
  (page, at) => {
    const { text, t } = page;
    const out: Mention[] = [];
    let from = 0;
    for (const i of at) {
      if (i < from || !ruleCodeAt(t, i, TITLE, titleCodes)) continue;
      titleAt.lastIndex = i;
      if (!titleAt.test(t)) continue;
      const pos = positionFrom(page, i, (from = titleAt.lastIndex));
      const named = nameAt(page, pos.end) ?? (capitalAfter(t, pos.end) ? nameAt(page, pos.end, true) : null);
      const split = named ? null : nameInPlace(t, pos);
      const name = split ?? named;
      if (!name || (named && !plausible(page, named, true))) continue;
      // the name must follow the position closely (a signer's name may stand on the next lines)
      if (!/^[\s|]*$/u.test(t.slice(pos.end, name.start))) continue;
      const nm = t.slice(name.start, name.end);
      out.push({ start: pos.start, end: name.end, name: isUpper(nm) ? titleName(text.slice(name.start, name.end)) : squash(text.slice(name.start, name.end)), position: squash(text.slice(pos.start, pos.end)), rank: 2 });
    }
    return out;
  },
  // "Nguyễn Văn A, Giám đốc Sở Y tế" in a list of participants; a bare "Vi Thiện Việt" under a signature
  (page, at) => {
    const { text, t } = page;
    const out: Mention[] = [];
    let from = 0;
    for (const i of at) {
      if (i < from || !ruleCodeAt(t, i, SURNAME, surnameCodes)) continue;
      const end = surnameEndAt(t, i);
      if (end < 0) continue;
      from = end;
      const name = nameAt(page, i);
      if (!name || name.start !== i) continue;
      // a bare name of two words is no mention: asked before the name's words are keyed
      const post = trailingPosition(page, name.end);
      if ((!post && name.words < 3) || !plausible(page, name, true)) continue;
      out.push({ start: name.start, end: post ? post.end : name.end, name: squash(text.slice(name.start, name.end)), position: post ? squash(text.slice(post.start, post.end)) : null, rank: post ? 2 : 1 });
    }
    return out;
  },
];

/** A capital within 40 characters after `pos`, only whitespace before it (`/^\s*\n?\s*\p{Lu}/u` on the 40): a name in capitals may follow a title. */
function capitalAfter(t: string, pos: number): boolean {
  const i = afterSpaces(t, pos);
  if (i >= Math.min(t.length, pos + 40)) return false;
  const c = t.charCodeAt(i);
  return c < 0x2000 ? isCapitalCode(c) : isCapitalised(t.slice(i, pos + 40));
}

/** `NGUYỄN VĂN A` → `Nguyễn Văn A`. */
function titleName(s: string): string {
  return squash(s)
    .split(" ")
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(" ");
}

/**
 * People found in a piece of text (offsets into it). `shared`, for a document's whole text: its
 * folded text and openings, made once for every extractor (extract/context, extract/openings).
 */
export function findPeople(text: string, shared?: { folded: string; openings: Openings; builds: AgencyBuilds }): (Person & { span: [number, number] })[] {
  compilePatterns();
  const t = shared?.folded ?? foldTone(text);
  const open = shared?.openings ?? openers().in(t);
  const page: Page = { text, t, open, builds: shared?.builds ?? new AgencyBuilds(), agencyEnds: new Map() };
  const all = [...rules[0](page, groupOpenings(open, HONORIFIC)), ...rules[1](page, groupOpenings(open, TITLE)), ...rules[2](page, groupOpenings(open, SURNAME))];
  // (text/lists: why not `map`) extractPeople pushes the signers on
  return mapped(inTextOrder(all), (m): Person & { span: [number, number] } => ({ name: m.name, position: m.position, span: [m.start, m.end] }));
}

/**
 * Of overlapping mentions, the strongest rule's, then the longest, kept; in text order. Most
 * documents have no overlap: then all are kept, told by their order, without the cover of the
 * text `keepDisjoint` marks.
 */
function inTextOrder(all: Mention[]): Mention[] {
  const byStart = all.slice().sort((a, b) => a.start - b.start);
  let disjoint = true;
  for (let i = 1; i < byStart.length && disjoint; i++) disjoint = byStart[i].start >= byStart[i - 1].end;
  if (disjoint) return byStart;
  const preferred = all.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  return keepDisjoint(preferred).sort((a, b) => a.start - b.start);
}

/**
 * Every person the document names, once each (mentions of one name merged, the first position
 * found kept), in order of first mention; the signers with their titles.
 */
export function extractPeople(ctx: ExtractContext): Person[] {
  const { tree } = ctx;
  const found: Person[] = findPeople(tree.text, { folded: foldedText(ctx), openings: documentOpenings(ctx), builds: agencyBuildsOf(ctx) });
  for (const s of tree.signatures) {
    if (!s.name) continue;
    found.push({ name: tidy(s.name), position: s.title ? squash(s.title) : null, span: s.span });
  }
  const byKey = new Map<string, Person>();
  for (const p of found.sort((a, b) => (a.span?.[0] ?? 0) - (b.span?.[0] ?? 0))) {
    const key = matchKey(p.name);
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...p });
    else if (!prev.position && p.position) {
      prev.position = p.position;
      prev.span = p.span;
    }
  }
  return [...byKey.values()];
}
