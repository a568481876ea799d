/**
 * People named in a document, with their position, chrono-style: an ordered list of rules
 * (a signer; an honorific + name; a title + name; a name + title; a bare name with a known
 * family name), then refiners (drop overlaps keeping the longest, merge mentions of one person).
 */
import { PROVINCES } from "../../grammars/agencies.js";
import { HONORIFICS, NOT_PEOPLE, NOT_PERSON_BEFORE, SURNAMES } from "../../grammars/people.js";
import { foldTone, matchKey } from "../text/tone.js";
import type { Person } from "../record/schema.js";
import { agencyAt, agencyBuildsOf, type AgencyBuilds, type AgencyMatch } from "./agencies/scan.js";
import { dropOverlaps, keepDisjoint } from "./overlaps.js";
import { afterSpaces, isCapitalCode, isCapitalised, isSpaceCode, isUpper, L, lettersEnd, sentenceCase, squash, tidy, WE } from "../text/letters.js";
import { alternation, notAfter } from "../text/pattern.js";
import { matchesAt, openingCodes, type Openers, type Openings } from "../text/openers.js";
import { foldedText, type ExtractContext } from "./context.js";
import { documentOpeners, documentOpenings, OPENS, PERSON_TITLES } from "./openings.js";

/** not inside a word, a number or a symbol (`(?<![${L}\\d/])`), in the form V8 answers cheaply where a rule is tried (text/pattern `notAfter`) */
const WB = notAfter(`${L}\\d/`);
const TITLES = PERSON_TITLES;
/** an honorific in lower case or with a capital first letter (`Đồng chí`, `Ông`), not all capitals */
const HONORIFICS_BOTH = [...HONORIFICS, ...HONORIFICS.map(sentenceCase)];
let titleSticky!: RegExp, titleGlobal!: RegExp, honorificGlobal!: RegExp, surnameGlobal!: RegExp;
/** the three rules' patterns anchored (`y`), tried only where their first words open (see `openers`) */
let titleAt!: RegExp, honorificAt!: RegExp, surnameAt!: RegExp;
/** the groups of `openers` (extract/openings): a title, an honorific, a family name */
const { personTitle: TITLE, honorific: HONORIFIC, surname: SURNAME } = OPENS;
const openers = documentOpeners;
/** the code units each rule's forms can begin with, in their case (text/openers `openingCodes`): the openings are found in any case */
let titleCodes!: Set<number>, honorificCodes!: Set<number>, surnameCodes!: Set<number>;
let surnames!: Set<string>, notPeople!: Set<string>, notBefore!: Set<string>, provinces!: Set<string>;
/** The patterns and word sets, made the first time people are looked for (once), not at import. */
function compilePatterns(): void {
  if (titleSticky) return;
  titleSticky = new RegExp(`\\s*(?:${alternation(TITLES, "cap")})${WE}`, "uy");
  titleGlobal = new RegExp(`(?:${alternation(TITLES, "cap", WB)})${WE}`, "gu");
  honorificGlobal = new RegExp(`(?:${alternation(HONORIFICS_BOTH, "exact", WB)})${WE}`, "gu");
  surnames = new Set(SURNAMES.map((s) => matchKey(s)));
  notPeople = new Set(NOT_PEOPLE.map((s) => matchKey(s)));
  notBefore = new Set(NOT_PERSON_BEFORE.map((s) => matchKey(s)));
  provinces = new Set(PROVINCES.map((p) => matchKey(tidy(p))));
  // one word each: whichever order they are tried in, only the whole word passes the end test (a prefix tree reads it once)
  surnameGlobal = new RegExp(`(?:${alternation(SURNAMES, "exact", WB)})${WE}`, "gu");
  titleAt = new RegExp(titleGlobal.source, "uy");
  titleCodes = openingCodes(TITLES, "cap");
  honorificCodes = openingCodes(HONORIFICS_BOTH, "exact");
  surnameCodes = openingCodes(SURNAMES, "exact");
  honorificAt = new RegExp(honorificGlobal.source, "uy");
  surnameAt = new RegExp(surnameGlobal.source, "uy");
}

