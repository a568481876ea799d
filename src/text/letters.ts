/**
 * Vietnamese letters and words: letter classes for regexes (JS `\b`/`\w` are ASCII-only; these
 * use `\p{L}\p{M}` and lookarounds), capitals, tidied spellings, and the word at a position.
 */
import { notAfter, notBefore, oneOf } from "./pattern.js";
import { foldTone, nfc } from "./tone.js";

export const L = "\\p{L}\\p{M}";
// The guards below are text/pattern's `notAfter` and `notBefore`, which write a class of several
// Unicode properties (`[\p{L}\p{M}\d]`) as an alternation of them, a space answered first: the
// same characters. V8 sorts a class's ranges when it compiles a pattern, and the ranges of
// `\p{L}`, `\p{M}` and `\d` run together are out of order (~1,100 ranges sorted by insertion),
// where each property's own come sorted. A head's or a collective's pattern holds a guard once an
// alternative (the patterns hold ~210), and compiling the patterns took a process ~1.7 billion
// instructions, a third of them for these classes. The space first keeps a compiled pattern's
// cost: the alternation alone cost 0.8% more a document.
/** before a word: not inside another word or number */
export const WB = notAfter(`${L}\\d`);
/** after a word */
export const WE = notBefore(`${L}\\d`);
/** before an abbreviation: not part of a symbol such as `QĐ-UBND` or `CV/TU` */
export const AB = notAfter(`${L}\\d/\\-`);
/** A letter or a number (`[\p{L}\p{N}]`), written a branch a property for the same reason: the date parsers hold it ~30 times. */
export const LETTER_OR_NUMBER_UNIT = oneOf("\\p{L}\\p{N}");

/** Whitespace collapsed, dashes unified, tone placement folded: how a canonical string is written. */
export function tidy(s: string): string {
  const n = nfc(s);
  // most strings (one word, a name with single spaces) have nothing to tidy: tested before replacing
  if (!untidy(n, true)) return foldTone(n);
  return foldTone(n.replace(/\s*[-–—]\s*/g, " - ").replace(/\s+/g, " ").trim());
}

/**
 * Whitespace other than one plain space between two non-spaces (`[^\S ]|\s\s|^\s|\s$`): what
 * `squash` changes. Inside the string it is a space before whitespace or whitespace other than a
 * space; the two ends are read by code unit. The one regex of four alternatives, each tried at every
 * character, took twice as long (3.4 against 1.5 ns a character of body text).
 */
const unsquashedInside = /[^\S ]| \s/;
/**
 * What `tidy` changes: that, an en or em dash, or a hyphen without one plain space on each side
 * (`Văn hóa - Thể thao` is left as it is: written that way, a name with a dash is tidy already).
 */
const untidiedInside = /[–—]|(?<! )-|-(?! )|[^\S ]| \s/;
/**
 * Does `s` have anything `squash` (with `dashes`, `tidy`) would change? Asked of the regex engine:
 * a loop over the code units was faster on a word, but slower on the mentions and body texts
 * these run on (in the agency stage, 249 against 131 ms of a profile).
 */
const untidy = (s: string, dashes: boolean): boolean =>
  s.length > 0 && (isSpaceCode(s.charCodeAt(0)) || isSpaceCode(s.charCodeAt(s.length - 1)) || (dashes ? untidiedInside : unsquashedInside).test(s));

/** Whitespace collapsed only (the document's own spelling): how a `text` field is written. */
export function squash(s: string): string {
  const n = nfc(s);
  return untidy(n, false) ? n.replace(SPACE_RUNS, " ").trim() : n;
}
/**
 * The whitespace runs other than one plain space: replacing them with a space is
 * `replace(/\s+/g, " ")`, without a match (and a piece of the new string) for every space between
 * two words of a text (a body's text is collapsed whole).
 */
const SPACE_RUNS = / (?=\s)\s*|[^\S ]\s*/g;

/** `s` with its whitespace runs made one space and its ends trimmed (no NFC, no folding): tested before replacing. */
export function collapseSpaces(s: string): string {
  return untidy(s, false) ? s.replace(SPACE_RUNS, " ").trim() : s;
}

/**
 * Is the word in capitals (`w === w.toUpperCase() && w !== w.toLowerCase()`: no letter upper-casing
 * would change, one at least that lower-casing would)? Read from the table below U+2000, without
 * the two case-mapped copies of the word (this runs on every word of a name and an agency's).
 */
export const isUpper = (w: string): boolean => {
  const cls = letterClassesBelow2000();
  let cased = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x2000) return w === w.toUpperCase() && w !== w.toLowerCase();
    const k = cls[c];
    if (k & UPPER_CASES) return false;
    if (k & LOWER_CASES) cased = true;
  }
  return cased;
};

