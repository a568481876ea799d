/**
 * People named in a document, with their position, chrono-style: an ordered list of rules
 * (a signer; an honorific + name; a title + name; a name + title; a bare name with a known
 * family name), then refiners (drop overlaps keeping the longest, merge mentions of one person).
 */
import { PROVINCES } from "../../grammars/agencies.js";
import { HONORIFICS, NOT_PEOPLE, NOT_PERSON_BEFORE, POSITION_TITLES, ROLE_TITLES, SURNAMES } from "../../grammars/people.js";
import { foldTone, matchKey } from "../text/tone.js";
import type { Person } from "../record/schema.js";
import { agencyAt, dropOverlaps } from "./agencies/scan.js";
import { isCapitalised, isUpper, L, sentenceCase, squash, tidy, WE, wordAt } from "../text/letters.js";
import { alternation, formSource } from "../text/pattern.js";
import { matchesAt, Openers, type Openings } from "../text/openers.js";
import type { ExtractContext } from "./context.js";

const WB = `(?<![${L}\\d/])`;
const TITLES = [...POSITION_TITLES, ...ROLE_TITLES];
let titleSticky!: RegExp, titleGlobal!: RegExp, honorificGlobal!: RegExp, surnameGlobal!: RegExp;
/** the three rules' patterns anchored (`y`), tried only where their first words open (see `openers`) */
let titleAt!: RegExp, honorificAt!: RegExp, surnameAt!: RegExp, openers!: Openers;
/** the groups of `openers`: a title, an honorific, a family name */
const TITLE = 1, HONORIFIC = 2, SURNAME = 4;
let surnames!: Set<string>, notPeople!: Set<string>, notBefore!: Set<string>, provinces!: Set<string>;
/** The patterns and word sets, made the first time people are looked for (once), not at import. */
function compilePatterns(): void {
  if (titleSticky) return;
  titleSticky = new RegExp(`\\s*(?:${alternation(TITLES, "cap")})${WE}`, "uy");
  titleGlobal = new RegExp(`(?:${alternation(TITLES, "cap", WB)})${WE}`, "gu");
  honorificGlobal = new RegExp(`(?:${alternation([...HONORIFICS, ...HONORIFICS.map(sentenceCase)], "exact", WB)})${WE}`, "gu");
  surnames = new Set(SURNAMES.map((s) => matchKey(s)));
  notPeople = new Set(NOT_PEOPLE.map((s) => matchKey(s)));
  notBefore = new Set(NOT_PERSON_BEFORE.map((s) => matchKey(s)));
  provinces = new Set(PROVINCES.map((p) => matchKey(tidy(p))));
  surnameGlobal = new RegExp(`${WB}(?:${SURNAMES.map((s) => formSource(s, "exact")).join("|")})${WE}`, "gu");
  titleAt = new RegExp(titleGlobal.source, "uy");
  honorificAt = new RegExp(honorificGlobal.source, "uy");
  surnameAt = new RegExp(surnameGlobal.source, "uy");
  openers = new Openers([TITLES, HONORIFICS, SURNAMES]);
}

/** For tests: each rule's pattern as a global scan, and where the dispatch tries it (`openers`, the rule's group). */
export function peopleOpenings(): { name: string; pattern: RegExp; openers: Openers; group: number }[] {
  compilePatterns();
  return [
    { name: "title", pattern: titleGlobal, openers, group: TITLE },
    { name: "honorific", pattern: honorificGlobal, openers, group: HONORIFIC },
    { name: "surname", pattern: surnameGlobal, openers, group: SURNAME },
  ];
}
/** `… tỉnh Hoàng Văn Nam` at the end of a position: the place's "name" is the person's (not a province). */
const levelThenName = /(\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))\s+((?:\p{Lu}[\p{Ll}\p{M}]*[ \t]+){1,4}\p{Lu}[\p{Ll}\p{M}]*)$/u;

interface Mention {
  start: number;
  end: number;
  name: string;
  position: string | null;
  /** rule strength: a signer or a titled name outranks a bare name */
  rank: number;
}

