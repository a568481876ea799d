/**
 * Tasks (one per assignment), chrono-style: rules over the clauses of each outline node
 * (`Giao X: …` with the assignee carried down to the node's children; `Đề nghị X …`,
 * `Yêu cầu X …`; `X chủ trì …`, `X có trách nhiệm …`), then refiners (a clause without its own
 * assignee continues the task before it; cooperating bodies; deadline; pointers to kính gửi).
 */
import { ACTION_VERBS, COOPERATION, ENACTING, DEADLINE_MARKERS, INTERPOSED, NOT_SUBJECT, NOT_TASK, POLITE_ADDRESSES, RECIPIENT_POINTERS, RESPONSIBILITY_VERBS, TRIGGERS } from "../../grammars/tasks.js";
import { POSITION_TITLES, ROLE_TITLES } from "../../grammars/people.js";
import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { foldTone, matchKey, nfc } from "../text/tone.js";
import type { Agency, DateMention, Span, Task } from "../record/schema.js";
import type { OutlineNode } from "../segment/tree.js";
import { canonicalAssignee, issuerAgencies } from "./agencies.js";
import { agencyBuildsOf, agencyEndAt, type AgencyBuilds } from "./agencies/scan.js";
import { afterSpaces, CAPITAL, collapseSpaces, isAsciiDigitCode, isLetterOrMarkCode, isSpaceCode, L, LETTER, letterClassesBelow2000, MARK_OR_DIGIT, SMALL, squash, WB, WE, wordCharBefore } from "../text/letters.js";
import { alt, alternation, esc } from "../text/pattern.js";
import { groupOpenings, openingCodes, opensAt, type Openers, type Openings } from "../text/openers.js";
import { seek } from "../text/sorted.js";
import { CodeSet } from "../text/codes.js";
import { mapped } from "../text/lists.js";
import { foldedText, keyFollowsFolded, textKey, type ExtractContext } from "./context.js";
import { documentOpeners, documentOpenings, OPENS } from "./openings.js";
import { findDates } from "./dates.js";
import { PARSERS } from "./dates/parsers.js";
import { dateBounds } from "./dates/range.js";
import { datesByStart, type DatesByStart } from "./dates/by-start.js";

const lowerFirst = (forms: string[]) => [...forms, ...forms.map((f) => f.charAt(0).toLowerCase() + f.slice(1))];
let triggerSticky!: RegExp, verbGlobal!: RegExp, titleSticky!: RegExp, pointerSticky!: RegExp, responsibilitySticky!: RegExp, verbAnyCaseSticky!: RegExp, interposedSticky!: RegExp, enacting!: RegExp, coopGlobal!: RegExp, notTask!: RegExp, notTaskGlobal!: RegExp, deadlineBefore!: RegExp, looseUnitSticky!: RegExp;
/** NOT_SUBJECT's words, each not before a letter, found anywhere (see {@link notSubjectIn}); not after a letter, where one was found */
let notSubjectWord!: RegExp, notAfterLetter!: RegExp;
/**
 * The four phrase lists' patterns anchored (`y`), tried only where their first words open (see
 * `openers`); the verbs', not-a-task phrases' and cooperation phrases' without their `WB`, asked
 * first by text/letters {@link wordCharBefore}
 */
let verbAt!: RegExp, notTaskAt!: RegExp, inlineTriggerAt!: RegExp, coopAt!: RegExp;
/** a digit or a date parser's opening word (see {@link mayHoldDate}) */
let dateOpening!: RegExp;
/** the groups of `openers` (extract/openings): an action verb, a not-a-task phrase, a trigger (inline), a cooperation phrase */
const { actionVerb: VERB, notTask: NOT_A_TASK, trigger: TRIGGER, cooperation: COOP } = OPENS;
/** the groups a title before an assignee's body opens with: a title, or `các` before one (a body's own are agencyEndAt's) */
const { personTitle: TITLE, collective: COLLECTIVE } = OPENS;
const openers = documentOpeners;
let pointers!: Set<string>;
/** the code units a trigger (`triggerSticky`) begins with (text/codes) */
let triggerFirst!: CodeSet;
/**
 * the code units an action verb (`verbAt`) begins with, as written: an opening is found in any
 * case, and a third of the verbs' openings (`Chủ tịch`, `Thực hiện` opening a line) begin with none
 */
let verbFirst!: CodeSet;
/** the letters a polite address begins with, as written (`Quý cơ quan`): the pattern is tried only after one */
let politeFirst!: CodeSet;
/** the longest key in `pointers` */
let longestPointer = 0;
/**
 * The patterns, compiled the first time tasks are looked for (once): made at import, they were
 * a tenth of a `convert` worker's start-up, and a library user may never ask for tasks.
 */
function compilePatterns(): void {
  if (triggerSticky) return;
  triggerSticky = new RegExp(`\\s*(?:${alternation(lowerFirst(TRIGGERS), "cap")})${WE}`, "uy");
  triggerFirst = new CodeSet(openingCodes(lowerFirst(TRIGGERS), "cap"));
  verbGlobal = new RegExp(`(?:${alternation(ACTION_VERBS, "cap", WB)})${WE}`, "gu");
  titleSticky = new RegExp(`\\s*(?:các\\s+|Các\\s+)?(?:${alternation(lowerFirst([...POSITION_TITLES, ...ROLE_TITLES]), "cap")})${WE}`, "uy");
  pointerSticky = new RegExp(`\\s*(?:${alternation(POLITE_ADDRESSES, "cap")})${WE}`, "uy");
  politeFirst = new CodeSet(POLITE_ADDRESSES.map((a) => foldTone(a).charCodeAt(0)));
  // the trigger without the spaces before it (see documentAnchors): it opens where its word begins
  inlineTriggerAt = new RegExp(`(?:${alternation(TRIGGERS.map((t) => t.charAt(0).toLowerCase() + t.slice(1)), "exact")})${WE}`, "uy");
  responsibilitySticky = new RegExp(`\\s*(?:${alternation(RESPONSIBILITY_VERBS, "exact")})${WE}`, "uy");
  verbAnyCaseSticky = new RegExp(`(?:${alternation(ACTION_VERBS, "any")})${WE}`, "uy");
  interposedSticky = new RegExp(`(?:${alternation(INTERPOSED, "any")})${WE}[\\s,]*`, "uy");
  coopGlobal = new RegExp(`${WB}(?:${alternation(COOPERATION, "cap")})${WE}`, "gu");
  enacting = new RegExp(`^${ENACTING}[^,;]{0,60}$`, "u");
  // the word-start test after each phrase's first letter, not before every character (see prefixTree)
  notTask = new RegExp(`(?:${alternation(NOT_TASK, "any", WB)})${WE}`, "u");
  notTaskGlobal = new RegExp(notTask.source, "gu");
  // without the word-start lookbehind, which documentAnchors asks of the letter table first: V8
  // answers a lookbehind of a `\p{L}` class by a search of its ranges, half the time of a try
  verbAt = new RegExp(`(?:${alternation(ACTION_VERBS, "cap")})${WE}`, "uy");
  verbFirst = new CodeSet(openingCodes(ACTION_VERBS, "cap"));
  notTaskAt = new RegExp(`(?:${alternation(NOT_TASK, "any")})${WE}`, "uy");
  coopAt = new RegExp(`(?:${alternation(COOPERATION, "cap")})${WE}`, "uy");
  deadlineBefore = new RegExp(`(?:${alternation(DEADLINE_MARKERS, "any", WB)})${WE}[^;.]{0,40}$`, "u");
  // a plain alternation: as a prefix tree (see alt) the scan of a whole subject was no faster
  notSubjectWord = new RegExp(`(?:${NOT_SUBJECT.map(esc).join("|")})(?![\\p{L}])`, "gu");
  notAfterLetter = /(?<![\p{L}])/uy;
  pointers = new Set([...RECIPIENT_POINTERS, ...POLITE_ADDRESSES].map((p) => matchKey(p)));
  for (const p of pointers) longestPointer = Math.max(longestPointer, p.length);
  dateOpening = new RegExp(`\\d|${alt([...new Set(PARSERS.flatMap((p) => p.opens.words))])}`, "u");
  /**
   * After a trigger only: a head written with a short name the agency grammar does not build
   * (`Giao Văn phòng, …` — the issuer's own office; `Giao Trung tâm CNTT&TT bám sát …`).
   */
  looseUnitSticky = new RegExp(
    `\\s*(?:${alternation([...new Set(AGENCY_HEADS.flatMap((h) => h.forms))], "cap")})${WE}(?:\\s+(?:\\p{Lu}[${L}&.\\-]*|[\\dA-ZĐ&]+))*`,
    "uy",
  );
}
/** For tests: each phrase list's pattern as a global scan, and where the dispatch tries it (`openers`, the list's group). */
export function taskOpenings(): { name: string; pattern: RegExp; openers: Openers; group: number }[] {
  compilePatterns();
  return [
    { name: "action verb", pattern: verbGlobal, openers: openers(), group: VERB },
    { name: "not a task", pattern: notTaskGlobal, openers: openers(), group: NOT_A_TASK },
    // after the spaces its pattern begins with (see documentAnchors)
    { name: "inline trigger", pattern: new RegExp(`(?<=\\s)${inlineTriggerAt.source}`, "gu"), openers: openers(), group: TRIGGER },
    { name: "cooperation", pattern: coopGlobal, openers: openers(), group: COOP },
  ];
}