/**
 * The classes of a code unit below U+2000, a bit each, read from {@link letterClassesBelow2000}:
 * `\p{Lu}`, `\p{Ll}`, `\p{L}`, `[\p{M}\d]`, whether upper-casing it gives another first character,
 * and whether lower-casing it changes it.
 */
export const CAPITAL = 1, SMALL = 2, LETTER = 4, MARK_OR_DIGIT = 8, UPPER_CASES = 16, LOWER_CASES = 32;
let classes: Uint8Array | null = null;
/**
 * What the regexes say of each code unit below U+2000 (the letters Vietnamese is written in),
 * worked out once: the one table the text helpers, the first-word walk and the agency scan read
 * instead of a regex a character.
 */
export function letterClassesBelow2000(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(0x2000);
    const lu = /^\p{Lu}$/u;
    const ll = /^\p{Ll}$/u;
    const letter = /^\p{L}$/u;
    const markOrDigit = /^[\p{M}\d]$/u;
    for (let c = 0; c < 0x2000; c++) {
      const ch = String.fromCharCode(c);
      classes[c] = (lu.test(ch) ? CAPITAL : 0) | (ll.test(ch) ? SMALL : 0) | (letter.test(ch) ? LETTER : 0) | (markOrDigit.test(ch) ? MARK_OR_DIGIT : 0)
        | (ch.toUpperCase()[0] !== ch ? UPPER_CASES : 0) | (ch.toLowerCase() !== ch ? LOWER_CASES : 0);
    }
  }
  return classes;
}
/** Does `\p{Lu}` match code unit `c`? For `c` below U+2000 only (read from a table: no string, no regex). */
export const isCapitalCode = (c: number) => (letterClassesBelow2000()[c] & CAPITAL) !== 0;
/**
 * Does upper-casing code unit `c` change it (`a`, `đ`, `ư`, `ở`)? Then no word opening with it is
 * written in capitals (`w !== w.toUpperCase()`). For `c` below U+2000 only.
 */
export const isLowerCode = (c: number) => (letterClassesBelow2000()[c] & UPPER_CASES) !== 0;
/** Does the word begin with a capital (`\p{Lu}`)? Read from the table below U+2000 (surrogates and beyond ask the regex). */
export const isCapitalised = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 0x2000 ? (letterClassesBelow2000()[c] & CAPITAL) !== 0 : /^\p{Lu}/u.test(w);
};
/** Does the word begin with a small letter (`\p{Ll}`)? As {@link isCapitalised}. */
export const isLower = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 0x2000 ? (letterClassesBelow2000()[c] & SMALL) !== 0 : /^\p{Ll}/u.test(w);
};

/** `BÌNH ĐỊNH` → `Bình Định`, `bà rịa` → `Bà Rịa`. */
export function titleCase(s: string): string {
  return s
    .split(/(\s+|-)/)
    .map((w) => (/\p{L}/u.test(w) ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w))
    .join("");
}

/** `BAN CHỈ ĐẠO` → `Ban chỉ đạo`. */
export function sentenceCase(s: string): string {
  const lower = s.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/**
 * A word at or after a place: after whitespace, a run of letters and marks (two such runs joined
 * by `&`, as in `KH&ĐT`), a run of ASCII digits, or one sign of {@link WORD_SIGNS}.
 */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** the whitespace before it held a line break */
  newline: boolean;
  /** what the word is made of, told while reading it (no pattern a test) */
  kind: WordKind;
  /** its match key, made by the first rule that needs it (a word is looked up as a stopword, a function word, `và`) */
  key: string | undefined;
}
/** A word's make: letters and marks, two runs of them joined by `&`, ASCII digits, or one sign. */
export const WordKind = { Letters: 0, Joined: 1, Digits: 2, Sign: 3 } as const;
export type WordKind = (typeof WordKind)[keyof typeof WordKind];

/** The signs read as a word of their own. */
const WORD_SIGNS = "-–—,.;:()&/";

/**
 * The word at or after `pos` (null: none, only whitespace or something else there), read code unit
 * by code unit: the pattern it replaced (`\s*([L]+(?:&[L]+)?|\d+|[-–—,.;:()&/])`, sticky) cost a
 * run, a match array and a gap string a word, a tenth of an agency name's reading.
 *
 *     wordAt("Sở KH&ĐT tỉnh", 3) → { text: "KH&ĐT", start: 3, end: 8, newline: false, kind: Joined }
 */