/** For tests: each rule's pattern as a global scan, and where the dispatch tries it (`openers`, the rule's group). */
export function peopleOpenings(): { name: string; pattern: RegExp; openers: Openers; group: number }[] {
  compilePatterns();
  return [
    { name: "title", pattern: titleGlobal, openers: openers(), group: TITLE },
    { name: "honorific", pattern: honorificGlobal, openers: openers(), group: HONORIFIC },
    { name: "surname", pattern: surnameGlobal, openers: openers(), group: SURNAME },
  ];
}
/** `… tỉnh Hoàng Văn Nam` at the end of a position: the place's "name" is the person's (not a province). */
const levelThenName = /(\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))\s+((?:\p{Lu}[\p{Ll}\p{M}]*[ \t]+){1,4}\p{Lu}[\p{Ll}\p{M}]*)$/u;

/**
 * A text being read: as written and tone-folded, with the agency found at each word asked about
 * (the honorific and the title rules read the same position, a name and a position end at the
 * same word).
 */
interface Page {
  text: string;
  t: string;
  /** the agency mentions built in `t`, when it is a document's (the agency scan's) */
  builds?: AgencyBuilds;
  /** {@link agencyAt} by the word's start */
  agencies: Map<number, AgencyMatch | null>;
}

/** The agency that begins at the word at or after `pos` (agencyAt reads it from the word's start). */
function agencyFrom(page: Page, pos: number): AgencyMatch | null {
  const at = afterSpaces(page.t, pos);
  let ag = page.agencies.get(at);
  if (ag === undefined) page.agencies.set(at, (ag = agencyAt(page.text, at, page.t, page.builds)));
  return ag;
}

interface Mention {
  start: number;
  end: number;
  name: string;
  position: string | null;
  /** rule strength: a signer or a titled name outranks a bare name */
  rank: number;
}

/** A position starting at `pos`: a title, then the agency right after it (`Phó Chủ tịch` `UBND tỉnh`). */
function positionAt(page: Page, pos: number): { start: number; end: number } | null {
  const { t } = page;
  titleSticky.lastIndex = pos;
  const m = titleSticky.exec(t);
  if (!m) return null;
  const start = pos + (m[0].length - m[0].trimStart().length);
  let end = pos + m[0].length;
  const ag = agencyFrom(page, end);
  if (ag && !/\n/.test(t.slice(end, ag.start)) && /^\s+$/u.test(t.slice(end, ag.start))) end = ag.end;
  return { start, end };
}

/**
 * `Chủ tịch UBND tỉnh Hoàng Văn Nam`: the place name that ends a position is a person's name
 * when it starts with a family name and is no province. Shortens `pos` to the position.
 */
function nameInPlace(t: string, pos: { start: number; end: number }): { start: number; end: number } | null {
  const tail = levelThenName.exec(t.slice(pos.start, pos.end));
  const cand = tail && matchKey(tidy(tail[2]));
  if (!tail || !cand || provinces.has(cand) || !surnames.has(cand.split(" ")[0]) || notPeople.has(cand)) return null;
  const name = { start: pos.end - tail[2].length, end: pos.end };
  pos.end = name.start;
  while (/\s/u.test(t[pos.end - 1])) pos.end--;
  return name;
}

/**
 * Capitalised syllables from `pos` on one line, 2–5 of them, stopping before a title or a body.
 * The words are read first without asking whether a body begins at each (an agency scan a word,
 * most of the stage's time): a run of fewer than two is no name whatever the bodies, and in a
 * longer run the first word a body begins at ends the name there, as the loop asking at every
 * word would have stopped.
 */
