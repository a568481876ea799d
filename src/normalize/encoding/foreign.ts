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
 * The code units beyond ASCII that a foreign word may hold, by what looksForeign counts them as:
 * an accented letter, a superscript, or a quote around it. A word with another (most words of
 * TCVN3 or VNI text: `c«ng`, `th¸ng`) is told so in one pass, without the memo's hashing of it.
 */
const NOT_FOREIGN = 0;
const ACCENTED = 1;
const SUPERSCRIPT = 2;
const QUOTE = 3;
const FOREIGN_NON_ASCII = new Uint8Array(0x2020);
for (const ch of western) FOREIGN_NON_ASCII[ch.charCodeAt(0)] = ACCENTED;
for (const ch of superscript) FOREIGN_NON_ASCII[ch.charCodeAt(0)] = SUPERSCRIPT;
for (const ch of "“‘”’") FOREIGN_NON_ASCII[ch.charCodeAt(0)] = QUOTE;
const foreignKind = (c: number) => (c < FOREIGN_NON_ASCII.length ? FOREIGN_NON_ASCII[c] : NOT_FOREIGN);
const OPENING_CODES = new Set([...OPENING].map((ch) => ch.charCodeAt(0)));
const isAsciiCapital = (c: number) => c >= 0x41 && c <= 0x5a;

/**
 * Whether `text.slice(s, e)` may look foreign, read in place: only code units a foreign word
 * holds, one accented letter or superscript at least, and a superscript or an ASCII capital
 * first after its opening quotes or brackets (what {@link looksForeign} asks of a unit or a name).
 * Most words a TCVN3 decoding changes hold only such code units (`cña`, `viÖc`: ñ and Ö are
 * Western letters too), but few begin with a capital: they are told so without a slice and the
 * memo's hashing of it.
 */
function mayBeForeign(text: string, s: number, e: number): boolean {
  let first = -1;
  let accented = false;
  let sup = false;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const k = foreignKind(c);
      if (k === NOT_FOREIGN) return false;
      if (k === SUPERSCRIPT) sup = true;
      if (k !== QUOTE) accented = true;
    }
    if (first < 0 && !OPENING_CODES.has(c)) first = c;
  }
  return accented && (sup || isAsciiCapital(first));
}

/**
 * Whether any word of `text` may look foreign ({@link mayBeForeign}), in one walk of its code
 * units: most runs of a legacy document hold none, and their decoding is then kept as it is
 * without walking it beside them word by word.
 */
function holdsForeignLooking(text: string): boolean {
  const n = text.length;
  let first = -1;
  let accented = false;
  let sup = false;
  let other = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0x20;
    if (isSpaceCode(c)) {
      if (!other && accented && (sup || isAsciiCapital(first))) return true;
      first = -1;
      accented = sup = other = false;
      continue;
    }
    if (other) continue;
    if (c >= 0x80) {
      const k = foreignKind(c);
      if (k === NOT_FOREIGN) other = true;
      else if (k === SUPERSCRIPT) sup = accented = true;
      else if (k === ACCENTED) accented = true;
    }
    if (first < 0 && !OPENING_CODES.has(c)) first = c;
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