export function wordAt(t: string, pos: number): Word | null {
  let s = pos;
  let newline = false;
  for (; s < t.length; s++) {
    const c = t.charCodeAt(s);
    if (!isSpaceCode(c)) break;
    if (c === 0x0a) newline = true;
  }
  if (s >= t.length) return null;
  let e = lettersEnd(t, s);
  let kind: WordKind = WordKind.Letters;
  if (e > s) {
    if (t.charCodeAt(e) === 0x26) {
      const joined = lettersEnd(t, e + 1);
      if (joined > e + 1) (e = joined), (kind = WordKind.Joined);
    }
  } else if (isAsciiDigitCode(t.charCodeAt(s))) {
    e = s + 1;
    while (e < t.length && isAsciiDigitCode(t.charCodeAt(e))) e++;
    kind = WordKind.Digits;
  } else if (WORD_SIGNS.includes(t[s])) (e = s + 1), (kind = WordKind.Sign);
  else return null;
  return { text: t.slice(s, e), start: s, end: e, newline, kind, key: undefined };
}
/** Is code unit `c` an ASCII digit (`[0-9]`)? */
export const isAsciiDigitCode = (c: number) => c >= 0x30 && c <= 0x39;

/** Is code unit `c`, below U+2000, a letter or a mark (`[\p{L}\p{M}]`)? Read from the letter table. */
export function isLetterOrMarkCode(c: number): boolean {
  const k = letterClassesBelow2000()[c];
  // the table's mark class holds the ASCII digits too
  return (k & LETTER) !== 0 || ((k & MARK_OR_DIGIT) !== 0 && !isAsciiDigitCode(c));
}

/**
 * Does a letter, a mark or an ASCII digit (`[\p{L}\p{M}\d]`) stand right before `i`? What the
 * lookbehind {@link WB} asks, at one place: the letter table below U+2000, the code point beyond
 * (a surrogate pair read whole, as a `u` lookbehind reads it). Rules that find a word with a pattern
 * and ask this where it matched spare the engine a lookbehind at every character.
 */
export function wordCharBefore(t: string, i: number): boolean {
  if (i === 0) return false;
  const c = t.charCodeAt(i - 1);
  if (c < 0x2000) return (letterClassesBelow2000()[c] & (LETTER | MARK_OR_DIGIT)) !== 0;
  return WORD_CHAR.test(c >= 0xdc00 && c <= 0xdfff && i >= 2 ? t.slice(i - 2, i) : t[i - 1]);
}
const WORD_CHAR = new RegExp(`^[${L}\\d]$`, "u");

/** Where the run of letters and marks (`[\p{L}\p{M}]+`) from `i` ends (`i`: none there); the letter table below U+2000, a regex beyond. */
export function lettersEnd(t: string, i: number): number {
  while (i < t.length) {
    const c = t.charCodeAt(i);
    if (c < 0x2000) {
      if (!isLetterOrMarkCode(c)) break;
      i++;
    } else {
      const ch = String.fromCodePoint(t.codePointAt(i)!);
      if (!LETTER_OR_MARK.test(ch)) break;
      i += ch.length;
    }
  }
  return i;
}
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;

/** Where the whitespace at `i` of `s` ends: `i` itself when none is there (the end of `s` at most). */
export function afterSpaces(s: string, i: number): number {
  while (i < s.length && isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

/** Whitespace as `\s` has it (ASCII and Unicode spaces, line ends, BOM). */
export const isSpaceCode = (c: number) =>
  c <= 32
    ? c === 32 || (c >= 9 && c <= 13)
    : // a letter (ASCII, Vietnamese below U+2000) is told after two or three comparisons
      c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && ((c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)));

/** Does `s` hold whitespace (`/\s/.test(s)`)? Read in place: on the few code units of a label or a ký hiệu, a regex call cost more. */
export function holdsSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** The words (`\S+` runs) of a line, found as far as they are asked for: starts and ends only, a word's text on demand. */
export class LazyWords {
  private bounds: number[] = [];
  private pos = 0;
  constructor(private readonly line: string) {}
  /** is there a word `i` (0-based)? */
  has(i: number): boolean {
    const s = this.line;
    while (this.bounds.length <= 2 * i) {
      let p = afterSpaces(s, this.pos);
      if (p >= s.length) return false;
      const start = p;
      while (p < s.length && !isSpaceCode(s.charCodeAt(p))) p++;
      this.bounds.push(start, p);
      this.pos = p;
    }
    return true;
  }
  start(i: number): number {
    return this.bounds[2 * i];
  }
  end(i: number): number {
    return this.bounds[2 * i + 1];
  }
  text(i: number): string {
    return this.line.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }
}