/** Does an action verb (any case) begin at `pos`? */
function verbStartsAt(doc: Doc, pos: number): boolean {
  verbAnyCaseSticky.lastIndex = pos;
  return verbAnyCaseSticky.test(doc.t);
}

interface Doc {
  text: string;
  t: string;
  /** the document's key where it is `t` lower-cased (context `keyFollowsFolded`), else null */
  key: string | null;
  /** the agency mentions built in `t` (the agency scan's, and those asked for since) */
  builds: AgencyBuilds;
  /** the agencies' spans, merged where they overlap: their starts and their ends, each sorted */
  agencies: { starts: number[]; ends: number[] };
  /** where an action verb begins (not yet filtered for bodies' names and parentheses) */
  verbs: Anchors;
  /** where a not-a-task phrase, an inline trigger begins; cooperation phrases when first asked for */
  notTask: Anchors;
  inlineTriggers: Anchors;
  coop: Anchors | null;
  /** where the phrase lists' first words open (`openers`): the four lists above found from there */
  open: Openings;
  /** where each `(` and each `)` is, sorted: the parentheses open between two positions counted by binary search */
  openParens: number[];
  closeParens: number[];
  /** where each `;`, `:` and `.` is, sorted: the places a node's text may be cut into clauses */
  stops: { semicolons: number[]; colons: number[]; dots: number[] };
  /** where each sorted list above was last asked about: the next question starts there ({@link seek}) */
  near: { open: number; close: number; semicolons: number; colons: number; dots: number; agencyStarts: number; agencyEnds: number };
  /** {@link unitAt}'s answers so far, by position */
  units: UnitTable;
}

/**
 * {@link unitAt}'s answers by position: the rules, the walk and the splitting ask again at the same
 * places (~1.8 times each). A hash table of the positions asked (open addressing, a Map's hashing
 * and growing cost a tenth of the rules' time): each slot a position, where its assignee ends (-1:
 * none) and the stamp of the document that filled it. Its size follows the positions asked (one
 * in ~60 characters), not the text: a table over the text, a slot a position, was allocated and
 * paged in anew for each text beyond its kept bound (a 100-page document's 2.7 MB: a ninth of its
 * tasks' time). One table is kept from document to document up to {@link KEPT_SLOTS} slots, so
 * none is allocated and zeroed for each; one grown past it is the document's own.
 */
interface UnitTable {
  positions: Int32Array;
  ends: Int32Array;
  stamps: Int32Array;
  stamp: number;
  /** the slots filled under `stamp` */
  filled: number;
  /** 32 less the bits of a slot's index */
  shift: number;
}
const KEPT_SLOTS = 1 << 16;
let keptUnits: UnitTable | null = null;

/** An empty table (under a new stamp): the kept one. */
function unitTable(): UnitTable {
  keptUnits ??= emptyUnits(1024);
  // after two thousand million documents the stamps begin again, from a cleared table
  if (++keptUnits.stamp === 0x7fffffff) keptUnits.stamps.fill(0), (keptUnits.stamp = 1);
  keptUnits.filled = 0;
  return keptUnits;
}

function emptyUnits(slots: number): UnitTable {
  return { positions: new Int32Array(slots), ends: new Int32Array(slots), stamps: new Int32Array(slots), stamp: 1, filled: 0, shift: 32 - Math.log2(slots) };
}

/** The slot of `pos` in `u`: where it is, or the empty slot where it goes. */
function unitSlot(u: UnitTable, pos: number): number {
  const mask = u.positions.length - 1;
  // Fibonacci hashing (the product's top bits): positions a slot's count apart fall apart too
  let h = Math.imul(pos, 0x9e3779b1) >>> u.shift;
  while (u.stamps[h] === u.stamp && u.positions[h] !== pos) h = (h + 1) & mask;
  return h;
}

/** Does an assignee begin at `pos`: a title (with its body), a body, a collective, `Quý cơ quan`? */
function unitAt(doc: Doc, pos: number): number | null {
  let u = doc.units;
  let h = unitSlot(u, pos);
  if (u.stamps[h] === u.stamp) {
    const known = u.ends[h];
    return known < 0 ? null : known;
  }
  const end = findUnitAt(doc, pos);
  // half full at most: twice the slots, the answers so far placed again
  if (2 * (u.filled + 1) > u.positions.length) {
    u = doc.units = grownUnits(u);
    h = unitSlot(u, pos);
  }
  u.positions[h] = pos;
  u.ends[h] = end ?? -1;
  u.stamps[h] = u.stamp;
  u.filled++;
  return end;
}

function grownUnits(u: UnitTable): UnitTable {
  const grown = emptyUnits(u.positions.length * 2);
  for (let h = 0; h < u.positions.length; h++) {
    if (u.stamps[h] !== u.stamp) continue;
    const to = unitSlot(grown, u.positions[h]);
    grown.positions[to] = u.positions[h];
    grown.ends[to] = u.ends[h];
    grown.stamps[to] = 1;
  }
  grown.filled = u.filled;
  if (u === keptUnits && grown.positions.length <= KEPT_SLOTS) keptUnits = grown;
  return grown;
}

function findUnitAt(doc: Doc, pos: number): number | null {
  // each of the three begins at the first letter after the spaces at `pos`; a title or a body only
  // where a first word of its list opens there (the polite address is no list of the walk's)
  const p = afterSpaces(doc.t, pos);
  const opens = opensAt(doc.t, doc.open, p);
  if (opens & TITLE || (opens & COLLECTIVE && titleAfterCollective(doc, p))) {
    titleSticky.lastIndex = pos;
    if (titleSticky.test(doc.t)) {
      const end = titleSticky.lastIndex;
      // the body after the title begins after spaces (and only there: agencyAt skips nothing else)
      const q = afterSpaces(doc.t, end);
      const ag = q > end ? agencyEndAt(doc.text, q, doc.t, doc.builds, opensAt(doc.t, doc.open, q)) : null;
      return ag ?? end;
    }
  }
  if (politeFirst.has(doc.t.charCodeAt(p))) {
    pointerSticky.lastIndex = pos;
    if (pointerSticky.test(doc.t)) return pointerSticky.lastIndex;
  }
  return agencyEndAt(doc.text, p, doc.t, doc.builds, opens);
}

/**
 * Can a title follow the collective's first word at `p` (`các Giám đốc …`): spaces after its three
 * letters (`các\s+`), then a place a title's first word opens. Most `các` open a collective
 * (`các sở, ngành`), where the title pattern, a long alternation, was tried in vain.
 */
