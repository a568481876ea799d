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
const pairToned = new RegExp(`(?<![qQ])([oOuUòóõỏọÒÓÕỎỌùúũủụÙÚŨỦỤ])([aAeEyYàáãảạÀÁÃẢẠèéẽẻẹÈÉẼẺẸỳýỹỷỵỲÝỸỶỴ])(?![\\p{L}\\p{M}])`, "gu");

export function foldTone(text: string): string {
  if (!/[oOuU]/.test(text)) return text;
  return text.replace(pairToned, (m, first: string, second: string) => {
    const [b1, t1] = stripTone(first);
    const [b2, t2] = stripTone(second);
    if (!t2 || t1) return m;
    if ((b1 === "u" || b1 === "U") && !(b2 === "y" || b2 === "Y")) return m;
    if ((b1 === "o" || b1 === "O") && (b2 === "y" || b2 === "Y")) return m;
    return withTone(b1, t2) + b2;
  });
}

/** Tone placement folded and lower-cased: the key every case-insensitive match uses. */
export function matchKey(text: string): string {
  return foldTone(text.normalize("NFC")).toLowerCase();
}
