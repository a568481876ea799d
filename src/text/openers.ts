/**
 * First-word dispatch: where a pattern made from `grammars/` word lists can open. A pattern that
 * is an alternation of written forms (agency heads, position titles, document types) only ever
 * matches where a word begins with one of its forms' first words; the text is walked once, each
 * word start looked up in a table of those first words, and the pattern (sticky) tried there only,
 * instead of a global scan trying it at every character.
 *
 * A first word is a form's leading run of letters, tone placement folded, lower case (`Phó Chủ
 * tịch` → `phó`, `Đ/c` → `đ`, `TT.` → `tt`). A word start is a letter not after a letter, or a
 * capital after a lower-case letter (`SởY`). A position is an opening when the letters from there
 * begin with a first word (compared in lower case): never fewer places than the pattern's matches
 * open at, whatever case policy the pattern has (tests/text/openers and the extractors' opener tests
 * check it against the global scans).
 */
import { CAPITAL, LETTER, letterClassesBelow2000, SMALL } from "./letters.js";
import type { Casing } from "./pattern.js";
import { seek } from "./sorted.js";
import { foldTone, nfc } from "./tone.js";

/** The class of the character at `i` at or beyond U+2000 (a surrogate pair read whole). */
function classBeyond(t: string, i: number): number {
  const ch = String.fromCodePoint(t.codePointAt(i)!);
  return (/^\p{L}$/u.test(ch) ? LETTER : 0) | (/^\p{Ll}$/u.test(ch) ? SMALL : 0) | (/^\p{Lu}$/u.test(ch) ? CAPITAL : 0);
}

/** The lower case of code unit `c` (itself where lower-casing makes more than one). */
function lowerCode(c: number): number {
  const lo = String.fromCharCode(c).toLowerCase();
  return lo.length === 1 ? lo.charCodeAt(0) : c;
}

/**
 * The letter classes' bits, as this module's own constants: V8's optimizing compiler folds a
 * module's own constant into the code that reads it, where it reads an imported one from its
 * module cell at each use — the walk tests them at every code unit of a document (~60,000
 * instructions of a two-page one's 500,000).
 */
const IS_LETTER = LETTER, IS_CAPITAL = CAPITAL, IS_SMALL = SMALL;
/** where a code unit's letter number begins in {@link Openers}' units, over the three class bits above */
const LETTER_SHIFT = 3;
/** A word starts at a letter not after a letter, or at a capital after a small letter (`SởY`); `k`, `prev`: letter classes. */
const startsWord = (k: number, prev: number): boolean => (k & IS_LETTER) !== 0 && (!(prev & IS_LETTER) || ((k & IS_CAPITAL) !== 0 && (prev & IS_SMALL) !== 0));

/** The first word of a written form (see the module's comment). */
export function firstWord(form: string): string {
  const m = /^\p{L}+/u.exec(foldTone(nfc(form)).toLowerCase());
  if (!m) throw new Error(`an opening form must begin with a letter: ${JSON.stringify(form)}`);
  return m[0];
}

/** Where each group of forms can open in a text: positions in order, each with the bits of its groups. */
export interface Openings {
  at: number[];
  kinds: number[];
  /** each group's positions, by its bit's number: made by the walk ({@link Openers.in}), else by {@link groupOpenings} on first need */
  byGroup?: (number[] | undefined)[];
  /** where `at` was last asked about by {@link opensAt}: the next question starts there (text/sorted `seek`) */
  near?: number;
}

const NO_OPENINGS: readonly number[] = [];
/**
 * The positions where group `bit` (one bit) opens, in order. Sorted out of `open` once, for every
 * group at the same time: each pattern tried at its own group's openings then reads those alone,
 * where each read all of them (a document's ~580, for a collective's ~25) and dropped the others.
 */
export function groupOpenings(open: Openings, bit: number): readonly number[] {
  let by = open.byGroup;
  if (!by) {
    by = open.byGroup = [];
    const { at, kinds } = open;
    for (let o = 0; o < at.length; o++) addToGroups(by, at[o], kinds[o]);
  }
  return by[31 - Math.clz32(bit)] ?? NO_OPENINGS;
}