function titleAfterCollective(doc: Doc, p: number): boolean {
  const q = afterSpaces(doc.t, p + 3);
  return q > p + 3 && (opensAt(doc.t, doc.open, q) & TITLE) !== 0;
}

/**
 * The assignees written in `[from, to)`: split on `;`, and on `,` / `và` where a new assignee
 * begins (`Giám đốc các sở: Giáo dục và Đào tạo, Tài chính` stays one).
 */
function splitAssignees(doc: Doc, from: number, to: number): string[] {
  const out: string[] = [];
  let start = from;
  for (let at = nextSeparator(doc.t, from, to); at >= 0; ) {
    const end = separatorEnd(doc.t, at, to);
    // `;` splits whatever follows (the one separator ending in it)
    if (doc.t.charCodeAt(end - 1) === 0x3b || unitAt(doc, end) !== null) {
      out.push(squash(doc.text.slice(start, at)));
      start = end;
    }
    at = nextSeparator(doc.t, end, to);
  }
  out.push(squash(doc.text.slice(start, to)));
  const kept: string[] = [];
  for (let k = 0; k < out.length; k++) {
    const s = out[k];
    // without the spaces and `,;:` at its ends (`/^[,;:\s]+|[,;:\s]+$/gu`), read by code unit
    const a = trimmedStart(s, 0, s.length, ",;:");
    const b = trimmedEnd(s, a, s.length, ",;:");
    if (b > a) kept.push(a === 0 && b === s.length ? s : s.slice(a, b));
  }
  return kept;
}

/** The two words that join assignees: `và` (after spaces or a comma), `cùng` (after spaces). */
const AND = "và", ALONG_WITH = "cùng";

/**
 * Between two assignees, before a space: `;` (`Sở Y tế; Sở Tài chính`), `,` and `và` after it
 * (`Sở Y tế, và Sở Tài chính`), `,` (`Sở Y tế, Sở Tài chính`), `và` or `cùng` after spaces (`Sở Y tế
 * và Sở Tài chính`), each with the spaces before it: `/\s*(?:;|,\s*và|,|\s+và|\s+cùng)(?=\s)/gu`
 * over `t.slice(0, to)`, the first match from `p` (its start, -1: none; {@link separatorEnd}, its
 * end). Read by code unit: the pattern, which opens with spaces, was tried at every character of
 * every subject (~2% of the tasks' time). A match opens at a space, `;` or `,`, and what it is at
 * a space depends only on what stands after the run: a run that gives none is passed whole.
 */
export function nextSeparator(t: string, p: number, to: number): number {
  while (p < to) {
    const c = t.charCodeAt(p);
    const space = isSpaceCode(c);
    if ((space || c === 0x3b || c === 0x2c) && separatorEnd(t, p, to) >= 0) return p;
    if (space) p = trimmedStart(t, p, to, "");
    p++;
  }
  return -1;
}

/** The end of the separator at `p` of `t.slice(0, to)` (see {@link nextSeparator}), or -1. */
export function separatorEnd(t: string, p: number, to: number): number {
  const q = trimmedStart(t, p, to, "");
  if (q >= to) return -1;
  const c = t.charCodeAt(q);
  if (c === 0x3b) return spaceAt(t, q + 1, to) ? q + 1 : -1;
  if (c === 0x2c) {
    const w = trimmedStart(t, q + 1, to, "");
    if (joiningWordAt(t, w, to, AND)) return w + AND.length;
    return spaceAt(t, q + 1, to) ? q + 1 : -1;
  }
  // `và`, `cùng` after one space at least
  if (q === p) return -1;
  if (joiningWordAt(t, q, to, AND)) return q + AND.length;
  return joiningWordAt(t, q, to, ALONG_WITH) ? q + ALONG_WITH.length : -1;
}

/** Is there a space at `i`, before `to`? */
const spaceAt = (t: string, i: number, to: number): boolean => i < to && isSpaceCode(t.charCodeAt(i));

/** Is `word` written at `i` of `t`, a space after it before `to`? */
function joiningWordAt(t: string, i: number, to: number, word: string): boolean {
  // its letters first: most words after a space begin with another
  for (let k = 0; k < word.length; k++) if (t.charCodeAt(i + k) !== word.charCodeAt(k)) return false;
  return spaceAt(t, i + word.length, to);
}

/** Lower-case words an assignee may carry after its body: `các Sở, Ban ngành các cấp`, `… có liên quan`. */
const ASSIGNEE_TAIL = new Set(["các", "cấp", "thành", "phố", "tỉnh", "huyện", "quận", "xã", "phường", "liên", "quan", "có", "trực", "thuộc", "và", "ngành", "đơn", "vị", "cơ", "địa", "phương", "hội", "đoàn", "thể", "sở", "ban", "phòng", "ủy", "nhân", "dân", "trung", "ương"]);

/**
 * Every piece is a body or a title (with what may follow one), not a clause: `… luôn giữ vai trò
 * nòng cốt trong`. Between the assignees, what stands after the spaces is read by code unit (a
 * colon and a list of names after it up to `;`, a parenthesis, a punctuation mark, a word that is
 * a capital's or one of ASSIGNEE_TAIL), not by a copy of the rest and four regexes a word;
 * {@link pieceEndAt} says where each ends.
 */
function assigneesLookRight(doc: Doc, from: number, to: number): boolean {
  let pos = from;
  while (pos < to) {
    const u = unitAt(doc, pos);
    if (u !== null && u <= to) {
      pos = u;
      continue;
    }
    const next = pieceEndAt(doc.t, pos, to);
    if (next < 0) return next === ALL_RIGHT;
    pos = next;
  }
  return true;
}

/** What {@link pieceEndAt} says when the piece settles it: the rest is right, or it is a clause. */
const ALL_RIGHT = -1, NOT_ASSIGNEES = -2;

/**
 * Where the piece of `t[pos, to)` that is no assignee ends (spaces first): after `:` and the names
 * up to the next `;` (ALL_RIGHT when there is none), a parenthesis (to its `)` or `to`), a mark of
 * `,;.-–`, or a run of letters and marks that is a capital's word or one of ASSIGNEE_TAIL
 * (NOT_ASSIGNEES for any other small letter's word); ALL_RIGHT for spaces alone, NOT_ASSIGNEES for
 * anything else. The letter table below U+2000; a word with a code unit beyond it asks the regexes.
 */
function pieceEndAt(t: string, pos: number, to: number): number {
  const q = Math.min(afterSpaces(t, pos), to);
  if (q === to) return ALL_RIGHT;
  const c = t.charCodeAt(q);
  // looked for inside the piece (an indexOf on to the document's end would be quadratic)
  if (c === 0x3a) {
    const semi = t.slice(q, to).indexOf(";");
    return semi < 0 ? ALL_RIGHT : q + semi + 1;
  }
  if (c === 0x28) {
    const close = t.slice(q, to).indexOf(")");
    return close < 0 ? to : q + close + 1;
  }
  if (c === 0x2c || c === 0x3b || c === 0x2e || c === 0x2d || c === 0x2013) return q + 1;
  if (c >= 0x2000) return wordPieceEnd(t, pos, to);
  if (!isLetterOrMarkCode(c)) return NOT_ASSIGNEES;
  let end = q + 1;
  while (end < to) {
    const d = t.charCodeAt(end);
    if (d >= 0x2000) return wordPieceEnd(t, pos, to);
    if (!isLetterOrMarkCode(d)) break;
    end++;
  }
  const small = (letterClassesBelow2000()[c] & SMALL) !== 0;
  return small && !ASSIGNEE_TAIL.has(matchKey(t.slice(q, end))) ? NOT_ASSIGNEES : end;
}

