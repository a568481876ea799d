import { ONSETS, SYLLABLE_FINALS, VOWEL_INITIAL_WORDS } from "../../grammars/syllables.js";
import type { MappedText } from "./mapped.js";
import { alt } from "../text/pattern.js";

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

// What the steps look for, one code unit at a time, for one pass over a line that tells which
// steps have work on it (almost no line needs any: tried one by one on every line, the steps'
// patterns were a fifth of normalize, the split syllables' lookbehinds at every space the most)
const SPACE = 1, TAB = 2, VOWEL = 4, FINAL_LETTER = 8, ONSET_LETTER = 16, LETTER_OR_MARK = 32, CLEANED = 64, EMPHASIS = 128, CLASSIFIED = 256;
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
/** each code unit's classes, worked out by the steps' own patterns (case-insensitive where they are) the first time it is met */
const charClasses = new Uint16Array(0x10000);
function classesOf(c: number): number {
  let k = charClasses[c];
  if (k === 0) {
    k = CLASSIFIED;
    const ch = String.fromCharCode(c);
    for (const [bit, re] of CHAR_CLASSES) if (re.test(ch)) k |= bit;
    charClasses[c] = k;
  }
  return k;
}

/** Bits of {@link lineShape}. */
export const LINE_SHAPE = {
  /** a character to clean or compose, or a run of emphasis marks: cleanInvisible, composeNfc or stripEmphasis has work */
  CHANGED: 1,
  /** a space where `splitFinal` or `splitOnset` may match: glueSplitSyllables has work */
  MAY_SPLIT: 2,
  /** a tab, white space after white space, or white space at an end: what the layout's column split and tidying look for */
  LOOSE_SPACES: 4,
} as const;

/**
 * Which steps have work on a line (bits of {@link LINE_SHAPE}), found in one pass over it; never a
 * bit missing where its steps would change the line. Where `splitFinal` or `splitOnset` may match
 * is told as the pass goes, from the fragments on either side of each space: the run of onset
 * letters that ends before it (a lone fragment of them, short enough, before a vowel), and the run
 * of final letters that opens after it (a lone fragment of them, short enough, after a vowel).
 */
export function lineShape(s: string): number {
  const n = s.length;
  let shape = 0;
  let prev = 0;
  // the run of onset letters ending at the code unit before, and whether a letter or mark stands before it
  let onsetRun = 0;
  let onsetAfterLetter = false;
  // after a space between a vowel and a final letter: the final letters counted since, till the run ends
  let finalRun = -1;
  for (let i = 0; i < n; i++) {
    const k = classesOf(s.charCodeAt(i));
    if (finalRun >= 0) {
      if (k & FINAL_LETTER) finalRun++;
      else {
        if (finalRun <= MAX_FINAL && !(k & LETTER_OR_MARK)) shape |= LINE_SHAPE.MAY_SPLIT;
        finalRun = -1;
      }
    }
    if (k & CLEANED || (k & EMPHASIS && prev & EMPHASIS)) shape |= LINE_SHAPE.CHANGED;
    if (k & SPACE) {
      if (k & TAB || prev & SPACE || i === 0 || i === n - 1) shape |= LINE_SHAPE.LOOSE_SPACES;
      if (i > 0 && i < n - 1 && !(shape & LINE_SHAPE.MAY_SPLIT)) {
        const next = classesOf(s.charCodeAt(i + 1));
        if (next & VOWEL && onsetRun >= 1 && onsetRun <= MAX_ONSET && !onsetAfterLetter) shape |= LINE_SHAPE.MAY_SPLIT;
        else if (next & FINAL_LETTER && prev & VOWEL) finalRun = 0;
      }
    }
    if (k & ONSET_LETTER) {
      if (onsetRun++ === 0) onsetAfterLetter = (prev & LETTER_OR_MARK) !== 0;
    } else onsetRun = 0;
    prev = k;
  }
  if (finalRun >= 0 && finalRun <= MAX_FINAL) shape |= LINE_SHAPE.MAY_SPLIT;
  return shape;
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