function nameAt(page: Page, pos: number, caps = false): { start: number; end: number } | null {
  const { t } = page;
  const starts: number[] = [];
  const ends: number[] = [];
  let cur = pos;
  while (starts.length < 5) {
    // the word after the spaces, as text/letters `wordAt` reads it, read in place: a name's word
    // is letters and marks only (no digit, sign or `&`-joined abbreviation), on the line of the first
    let start = cur;
    let newline = false;
    for (let c = t.charCodeAt(start); start < t.length && isSpaceCode(c); c = t.charCodeAt(++start)) if (c === 10) newline = true;
    const end = lettersEnd(t, start);
    if (end === start || (starts.length > 0 && newline) || (t.charCodeAt(end) === 0x26 && lettersEnd(t, end + 1) > end + 1)) break;
    const c = t.charCodeAt(start);
    if (!(c < 0x2000 ? isCapitalCode(c) : isCapitalised(t.slice(start, end)))) break;
    if (!caps && end - start > 1 && isUpper(t.slice(start, end))) break;
    if (caps && !isUpper(t.slice(start, end))) break;
    // a title's first word opens there (text/openers): asked before the title pattern is tried
    if (openers().at(t, start) & TITLE) {
      titleSticky.lastIndex = start;
      if (titleSticky.test(t)) break;
    }
    starts.push(start);
    ends.push(end);
    cur = end;
  }
  let n = 0;
  while (n < starts.length && !agencyFrom(page, starts[n])) n++;
  return n < 2 ? null : { start: starts[0], end: ends[n - 1] };
}

/**
 * The last word (letters, marks, dots) before `pos` within 30 characters, only whitespace after
 * it: what `/([\p{L}\p{M}.]+)\s*$/u` finds in the 30 characters, read backwards (the regex tried
 * every start).
 */