/** {@link pieceEndAt}'s word read by the regexes (a code unit beyond U+2000 in it: astral letters, marks). */
function wordPieceEnd(t: string, pos: number, to: number): number {
  const rest = t.slice(pos, to);
  const w = /^\s*([\p{L}\p{M}]+)/u.exec(rest);
  if (!w) return NOT_ASSIGNEES;
  if (/^\p{Ll}/u.test(w[1]) && !ASSIGNEE_TAIL.has(matchKey(w[1]))) return NOT_ASSIGNEES;
  return pos + w[0].length;
}

/**
 * Every position where a pattern matches in the text, with where that match ends, sorted: found
 * once a document, at the openings of the pattern's list only (first-word dispatch: every match
 * opens there, tests/extract/openers), each tried whether or not an earlier match covers it, so
 * matches that overlap are all there — what a global scan going on from the character after each
 * match's start gives. What `exec` from any position would find is then the first start at or
 * after it: the clauses, the rules and the refiners look a verb up in the list instead of running
 * the alternation again over each clause.
 */
interface Anchors {
  starts: number[];
  ends: number[];
  /** where the list was last asked about ({@link seek}) */
  near: number;
}

/** The three lists every document needs (cooperation phrases only when a task asks: {@link coopAnchors}). */
interface DocumentAnchors {
  verbs: Anchors;
  notTask: Anchors;
  inlineTriggers: Anchors;
}

/**
 * The action verbs', not-a-task phrases' and inline triggers' matches, each list read off its own
 * group's openings (text/openers `groupOpenings`, sorted out by the document's walk): one pass
 * over every opening of every group, each tested for the three groups, read ~580 openings a
 * document for the ~100 of these.
 */
function documentAnchors(t: string, open: Openings): DocumentAnchors {
  return { verbs: anchorsAt(verbAt, t, open, VERB, verbFirst), notTask: anchorsAt(notTaskAt, t, open, NOT_A_TASK), inlineTriggers: inlineTriggerAnchors(t, open) };
}

/**
 * The inline triggers (`… Bộ Y tế đề nghị …`) have a pattern that begins with the spaces before
 * the trigger: a match starts at each space of the run before a trigger that opens at its end (the
 * spaces are taken whole, then the trigger), all ending where the trigger ends.
 */
function inlineTriggerAnchors(t: string, open: Openings): Anchors {
  const out: Anchors = { starts: [], ends: [], near: 0 };
  const at = groupOpenings(open, TRIGGER);
  for (let o = 0; o < at.length; o++) {
    const p = at[o];
    // a trigger's matches begin at the spaces before it: with none there it has none
    if (p === 0 || !isSpaceCode(t.charCodeAt(p - 1))) continue;
    inlineTriggerAt.lastIndex = p;
    if (!inlineTriggerAt.test(t)) continue;
    let from = p;
    while (from > 0 && isSpaceCode(t.charCodeAt(from - 1))) from--;
    for (let s = from; s < p; s++) out.starts.push(s), out.ends.push(inlineTriggerAt.lastIndex);
  }
  return out;
}

/** `sticky`'s match at `p`, if any, added to `into`. */
function matchInto(sticky: RegExp, t: string, p: number, into: Anchors): void {
  sticky.lastIndex = p;
  if (sticky.test(t)) into.starts.push(p), into.ends.push(sticky.lastIndex);
}

/**
 * `sticky`'s matches at the openings of group `bit` that are not after a letter, mark or digit (`WB`,
 * which the pattern leaves out), and (given `first`, a text/codes `CodeSet`) whose code unit the
 * pattern can begin with.
 */
function anchorsAt(sticky: RegExp, t: string, open: Openings, bit: number, first?: CodeSet): Anchors {
  const out: Anchors = { starts: [], ends: [], near: 0 };
  const at = groupOpenings(open, bit);
  for (let o = 0; o < at.length; o++) {
    const p = at[o];
    if ((first === undefined || first.has(t.charCodeAt(p))) && !wordCharBefore(t, p)) matchInto(sticky, t, p, out);
  }
  return out;
}

/**
 * The matches that a global search from `from` meets before `to` (as many as `exec` in a loop
 * would give: each search on from the end of the match before), by their indexes in `a`: the
 * first is `firstAnchor(a, from)`, each next `nextAnchor(a, i)`, while `a.starts[i] < to` (a loop,
 * not a generator: a generator's object and steps cost more than the search on the short lists).
 */
function firstAnchor(a: Anchors, from: number): number {
  return (a.near = seek(a.starts, from, a.near));
}
// a match ends after it starts: the next is after it in the list
function nextAnchor(a: Anchors, i: number): number {
  return seek(a.starts, a.ends[i], i + 1);
}
const within = (a: Anchors, i: number, to: number) => i < a.starts.length && a.starts[i] < to;

/** Where `ch` occurs in `t`, in order (found by `indexOf`, which the engine runs far faster than a loop reading each code unit). */
function positionsOf(t: string, ch: string): number[] {
  const out: number[] = [];
  for (let i = t.indexOf(ch); i >= 0; i = t.indexOf(ch, i + 1)) out.push(i);
  return out;
}

/** `(` minus `)` in `t[from, to)`, or 0 where no `(` is there (what a caller asks is whether one is left open). */
function parensOpen(doc: Doc, from: number, to: number): number {
  const { near } = doc;
  const opened = (near.open = seek(doc.openParens, from, near.open));
  // most clauses have no `(` before their verb: none is open, whatever `)` there are
  if (opened >= doc.openParens.length || doc.openParens[opened] >= to) return 0;
  const closedBefore = (near.close = seek(doc.closeParens, from, near.close));
  return seek(doc.openParens, to, opened) - opened - (seek(doc.closeParens, to, closedBefore) - closedBefore);
}

const WORD_CHAR = /[\p{L}\p{M}\d]/u;
/** Is the code unit at `i` of `t` a letter, a mark or a digit (`WORD_CHAR`)? Read from the letter table below U+2000. */
function wordCharAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c < 0x2000 ? (letterClassesBelow2000()[c] & (LETTER | MARK_OR_DIGIT)) !== 0 : WORD_CHAR.test(t[i]);
}

/**
 * Whether a not-a-task phrase is in the clause `t[from, to)`, as the pattern tested on the
 * clause's text alone would say: read from the document's list where the clause's edges are not
 * inside a word and no phrase found runs past its end; else the pattern on the clause (rare).
 */
function notATaskIn(doc: Doc, from: number, to: number): boolean {
  const { starts, ends } = doc.notTask;
  const t = doc.t;
  const i = firstAnchor(doc.notTask, from);
  let clean = (from === 0 || !wordCharAt(t, from - 1)) && (to >= t.length || !wordCharAt(t, to));
  let found = false;
  for (let k = i; clean && k < starts.length && starts[k] < to; k++) {
    if (ends[k] > to) clean = false;
    else found = true;
  }
  return clean ? found : notTask.test(t.slice(from, to));
}

/**
 * Whether a word of NOT_SUBJECT stands in `t[from, to)` with no letter (`\\p{L}`) next to it
 * inside the piece: `(?<![\\p{L}])(?:words)(?![\\p{L}])` tested on the piece. The words are
 * looked for without the lookbehind, which is asked only where one is found: a lookbehind that
 * opens a pattern is tried at every character (three times the time over a subject).
 */
function notSubjectIn(t: string, from: number, to: number): boolean {
  const piece = t.slice(from, to);
  notSubjectWord.lastIndex = 0;
  for (let m = notSubjectWord.exec(piece); m; m = notSubjectWord.exec(piece)) {
    notAfterLetter.lastIndex = m.index;
    if (notAfterLetter.test(piece)) return true;
    notSubjectWord.lastIndex = m.index + 1;
  }
  return false;
}

/**
 * The agencies' spans merged where they overlap, sorted: the same open intervals, disjoint. The
 * scan gives them in text order: sorted only when they are not (a copy, a sort and an iterator
 * over each pair cost more than the rest of the tasks' set-up).
 */
