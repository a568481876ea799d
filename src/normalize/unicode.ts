import { ONSETS, SYLLABLE_FINALS, VOWEL_INITIAL_WORDS } from "../../grammars/syllables.js";
import type { MappedText } from "./mapped.js";
import { alt } from "../text/pattern.js";
import { isCapitalCode, isLowerCode } from "../text/letters.js";
import { charClass } from "./encoding/detection.js";
import { NFC_MAY_CHANGE } from "../text/tone.js";

// Zero-width characters, BOM, soft hyphen (legacy ư is decoded before this step), word joiner.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// NBSP and the typographic spaces → a plain space.
const SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
// Control characters Word leaves in extracted text (\x03 \x04 \x1f …); tab and newline stay.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Any of the three above: one look at a clean line instead of three. */
const ANY_UNCLEAN = new RegExp(`${INVISIBLE.source}|${SPACES.source}|${CONTROLS.source}`);

/** Invisible and control characters removed, exotic spaces made plain. */
export function cleanInvisible(t: MappedText): MappedText {
  if (!ANY_UNCLEAN.test(t.text)) return t;
  return t.replace(INVISIBLE, "").replace(CONTROLS, "").replace(SPACES, " ");
}

const COMBINING_MARK = /[\u0300-\u036F]/;

/** NFC from NFD or mixed input, with combining marks that a space pushed off their letter glued back. */
export function composeNfc(t: MappedText): MappedText {
  if (!COMBINING_MARK.test(t.text)) return t;
  return t.replace(/ +(?=[\u0300-\u036F])/g, "").replace(/\P{M}\p{M}+/gu, (m) => m.normalize("NFC"));
}

const vowelWords = new Set(VOWEL_INITIAL_WORDS.map((w) => w.normalize("NFC")));
const finals = SYLLABLE_FINALS.join("|");
const onsets = alt(ONSETS);
const V = "aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ";
// ĐIỀ U, KHÓ A: a toned vowel at the end of a fragment and a lone final after the space
// (not before "t/h", "p/h": a letter before a slash is an abbreviation's, as in "(để t/h)")
// (each pattern opens with the space and looks back from after it: a lookbehind first would be
// tried at every character of the line, not only at its spaces)
const splitFinal = new RegExp(`\\s(?<=[${V}${V.toUpperCase()}]\\s)(?=(?:${finals})(?![\\p{L}\\p{M}/]))`, "giu");
// Quy ết, Ngh ị: a fragment that is only an onset (+ the u of qu / i of gi) before a vowel-initial fragment
const splitOnset = new RegExp(`\\s(?<=(?<![\\p{L}\\p{M}])${onsets}(?:uy|u)?\\s)(?=([${V}${V.toUpperCase()}][\\p{L}\\p{M}]*))`, "giu");
// the fragments the two patterns glue, whole: asked of a run of onset or final letters that `lineShape` found
const onsetFragment = new RegExp(`^${onsets}(?:uy|u)?$`, "iu");
const finalFragment = new RegExp(`^(?:${finals})$`, "iu");

// What the steps look for, one code unit at a time, for one pass over a line that tells which
// steps have work on it (almost no line needs any: tried one by one on every line, the steps'
// patterns were a fifth of normalize, the split syllables' lookbehinds at every space the most)
const SPACE = 1, TAB = 2, VOWEL = 4, FINAL_LETTER = 8, ONSET_LETTER = 16, LETTER_OR_MARK = 32, CLEANED = 64, EMPHASIS = 128, CLASSIFIED = 256;
// what the signature walk (normalize/flattened) reads of a word's code units: see `lineShape`
const CAPITAL_HEAD = 512, LOWER_TAIL = 1024, NAME_BREAK = 2048;
// what rules a word out as a lone fragment of onset or final letters, or-ed over its code units
const NOT_LETTER = 4096, LETTER_NOT_ONSET = 8192, LETTER_NOT_FINAL = 16384;
// what the decoding of legacy encodings looks for first: see `LINE_SHAPE.LEGACY_MARK`
const LEGACY = 32768;
// what the join reads of a line's case (normalize/layout's `inCapitals`): a capital below U+2000,
// and a code unit from U+2070 on (of which that walk asks the regex)
const CAPITAL_BELOW_2000 = 65536, FROM_2070 = 131072;
// what tells whether the line is in NFC: see `LINE_SHAPE.NFC_UNSURE`
const NFC_CHANGEABLE = 262144;
const CHAR_CLASSES: [number, RegExp][] = [
  [SPACE, /\s/],
  [TAB, /\t/],
  [VOWEL, new RegExp(`[${V}]`, "iu")],
  [FINAL_LETTER, new RegExp(`[${SYLLABLE_FINALS.join("")}]`, "iu")],
  [ONSET_LETTER, new RegExp(`[${ONSETS.join("")}uy]`, "iu")],
  [LETTER_OR_MARK, /[\p{L}\p{M}]/u],
  [CLEANED, ANY_UNCLEAN],
  [CLEANED, COMBINING_MARK],
  [EMPHASIS, /[*_]/],
];
/** a fragment before the space: an onset and the `uy` of `quy` at most */
const MAX_ONSET = Math.max(...ONSETS.map((o) => o.length)) + 2;
const MAX_FINAL = Math.max(...SYLLABLE_FINALS.map((f) => f.length));
/**
 * Each code unit's classes, worked out by the steps' own patterns (case-insensitive where they are)
 * the first time it is met. One not met yet reads as white space without {@link CLASSIFIED}, so
 * that the walk over a line asks one thing of most code units, not two (a test for an empty entry
 * at each code unit cost a tenth of the walk): see `lineShape`.
 */
