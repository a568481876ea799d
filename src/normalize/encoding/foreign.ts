import { SUPERSCRIPT_DIGITS, WESTERN_LETTERS } from "../../../grammars/encodings/foreign.js";
import { isSpaceCode } from "../../text/letters.js";
import { BoundedMemo } from "../../text/memo.js";
import { judgeToken } from "./syllables.js";

/**
 * Words that a legacy decoding spoils instead of repairing: a foreign word with Western accents
 * (`François`, `Señor`) or a number with a superscript digit (`m²`, `10³`) inside TCVN3 or VNI
 * text. Each word the decoding did not make Vietnamese goes back to what it was, when it looked
 * like such a word to begin with.
 */

const western = new Set(WESTERN_LETTERS);
const superscript = new Set(SUPERSCRIPT_DIGITS);

/** What may open and close a foreign word around its letters (quotes, brackets, a sentence's stop). */
const OPENING = `("'“‘[`;
const CLOSING = `)"'”’].,;:!?`;
const inClass = (chars: string) => chars.replace(/[\]\\^-]/g, "\\$&");
const FRAME = new RegExp(`^[${inClass(OPENING)}]+|[${inClass(CLOSING)}]+$`, "g");

/** A word as typed in a Western language or a unit with a superscript: ASCII letters and digits with one or two such characters. */
function looksForeign(word: string, marksFollowVowels: boolean): boolean {
  const core = word.replace(FRAME, "");
  let special = 0;
  let ascii = 0;
  let sup = false;
  let prev = "";
  for (const ch of core) {
    if (/[A-Za-z]/.test(ch)) ascii++;
    else if (superscript.has(ch)) {
      special++;
      sup = true;
    } else if (western.has(ch)) {
      // in VNI an accented letter after a vowel is the vowel's mark ("qlyù" is "qlý")
      if (marksFollowVowels && /[aeiouyAEIOUY]/.test(prev)) return false;
      special++;
    } else if (!/[0-9.,/\-]/.test(ch)) return false;
    prev = ch;
  }
  if (special === 0 || special > 2) return false;
  // a unit or number with a superscript ("m²", "10³"), or a name: a capital, then at least two
  // more ASCII letters, and one accented letter (an abbreviation in lower case is legacy text)
  if (sup) return /[0-9A-Za-z][¹²³]/.test(core);
  return special === 1 && ascii >= 3 && /^[A-Z]\p{L}+$/u.test(core) && !(marksFollowVowels && /[ñôöÑÔÖìíòóæ]/.test(core));
}

/**
 * Each code unit by what a foreign word's check asks of it, as bits: white space (a word's end);
 * an accented letter or a superscript, which looksForeign counts; a mark that may open the word
 * (a quote, a bracket); a code unit beyond ASCII no foreign word holds (most words of TCVN3 or
 * VNI text hold one: `c«ng`, `th¸ng`). ASCII letters and digits, and the closing quotes, are
 * none of these. Read from one table, where a Set was asked for every word's first code unit.
 */
const SPACE = 1;
const ACCENTED = 2;
const SUPERSCRIPT = 4;
const OPENS = 8;
const NOT_FOREIGN = 16;
const CODE_BITS = new Uint8Array(0x2020);
for (let c = 0; c < CODE_BITS.length; c++) CODE_BITS[c] = isSpaceCode(c) ? SPACE : c >= 0x80 ? NOT_FOREIGN : 0;
for (const ch of western) CODE_BITS[ch.charCodeAt(0)] = ACCENTED;
for (const ch of superscript) CODE_BITS[ch.charCodeAt(0)] = ACCENTED | SUPERSCRIPT;
for (const ch of "”’") CODE_BITS[ch.charCodeAt(0)] = 0;
for (const ch of OPENING) CODE_BITS[ch.charCodeAt(0)] = OPENS;
const codeBits = (c: number) => (c < CODE_BITS.length ? CODE_BITS[c] : isSpaceCode(c) ? SPACE : NOT_FOREIGN);
const isAsciiCapital = (c: number) => c >= 0x41 && c <= 0x5a;

/**
 * Whether a word may look foreign from its code units' bits or-ed ({@link CODE_BITS}) and its
 * first code unit after the opening marks: only code units a foreign word holds, one accented
 * letter or superscript at least, and a superscript or an ASCII capital first (what
 * {@link looksForeign} asks of a unit or a name).
 */
const wordMayLookForeign = (bits: number, first: number) =>
  !(bits & NOT_FOREIGN) && (bits & ACCENTED) !== 0 && ((bits & SUPERSCRIPT) !== 0 || isAsciiCapital(first));