function agencySpans(agencies: Agency[]): Doc["agencies"] {
  const spans: Span[] = [];
  let sorted = true;
  for (let i = 0; i < agencies.length; i++) {
    const span = agencies[i].span;
    if (!span) continue;
    if (spans.length && span[0] < spans[spans.length - 1][0]) sorted = false;
    spans.push(span);
  }
  if (!sorted) spans.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i][0], e = spans[i][1];
    const last = ends.length - 1;
    if (last >= 0 && s < ends[last]) ends[last] = Math.max(ends[last], e);
    else starts.push(s), ends.push(e);
  }
  return { starts, ends };
}

/** Inside a body's name: after the start of the last span that starts before `pos`, before its end (the spans are disjoint). */
function insideAgency(doc: Doc, pos: number): boolean {
  const k = (doc.near.agencyStarts = seek(doc.agencies.starts, pos, doc.near.agencyStarts));
  return k > 0 && pos < doc.agencies.ends[k - 1];
}

/** The first action verb in `[from, to)` that is not part of a body's name (`Ban Chỉ đạo`). */
function verbIn(doc: Doc, from: number, to: number): number | null {
  for (let i = firstAnchor(doc.verbs, from); within(doc.verbs, i, to); i = nextAnchor(doc.verbs, i)) {
    const at = doc.verbs.starts[i];
    // not inside a body's name, nor inside a parenthesis (`Sở X (Thường trực Ban … quản lý …)`)
    if (insideAgency(doc, at) || parensOpen(doc, from, at) > 0) continue;
    return at;
  }
  return null;
}

interface Clause {
  start: number;
  end: number;
}

/**
 * A node's text cut into clauses at `;`, `:`, and a sentence end followed by a capital: what the
 * scan `/[;:]|\.\/\.|\.(?=\s+\p{Lu})/gu` over the node's text cuts at (a colon before a digit
 * is none: `TP.Cần Thơ`, `Số: 123`). The cuts are tried at the document's `;`, `:` and `.` inside
 * the span (found once a document: {@link Doc}'s `stops`), in order, not by a regex or a read of
 * every code unit of every node; each clause from its first non-space, and only those with a letter.
 */
function clauses(doc: Doc, span: Span): Clause[] {
  // a span's ends read by index, here and in ownSpan, headingRule and agencySpans: destructured
  // (`[from, to]`), each went through the array's iterator (~14,000 instructions a two-page document)
  const from = span[0], to = span[1];
  const t = doc.t;
  const { semicolons, colons, dots } = doc.stops;
  const out: Clause[] = [];
  let start = from;
  const { near } = doc;
  let i = seek(semicolons, from, near.semicolons), j = seek(colons, from, near.colons), k = seek(dots, from, near.dots);
  near.semicolons = i, near.colons = j, near.dots = k;
  for (;;) {
    const a = i < semicolons.length ? semicolons[i] : to;
    const b = j < colons.length ? colons[j] : to;
    const d = k < dots.length ? dots[k] : to;
    const p = Math.min(a, b, d);
    if (p >= to) break;
    let cut = -1;
    if (p === a) i++, (cut = p + 1);
    else if (p === b) j++, (cut = digitAfterSpaces(t, p + 1, to) ? -1 : p + 1);
    else {
      k++;
      if (p + 2 < to && t.charCodeAt(p + 1) === 0x2f && t.charCodeAt(p + 2) === 0x2e) cut = p + 3;
      else if (capitalAfterSpaces(t, p + 1, to)) cut = p + 1;
    }
    if (cut < 0) continue;
    // `./.` ends past its second dot, which cuts nothing
    while (k < dots.length && dots[k] < cut) k++;
    keepClause(t, start, cut, out);
    start = cut;
  }
  if (start < to) keepClause(t, start, to, out);
  return out;
}

/** The clause `t[start, end)` from its first non-space, added to `out` when it holds a letter (`\p{L}`). */
function keepClause(t: string, start: number, end: number, out: Clause[]): void {
  while (start < end && isSpaceCode(t.charCodeAt(start))) start++;
  if (hasLetter(t, start, end)) out.push({ start, end });
}

/** Does `t[start, end)` hold a letter (`/\p{L}/u`)? Read from the letter table below U+2000. */
function hasLetter(t: string, start: number, end: number): boolean {
  const cls = letterClassesBelow2000();
  for (let i = start; i < end; i++) {
    const c = t.charCodeAt(i);
    // beyond U+2000 (and astral letters, a surrogate pair) the regex on the rest
    if (c >= 0x2000) return ANY_LETTER.test(t.slice(i, end));
    if ((cls[c] & LETTER) !== 0) return true;
  }
  return false;
}
const ANY_LETTER = /\p{L}/u;