const UNSEEN = SPACE;
const charClasses = new Uint32Array(0x10000).fill(UNSEEN);
function classesOf(c: number): number {
  const k = charClasses[c];
  return k & CLASSIFIED ? k : classify(c);
}
function classify(c: number): number {
  let k = CLASSIFIED;
  const ch = String.fromCharCode(c);
  for (const [bit, re] of CHAR_CLASSES) if (re.test(ch)) k |= bit;
  // a code unit from U+2000 on counts as a capital, and as neither a lower-case letter nor a sign
  if (c >= 0x2000 || isCapitalCode(c)) k |= CAPITAL_HEAD;
  if (c < 0x2000 && isCapitalCode(c)) k |= CAPITAL_BELOW_2000;
  if (c >= 0x2070) k |= FROM_2070;
  if (c < 0x2000 && isLowerCode(c)) k |= LOWER_TAIL;
  else if (c < 0x2000 && (isCapitalCode(c) || (c < 0x80 && (c < 0x61 || c > 0x7a)))) k |= NAME_BREAK;
  // class 1: a mark of legacy text (the same test as the decoding's own `LEGACY_MARK`, gathered from it)
  if (charClass(c) === 1) k |= LEGACY;
  if (NFC_MAY_CHANGE.test(ch)) k |= NFC_CHANGEABLE;
  if (!(k & LETTER_OR_MARK)) k |= NOT_LETTER;
  else k |= (k & ONSET_LETTER ? 0 : LETTER_NOT_ONSET) | (k & FINAL_LETTER ? 0 : LETTER_NOT_FINAL);
  return (charClasses[c] = k);
}

/** Bits of {@link lineShape}. */
export const LINE_SHAPE = {
  /** a character to clean or compose, or a run of emphasis marks: cleanInvisible, composeNfc or stripEmphasis has work */
  CHANGED: 1,
  /** a space where `splitFinal` or `splitOnset` may match: glueSplitSyllables has work */
  MAY_SPLIT: 2,
  /** a tab, white space after white space, or white space at an end: what the layout's column split and tidying look for */
  LOOSE_SPACES: 4,
  /** words that may be a signature table flattened onto the line: the signature walk (normalize/flattened) has work */
  MAY_SIGN: 8,
  /**
   * a mark of legacy text read as Windows-1252 (`§ µ ¸ Ö …`, encoding/detection's `charClass` 1):
   * the decoding of legacy encodings has to look at the document (a Unicode document has none)
   */
  LEGACY_MARK: 16,
  /** the line is written in capitals, as normalize/layout's `inCapitals` tells (a capital, no lower-case letter) */
  CAPITALS: 32,
  /**
   * whether the line is in capitals ({@link LINE_SHAPE.CAPITALS}) is told: it has no code unit from
   * U+2070 on, none for which `inCapitals` asks the regex
   */
  CASE_TOLD: 64,
  /**
   * a code unit NFC may change or compose with its neighbours (text/tone's `NFC_MAY_CHANGE`): a line
   * without one is in NFC, and so is whatever the steps make of it
   */
  NFC_UNSURE: 128,
} as const;
/**
 * Two of them read in the walk over every word, as plain numbers (as a property read, a tenth of its
 * work); and two that only a few lines have, or-ed into every line's shape as plain numbers (a
 * property read or an `|=` that no line had reached when the walk was compiled sent it back to be
 * compiled again at the first line that did).
 */
const { MAY_SPLIT, MAY_SIGN, LEGACY_MARK, NFC_UNSURE } = LINE_SHAPE;

