import type { Encoding } from "../../record/schema.js";
import type { LegacyOptions } from "./decoders.js";
import { byteChar, CP1258_ENC, TCVN_ENC, TCVN_VN1_ENC, TONE_CHARS, VIQR_ALL_MARKS, VIQR_TONE_OF, VIQR_VOWELS, VNI_ENC } from "./tables.js";
import { VIQR_ESCAPE } from "../../../grammars/encodings/viqr.js";

/**
 * Unicode → legacy encoding, as a Windows-1252 reader would hand the bytes over (the inverse of
 * `decodeLegacy`; for round-trip tests and fixtures). TCVN3 with `capitals: true` writes what a
 * `.VnTimeH` font holds: the lower-case code for a toned capital (`Ộ` → `é`), the capital code for
 * Ă Â Đ Ê Ô Ơ Ư. Without it, toned capitals take the VN1 codes. Letters an encoding cannot hold are
 * left as they are.
 */
export function encodeLegacy(unicode: string, encoding: Encoding, opts: LegacyOptions = {}): string {
  const text = unicode.normalize("NFC");
  switch (encoding) {
    case "unicode":
    case "mixed":
      return text;
    case "tcvn3": {
      let out = "";
      for (const ch of text) {
        if (ch.charCodeAt(0) < 0x80) out += ch;
        else {
          const b = TCVN_ENC.get(ch) ?? (opts.capitals ? TCVN_ENC.get(ch.toLowerCase()) : TCVN_VN1_ENC.get(ch));
          out += b !== undefined ? byteChar(b) : ch;
        }
      }
      return out;
    }
    case "vni": {
      let out = "";
      for (const ch of text) out += VNI_ENC.get(ch) ?? ch;
      return out;
    }
    case "viqr":
      return encodeViqr(text);
    case "cp1258": {
      let out = "";
      for (const ch of text) {
        const b = CP1258_ENC.get(ch);
        if (b !== undefined) {
          out += byteChar(b);
          continue;
        }
        // a base letter cp1258 holds, then its tone as a combining byte
        const d = ch.normalize("NFD");
        const base = d.replace(TONE_CHARS, "").normalize("NFC");
        const tone = d.match(TONE_CHARS)?.[0];
        const bb = CP1258_ENC.get(base);
        const tb = tone ? CP1258_ENC.get(tone) : undefined;
        out += bb !== undefined && tb !== undefined ? byteChar(bb) + byteChar(tb) : ch;
      }
      return out;
    }
  }
}

const VIQR_MOD_OF: Record<string, string> = { "\u0306": "(", "\u0302": "^", "\u031B": "+" };
function encodeViqr(text: string): string {
  let out = "";
  let openVowel = false; // the last letter written is a vowel that a following mark would attach to
  for (const ch of text) {
    if (ch === "đ" || ch === "Đ") {
      out += ch === "đ" ? "dd" : "DD";
      openVowel = false;
      continue;
    }
    const d = ch.normalize("NFD");
    const base = d[0];
    if (!VIQR_VOWELS.has(base)) {
      if (VIQR_ALL_MARKS.has(ch) && openVowel) out += VIQR_ESCAPE;
      out += ch;
      openVowel = false;
      continue;
    }
    let s = base;
    let tone = "";
    for (const c of d.slice(1)) {
      if (VIQR_MOD_OF[c]) s += VIQR_MOD_OF[c];
      else if (VIQR_TONE_OF.has(c)) tone = VIQR_TONE_OF.get(c)!;
      else s += c;
    }
    out += s + tone;
    openVowel = tone === "";
  }
  return out;
}