/** Opening `p` added to the lists of its groups (`kinds`, their bits) in `by`. */
function addToGroups(by: (number[] | undefined)[], p: number, kinds: number): void {
  for (let k = kinds; k; k &= k - 1) (by[31 - Math.clz32(k & -k)] ??= []).push(p);
}

/** The openings {@link Openers.in} finds in a text, recorded as it finds them (one small method the compiler inlines at each place a walk ends). */
class Found {
  /**
   * made at about the size they end at (a document opens ~one place in nine) and cut to it: grown
   * from empty a push at a time, copied at each growth, they took a third of the walk
   */
  private readonly at: number[];
  private readonly kinds: number[];
  private count = 0;
  /**
   * each group's openings, sorted out as they are found (groupOpenings, read by every extractor,
   * sorted them out of the lists in a second pass that cost a third of the walk); every group's
   * list made at the start, where one made at the group's first opening cost a test an opening
   */
  private readonly byGroup: number[][] = [];
  /** `length`: the text's; `groups`: how many groups there are */
  constructor(length: number, groups: number) {
    const size = (length >> 3) + 16;
    this.at = new Array<number>(size);
    this.kinds = new Array<number>(size);
    for (let g = 0; g < groups; g++) this.byGroup.push([]);
  }
  /** An opening at `p` of the groups `groups` (their bits; none, 0: no opening). */
  add(p: number, groups: number): void {
    if (!groups) return;
    this.at[this.count] = p;
    this.kinds[this.count++] = groups;
    const { byGroup } = this;
    for (let k = groups; k; k &= k - 1) byGroup[31 - Math.clz32(k & -k)].push(p);
  }
  /** The openings recorded, the lists cut to them. */
  openings(): Openings {
    const { at, kinds } = this;
    at.length = kinds.length = this.count;
    return { at, kinds, byGroup: this.byGroup, near: 0 };
  }
}

/**
 * The first words as a prefix tree in flat arrays: node `n`'s child by the letter numbered `a`
 * (the letters the first words are written with, numbered from 1) is `next[n * width + a]` (0:
 * none; the root is node 0, no one's child). A step of the walk is two array reads, where a tree
 * of maps hashed every letter of every word of the document.
 */
export class Openers {
  /**
   * a code unit below U+2000 → the number of its lower case among the first words' letters (0: in
   * none) shifted by {@link LETTER_SHIFT}, over its letter class (text/letters `CAPITAL`, `SMALL`,
   * `LETTER`): the walk reads one table a code unit, where it read the letters' and the classes'
   */
  private readonly units: Uint16Array;
  /** the same for a lower case at or beyond U+2000 */
  private readonly letterBeyond = new Map<number, number>();
  private readonly width: number;
  private readonly next: Int32Array;
  /** the groups a first word ending at the node belongs to (a bit each) */
  private readonly kinds: Int32Array;
  /**
   * the groups of the first words on the way down to the node, itself included: the document's
   * walk reads them once, where its walk ends, where it or-ed in each node's at every step
   */
  private readonly paths: Int32Array;
  /** how many groups there are */
  private readonly groups: number;

  /** `groups[i]`: the forms of one pattern (bit `1 << i`), as written in `grammars/`. */
  constructor(groups: readonly (readonly string[])[]) {
    if (groups.length > 30) throw new Error("at most 30 groups of openers");
    this.groups = groups.length;
    const words = groups.map((forms) => forms.map(firstWord));
    const letters = new Map<number, number>();
    for (const w of words.flat()) for (let i = 0; i < w.length; i++) if (!letters.has(w.charCodeAt(i))) letters.set(w.charCodeAt(i), letters.size + 1);
    this.width = letters.size + 1;
    if (letters.size + 1 > 0xffff >>> LETTER_SHIFT) throw new Error("too many letters in the openers' first words");
    const cls = letterClassesBelow2000();
    this.units = new Uint16Array(0x2000);
    for (let c = 0; c < 0x2000; c++) this.units[c] = ((letters.get(lowerCode(c)) ?? 0) << LETTER_SHIFT) | (cls[c] & (IS_CAPITAL | IS_SMALL | IS_LETTER));
    for (const [c, a] of letters) if (c >= 0x2000) this.letterBeyond.set(c, a);
    // the tree grown in plain arrays, then copied into typed ones
    const next: number[] = new Array(this.width).fill(0);
    const kinds: number[] = [0];
    words.forEach((ws, g) => {
      for (const w of ws) {
        let node = 0;
        for (let i = 0; i < w.length; i++) {
          const slot = node * this.width + letters.get(w.charCodeAt(i))!;
          if (!next[slot]) {
            next[slot] = kinds.length;
            kinds.push(0);
            for (let k = 0; k < this.width; k++) next.push(0);
          }
          node = next[slot];
        }
        kinds[node] |= 1 << g;
      }
    });
    this.next = Int32Array.from(next);
    this.kinds = Int32Array.from(kinds);
    // a child is numbered after its parent: the parents' paths are made first
    this.paths = new Int32Array(kinds.length);
    for (let node = 0; node < kinds.length; node++) {
      this.paths[node] |= kinds[node];
      for (let a = 1; a < this.width; a++) {
        const child = next[node * this.width + a];
        if (child) this.paths[child] = this.paths[node];
      }
    }
  }