/**
 * Which steps have work on a line (bits of {@link LINE_SHAPE}), found in one pass over it; never a
 * bit missing where its steps would change the line.
 *
 * Where `splitFinal` or `splitOnset` may match is told at the spaces around a word, from the
 * fragments on either side of each: the run of onset letters that ends before it (a lone fragment
 * of them that is an onset, before a vowel), or the run of final letters that opens after it (a
 * lone fragment of them that is a final, after a vowel). A word of letters with one that is no onset
 * letter (or no final letter) is no such fragment, and the space after (or before) it is not
 * looked at: most words.
 *
 * Whether the signature walk may cut the line is told word by word (words are `\S+` runs), from
 * the code units of each: a word that may open a run of capitals (a capital first, two code units
 * or more, no lower-case letter after the first), words that may continue it (no lower-case letter
 * after the first), then two words that may be a name's (a capital first, then no capital, digit
 * or ASCII sign). A code unit from U+2000 on counts as a capital, and as neither a lower-case
 * letter nor a sign.
 */
export function lineShape(s: string): number {
  const n = s.length;
  let shape = 0;
  // the classes of every code unit, or-ed; white space after white space; two emphasis marks in a row
  let all = 0;
  let spaceRun = false;
  let emphasisRun = false;
  let afterSpace = false;
  // after a word that may end a run of capitals, and after the first word of a name after one
  let inRun = false;
  let nameOpened = false;
  // read into a local: the table's data is then not looked up again at each code unit
  const classes = charClasses;
  // each code unit's classes are read once, from the table: `k` holds those of `s[i]`; one not
  // met yet reads as white space, stops the walk over a word there and is classified below
  let k = n > 0 ? classes[s.charCodeAt(0)] : 0;
  for (let i = 0; i < n; ) {
    if (k & SPACE) {
      // the line walked again once the code unit is classified (each is met for the first time once)
      if (!(k & CLASSIFIED)) return shapeOnceClassified(s, i);
      all |= k;
      if (afterSpace) spaceRun = true;
      afterSpace = true;
      if (++i < n) k = classes[s.charCodeAt(i)];
      continue;
    }
    afterSpace = false;
    // a word: its first code unit, and the rest or-ed
    const head = k;
    const start = i;
    let tail = 0;
    while (++i < n && !((k = classes[s.charCodeAt(i)]) & SPACE)) tail |= k;
    const word = head | tail;
    all |= word;
    // (only a word can hold two marks in a row: a mark is no white space)
    if (word & EMPHASIS && !emphasisRun) emphasisRun = emphasisPairIn(s, start, i);
    if (!(shape & MAY_SPLIT)) {
      // the space after the word, a lone onset fragment's (the word ends with an onset letter); the
      // space before it, a lone final fragment's (the word opens with a final letter)
      if (i < n - 1 && (!(word & LETTER_NOT_ONSET) || (word & NOT_LETTER && classesOf(s.charCodeAt(i - 1)) & ONSET_LETTER)) && onsetSplitAt(s, i)) shape |= MAY_SPLIT;
      else if (start >= 2 && head & FINAL_LETTER && (!(word & LETTER_NOT_FINAL) || word & NOT_LETTER) && finalSplitAt(s, start - 1)) shape |= MAY_SPLIT;
    }
    const capital = (head & CAPITAL_HEAD) !== 0;
    const lower = (tail & LOWER_TAIL) !== 0;
    const nameLike = capital && !(tail & NAME_BREAK);
    if (nameLike && nameOpened) shape |= MAY_SIGN;
    nameOpened = nameLike && inRun;
    inRun = (inRun && !lower) || (capital && !lower && i - start >= 2);
  }
  if (all & CLEANED || emphasisRun) shape |= LINE_SHAPE.CHANGED;
  shape |= (all & LEGACY ? LEGACY_MARK : 0) | (all & NFC_CHANGEABLE ? NFC_UNSURE : 0);
  // `inCapitals` reads the code units below U+2000 only, where there are no others
  if (!(all & FROM_2070)) shape |= all & CAPITAL_BELOW_2000 && !(all & LOWER_TAIL) ? LINE_SHAPE.CASE_TOLD | LINE_SHAPE.CAPITALS : LINE_SHAPE.CASE_TOLD;
  if (all & TAB || spaceRun || (n > 0 && (classesOf(s.charCodeAt(0)) & SPACE || classesOf(s.charCodeAt(n - 1)) & SPACE))) shape |= LINE_SHAPE.LOOSE_SPACES;
  return shape;
}

/** {@link lineShape} of a line met at `s[i]` by a code unit not classified yet: classified, and the line walked again. */
function shapeOnceClassified(s: string, i: number): number {
  classify(s.charCodeAt(i));
  return lineShape(s);
}

/** Two emphasis marks in a row in `s[start, end)` (what `stripEmphasis` looks for). */
function emphasisPairIn(s: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) if (classesOf(s.charCodeAt(i)) & classesOf(s.charCodeAt(i - 1)) & EMPHASIS) return true;
  return false;
}