/** `/\s*\d/y` at `i` of `t[…, to)`. */
function digitAfterSpaces(t: string, i: number, to: number): boolean {
  while (i < to && isSpaceCode(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i);
  return i < to && isAsciiDigitCode(c);
}

/** `/\s+\p{Lu}/y` at `i` of `t[…, to)`. */
function capitalAfterSpaces(t: string, i: number, to: number): boolean {
  const j = i;
  while (i < to && isSpaceCode(t.charCodeAt(i))) i++;
  if (i === j || i >= to) return false;
  const c = t.charCodeAt(i);
  return c < 0x2000 ? (letterClassesBelow2000()[c] & CAPITAL) !== 0 : CAPITAL_FIRST.test(t.slice(i, to));
}
const CAPITAL_FIRST = /^\p{Lu}/u;

interface Draft {
  assignee: string[];
  actionStart: number;
  start: number;
  end: number;
}

interface ClauseRead {
  assignee: string[];
  /** where the task's text begins, when not at the clause's start (`Về việc này, Thủ tướng giao …`) */
  start?: number;
  /** null: the assignment heads what follows (`Giao Sở Y tế:`) */
  actionStart: number | null;
}

/** `Giao X: …`, `Đề nghị X …`, `Yêu cầu X khẩn trương …` */
function triggerRule(doc: Doc, c: Clause): ClauseRead | null {
  // tried only where a trigger's first letter stands after the spaces (most clauses open with none)
  if (!triggerFirst.has(doc.t.charCodeAt(afterSpaces(doc.t, c.start)))) return null;
  triggerSticky.lastIndex = c.start;
  if (!triggerSticky.test(doc.t)) return null;
  return assignedFrom(doc, triggerSticky.lastIndex, c);
}

/** The assignee written at `from` (after a trigger word), and where its action begins. */
function assignedFrom(doc: Doc, from: number, c: Clause): ClauseRead | null {
  const unit = unitAt(doc, from);
  if (unit === null) return looseTriggerRule(doc, from, c);
  const verb = verbIn(doc, from, c.end);
  const end = verb ?? c.end;
  if (verb !== null && !assigneesLookRight(doc, from, verb)) {
    // `giao Bộ Tài chính theo chức năng, nhiệm vụ được giao, nghiên cứu …`: one body, then its action
    const actionStart = trimmedStart(doc.t, unit, c.end, ",");
    interposedSticky.lastIndex = actionStart;
    const phrase = interposedSticky.exec(doc.t);
    return phrase && verbStartsAt(doc, actionStart + phrase[0].length) ? { assignee: [squash(doc.text.slice(from, unit))], actionStart } : null;
  }
  const assignee = splitAssignees(doc, from, end);
  if (!assignee.length) return null;
  // an action after the verb: anything but whitespace and punctuation before the clause's end
  const acts = trimmedEnd(doc.t, end, c.end, ":;.,/") > end;
  return { assignee, actionStart: verb !== null && acts ? verb : null };
}

/** `Giao Văn phòng, nêu rõ …`, `Giao Trung tâm CNTT&TT bám sát …`: the name ends at a comma or at the action. */
function looseTriggerRule(doc: Doc, from: number, c: Clause): ClauseRead | null {
  looseUnitSticky.lastIndex = from;
  const loose = looseUnitSticky.exec(doc.t);
  if (!loose) return null;
  const end = from + loose[0].length;
  const actionStart = trimmedStart(doc.t, end, c.end, ",");
  // the action opens with its verb, or follows a comma; `Giao Hội đồng trọng tài …` is not a short name
  if (!hasComma(doc.t, end, actionStart) && actionStart < c.end && !verbStartsAt(doc, actionStart)) return null;
  return { assignee: [squash(doc.text.slice(from, end))], actionStart: actionStart < c.end ? actionStart : null };
}

/**
 * Whether `t[from, to)` ends in a comma and spaces (`Đối với …, ` before `Bộ Quốc phòng`), read
 * backwards from `to`: a regex over the clause up to each body took time quadratic in a clause of
 * many bodies (120,000 × `Sở Y tế` on a line: 7 s).
 */
function commaBefore(t: string, from: number, to: number): boolean {
  let i = to - 1;
  while (i >= from && isSpaceCode(t.charCodeAt(i))) i--;
  return i >= from && t.charCodeAt(i) === 0x2c;
}

/**
 * Inside a sentence, two shapes still assign: a body that hands out the task (`…, Thủ tướng
 * Chính phủ giao Bộ Tài chính nghiên cứu …`) and a body made responsible after an opening phrase
 * (`Đối với …, Bộ Quốc phòng chịu trách nhiệm quản lý …`).
 */
function inlineRule(doc: Doc, c: Clause): ClauseRead | null {
  for (let i = firstAnchor(doc.inlineTriggers, c.start); within(doc.inlineTriggers, i, c.end); i = nextAnchor(doc.inlineTriggers, i)) {
    const at = doc.inlineTriggers.starts[i];
    // the body right before the trigger: the last span that ends at or before it, with only spaces between
    const { starts, ends } = doc.agencies;
    const before = (doc.near.agencyEnds = seek(ends, at + 1, doc.near.agencyEnds)) - 1;
    if (before < 0 || starts[before] < c.start || (ends[before] !== at && !/^\s+$/u.test(doc.t.slice(ends[before], at)))) continue;
    const read = assignedFrom(doc, doc.inlineTriggers.ends[i], c);
    if (read?.actionStart != null) return { assignee: read.assignee, actionStart: read.actionStart, start: starts[before] };
  }
  const { starts, ends } = doc.agencies;
  for (let k = (doc.near.agencyStarts = seek(starts, c.start + 1, doc.near.agencyStarts)); k < starts.length && starts[k] < c.end; k++) {
    const s = starts[k], e = ends[k];
    if (!commaBefore(doc.t, c.start, s)) continue;
    responsibilitySticky.lastIndex = e;
    if (!responsibilitySticky.test(doc.t)) continue;
    const verb = afterSpaces(doc.t, e);
    return { assignee: [squash(doc.text.slice(s, e))], actionStart: verb, start: s };
  }
  return null;
}

/**
 * `X chủ trì …`, `X có trách nhiệm …`, `Các sở … và UBND các địa phương tiếp tục …`; `firstVerb`:
 * the clause's first verb ({@link verbIn}), which the walk asks for anyway.
 */
function subjectRule(doc: Doc, c: Clause, firstVerb: number | null): ClauseRead | null {
  // a subject is at most 400 characters long: a verb opening the clause leaves no assignee to split
  const verb = firstVerb !== null && firstVerb < c.start + 400 ? firstVerb : null;
  if (verb === null || verb === c.start) return null;
  // `Phó Chủ tịch UBND tỉnh - Chủ trì`: a role in a list of participants, not an assignment
  const last = trimmedEnd(doc.t, c.start, verb, "") - 1;
  if (last >= c.start && oneOf(doc.t.charCodeAt(last), "-–(")) return null;
  // the assignee's first unit before the words that are no subject's: most clauses with a verb
  // have no assignee at their start (of 23 a document, 6 have one; 3 have such a word), and the
  // unit, asked of the memo and the openings, costs less than the words' pattern over the subject
  if (unitAt(doc, c.start) === null) return null;
  if (notSubjectIn(doc.t, c.start, verb)) return null;
  if (!assigneesLookRight(doc, c.start, verb)) return null;
  const assignee = splitAssignees(doc, c.start, verb);
  if (!assignee.length) return null;
  // `Ban Chỉ đạo … có trách nhiệm:` heads the lines below it
  const rest = doc.t.slice(verb, trimmedEnd(doc.t, verb, c.end, ":;.,"));
  if (enacting.test(rest)) return null;
  return { assignee, actionStart: /^(?:có|chịu) trách nhiệm$/u.test(rest) ? null : verb };
}

/** The cooperation phrases' list, made when a draft first asks. */
function coopAnchors(doc: Doc): Anchors {
  return (doc.coop ??= anchorsAt(coopAt, doc.t, doc.open, COOP));
}

function cooperating(doc: Doc, start: number, end: number): string[] {
  const out: string[] = [];
  const coop = coopAnchors(doc);
  for (let i = firstAnchor(coop, start); within(coop, i, end); i = nextAnchor(coop, i)) {
    const phraseEnd = coop.ends[i];
    let pos = phraseEnd;
    let last = pos;
    for (let guard = 0; guard < 8; guard++) {
      const u = unitAt(doc, pos);
      if (u === null || u > end) break;
      last = u;
      const sep = /^\s*(?:,\s*và|,|;|và|cùng)\s+/u.exec(doc.t.slice(u, end));
      if (!sep || unitAt(doc, u + sep[0].length) === null) break;
      pos = u + sep[0].length;
    }
    if (last > phraseEnd) out.push(...splitAssignees(doc, phraseEnd, last));
  }
  // most tasks name no cooperating body, or one: no set to make
  return out.length > 1 ? [...new Set(out)] : out;
}

/** The draft's text ends in `phối hợp với` + bodies, with no action after them yet. */
function endsInCooperation(doc: Doc, d: Draft): boolean {
  const coop = coopAnchors(doc);
  let last = -1;
  for (let i = firstAnchor(coop, d.actionStart); within(coop, i, d.end); i = nextAnchor(coop, i)) last = i;
  if (last < 0) return false;
  let pos = coop.ends[last];
  for (let guard = 0; guard < 8; guard++) {
    const u = unitAt(doc, pos);
    if (u === null) return false;
    const rest = doc.t.slice(u, d.end);
    if (/^[\s;,.]*$/u.test(rest)) return true;
    const sep = /^\s*(?:,\s*và|,|và|cùng)\s+/u.exec(rest);
    if (!sep) return false;
    pos = u + sep[0].length;
  }
  return false;
}

/** The dates inside `span`, in the list's order: what `dates.filter(inside)` gave. */
function datesInside(byStart: DatesByStart, span: Span): DateMention[] {
  const found: number[] = [];
  for (let k = (byStart.near = seek(byStart.starts, span[0], byStart.near)); k < byStart.starts.length && byStart.starts[k] <= span[1]; k++) {
    if (byStart.dates[k].span![1] <= span[1]) found.push(k);
  }
  if (found.length > 1) found.sort((a, b) => byStart.order[a] - byStart.order[b]);
  // (text/lists: why not `map`)
  return mapped(found, (k) => byStart.dates[k]);
}

function deadline(doc: Doc, span: Span, byStart: DatesByStart, ctx: ExtractContext): string | null {
  let found = datesInside(byStart, span);
  if (!found.length && mayHoldDate(doc, span)) found = findDates(doc.text.slice(span[0], span[1]), span[0], ctx);
  const kinded = found.find((d) => d.kind === "deadline");
  if (kinded) return kinded.value;
  const marked = found.find((d) => d.span && (d.kind === "date" || d.kind === "datetime") && deadlineBefore.test(doc.t.slice(Math.max(span[0], d.span[0] - 50), d.span[0]) + " "));
  return marked ? marked.value : null;
}

/**
 * Whether the date scan can find anything in `span`: each date it finds opens at a digit or at
 * one of its parsers' opening words (dates/parsers, `opens`), which are alike in the folded text
 * lower-cased and in the piece's own key. Most tasks' texts have neither (a task without a date
 * in the document's list was scanned again for one: ~5 µs, a tenth of the tasks' time).
 */
function mayHoldDate(doc: Doc, span: Span): boolean {
  // the document's key, where it is the folded text lower-cased, sliced: a task's text lower-cased
  // anew cost a copy through the case mapping of every such task (the one place the two may differ,
  // a final sigma's form, is neither a digit nor an opening word's letter)
  return dateOpening.test(doc.key !== null ? doc.key.slice(span[0], span[1]) : doc.t.slice(span[0], span[1]).toLowerCase());
}

/** A squashed text without the punctuation it opens and closes with. */
function cleanSquashed(s: string): string {
  return withoutTail(s.slice(trimmedStart(s, 0, s.length, "-–+•;:,."))).trim();
}

/**
 * A task's text and its action (the text from `actionStart`), each squashed and cleaned. The
 * action is read off the text's squashed form, not squashed again: where the text is NFC already
 * (so is each end of it), squashing makes each of its whitespace runs one space and trims the
 * ends, so the action's squashed form is the end of the text's from the action's first character.
 */
function taskTexts(text: string, d: Draft): { text: string; action: string } {
  const raw = text.slice(d.start, d.end);
  // squash's NFC form made once: it is asked again below
  const composed = nfc(raw);
  const squashed = collapseSpaces(composed);
  const own = cleanSquashed(squashed);
  // the action is the task's text when no assignee is written before it (carried down)
  if (d.actionStart === d.start) return { text: own, action: own };
  if (composed !== raw) return { text: own, action: cleanSquashed(squash(text.slice(d.actionStart, d.end))) };
  const q = afterSpaces(raw, d.actionStart - d.start);
  if (q >= raw.length) return { text: own, action: "" };
  // where raw[q] lands in `squashed`: the characters before it, a space for each run between two of them, and one before it after a run
  let i = afterSpaces(raw, 0);
  let k = 0;
  let gap = false;
  for (; i < q; i++) {
    if (isSpaceCode(raw.charCodeAt(i))) gap = true;
    else k += gap ? 2 : 1, gap = false;
  }
  return { text: own, action: cleanSquashed(squashed.slice(gap ? k + 1 : k)) };
}

/**
 * `s` without its closing punctuation: what `/[\s;:,]*(?:\.\/\.|\.{2,}|\.)?\s*$/u` matches, cut
 * from the end (the regex tries every start in the text, and every task's text is cleaned).
 */
function withoutTail(s: string): string {
  let end = s.length;
  while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
  // `./.`, a run of dots, or one dot
  if (end >= 3 && s.charCodeAt(end - 1) === 0x2e && s.charCodeAt(end - 2) === 0x2f && s.charCodeAt(end - 3) === 0x2e) end -= 3;
  else while (end > 0 && s.charCodeAt(end - 1) === 0x2e) end--;
  for (let c = s.charCodeAt(end - 1); end > 0 && (isSpaceCode(c) || c === 0x3b || c === 0x3a || c === 0x2c); c = s.charCodeAt(end - 1)) end--;
  return s.slice(0, end);
}

/**
 * Outline nodes: the segmenter's body, or (without them) the body as one paragraph; then each
 * appendix (a `Chương trình` or `Kế hoạch` issued with a quyết định) read line by line, a `-`/`+`
 * line placed under the line before it.
 */
function bodyNodes(ctx: ExtractContext): OutlineNode[] {
  const { body, appendices, text } = ctx.tree;
  const nodes: OutlineNode[] = body.nodes.length ? [...body.nodes] : [{ kind: "paragraph", label: null, text: body.text, span: body.span, children: [] }];
  for (const app of appendices) {
    if (!app.span) continue;
    let parent: OutlineNode | null = null;
    // the lines (`[^\n]+`) found by indexOf, not a regex's match a line; each read in the text
    const [from, to] = app.span;
    for (let start = from, nl = from; start < to; start = nl + 1) {
      nl = text.indexOf("\n", start);
      if (nl < 0 || nl > to) nl = to;
      if (nl === start || !hasLetter(text, start, nl)) continue;
      const textStart = dashLabelEnd(text, start, nl);
      const lab = textStart > start;
      const node: OutlineNode = { kind: lab ? "dash" : "paragraph", label: lab ? text.charAt(afterSpaces(text, start)) : null, text: text.slice(textStart, nl).trim(), span: [start, nl], children: [] };
      if (lab && parent) parent.children.push(node);
      else {
        nodes.push(node);
        parent = node;
      }
    }
  }
  return nodes;
}

/**
 * Where a line `text[start, end)` opening with a dash label (`/^\s*([-–+•])\s+/u`: the mark, then
 * spaces) has its text begin; `start` where it has none.
 */
function dashLabelEnd(text: string, start: number, end: number): number {
  const q = afterSpaces(text, start);
  if (q >= end || !oneOf(text.charCodeAt(q), "-–+•")) return start;
  const after = Math.min(afterSpaces(text, q + 1), end);
  return after > q + 1 ? after : start;
}

/**
 * Does the assignee point back to the kính gửi list (`các đơn vị`, `Quý cơ quan`)? Its key is
 * looked up only when it is short enough: an assignee is squashed (NFC), and its key is never
 * shorter (folding keeps the length, lower-casing never shortens).
 */
function pointsBack(assignee: string): boolean {
  return assignee.length <= longestPointer && pointers.has(matchKey(assignee));
}

/** Tasks found in the document's body outline. */
export function extractTasks(ctx: ExtractContext, dates: DateMention[], agencies: Agency[]): Task[] {
  compilePatterns();
  const text = ctx.tree.text;
  // the document's folded text and openings, made once for every extractor
  const t = foldedText(ctx);
  const open = documentOpenings(ctx);
  const doc: Doc = {
    text,
    t,
    key: keyFollowsFolded(ctx) ? textKey(ctx) : null,
    builds: agencyBuildsOf(ctx),
    agencies: agencySpans(agencies),
    ...documentAnchors(t, open),
    coop: null,
    open,
    units: unitTable(),
    openParens: positionsOf(t, "("),
    closeParens: positionsOf(t, ")"),
    stops: { semicolons: positionsOf(t, ";"), colons: positionsOf(t, ":"), dots: positionsOf(t, ".") },
    near: { open: 0, close: 0, semicolons: 0, colons: 0, dots: 0, agencyStarts: 0, agencyEnds: 0 },
  };
  const drafts: Draft[] = [];

  const walk = (nodes: OutlineNode[], inherited: string[] | null) => {
    // the nodes, their clauses, the drafts and the assignees read by index: `for … of` went through
    // the array's iterator (~5,900 instructions a two-page document over the four loops)
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      const before = drafts.length;
      let carry: string[] | null = null;
      let current: Draft | null = null;
      let first = true;
      /** start of a list of assignees cut by `;` or `:` before its verb (`Chánh Văn phòng …, Giám đốc các sở: …; … chịu trách nhiệm`) */
      let pending: number | null = null;
      const own = node.span && node.text ? ownSpan(doc, node) : node.span;
      const cut = clauses(doc, own);
      for (let k = 0; k < cut.length; k++) {
        const c = cut[k];
        const notATask = notATaskIn(doc, c.start, c.end);
        const verb = verbIn(doc, c.start, c.end);
        let read = notATask ? null : (triggerRule(doc, c) ?? subjectRule(doc, c, verb) ?? inlineRule(doc, c));
        if (read && read.actionStart !== null && pending !== null && !triggerRule(doc, c)) {
          read = { assignee: splitAssignees(doc, pending, read.actionStart), actionStart: read.actionStart };
          c.start = pending;
        }
        if (!read && verb === null && (pending !== null || (!current && unitAt(doc, c.start) !== null))) {
          pending ??= c.start;
          first = false;
          continue;
        }
        pending = null;
        // `phối hợp với X; Y …`: a list of cooperating bodies cut by `;` goes on
        if (read && current && endsInCooperation(doc, current)) read = null;
        if (read && read.actionStart === null) {
          carry = read.assignee;
          current = null;
        } else if (read) {
          current = { assignee: read.assignee, actionStart: read.actionStart!, start: read.start ?? c.start, end: c.end };
          drafts.push(current);
        } else if (notATask) {
          current = null;
        } else if (current) {
          current.end = c.end;
        } else if (carry) {
          // `Giao Sở Kế hoạch và Đầu tư: tổng hợp, báo cáo …`
          current = { assignee: carry, actionStart: c.start, start: c.start, end: c.end };
          drafts.push(current);
        } else if (first && inherited) {
          current = { assignee: inherited, actionStart: c.start, start: c.start, end: c.end };
          drafts.push(current);
        }
        first = false;
      }
      // nothing read clause by clause: a body may head its duties (`1. Bộ Công an:`)
      const head = drafts.length === before && !carry ? headingRule(doc, node, own) : null;
      if (head?.action) drafts.push({ assignee: head.assignee, actionStart: head.action[0], start: head.action[0], end: head.action[1] });
      walk(node.children, head?.assignee ?? carry ?? inherited);
    }
  };
  walk(bodyNodes(ctx), null);
  if (!drafts.length) return [];

  // the recipients, the tasks and their canonical assignees pushed, not made by `map` (text/lists
  // says why; the record's check reads every list at one place)
  const recipients = mapped(ctx.tree.recipients, (r) => squash(r.text));
  const issuer = issuerAgencies(ctx);
  const byStart = datesByStart(dates);
  const tasks: Task[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k];
    const span: Span = [d.start, d.end];
    const assignees = recipients.length && d.assignee.some(pointsBack) ? [...new Set(d.assignee.flatMap((a) => (pointsBack(a) ? recipients : [a])))]
      : d.assignee.length === 1 ? [d.assignee[0]] : [...new Set(d.assignee)];
    const texts = taskTexts(text, d);
    const due = deadline(doc, span, byStart, ctx);
    const bounds = dateBounds(due);
    const assigneeCanonical: string[] = [];
    for (const a of assignees) assigneeCanonical.push(canonicalAssignee(a, issuer.issuer ?? issuer.parent));
    // keys in the record schema's order (`convert` writes a record in that form as it is, record/exact)
    tasks.push({
      assignee: assignees,
      action: texts.action,
      cooperating: cooperating(doc, d.actionStart, d.end),
      deadline: due,
      assigneeCanonical,
      deadlineStart: bounds.start,
      deadlineEnd: bounds.end,
      deadlinePrecision: bounds.precision,
      text: texts.text,
      span,
    });
  }
  return tasks;
}

