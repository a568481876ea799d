import { INITIALS, NUCLEI_OPEN, NUCLEI_CLOSED, FINALS } from "../../../grammars/encodings/syllable.js";
import { TONE_CHARS } from "./tables.js";
import { alt } from "../../text/pattern.js";

/** Whether a run of letters spells a Vietnamese syllable: how every decoding is judged. */

const SYLLABLE = new RegExp(`^${alt(INITIALS)}?(?:${alt(NUCLEI_OPEN)}${alt(FINALS)}?|${alt(NUCLEI_CLOSED)})$`);
const VOWEL = /[aăâeêioôơuưy]/;


/** 1 = a Vietnamese syllable, 0 = no vowel (an abbreviation: QĐ, TCVN), -1 = not Vietnamese */
const CAMEL = /\p{Ll}\p{Lu}/u;
const LOOSE_TONE = /[^aeiouyAEIOUY\u0302\u0306\u031B][\u0300\u0301\u0303\u0309\u0323]/;
const FOREIGN = /[^a-zăâđêôơư]/;
export function judgeRun(run: string): number {
  if (CAMEL.test(run)) return -1; // "chÝnh", "phủThủ"
  const d = run.toLowerCase().normalize("NFD");
  if (LOOSE_TONE.test(d)) return -1; // a tone over a consonant: "ñ"
  const tones = d.match(TONE_CHARS)?.length ?? 0;
  const base = d.replace(TONE_CHARS, "").normalize("NFC");
  if (FOREIGN.test(base)) return -1;
  if (!VOWEL.test(base)) return 0;
  if (tones > 1) return -1;
  return SYLLABLE.test(base) ? 1 : -1;
}

/** Is this run of letters a Vietnamese syllable? */
export function isVietnameseSyllable(run: string): boolean {
  return judgeRun(run) === 1;
}

const LETTER_RUN = /[\p{L}\p{M}\u00AD]+/gu; // a soft hyphen is TCVN3 ư: keep it inside the word
/** 1 if every run of letters in the token is Vietnamese and one has a vowel, -1 if one is not, else 0 */
export function judgeToken(token: string): number {
  let best = 0;
  for (const m of token.matchAll(LETTER_RUN)) {
    const j = judgeRun(m[0]);
    if (j < 0) return -1;
    if (j > 0) best = 1;
  }
  return best;
}