function wordBefore(t: string, pos: number): string {
  const from = Math.max(0, pos - 30);
  let end = pos;
  while (end > from && isSpaceCode(t.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > from) {
    // a letter outside the BMP is two code units: read whole
    const c = t.charCodeAt(start - 1);
    const width = c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && t.charCodeAt(start - 2) >= 0xd800 && t.charCodeAt(start - 2) <= 0xdbff ? 2 : 1;
    if (!WORD_OR_DOT.test(t.slice(start - width, start))) break;
    start -= width;
  }
  return t.slice(start, end);
}
const WORD_OR_DOT = /^[\p{L}\p{M}.]$/u;

/**
 * The last two whitespace-separated pieces in the 30 characters before `pos`, one space between:
 * what trimming them, splitting on `\s+` and joining the last two gives, read backwards.
 */
function lastTwoWords(t: string, pos: number): string {
  const from = Math.max(0, pos - 30);
  const back = (i: number, space: boolean) => {
    while (i > from && isSpaceCode(t.charCodeAt(i - 1)) === space) i--;
    return i;
  };
  const lastEnd = back(pos, true);
  const lastStart = back(lastEnd, false);
  const end = back(lastStart, true);
  const start = back(end, false);
  return start < end ? `${t.slice(start, end)} ${t.slice(lastStart, lastEnd)}` : t.slice(lastStart, lastEnd);
}

function plausible({ t }: Page, name: { start: number; end: number }, needSurname: boolean): boolean {
  const txt = t.slice(name.start, name.end);
  const key = matchKey(squash(txt));
  if (notPeople.has(key)) return false;
  const first = key.split(" ")[0];
  if (needSurname && !surnames.has(first)) return false;
  const before = matchKey(wordBefore(t, name.start));
  const before2 = matchKey(lastTwoWords(t, name.start));
  return !notBefore.has(before) && !notBefore.has(before2);
}

/** After a name: `, Phó Chủ tịch UBND tỉnh`, ` - Trưởng phòng`, ` (Giám đốc Sở Y tế)`. */
function trailingPosition(page: Page, pos: number): { start: number; end: number } | null {
  const m = /^[ \t]*(?:,|[-–]|\()[ \t]*/u.exec(page.t.slice(pos, pos + 6));
  if (!m) return null;
  return positionAt(page, pos + m[0].length);
}

type Rule = (page: Page, open: Openings) => Mention[];

const rules: Rule[] = [
  // "đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh", "ông Nguyễn Văn A - Giám đốc", "đồng chí Phó Chủ tịch UBND tỉnh Lê Văn B"
  (page, open) => {
    const { text, t } = page;
    const out: Mention[] = [];
    for (const m of matchesAt(honorificAt, t, open, HONORIFIC, honorificCodes)) {
      const hEnd = m.index + m[0].length;
      // a capitalised Ông/Bà mid-sentence is a place (`tỉnh Bà Rịa`): only at a clause start
      if (/^[ÔB]/u.test(m[0]) && !/(^|[\n;:,.(\-–+•]\s*|\s{2,})$/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
      const pre = positionAt(page, hEnd);
      const split = pre && !nameAt(page, pre.end) ? nameInPlace(t, pre) : null;
      // `bà NGUYỄN THỊ YẾN`: a name in capitals after an honorific
      const name = split ?? nameAt(page, pre ? pre.end : hEnd) ?? nameAt(page, pre ? pre.end : hEnd, true);
      if (!name) continue;
      if (!split && !plausible(page, name, false)) continue;
      const post = pre ? null : trailingPosition(page, name.end);
      const pos = pre ?? post;
      out.push({ start: m.index, end: post ? post.end : name.end, name: squash(text.slice(name.start, name.end)), position: pos ? squash(text.slice(pos.start, pos.end)) : null, rank: 3 });
    }
    return out;
  },
  // "Phó Thủ tướng Vũ Văn Ninh", "Chủ tịch UBND tỉnh Nguyễn Văn A", "PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp"
  (page, open) => {
    const { text, t } = page;
    const out: Mention[] = [];
    for (const m of matchesAt(titleAt, t, open, TITLE, titleCodes)) {
      const pos = positionAt(page, m.index);
      if (!pos) continue;
      const gap = t.slice(pos.end, pos.end + 40);
      let name = nameAt(page, pos.end) ?? (/^\s*\n?\s*\p{Lu}/u.test(gap) ? nameAt(page, pos.end, true) : null);
      const split = name ? null : nameInPlace(t, pos);
      if (split) name = split;
      else if (!name || !plausible(page, name, true)) continue;
      // the name must follow the position closely (a signer's name may stand on the next lines)
      if (!/^[\s|]*$/u.test(t.slice(pos.end, name.start))) continue;
      const nm = t.slice(name.start, name.end);
      out.push({ start: pos.start, end: name.end, name: isUpper(nm) ? titleName(text.slice(name.start, name.end)) : squash(text.slice(name.start, name.end)), position: squash(text.slice(pos.start, pos.end)), rank: 2 });
    }
    return out;
  },
  // "Nguyễn Văn A, Giám đốc Sở Y tế" in a list of participants; a bare "Vi Thiện Việt" under a signature
  (page, open) => {
    const { text, t } = page;
    const out: Mention[] = [];
    for (const m of matchesAt(surnameAt, t, open, SURNAME, surnameCodes)) {
      const name = nameAt(page, m.index);
      if (!name || name.start !== m.index || !plausible(page, name, true)) continue;
      const post = trailingPosition(page, name.end);
      const syllables = squash(t.slice(name.start, name.end)).split(" ").length;
      if (!post && syllables < 3) continue;
      out.push({ start: name.start, end: post ? post.end : name.end, name: squash(text.slice(name.start, name.end)), position: post ? squash(text.slice(post.start, post.end)) : null, rank: post ? 2 : 1 });
    }
    return out;
  },
];

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
  const page: Page = { text, t, builds: shared?.builds, agencies: new Map() };
  const all = rules.flatMap((r) => r(page, open));
  // overlapping mentions: the strongest rule, then the longest
  const sorted = [...all].sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept = keepDisjoint(sorted);
  return dropOverlaps(kept).map((m) => ({ name: m.name, position: m.position, span: [m.start, m.end] as [number, number] }));
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
