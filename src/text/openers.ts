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
import { foldTone, nfc } from "./tone.js";

let lowers: Uint16Array | null = null;
/** The letter classes (text/letters) and the lower case of each code unit below U+2000, worked out once. */
function tables(): { cls: Uint8Array; lower: Uint16Array } {
  if (!lowers) {
    lowers = new Uint16Array(0x2000);
    for (let c = 0; c < 0x2000; c++) {
      const lo = String.fromCharCode(c).toLowerCase();
      lowers[c] = lo.length === 1 ? lo.charCodeAt(0) : c;
    }
  }
  return { cls: letterClassesBelow2000(), lower: lowers };
}

/** The class of the character at `i` at or beyond U+2000 (a surrogate pair read whole). */
function classBeyond(t: string, i: number): number {
  const ch = String.fromCodePoint(t.codePointAt(i)!);
  return (/^\p{L}$/u.test(ch) ? LETTER : 0) | (/^\p{Ll}$/u.test(ch) ? SMALL : 0) | (/^\p{Lu}$/u.test(ch) ? CAPITAL : 0);
}

function lowerCode(c: number, lower: Uint16Array): number {
  if (c < 0x2000) return lower[c];
  const lo = String.fromCharCode(c).toLowerCase();
  return lo.length === 1 ? lo.charCodeAt(0) : c;
}

/** A word starts at a letter not after a letter, or at a capital after a small letter (`SởY`); `k`, `prev`: letter classes. */
const startsWord = (k: number, prev: number): boolean => (k & LETTER) !== 0 && (!(prev & LETTER) || ((k & CAPITAL) !== 0 && (prev & SMALL) !== 0));

interface Node {
  next: Map<number, Node>;
  /** the groups a first word ending here belongs to (a bit each) */
  kinds: number;
}

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
}

export class Openers {
  private readonly root: Node = { next: new Map(), kinds: 0 };
  /** the root's children by code unit below U+2000 (a word start is looked up here, the commonest step) */
  private rootBelow2000: (Node | undefined)[] | null = null;

  /** `groups[i]`: the forms of one pattern (bit `1 << i`), as written in `grammars/`. */
  constructor(groups: readonly (readonly string[])[]) {
    if (groups.length > 30) throw new Error("at most 30 groups of openers");
    groups.forEach((forms, g) => {
      for (const form of forms) {
        let node = this.root;
        for (const ch of firstWord(form)) {
          const c = ch.charCodeAt(0);
          let next = node.next.get(c);
          if (!next) node.next.set(c, (next = { next: new Map(), kinds: 0 }));
          node = next;
        }
        node.kinds |= 1 << g;
      }
    });
  }

  /** Every opening in `t`, in order. */
  in(t: string): Openings {
    const { cls, lower } = tables();
    const first = this.firstTable();
    const at: number[] = [];
    const kinds: number[] = [];
    let prev = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      // the second half of a surrogate pair: the pair's class was read at its first half
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      const k = c < 0x2000 ? cls[c] : classBeyond(t, i);
      if (startsWord(k, prev)) {
        // a first letter below U+2000 (the common case) read from the root's table alone
        const node = c < 0x2000 ? first[lower[c]] : this.root.next.get(lowerCode(c, lower));
        if (node !== undefined) {
          const found = this.walkFrom(node, t, i + 1, lower);
          if (found) at.push(i), kinds.push(found);
        }
      }
      prev = k;
    }
    return { at, kinds };
  }

  private firstTable(): (Node | undefined)[] {
    if (!this.rootBelow2000) {
      const table: (Node | undefined)[] = new Array(0x2000).fill(undefined);
      for (const [c, node] of this.root.next) if (c < 0x2000) table[c] = node;
      this.rootBelow2000 = table;
    }
    return this.rootBelow2000;
  }

  /**
   * The groups whose first words the letters at `i` begin with, whether or not a word starts
   * there: 0 means no form of any group can match at `i`, so a caller trying a pattern at a
   * place it chose (the word after a name, an assignee's first word) asks this first.
   */
  at(t: string, i: number): number {
    return i < t.length ? this.walk(t, i, tables().lower) : 0;
  }

  private walk(t: string, i: number, lower: Uint16Array): number {
    const node = this.root.next.get(lowerCode(t.charCodeAt(i), lower));
    return node ? this.walkFrom(node, t, i + 1, lower) : 0;
  }

  /** The groups of the first words ending on the way down from `node`, reading `t` from `j`. */
  private walkFrom(node: Node | undefined, t: string, j: number, lower: Uint16Array): number {
    let found = 0;
    for (; node; j++) {
      found |= node.kinds;
      if (j >= t.length || !node.next.size) break;
      node = node.next.get(lowerCode(t.charCodeAt(j), lower));
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
  const at = open.at;
  let lo = 0, hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < at.length && at[lo] === p ? open.kinds[lo] : 0;
}

/**
 * The matches a global scan of `t` with `sticky`'s pattern finds (it never matches empty), tried
 * only at the openings of group `bit`: the same matches, in the same order, when every match of
 * the pattern opens at one of them. A match hides the openings inside it, as in a global scan.
 * Given one at a time, not as a list: a text of 900,000 characters of years has 110,000 matches,
 * and their match arrays held together were most of its working memory (~40 MB).
 */
export function* matchesAt(sticky: RegExp, t: string, open: Openings, bit: number): Generator<RegExpExecArray, void, undefined> {
  let from = 0;
  for (let o = 0; o < open.at.length; o++) {
    const at = open.at[o];
    if (at < from || !(open.kinds[o] & bit)) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(t);
    if (!m) continue;
    // read before the caller runs: it may use the same pattern
    from = sticky.lastIndex;
    yield m;
  }
}