/**
 * A body heading its duties: `1. Bộ Công an:` with the duties below, `3. Sở Khoa học và Công
 * nghệ: Chủ trì, phối hợp …` with the duty after the colon, `1. Sở Thông tin và Truyền thông`
 * alone with its duties as children: an outline item, the duty opening with its verb. Not
 * `- Sở Y tế: 02 đại biểu`, nor a table row `Sở Xây dựng: các lĩnh vực cấp phép …`. `own`: the node's own text (see {@link ownSpan}).
 */
function headingRule(doc: Doc, node: OutlineNode, own: Span): { assignee: string[]; action: Span | null } | null {
  const s = own[0], e = own[1];
  if (node.label === null) return null;
  if (unitAt(doc, s) === null) return null;
  // looked for inside the node only: a search on to the document's end, node after node, is quadratic
  const colon = doc.t.slice(s, e).indexOf(":") + s;
  const hasColon = colon >= s;
  const headEnd = hasColon ? colon : trimmedEnd(doc.t, s, e, ".;,");
  if (verbIn(doc, s, headEnd) !== null || !assigneesLookRight(doc, s, headEnd)) return null;
  const assignee = splitAssignees(doc, s, headEnd);
  if (!assignee.length) return null;
  const from = trimmedStart(doc.t, headEnd, e, ":");
  if (from < e) return verbStartsAt(doc, from) ? { assignee, action: [from, e] } : null;
  // a name alone heads duties only as a numbered item (`1. Sở …`), not as a bullet of a list of bodies
  const numbered = !/^[-–+•]$/u.test(node.label);
  return node.children.length && (numbered || hasColon) ? { assignee, action: null } : null;
}