/** A position starting at `pos`: a title, then the agency right after it (`Phó Chủ tịch` `UBND tỉnh`). */
export function positionAt(text: string, t: string, pos: number): { start: number; end: number } | null {
  compilePatterns();
  titleSticky.lastIndex = pos;
  const m = titleSticky.exec(t);
  if (!m) return null;
  const start = pos + (m[0].length - m[0].trimStart().length);
  let end = pos + m[0].length;
  const ag = agencyAt(text, end, t);
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

/** Capitalised syllables from `pos` on one line, 2–5 of them, stopping before a title or a body. */
function nameAt(text: string, t: string, pos: number, caps = false): { start: number; end: number } | null {
  let cur = pos;
  let start = -1;
  let n = 0;
  while (n < 5) {
    const w = wordAt(t, cur);
    if (!w || (n > 0 && w.newline) || !/^[\p{L}\p{M}]+$/u.test(w.text) || !isCapitalised(w.text)) break;
    if (!caps && isUpper(w.text) && w.text.length > 1) break;
    if (caps && !isUpper(w.text)) break;
    titleSticky.lastIndex = w.start;
    if (titleSticky.test(t)) break;
    if (agencyAt(text, w.start, t)) break;
    if (start < 0) start = w.start;
    cur = w.end;
    n++;
  }
  if (n < 2 || n > 5) return null;
  return { start, end: cur };
}

function wordBefore(t: string, pos: number): string {
  const m = /([\p{L}\p{M}.]+)\s*$/u.exec(t.slice(Math.max(0, pos - 30), pos));
  return m ? m[1] : "";
}

function plausible(t: string, name: { start: number; end: number }, needSurname: boolean): boolean {
  const txt = t.slice(name.start, name.end);
  const key = matchKey(squash(txt));
  if (notPeople.has(key)) return false;
  const first = key.split(" ")[0];
  if (needSurname && !surnames.has(first)) return false;
  const before = matchKey(wordBefore(t, name.start));
  const before2 = matchKey(t.slice(Math.max(0, name.start - 30), name.start).trim().split(/\s+/).slice(-2).join(" "));
  return !notBefore.has(before) && !notBefore.has(before2);
}

/** After a name: `, Phó Chủ tịch UBND tỉnh`, ` - Trưởng phòng`, ` (Giám đốc Sở Y tế)`. */
function trailingPosition(text: string, t: string, pos: number): { start: number; end: number } | null {
  const m = /^[ \t]*(?:,|[-–]|\()[ \t]*/u.exec(t.slice(pos, pos + 6));
  if (!m) return null;
  return positionAt(text, t, pos + m[0].length);
}

type Rule = (text: string, t: string, open: Openings) => Mention[];

const rules: Rule[] = [
  // "đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh", "ông Nguyễn Văn A - Giám đốc", "đồng chí Phó Chủ tịch UBND tỉnh Lê Văn B"
  (text, t, open) => {
    const out: Mention[] = [];
    for (const m of matchesAt(honorificAt, t, open, HONORIFIC)) {
      const hEnd = m.index + m[0].length;
      // a capitalised Ông/Bà mid-sentence is a place (`tỉnh Bà Rịa`): only at a clause start
      if (/^[ÔB]/u.test(m[0]) && !/(^|[\n;:,.(\-–+•]\s*|\s{2,})$/u.test(t.slice(Math.max(0, m.index - 3), m.index))) continue;
      const pre = positionAt(text, t, hEnd);
      const split = pre && !nameAt(text, t, pre.end) ? nameInPlace(t, pre) : null;
      // `bà NGUYỄN THỊ YẾN`: a name in capitals after an honorific
      const name = split ?? nameAt(text, t, pre ? pre.end : hEnd) ?? nameAt(text, t, pre ? pre.end : hEnd, true);
      if (!name) continue;
      if (!split && !plausible(t, name, false)) continue;
      const post = pre ? null : trailingPosition(text, t, name.end);
      const pos = pre ?? post;
      out.push({ start: m.index, end: post ? post.end : name.end, name: squash(text.slice(name.start, name.end)), position: pos ? squash(text.slice(pos.start, pos.end)) : null, rank: 3 });
    }
    return out;
  },
  // "Phó Thủ tướng Vũ Văn Ninh", "Chủ tịch UBND tỉnh Nguyễn Văn A", "PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp"
  (text, t, open) => {
    const out: Mention[] = [];
    for (const m of matchesAt(titleAt, t, open, TITLE)) {
      const pos = positionAt(text, t, m.index);
      if (!pos) continue;
      const gap = t.slice(pos.end, pos.end + 40);
      let name = nameAt(text, t, pos.end) ?? (/^\s*\n?\s*\p{Lu}/u.test(gap) ? nameAt(text, t, pos.end, true) : null);
      const split = name ? null : nameInPlace(t, pos);
      if (split) name = split;
      else if (!name || !plausible(t, name, true)) continue;
      // the name must follow the position closely (a signer's name may stand on the next lines)
      if (!/^[\s|]*$/u.test(t.slice(pos.end, name.start))) continue;
      const nm = t.slice(name.start, name.end);
      out.push({ start: pos.start, end: name.end, name: isUpper(nm) ? titleName(text.slice(name.start, name.end)) : squash(text.slice(name.start, name.end)), position: squash(text.slice(pos.start, pos.end)), rank: 2 });
    }
    return out;
  },
  // "Nguyễn Văn A, Giám đốc Sở Y tế" in a list of participants; a bare "Vi Thiện Việt" under a signature
  (text, t, open) => {
    const out: Mention[] = [];
    for (const m of matchesAt(surnameAt, t, open, SURNAME)) {
      const name = nameAt(text, t, m.index);
      if (!name || name.start !== m.index || !plausible(t, name, true)) continue;
      const post = trailingPosition(text, t, name.end);
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

/** People found in a piece of text (offsets into it). */
export function findPeople(text: string): (Person & { span: [number, number] })[] {
  compilePatterns();
  const t = foldTone(text);
  const open = openers.in(t);
  const all = rules.flatMap((r) => r(text, t, open));
  // overlapping mentions: the strongest rule, then the longest
  const sorted = [...all].sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  // the kept mentions are disjoint: marking the characters they cover makes each test as long as
  // the mention, not the number kept so far
  const covered = new Uint8Array(text.length + 1);
  for (const m of sorted) {
    if (m.start < m.end ? covered.subarray(m.start, m.end).includes(1) : kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    covered.fill(1, m.start, m.end);
    kept.push(m);
  }
  return dropOverlaps(kept).map((m) => ({ name: m.name, position: m.position, span: [m.start, m.end] as [number, number] }));
}

/**
 * Every person the document names, once each (mentions of one name merged, the first position
 * found kept), in order of first mention; the signers with their titles.
 */
export function extractPeople(ctx: ExtractContext): Person[] {
  const { tree } = ctx;
  const found: Person[] = findPeople(tree.text);
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
