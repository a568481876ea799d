/**
 * A set of code units asked at every opening of a phrase list or a date parser (`ông`'s `ô`, a
 * digit run's next `/`): a table for the code units below U+2000 (every Vietnamese letter, the
 * digits and signs), a Set beyond. A Set's look-up hashed the code unit: a quarter of the date
 * walk, ~2% of the tasks' time.
 *
 *     const then = CodeSet.ofChars("/-.");   then.has(0x2f) === true
 */
export class CodeSet {
  private readonly below2000: Uint8Array;
  private readonly beyond = new Set<number>();
  constructor(codes: Iterable<number>) {
    let top = -1;
    for (const c of codes) if (c < 0x2000 && c > top) top = c;
    this.below2000 = new Uint8Array(top + 1);
    for (const c of codes) {
      if (c < 0x2000) this.below2000[c] = 1;
      else this.beyond.add(c);
    }
  }
  /** The set of each character's first code unit. */
  static ofChars(chars: string): CodeSet {
    return new CodeSet(Array.from(chars, (ch) => ch.charCodeAt(0)));
  }
  /** (NaN, a read past the text's end: no) */
  has(c: number): boolean {
    return c < this.below2000.length ? this.below2000[c] === 1 : c >= 0x2000 && this.beyond.has(c);
  }
}

/**
 * Whether one of a list's words may open at a place, told by its first two code units: asked
 * before a pattern that fails at most places it is tried (an honorific's `Đ/c` where the text has
 * `được`, a money word after a date), it never says no where one of the words stands, and costs a
 * table look-up and a Set's where a regex call cost ~600 instructions. A word whose second code
 * unit may be anything (`words` of one code unit, or those `anySecond` names) is told by its first.
 *
 *     const opens = OpeningPairs.ofWords(["đến", "-"]);   opens.at("đến", 0) === true, opens.at("đề", 0) === false
 */
export class OpeningPairs {
  private readonly firsts: CodeSet;
  /** `first * 0x10000 + second`, the second 0 where any may follow */
  private readonly pairs = new Set<number>();
  private constructor(words: readonly string[], anySecond: (word: string) => boolean) {
    this.firsts = new CodeSet(words.map((w) => w.charCodeAt(0)));
    for (const w of words) this.pairs.add(w.charCodeAt(0) * 0x10000 + (w.length < 2 || anySecond(w) ? 0 : w.charCodeAt(1)));
  }
  static ofWords(words: readonly string[], anySecond: (word: string) => boolean = () => false): OpeningPairs {
    return new OpeningPairs(words, anySecond);
  }
  /** Can one of the words open at `i` of `s`? */
  at(s: string, i: number): boolean {
    const c = s.charCodeAt(i);
    if (!this.firsts.has(c)) return false;
    const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    return this.pairs.has(c * 0x10000 + next) || this.pairs.has(c * 0x10000);
  }
}