/**
 * Whether `text.slice(s, e)` may look foreign ({@link wordMayLookForeign}), read in place.
 * Most words a TCVN3 decoding changes hold only code units a foreign word holds (`cña`, `viÖc`: ñ and Ö are
 * Western letters too), but few begin with a capital: they are told so without a slice and the
 * memo's hashing of it.
 */
function mayBeForeign(text: string, s: number, e: number): boolean {
  let first = -1;
  let bits = 0;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    const k = codeBits(c);
    bits |= k;
    if (first < 0 && !(k & OPENS)) first = c;
  }
  return wordMayLookForeign(bits, first);
}

/**
 * Whether any word of `text` may look foreign ({@link mayBeForeign}), in one walk of its code
 * units: most runs of a legacy document hold none, and their decoding is then kept as it is
 * without walking it beside them word by word.
 */
function holdsForeignLooking(text: string): boolean {
  const n = text.length;
  let first = -1;
  let bits = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    const k = codeBits(c);
    if (k & SPACE) {
      if (wordMayLookForeign(bits, first)) return true;
      first = -1;
      bits = 0;
      continue;
    }
    bits |= k;
    if (first < 0 && !(k & OPENS)) first = c;
  }
  return false;
}

/** looksForeign, remembered per word (a legacy document repeats its words; bounded memo). */
const foreignMemo = [new BoundedMemo<boolean>(8192, 48), new BoundedMemo<boolean>(8192, 48)];
function looksForeignMemo(word: string, marksFollowVowels: boolean): boolean {
  const memo = foreignMemo[marksFollowVowels ? 1 : 0];
  return memo.get(word) ?? memo.set(word, looksForeign(word, marksFollowVowels));
}

/**
 * judgeToken of a decoded word, remembered (bounded memo): a legacy document's capitalised words
 * (`Céng` → `Cộng`) look like foreign names until their decoding is judged, and come again and again.
 */
const judgedMemo = new BoundedMemo<number>(8192, 48);
const judged = (word: string) => judgedMemo.get(word) ?? judgedMemo.set(word, judgeToken(word));

/** `decoded` with every word that stayed un-Vietnamese and looked foreign put back as `original` had it. */
export function keepForeignWords(original: string, decoded: string, encoding: string): string {
  if (original === decoded || !holdsForeignLooking(original)) return decoded;
  return keepForeignAligned(original, decoded, encoding === "vni") ?? keepForeignSplit(original, decoded, encoding);
}

/**
 * {@link keepForeignWords} where the decoding kept every space where it was (TCVN3 gives one code
 * unit for one): the words of both texts walked side by side, in place, a word sliced only when
 * it may be foreign; null where the spaces moved (the split's way is taken).
 */
function keepForeignAligned(original: string, decoded: string, marksFollowVowels: boolean): string | null {
  const n = original.length;
  if (decoded.length !== n) return null;
  let out = "";
  let from = 0;
  for (let i = 0; i < n; ) {
    const space = isSpaceCode(original.charCodeAt(i));
    if (space !== isSpaceCode(decoded.charCodeAt(i))) return null;
    if (space) {
      i++;
      continue;
    }
    const s = i;
    let same = true;
    for (; i < n; i++) {
      const c = original.charCodeAt(i);
      if (isSpaceCode(c)) break;
      if (c !== decoded.charCodeAt(i)) {
        same = false;
        if (isSpaceCode(decoded.charCodeAt(i))) return null;
      }
    }
    if (i < n && !isSpaceCode(decoded.charCodeAt(i))) return null;
    if (same) continue;
    if (!mayBeForeign(original, s, i)) continue;
    const word = original.slice(s, i);
    if (looksForeignMemo(word, marksFollowVowels) && judged(decoded.slice(s, i)) < 0) {
      out += decoded.slice(from, s) + word;
      from = i;
    }
  }
  return from === 0 ? decoded : out + decoded.slice(from);
}

function keepForeignSplit(original: string, decoded: string, encoding: string): string {
  const a = original.split(/(\s+)/);
  const b = decoded.split(/(\s+)/);
  if (a.length !== b.length) return decoded; // a decoding that moved spaces (VNI tones typed apart)
  let changed = false;
  for (let i = 0; i < a.length; i += 2) {
    if (a[i] !== b[i] && mayBeForeign(a[i], 0, a[i].length) && looksForeignMemo(a[i], encoding === "vni") && judged(b[i]) < 0) {
      b[i] = a[i];
      changed = true;
    }
  }
  return changed ? b.join("") : decoded;
}