/**
 * Where `text[from, to)` ends once whitespace and the characters of `marks` are cut from its end: counted from the end, as `/[…]*$/` is quadratic on a long run not at the end
 * (a fill-in line of 50,000 dots before a word took 20 s).
 */
function trimmedEnd(text: string, from: number, to: number, marks: string): number {
  let end = to;
  while (end > from && spaceOrOneOf(text.charCodeAt(end - 1), marks)) end--;
  return end;
}

/** Where `text[from, to)` begins once whitespace and the characters of `marks` are cut from its start (`^[\s…]*` matched on the piece, without the piece and the match). */
function trimmedStart(text: string, from: number, to: number, marks: string): number {
  let start = from;
  while (start < to && spaceOrOneOf(text.charCodeAt(start), marks)) start++;
  return start;
}

/** Is there a `,` in `text[from, to)`? */
function hasComma(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x2c) return true;
  return false;
}

/** Is code unit `c` whitespace (`\s`) or one of `marks` (compared by code unit: no one-character string and regex call per character)? */
const spaceOrOneOf = (c: number, marks: string): boolean => isSpaceCode(c) || oneOf(c, marks);

function oneOf(c: number, marks: string): boolean {
  for (let k = 0; k < marks.length; k++) if (marks.charCodeAt(k) === c) return true;
  return false;
}

/** The span of a node's own text (without its label and children) inside the document. */
function ownSpan(doc: Doc, node: OutlineNode): Span {
  const s = node.span[0], e = node.span[1];
  // (most nodes' text has no whitespace at its ends: `trim`'s call and its scan from each end are spared)
  const raw = node.text;
  const own = raw.length > 0 && !isSpaceCode(raw.charCodeAt(0)) && !isSpaceCode(raw.charCodeAt(raw.length - 1)) ? raw : raw.trim();
  if (!own) return [s, s];
  const head = own.slice(0, 12);
  const found = doc.text.slice(s, e + head.length).indexOf(head);
  const at = found + s;
  if (found < 0 || at > e) return node.span;
  const text = doc.text;
  // most nodes' text is the document's as written, or re-joined across wrapped lines (a space for
  // a line break): where the two agree but for the length of their runs of spaces, their words
  // are the same, and the last ends where the node's text ends in the document (unless the
  // document's word runs on)
  // (compared as a slice: `startsWith` read the two-byte text at twice the cost)
  if (text.slice(at, at + own.length) === own) {
    const end = at + own.length;
    if (end >= text.length || isSpaceCode(text.charCodeAt(end))) return [at, end];
  } else {
    // the two are read in step, one side going on alone only inside a run of spaces both are in
    let i = 0;
    let p = at;
    while (i < own.length && p < text.length) {
      const a = own.charCodeAt(i);
      const b = text.charCodeAt(p);
      if (a === b || (isSpaceCode(a) && isSpaceCode(b))) i++, p++;
      else if (isSpaceCode(b) && isSpaceCode(own.charCodeAt(i - 1))) p++;
      else if (isSpaceCode(a) && isSpaceCode(text.charCodeAt(p - 1))) i++;
      else break;
    }
    if (i === own.length && (p >= text.length || isSpaceCode(text.charCodeAt(p)))) return [at, p];
  }
  // else walk the document until the node's words are used up
  // (counted and walked code unit by code unit: a split and a match object per word cost more)
  let words = 1;
  for (let i = 1; i < own.length; i++) if (isSpaceCode(own.charCodeAt(i)) && !isSpaceCode(own.charCodeAt(i - 1))) words++;
  let p = at;
  let end = at;
  for (let i = 0; i < words; i++) {
    p = afterSpaces(text, p);
    if (p >= text.length) break;
    while (p < text.length && !isSpaceCode(text.charCodeAt(p))) p++;
    end = p;
  }
  return [at, Math.min(end, Math.max(e, end))];
}
