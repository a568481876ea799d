import { TCVN3_LETTERS, TCVN3_CAPITALS, TCVN3_VN1_CAPITALS, TCVN3_ALIASES } from "../../../grammars/encodings/tcvn3.js";
import { VNI_LETTERS } from "../../../grammars/encodings/vni.js";
import { VIQR_LETTER_MARKS, VIQR_TONES, VIQR_D } from "../../../grammars/encodings/viqr.js";
import { CP1252_HIGH } from "../../../grammars/encodings/cp1252.js";

/**
 * The legacy encodings' tables, built once from the reviewed tables in grammars/encodings.
 * Loaders hand over strings, not bytes: a TCVN3 or VNI file read as Windows-1252 arrives as the
 * Windows-1252 (or Latin-1) characters of its bytes; `byteOf` takes such a character back to its byte.
 */


export const rows = (table: string): string[][] =>
  table
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(/\s+/));

export const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // none, sắc, huyền, hỏi, ngã, nặng
export const withToneNfc = (letter: string, tone: number) => (letter + TONE_MARKS[tone]).normalize("NFC");

/** byte of a Windows-1252 character 0x80–0x9F */
const CP1252_BYTE = new Map<number, number>();
const CP1252_CHAR: string[] = [];
for (const [hex, ch] of rows(CP1252_HIGH)) {
  CP1252_BYTE.set(ch.codePointAt(0)!, parseInt(hex, 16));
  CP1252_CHAR[parseInt(hex, 16)] = ch;
}
/** the character a Windows-1252 reader hands over for a byte */
export const byteChar = (b: number): string => CP1252_CHAR[b] ?? String.fromCharCode(b);
/** the byte a character read as Windows-1252 or Latin-1 stands for, or -1 */
export function byteOf(code: number): number {
  if (code < 0x100) return code;
  return CP1252_BYTE.get(code) ?? -1;
}

// TCVN3
export const TCVN_CORE: (string | undefined)[] = new Array(256);
export const TCVN_VN1: (string | undefined)[] = new Array(256);
export const TCVN_ENC = new Map<string, number>(); // Unicode letter → byte (regular font)
export const TCVN_VN1_ENC = new Map<string, number>(); // toned capital → VN1 byte
for (const [letter, ...bytes] of rows(TCVN3_LETTERS)) {
  bytes.forEach((hex, tone) => {
    const b = parseInt(hex, 16);
    const u = withToneNfc(letter, tone);
    if (b >= 0x80) TCVN_CORE[b] = u;
    TCVN_ENC.set(u, b);
  });
}
for (const [letter, hex] of rows(TCVN3_CAPITALS)) {
  TCVN_CORE[parseInt(hex, 16)] = letter;
  TCVN_ENC.set(letter, parseInt(hex, 16));
}
for (const [letter, hex] of rows(TCVN3_VN1_CAPITALS)) {
  TCVN_VN1[parseInt(hex, 16)] = letter;
  TCVN_VN1_ENC.set(letter, parseInt(hex, 16));
}
export const TCVN_ALIAS = new Map<number, number>();
for (const [ch, hex] of rows(TCVN3_ALIASES)) TCVN_ALIAS.set(ch.codePointAt(0)!, parseInt(hex, 16));

// VNI
export const VNI_PAIR = new Map<string, string>(); // "aù" → "á"
export const VNI_SINGLE = new Map<string, string>(); // "ñ" → "đ"
export const VNI_ENC = new Map<string, string>(); // "á" → "aù"
{
  const vniRows = rows(VNI_LETTERS);
  for (const [letter, ...spellings] of vniRows) {
    spellings.forEach((sp, tone) => {
      const u = withToneNfc(letter, tone);
      VNI_ENC.set(u, sp);
      if (sp === u) return;
      if (sp.length === 2) VNI_PAIR.set(sp, u);
      else VNI_SINGLE.set(sp, u);
    });
  }
  // lenient: a base and a mark of the other case ("Aù", "oÄ") — the base decides the case
  for (const [sp, u] of [...VNI_PAIR]) {
    const [base, mark] = [...sp];
    const flipped = mark === mark.toLowerCase() ? mark.toUpperCase() : mark.toLowerCase();
    const key = base + flipped;
    if (!VNI_PAIR.has(key) && flipped.length === 1) VNI_PAIR.set(key, u);
  }
}
/** the tone a mark byte adds on its own ("ù" sắc …), from the rows of a and A */
export const VNI_TONE_MARK = new Map<string, string>();
for (const [letter, ...spellings] of rows(VNI_LETTERS)) {
  if (letter !== "a" && letter !== "A") continue;
  spellings.forEach((sp, tone) => {
    if (tone > 0) VNI_TONE_MARK.set(sp.slice(1), TONE_MARKS[tone]);
  });
}
export const TONELESS_VOWEL = new Set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY");
export const VNI_BASES = new Set([...VNI_PAIR.keys()].map((k) => k[0]));
export const VNI_MARKS = new Set([...VNI_PAIR.keys()].map((k) => k[1]));

// VIQR
export const VIQR_MOD = new Map<string, string>(); // "a(" → "ă"
for (const [mark, letter, result] of rows(VIQR_LETTER_MARKS)) {
  VIQR_MOD.set(letter + mark, result);
  VIQR_MOD.set(letter.toUpperCase() + mark, result.toUpperCase());
}
export const VIQR_TONE = new Map<string, string>(); // "'" → U+0301
for (const [mark, , hex] of rows(VIQR_TONES)) VIQR_TONE.set(mark, String.fromCharCode(parseInt(hex, 16)));
export const VIQR_TONE_OF = new Map([...VIQR_TONE].map(([m, c]) => [c, m]));
export const VIQR_DD = new Map(rows(VIQR_D).map(([sp, u]) => [sp, u]));
export const VIQR_MOD_MARKS = new Set([...VIQR_MOD.keys()].map((k) => k[1]));
export const VIQR_ALL_MARKS = new Set([...VIQR_MOD_MARKS, ...VIQR_TONE.keys()]);
export const VIQR_VOWELS = new Set("aeiouyAEIOUYăâêôơưĂÂÊÔƠƯ");

// Windows-1258 by the platform's TextDecoder (WHATWG); its unassigned bytes decode as C1 controls,
// which are U+FFFD here (as iconv-lite has them)
export const CP1258: string[] = (() => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  return [...new TextDecoder("windows-1258").decode(all)].map((ch) => (/[\x80-\x9f]/.test(ch) ? "\uFFFD" : ch));
})();
export const CP1258_ENC = new Map<string, number>();
CP1258.forEach((ch, b) => {
  if (ch !== "\uFFFD" && !CP1258_ENC.has(ch)) CP1258_ENC.set(ch, b);
});

// tone marks in decomposed text
export const TONE_CHARS = /[\u0300\u0301\u0303\u0309\u0323]/g;