  /** The number of the first words' letter code unit `c` is in lower case (0: none). */
  private letter(c: number): number {
    return c < 0x2000 ? this.units[c] >>> LETTER_SHIFT : (this.letterBeyond.get(lowerCode(c)) ?? 0);
  }

  /**
   * Every opening in `t`, in order. One pass reads each code unit once: from a word start the walk
   * goes down the table letter by letter as the pass moves on, where a walk run ahead from each
   * start read a word's letters a second time (a code unit read costs more than the step it feeds).
   * A word at a time: the code units between words, and a word's past where its walk ended, are
   * read by the outer loop, which only looks for the next word start; the walk's own loop knows it
   * is inside a word, where a word starts only at a capital after a small letter.
   */
  in(t: string): Openings {
    const { units, next, paths, width } = this;
    const found = new Found(t.length, this.groups);
    const n = t.length;
    // the unit (or class, beyond U+2000) of the code unit before `i`
    let prev = 0;
    let i = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c >= 0x2000) {
        prev = this.openBeyond(t, i, prev, found);
        i++;
        continue;
      }
      const u = units[c];
      i++;
      const opens = startsWord(u, prev);
      prev = u;
      if (!opens) continue;
      // a code unit of no first word (letter number 0) reads the root's slot 0, where no child is
      let node = next[u >>> LETTER_SHIFT];
      if (!node) continue;
      const start = i - 1;
      let groups = -1;
      while (i < n) {
        const d = t.charCodeAt(i);
        // a letter at or beyond U+2000 (the table may hold none), or a word starting inside this
        // one (a capital after a small letter, `SởY`): the walk reads ahead to the letters' end,
        // and the outer loop reads the code unit again
        if (d >= 0x2000) {
          groups = paths[node] | this.walkFrom(node, t, i);
          break;
        }
        const v = units[d];
        if ((v & IS_CAPITAL) !== 0 && (prev & IS_SMALL) !== 0) {
          groups = paths[node] | this.walkFrom(node, t, i);
          break;
        }
        prev = v;
        i++;
        const child = next[node * width + (v >>> LETTER_SHIFT)];
        if (!child) break;
        node = child;
      }
      found.add(start, groups === -1 ? paths[node] : groups);
    }
    return found.openings();
  }

  /** {@link in}'s step at a code unit at or beyond U+2000, at `i`: its opening recorded in `found`; gives the class for the next step's `prev`. */
  private openBeyond(t: string, i: number, prev: number, found: Found): number {
    const c = t.charCodeAt(i);
    // the second half of a surrogate pair: the pair's class was read at its first half
    if (c >= 0xdc00 && c <= 0xdfff) return prev;
    const k = classBeyond(t, i);
    if (startsWord(k, prev)) {
      const root = this.next[this.letter(c)];
      if (root) found.add(i, this.walkFrom(root, t, i + 1));
    }
    return k;
  }

  /**
   * The groups whose first words the letters at `i` begin with, whether or not a word starts
   * there: 0 means no form of any group can match at `i`, so a caller trying a pattern at a
   * place it chose (the word after a name, an assignee's first word) asks this first.
   */
  at(t: string, i: number): number {
    if (i >= t.length) return 0;
    const node = this.next[this.letter(t.charCodeAt(i))];
    return node ? this.walkFrom(node, t, i + 1) : 0;
  }

  /** The groups of the first words ending on the way down from `node`, reading `t` from `j`. */
  private walkFrom(node: number, t: string, j: number): number {
    const { next, kinds, width } = this;
    let found = kinds[node];
    for (; j < t.length; j++) {
      const a = this.letter(t.charCodeAt(j));
      if (!a) break;
      node = next[node * width + a];
      if (!node) break;
      found |= kinds[node];
    }
    return found;
  }
}

