/**
 * One folding function for tone placement, so that old and new placement (hoà/hòa, thuỷ/thủy,
 * Uỷ/Ủy) match alike inside the parser while the record keeps the document's own spelling.
 *
 * The folded form is the same length as the input (in NFC), so a match found in the folded
 * text has the same offsets in the original.
 */

const TONES = "\u0300\u0301\u0303\u0309\u0323"; // huyền, sắc, ngã, hỏi, nặng
const toneRe = new RegExp(`[${TONES}]`, "g");

function stripTone(ch: string): [base: string, tone: string] {
  const d = ch.normalize("NFD");
  const tone = d.match(toneRe)?.[0] ?? "";
  return [d.replace(toneRe, "").normalize("NFC"), tone];
}

const withTone = (base: string, tone: string) => (base + tone).normalize("NFC");

// oa, oe, uy (not after q) with the tone on either vowel and no final consonant: tone on the first.
// hoà → hòa, khoẻ → khỏe, thuỷ → thủy, Uỷ → Ủy; but quý, hoàn, thuyền are left alone.
const FIRST = "oOuUòóõỏọÒÓÕỎỌùúũủụÙÚŨỦỤ";
const SECOND = "aAeEyYàáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸỳýỹỷỵỲÝỸỶỴ";

/** What a pair becomes, for the pairs that change (the rule above, decided once per pair, not per match). */
const FOLDED_PAIRS = new Map<string, string>();
for (const first of FIRST) {
  for (const second of SECOND) {
    const [b1, t1] = stripTone(first);
    const [b2, t2] = stripTone(second);
    if (!t2 || t1) continue;
    if ((b1 === "u" || b1 === "U") && !(b2 === "y" || b2 === "Y")) continue;
    if ((b1 === "o" || b1 === "O") && (b2 === "y" || b2 === "Y")) continue;
    FOLDED_PAIRS.set(first + second, withTone(b1, t2) + b2);
  }
}
/**
 * The pairs that change, as one pattern: a text is searched for them by the regex engine rather
 * than looked at code unit by code unit in JavaScript (this runs on every line, key and text of
 * every stage). A pair's second letter never begins a pair, so matches cannot overlap or hide one.
 */
const foldable = new RegExp([...FOLDED_PAIRS.keys()].join("|"), "g");
const letterOrMark = /[\p{L}\p{M}]/u;

/**
 * Each pair found that is not after `q` (quý) and not followed by a letter (hoàn) is folded: the
 * same result as replacing `(?<![qQ])(first)(second)(?![\p{L}\p{M}])` globally, at a fraction of the cost.
 */
export function foldTone(text: string): string {
  foldable.lastIndex = 0;
  let m = foldable.exec(text);
  if (m === null) return text;
  let out = "";
  let from = 0;
  for (; m !== null; m = foldable.exec(text)) {
    const i = m.index;
    if (i > 0 && (text[i - 1] === "q" || text[i - 1] === "Q")) continue;
    if (followedByLetter(text, i + 2)) continue;
    out += text.slice(from, i) + FOLDED_PAIRS.get(m[0])!;
    from = i + 2;
  }
  return from === 0 ? text : out + text.slice(from);
}

function followedByLetter(text: string, at: number): boolean {
  if (at >= text.length) return false;
  const c = text.charCodeAt(at);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return letterOrMark.test(String.fromCodePoint(text.codePointAt(at)!));
}

/**
 * `text` in NFC. A word or a line made only of code units that NFC keeps as they are whatever
 * surrounds them (below the combining marks, the precomposed Vietnamese letters U+1E00–U+1EFF,
 * general punctuation but its two singletons U+2000–U+2001) is returned without calling ICU: one
 * regex test costs a fifth of `normalize` on a word (this runs on every line, word and key of
 * every stage). A long text goes to ICU, whose own check is the faster there.
 */
export function nfc(text: string): string {
  return text.length > 256 || NFC_MAY_CHANGE.test(text) ? text.normalize("NFC") : text;
}
/**
 * A code unit outside those NFC keeps as they are whatever surrounds them: a text without one is in
 * NFC, and so is every piece of it and every text put together from such texts (normalize/unicode
 * reads it into each line's shape, and tells segment so that its text is not checked again).
 */
export const NFC_MAY_CHANGE = /[^\u0000-\u02ff\u1e00-\u1eff\u2002-\u206f]/;

/** Tone placement folded and lower-cased: the key every case-insensitive match uses. */
export function matchKey(text: string): string {
  return nfcMatchKey(nfc(text));
}

/**
 * {@link matchKey} of a text known to be in NFC, not asked again: normalize's keys of its lines,
 * where it tells `inNfc` (asked of each line, NFC's check was a tenth of what a key cost).
 */
export function nfcMatchKey(text: string): string {
  return foldTone(text).toLowerCase();
}

/** A whole document's folded text and match key (see {@link documentKeys}). */
export interface DocumentKeys {
  /** the text with tone placement folded (`hoà` → `hòa`), same length and case */
  folded: string;
  /** the match key, same length as the text (where folding would change that, the text lower-cased) */
  key: string;
  /** the key is `folded` lower-cased, so a line's key is a slice of it (not the fallback) */
  keyFromFolded: boolean;
}

/**
 * The folded text and match key of a normalized document, made once: segment slices each line's key
 * out of it and every extractor reads it from the section tree. From the folded text when the text is
 * in NFC already (asked of the text unless the caller knows it is, `knownNfc`: normalize knows it of
 * most documents, `NormalizedDocument.inNfc`): folding reads a letter's neighbours only and lower-casing a
 * final sigma's, so a slice of the whole key is the slice's own key.
 */
export function documentKeys(text: string, knownNfc = false): DocumentKeys {
  const folded = foldTone(text);
  const fromFolded = knownNfc || nfc(text) === text ? folded.toLowerCase() : "";
  const keyFromFolded = fromFolded.length === text.length;
  // elsewhere (rare) the key as any text's is made
  return { folded, key: keyFromFolded ? fromFolded : keyAtOffsets(text), keyFromFolded };
}

/**
 * The match key where it keeps the text's offsets (same length), else the text lower-cased: a key
 * a span found in it can be read back from the text with.
 */
export function keyAtOffsets(text: string): string {
  const key = matchKey(text);
  return key.length === text.length ? key : text.toLowerCase();
}