/**
 * Whether `splitOnset` may match at the white space at `i` (inside the line): a lone run of onset
 * letters before it that is an onset (with the `u` of `qu`, the `uy` of `quy`), a vowel after it.
 * The run is asked of the pattern's own onsets once its letters allow it (`PCT UBND` has no onset:
 * the glue's two patterns, tried on the whole line, cost more than the rest of its steps). A
 * letter is read a code unit at a time: one beyond U+FFFF before the run is not seen as a letter.
 */
function onsetSplitAt(s: string, i: number): boolean {
  if (!(classesOf(s.charCodeAt(i + 1)) & VOWEL)) return false;
  let j = i - 1;
  while (j >= 0 && i - j <= MAX_ONSET + 1 && classesOf(s.charCodeAt(j)) & ONSET_LETTER) j--;
  const run = i - 1 - j;
  return run >= 1 && run <= MAX_ONSET && (j < 0 || !(classesOf(s.charCodeAt(j)) & LETTER_OR_MARK)) && onsetFragment.test(s.slice(j + 1, i));
}

/**
 * Whether `splitFinal` may match at the white space at `i` (inside the line): a vowel before it, a
 * lone run of final letters after it that is a final, and no slash after that (`Đài PT-TH` has none).
 */
function finalSplitAt(s: string, i: number): boolean {
  if (!(classesOf(s.charCodeAt(i - 1)) & VOWEL)) return false;
  let j = i + 1;
  while (j < s.length && j - i <= MAX_FINAL + 1 && classesOf(s.charCodeAt(j)) & FINAL_LETTER) j++;
  const run = j - i - 1;
  if (run < 1 || run > MAX_FINAL) return false;
  if (j < s.length && (classesOf(s.charCodeAt(j)) & LETTER_OR_MARK || s.charCodeAt(j) === 0x2f)) return false;
  return finalFragment.test(s.slice(i + 1, j));
}

/** Syllables split by a space in PDF extraction glued back, where the pieces cannot be words. */
export function glueSplitSyllables(t: MappedText): MappedText {
  if (!(lineShape(t.text) & LINE_SHAPE.MAY_SPLIT)) return t;
  let out = spliceSpaces(t, splitFinal, () => true);
  out = spliceSpaces(out, splitOnset, (next) => !vowelWords.has(next.toLowerCase()));
  return out;
}

/** Removes the single space each match stands for, where `keep` says the following fragment is not a word. */
function spliceSpaces(t: MappedText, re: RegExp, glue: (nextFragment: string) => boolean): MappedText {
  const cuts: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(t.text); m; m = re.exec(t.text)) {
    const next = /^[\p{L}\p{M}]*/u.exec(t.text.slice(m.index + 1))?.[0] ?? "";
    if (isUpperMixed(t.text, m.index, next)) continue;
    if (glue(next)) cuts.push(m.index);
  }
  if (!cuts.length) return t;
  // one pass over the text (cutting one space at a time copied the whole line for each: quadratic)
  const parts: string[] = [];
  const origin = new Int32Array(t.length - cuts.length + 1);
  let from = 0;
  let at = 0;
  for (const c of cuts) {
    parts.push(t.text.slice(from, c));
    origin.set(t.origin.subarray(from, c), at);
    at += c - from;
    from = c + 1;
  }
  parts.push(t.text.slice(from));
  origin.set(t.origin.subarray(from, t.length + 1), at);
  return new (t.constructor as typeof MappedText)(parts.join(""), origin);
}

const letterOrMark = /[\p{L}\p{M}]/u;

// "BAN U" is not a split; only glue pieces of the same case (ĐIỀ U, Quy ết).
function isUpperMixed(text: string, spaceAt: number, next: string): boolean {
  // the word before the space, found walking back (a `[\p{L}\p{M}]*$` search tried every start in the text)
  let i = spaceAt;
  while (i > 0 && letterOrMark.test(text[i - 1])) i--;
  const prev = text.slice(i, spaceAt);
  const upper = (s: string) => s === s.toUpperCase();
  const lower = (s: string) => s === s.toLowerCase();
  if (upper(next) && !lower(next)) return !upper(prev);
  return !lower(next) || (!lower(prev) && !/^\p{Lu}\p{Ll}*$/u.test(prev));
}

/** Markdown emphasis around a run of text (`**27/5/2026**`) dropped. */
export function stripEmphasis(t: MappedText): MappedText {
  if (!/[*_]{2}/.test(t.text)) return t;
  return t.replace(/(\*\*|__)(?=\S)/g, "").replace(/\*\*/g, "");
}