/**
 * The groups whose first words open at `p` by the walk `open` of `t` (0: none), or -1 where the
 * walk cannot say: `p` is no word start for it (a letter glued to the letter before), or a
 * character there or before is beyond U+2000 — the caller then tries every rule.
 */
export function opensAt(t: string, open: Openings, p: number): number {
  if (p >= t.length) return 0;
  const cls = letterClassesBelow2000();
  const c = t.charCodeAt(p);
  if (c >= 0x2000) return -1;
  if (!(cls[c] & LETTER)) return 0;
  if (p > 0) {
    const b = t.charCodeAt(p - 1);
    if (b >= 0x2000) return -1;
    if (!startsWord(cls[c], cls[b])) return -1;
  }
  const { at } = open;
  const o = (open.near = seek(at, p, open.near ?? 0));
  return o < at.length && at[o] === p ? open.kinds[o] : 0;
}

/**
 * The code units a pattern of `forms` written under `casing` (text/pattern `formSource`) can begin
 * with: each form's first letter as written, tone placement folded, in either case for "any". An
 * opening is found in any case; where its code unit is none of these the pattern cannot match
 * (`ông` where only `Ông` is written, `văn` of `văn bản` for the family name `Văn`), and
 * {@link matchesAt} given a test of them does not try it there.
 */
export function openingCodes(forms: readonly string[], casing: Casing): Set<number> {
  const codes = new Set<number>();
  for (const form of forms) {
    const first = foldTone(nfc(form)).charAt(0);
    for (const c of casing === "any" ? [first, first.toLowerCase(), first.toUpperCase()] : [first]) if (c.length === 1) codes.add(c.charCodeAt(0));
  }
  return codes;
}

/**
 * The matches a global scan of `t` with `sticky`'s pattern finds (it never matches empty), tried
 * only at the openings of group `bit` (one bit; given `where`, only where it holds: a test cheaper
 * than the pattern that holds wherever the pattern matches — the text's code unit is one the
 * pattern can open with, {@link openingCodes}, or the word after the first word begins one the
 * pattern wants): the same matches, in the same order, when every match of the pattern opens at
 * one of them. A match hides the openings inside it, as in a global scan.
 * Given one at a time, not as a list: a text of 900,000 characters of years has 110,000 matches,
 * and their match arrays held together were most of its working memory (~40 MB).
 */
export function matchesAt(sticky: RegExp, t: string, open: Openings, bit: number, where?: (t: string, p: number) => boolean): Iterable<RegExpExecArray> {
  return new MatchesAt(sticky, t, groupOpenings(open, bit), where);
}

/**
 * {@link matchesAt}'s iterator, written out: a generator's suspension and a result object a step
 * cost more than the step (this runs for every pattern of every extractor on every document).
 */
class MatchesAt implements IterableIterator<RegExpExecArray> {
  private o = 0;
  /** where the last match ended: an opening before it is inside it */
  private from = 0;
  /** the one result object of every step: a `for … of` reads it before asking for the next */
  private readonly result = { done: false, value: undefined as RegExpExecArray | undefined };
  constructor(
    private readonly sticky: RegExp,
    private readonly t: string,
    private readonly at: readonly number[],
    private readonly where: ((t: string, p: number) => boolean) | undefined,
  ) {}

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<RegExpExecArray> {
    const { sticky, t, at, where, result } = this;
    while (this.o < at.length) {
      const p = at[this.o++];
      if (p < this.from || (where && !where(t, p))) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(t);
      if (!m) continue;
      // read before the caller runs: it may use the same pattern
      this.from = sticky.lastIndex;
      result.value = m;
      return result as IteratorResult<RegExpExecArray>;
    }
    result.done = true;
    result.value = undefined;
    return result as IteratorResult<RegExpExecArray>;
  }
}
