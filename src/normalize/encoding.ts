import iconv from "iconv-lite";
import type { Encoding, Warning } from "../record/schema.js";
import type { SourceLine, TextRun } from "../load/types.js";
import { TCVN3_LETTERS, TCVN3_CAPITALS, TCVN3_VN1_CAPITALS, TCVN3_ALIASES } from "../../grammars/encodings/tcvn3.js";
import { VNI_LETTERS } from "../../grammars/encodings/vni.js";
import { VIQR_LETTER_MARKS, VIQR_TONES, VIQR_D, VIQR_ESCAPE } from "../../grammars/encodings/viqr.js";
import { CP1252_HIGH } from "../../grammars/encodings/cp1252.js";
import { FONT_RULES } from "../../grammars/encodings/fonts.js";
import { INITIALS, NUCLEI_OPEN, NUCLEI_CLOSED, FINALS } from "../../grammars/encodings/syllable.js";

/**
 * Legacy Vietnamese encodings → Unicode, per document and, where a loader knows fonts, per run.
 *
 * Loaders hand over strings, not bytes: a TCVN3 or VNI file read as Windows-1252 (word-extractor,
 * a .txt decoded as cp1252, RTF `\'xx` escapes) arrives as the Windows-1252 (or Latin-1) characters
 * of its bytes. Every decoder here starts from that: character → byte → legacy table.
 */

export type LegacyEncoding = "tcvn3" | "vni" | "viqr" | "cp1258";
export interface LegacyOptions {
  /** the text was set in an all-capitals font (`.VnTimeH`): every letter is upper case.
   *  Undefined (TCVN3 only): guess from the words themselves (`CéNG` → `CỘNG`). */
  capitals?: boolean;
}

// ---------------------------------------------------------------- tables

const rows = (table: string): string[][] =>
  table
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split(/\s+/));

const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]; // none, sắc, huyền, hỏi, ngã, nặng
const withToneNfc = (letter: string, tone: number) => (letter + TONE_MARKS[tone]).normalize("NFC");

/** byte of a Windows-1252 character 0x80–0x9F */
const CP1252_BYTE = new Map<number, number>();
const CP1252_CHAR: string[] = [];
for (const [hex, ch] of rows(CP1252_HIGH)) {
  CP1252_BYTE.set(ch.codePointAt(0)!, parseInt(hex, 16));
  CP1252_CHAR[parseInt(hex, 16)] = ch;
}
/** the character a Windows-1252 reader hands over for a byte */
const byteChar = (b: number): string => CP1252_CHAR[b] ?? String.fromCharCode(b);
/** the byte a character read as Windows-1252 or Latin-1 stands for, or -1 */
function byteOf(code: number): number {
  if (code < 0x100) return code;
  return CP1252_BYTE.get(code) ?? -1;
}

// TCVN3
const TCVN_CORE: (string | undefined)[] = new Array(256);
const TCVN_VN1: (string | undefined)[] = new Array(256);
const TCVN_ENC = new Map<string, number>(); // Unicode letter → byte (regular font)
const TCVN_VN1_ENC = new Map<string, number>(); // toned capital → VN1 byte
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
const TCVN_ALIAS = new Map<number, number>();
for (const [ch, hex] of rows(TCVN3_ALIASES)) TCVN_ALIAS.set(ch.codePointAt(0)!, parseInt(hex, 16));

// VNI
const VNI_PAIR = new Map<string, string>(); // "aù" → "á"
const VNI_SINGLE = new Map<string, string>(); // "ñ" → "đ"
const VNI_ENC = new Map<string, string>(); // "á" → "aù"
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
const VNI_TONE_MARK = new Map<string, string>();
for (const [letter, ...spellings] of rows(VNI_LETTERS)) {
  if (letter !== "a" && letter !== "A") continue;
  spellings.forEach((sp, tone) => {
    if (tone > 0) VNI_TONE_MARK.set(sp.slice(1), TONE_MARKS[tone]);
  });
}
const TONELESS_VOWEL = new Set("aăâeêioôơuưyAĂÂEÊIOÔƠUƯY");
const VNI_BASES = new Set([...VNI_PAIR.keys()].map((k) => k[0]));
const VNI_MARKS = new Set([...VNI_PAIR.keys()].map((k) => k[1]));

// VIQR
const VIQR_MOD = new Map<string, string>(); // "a(" → "ă"
for (const [mark, letter, result] of rows(VIQR_LETTER_MARKS)) {
  VIQR_MOD.set(letter + mark, result);
  VIQR_MOD.set(letter.toUpperCase() + mark, result.toUpperCase());
}
const VIQR_TONE = new Map<string, string>(); // "'" → U+0301
for (const [mark, , hex] of rows(VIQR_TONES)) VIQR_TONE.set(mark, String.fromCharCode(parseInt(hex, 16)));
const VIQR_TONE_OF = new Map([...VIQR_TONE].map(([m, c]) => [c, m]));
const VIQR_DD = new Map(rows(VIQR_D).map(([sp, u]) => [sp, u]));
const VIQR_MOD_MARKS = new Set([...VIQR_MOD.keys()].map((k) => k[1]));
const VIQR_ALL_MARKS = new Set([...VIQR_MOD_MARKS, ...VIQR_TONE.keys()]);
const VIQR_VOWELS = new Set("aeiouyAEIOUYăâêôơưĂÂÊÔƠƯ");

// Windows-1258 via iconv-lite
const CP1258: string[] = (() => {
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  return [...iconv.decode(all, "cp1258")];
})();
const CP1258_ENC = new Map<string, number>();
CP1258.forEach((ch, b) => {
  if (ch !== "\uFFFD" && !CP1258_ENC.has(ch)) CP1258_ENC.set(ch, b);
});

// fonts
const FONT_RES = FONT_RULES.map((r) => ({ re: new RegExp(r.pattern, "i"), rule: r }));

// syllables
const TONE_CHARS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const alt = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join("|");
const SYLLABLE = new RegExp(`^(?:${alt(INITIALS)})?(?:(?:${alt(NUCLEI_OPEN)})(?:${alt(FINALS)})?|(?:${alt(NUCLEI_CLOSED)}))$`);
const VOWEL = /[aăâeêioôơuưy]/;

// ---------------------------------------------------------------- syllable judge

/** 1 = a Vietnamese syllable, 0 = no vowel (an abbreviation: QĐ, TCVN), -1 = not Vietnamese */
const CAMEL = /\p{Ll}\p{Lu}/u;
const LOOSE_TONE = /[^aeiouyAEIOUY\u0302\u0306\u031B][\u0300\u0301\u0303\u0309\u0323]/;
const FOREIGN = /[^a-zăâđêôơư]/;
function judgeRun(run: string): number {
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
function judgeToken(token: string): number {
  let best = 0;
  for (const m of token.matchAll(LETTER_RUN)) {
    const j = judgeRun(m[0]);
    if (j < 0) return -1;
    if (j > 0) best = 1;
  }
  return best;
}

// ---------------------------------------------------------------- decoders

function decodeTcvn3(text: string, capitals: boolean | undefined): string {
  let out = "";
  let from = 0; // text[from..i) is copied as it is
  let vn1: number[] | null = null;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const b = TCVN_ALIAS.get(code) ?? byteOf(code);
    if (b < 0) continue;
    const core = TCVN_CORE[b];
    if (core) {
      out += text.slice(from, i) + core;
      from = i + 1;
    } else if (TCVN_VN1[b]) {
      out += text.slice(from, i);
      (vn1 ??= []).push(out.length);
      out += TCVN_VN1[b];
      from = i + 1;
    }
  }
  out += text.slice(from);
  // VN1 capitals only inside a word that then spells a syllable ("\x97NG" → "ỘNG", but "Rịa–Vũng" keeps its dash)
  if (vn1) {
    const chars = out.split(""); // TCVN3 is one UTF-16 unit for one: indices of `out` are those of `text`
    for (const at of vn1) {
      let s = at;
      let e = at + 1;
      while (s > 0 && /[\p{L}\p{M}]/u.test(chars[s - 1])) s--;
      while (e < chars.length && /[\p{L}\p{M}]/u.test(chars[e])) e++;
      if (e - s < 2 || judgeRun(chars.slice(s, e).join("")) !== 1) chars[at] = text[at];
    }
    out = chars.join("");
  }
  if (capitals === true) return out.toUpperCase();
  if (capitals === undefined) return guessCapitals(out, text);
  return out;
}

/** lower-case Latin letters from U+00C0 (Latin-1, Latin Extended, Vietnamese) */
const LOWER = new Uint8Array(0x1f00);
for (let c = 0xc0; c < 0x1f00; c++) {
  if ((c >= 0x250 && c < 0x1e00) || c === 0xdf) continue;
  const ch = String.fromCharCode(c);
  if (ch !== ch.toUpperCase()) LOWER[c] = 1;
}
const isLower = (c: number) => c < 0x1f00 && LOWER[c] === 1;

/** a letter for the capitals guess: ASCII letters and the Latin letters from U+00C0 on */
const isWordChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);

/**
 * Words set in a `.VnTimeH` font without the font name: the ASCII letters were typed as capitals
 * and the Vietnamese ones came out with lower-case codes (`CéNG` → `CỘNG`, `ñY BAN` → `ỦY BAN`).
 * A word with a capital after its first letter and no lower-case ASCII letter goes to upper case;
 * on a line where most Vietnamese words are capitals, so does a word with only its first letter
 * a capital (`X·` → `XÃ`).
 */
function guessCapitals(decoded: string, original: string): string {
  if (decoded.length !== original.length) return decoded;
  interface W { s: number; e: number; caps: boolean; maybe: boolean }
  let out = "";
  let from = 0;
  let lineWords: W[] = [];
  let counted = 0;
  let capsCount = 0;
  const flushLine = () => {
    const capsLine = counted > 0 && capsCount * 2 > counted;
    for (const w of lineWords) {
      if (w.caps || (capsLine && w.maybe)) {
        out += decoded.slice(from, w.s) + decoded.slice(w.s, w.e).toUpperCase();
        from = w.e;
      }
    }
    lineWords = [];
    counted = 0;
    capsCount = 0;
  };
  const n = decoded.length;
  for (let i = 0; i < n; ) {
    const c = decoded.charCodeAt(i);
    if (c === 10) {
      flushLine();
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const s = i;
    let lowerAscii = false;
    let innerCap = false;
    let lowerViet = false;
    let nonAscii = false;
    let allUpper = true;
    for (; i < n && isWordChar(decoded.charCodeAt(i)); i++) {
      const o = original.charCodeAt(i);
      if (o >= 0x61 && o <= 0x7a) lowerAscii = true;
      else if (o >= 0x41 && o <= 0x5a) {
        if (i > s) innerCap = true;
      }
      const d = decoded.charCodeAt(i);
      if (d >= 0x80) {
        nonAscii = true;
        if (isLower(d)) {
          allUpper = false;
          if (o >= 0x80) lowerViet = true;
        }
      } else if (d >= 0x61 && d <= 0x7a) allUpper = false;
    }
    if (lowerAscii && !lowerViet) continue;
    const firstCap = original.charCodeAt(s) >= 0x41 && original.charCodeAt(s) <= 0x5a;
    const caps = !lowerAscii && innerCap && lowerViet;
    if (nonAscii) {
      counted++;
      if (caps || allUpper) capsCount++;
    }
    if (caps || (!lowerAscii && firstCap && lowerViet)) lineWords.push({ s, e: i, caps, maybe: !caps });
  }
  flushLine();
  return out + decoded.slice(from);
}

function decodeVni(text: string, capitals: boolean | undefined): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (text.charCodeAt(i) < 0x80 && !VNI_BASES.has(ch)) {
      out += ch;
      continue;
    }
    if (VNI_BASES.has(ch) && i + 1 < text.length && VNI_MARKS.has(text[i + 1])) {
      const u = VNI_PAIR.get(ch + text[i + 1]);
      if (u) {
        out += u;
        i++;
        continue;
      }
    }
    // a tone typed apart from its letter: "vieâïc" (ê, then the dot) → "việc"; "sô ûbaèng" → "sở bằng"
    const tone = VNI_TONE_MARK.get(ch);
    if (tone) {
      const last = out[out.length - 1];
      if (last !== undefined && TONELESS_VOWEL.has(last) && i > 0 && text[i - 1] !== " ") {
        out = out.slice(0, -1) + (last + tone).normalize("NFC");
        continue;
      }
      const prev = out[out.length - 2];
      if (last === " " && prev !== undefined && TONELESS_VOWEL.has(prev) && i > 1 && text[i - 2] !== " ") {
        out = out.slice(0, -2) + (prev + tone).normalize("NFC") + " ";
        continue;
      }
    }
    out += VNI_SINGLE.get(ch) ?? ch;
  }
  return capitals ? out.toUpperCase() : out;
}

function decodeViqr(text: string, capitals: boolean | undefined): string {
  let out = "";
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch === VIQR_ESCAPE && i + 1 < n && (VIQR_ALL_MARKS.has(text[i + 1]) || text[i + 1] === "d" || text[i + 1] === "D")) {
      out += text[++i];
      continue;
    }
    if ((ch === "d" || ch === "D") && i + 1 < n) {
      const u = VIQR_DD.get(ch + text[i + 1]);
      if (u) {
        out += u;
        i++;
        continue;
      }
    }
    if (!VIQR_VOWELS.has(ch)) {
      out += ch;
      continue;
    }
    let letter = ch;
    const mod = i + 1 < n ? VIQR_MOD.get(ch + text[i + 1]) : undefined;
    if (mod) {
      letter = mod;
      i++;
    }
    const t = text[i + 1];
    const tone = t !== undefined ? VIQR_TONE.get(t) : undefined;
    if (tone && toneTaken(text, i + 1)) {
      letter = (letter + tone).normalize("NFC");
      i++;
    }
    out += letter;
  }
  return capitals ? out.toUpperCase() : out;
}

/**
 * `.` and `?` after a vowel are a tone inside a word, before `,;:)` or before more of the sentence;
 * at the end of a line, or before a capital that starts a new sentence, they are punctuation
 * (RFC 1456 writes a literal one as `\.`). In a word in capitals the next capital is no sentence start.
 */
function toneTaken(text: string, at: number): boolean {
  const mark = text[at];
  if (mark !== "." && mark !== "?") return true;
  const next = text[at + 1];
  if (next === undefined || next === "\n" || next === "\r") return false;
  if (/[\p{L},;:)]/u.test(next)) return true;
  if (next !== " " && next !== "\t") return false;
  const m = /^[ \t]+(\S)/.exec(text.slice(at + 1, at + 12));
  if (!m) return false;
  if (/\p{Ll}/u.test(m[1])) return true;
  // the word so far in capitals: "BO^. KE^' HOA.CH"
  const word = /[A-Za-z(^+'`?~.]*$/.exec(text.slice(Math.max(0, at - 12), at))?.[0].replace(/[^A-Za-z]/g, "") ?? "";
  return word.length >= 2 && word === word.toUpperCase() && /\p{Lu}/u.test(m[1]);
}

function decodeCp1258(text: string, capitals: boolean | undefined): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const b = byteOf(code);
    const u = b >= 0 ? CP1258[b] : undefined;
    if (u && u !== "\uFFFD" && u !== text[i]) {
      out += text.slice(from, i) + u;
      from = i + 1;
    }
  }
  out = (out + text.slice(from)).normalize("NFC");
  return capitals ? out.toUpperCase() : out;
}

/** Convert text in a legacy encoding (as a Windows-1252 reader hands it over) to Unicode (NFC). */
export function decodeLegacy(text: string, encoding: Encoding, opts: LegacyOptions = {}): string {
  switch (encoding) {
    case "unicode":
      return text;
    case "tcvn3":
      return decodeTcvn3(text, opts.capitals);
    case "vni":
      return decodeVni(text, opts.capitals);
    case "viqr":
      return decodeViqr(text, opts.capitals);
    case "cp1258":
      return decodeCp1258(text, opts.capitals);
    case "mixed":
      return text
        .split("\n")
        .map((line) => decodeLegacy(line, detectEncoding(line), opts))
        .join("\n");
  }
}

// ---------------------------------------------------------------- encoders

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

// ---------------------------------------------------------------- fonts

const fontCache = new Map<string, { encoding: Encoding; capitals: boolean } | null>();
/** The legacy encoding a font name implies (`.VnTimeH` → TCVN3 capitals), or null for other fonts. */
export function encodingOfFont(fontName: string): { encoding: Encoding; capitals: boolean } | null {
  let hit = fontCache.get(fontName);
  if (hit !== undefined) return hit;
  const name = fontName.trim().replace(/^[A-Z]{6}\+/, "");
  hit = null;
  for (const { re, rule } of FONT_RES) {
    if (re.test(name)) {
      hit = rule.encoding === "unicode" ? null : { encoding: rule.encoding, capitals: rule.capitals };
      break;
    }
  }
  fontCache.set(fontName, hit);
  return hit;
}

// ---------------------------------------------------------------- detection

/**
 * Per character class for the fast pre-check: 1 = a mark of legacy text read as Windows-1252
 * (a Latin-1 character that is not a Vietnamese letter: `µ ¸ ¶ · ¹ ¨ © ® ­ ¬ « ª Æ Ñ Ö ø ï ä …`),
 * 2 = a letter only Unicode Vietnamese has (ạ ả ấ ư ơ đ, combining tones).
 */
const VIET_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
const CLASS = new Uint8Array(0x100);
for (let c = 0xa1; c < 0x100; c++) CLASS[c] = 1;
for (const ch of VIET_LATIN1 + "×") CLASS[ch.charCodeAt(0)] = 0;
function charClass(code: number): number {
  if (code < 0x80) return 0;
  if (code < 0x100) return CLASS[code];
  if (code >= 0x1ea0 && code <= 0x1ef9) return 2;
  if (code >= 0x0300 && code <= 0x0323) return 2;
  switch (code) {
    case 0x0102: case 0x0103: case 0x0110: case 0x0111: case 0x0128: case 0x0129:
    case 0x0168: case 0x0169: case 0x01a0: case 0x01a1: case 0x01af: case 0x01b0:
      return 2;
    case 0x2212: case 0x2219:
      return 1;
  }
  return 0;
}

interface Counts {
  marks: number;
  strong: number;
  nonAscii: number;
}
function count(text: string): Counts {
  let marks = 0;
  let strong = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    const k = charClass(c);
    if (k === 1) marks++;
    else if (k === 2) strong++;
  }
  return { marks, strong, nonAscii };
}

const VIQR_SIGN = /[aeiouyAEIOUY](?:[(^+]['`?~.]?|['`?~.])(?=[A-Za-z])/g;
const LEGACY_CANDIDATES: LegacyEncoding[] = ["tcvn3", "vni", "cp1258"];
const MAX_TOKENS = 200;

interface Scored {
  encoding: Encoding;
  /** tokens that turned Vietnamese, less those that stopped being so */
  gain: number;
  /** tokens looked at */
  tokens: number;
  /** tokens still not Vietnamese after the best decoding, among those it changed */
  leftBad: number;
  changed: number;
  /** tokens with a legacy mark that do not read as Vietnamese as they stand */
  suspicious: number;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c;

/**
 * The words that carry a mark of legacy text read as Windows-1252 (Unicode words without one
 * stay as they are under most decodings, and a Unicode document with a stray "§" costs little).
 */
function markedTokens(text: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length && tokens.length < MAX_TOKENS; i++) {
    if (charClass(text.charCodeAt(i)) !== 1) continue;
    let s = i;
    let e = i + 1;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    tokens.push(text.slice(s, e));
    i = e;
  }
  return tokens;
}

function viqrTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const t of text.split(/\s+/)) {
    if (t && /[(^+'`?~.]|dd/i.test(t)) tokens.push(t);
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

function score(text: string, candidates: LegacyEncoding[]): Scored {
  const viqr = candidates.includes("viqr");
  const tokens = viqr ? viqrTokens(text) : markedTokens(text);
  const base = tokens.map(judgeToken);
  const suspicious = viqr ? 0 : base.filter((j) => j < 0).length;
  let best: Scored = { encoding: "unicode", gain: 0, tokens: tokens.length, leftBad: 0, changed: 0, suspicious };
  for (const enc of candidates) {
    let gain = 0;
    let leftBad = 0;
    let changed = 0;
    tokens.forEach((t, k) => {
      const d = decodeLegacy(t, enc, { capitals: false });
      if (d === t) return;
      changed++;
      const j = judgeToken(d);
      gain += j - base[k];
      if (j < 0) leftBad++;
    });
    if (gain > best.gain) best = { encoding: enc, gain, tokens: tokens.length, leftBad, changed, suspicious };
  }
  return best;
}

/** Enough tokens turned Vietnamese for the decoding to be believed. */
const convincing = (s: Scored) => s.encoding !== "unicode" && s.gain >= 2 && s.gain >= 0.1 * s.tokens;

function detectScored(text: string, c: Counts = count(text)): Scored | null {
  if (c.nonAscii === 0) {
    // ASCII only: Unicode (English, numbers) unless it reads as VIQR
    const hits = text.match(VIQR_SIGN)?.length ?? 0;
    if (hits < 3) return null;
    return score(text, ["viqr"]);
  }
  if (c.marks === 0) return null;
  return score(text, LEGACY_CANDIDATES);
}

/**
 * The encoding a document's text is in: `unicode` unless a legacy decoding turns clearly more of
 * its words into Vietnamese syllables than the text as it stands. Unicode text costs one pass
 * over its characters.
 */
export function detectEncoding(text: string): Encoding {
  const s = detectScored(text);
  return s && convincing(s) ? s.encoding : "unicode";
}

// ---------------------------------------------------------------- lines

interface Piece {
  text: string;
  font: ReturnType<typeof encodingOfFont>;
}

/**
 * Decode the loader's lines: runs set in a legacy font by their font, the rest by the encoding
 * detected for the document (and, where the document mixes Unicode and legacy lines, per line).
 * Unicode documents come back untouched (the same array).
 */
export function decodeLegacyLines(lines: SourceLine[]): { lines: SourceLine[]; encoding: Encoding; warnings: Warning[] } {
  const warnings: Warning[] = [];
  // 0. the fast way out, allocating nothing: no legacy font, no legacy mark, some non-ASCII text
  {
    let marks = 0;
    let nonAscii = 0;
    let strong = 0;
    let lineMarksMax = 0;
    let font = false;
    for (const l of lines) {
      if (l.runs) for (const r of l.runs) if (r.font && encodingOfFont(r.font)) font = true;
      const t = l.text;
      let lineMarks = 0;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c < 0x80) continue;
        nonAscii++;
        const k = charClass(c);
        if (k === 1) lineMarks++;
        else if (k === 2) strong++;
      }
      marks += lineMarks;
      if (lineMarks > lineMarksMax) lineMarksMax = lineMarks;
    }
    // a Unicode document with a stray "§" or soft hyphen here and there
    if (!font && marks > 0 && lineMarksMax < 3 && marks * 50 < strong) return { lines, encoding: "unicode", warnings };
    if (!font && marks === 0) {
      if (nonAscii > 0) return { lines, encoding: "unicode", warnings };
      let hits = 0;
      for (const l of lines) if ((hits += l.text.match(VIQR_SIGN)?.length ?? 0) >= 3) break;
      if (hits < 3) return { lines, encoding: "unicode", warnings };
    }
  }
  // 1. which text has no legacy font to go by
  let anyFont = false;
  const pieces: Piece[][] = lines.map((l) => {
    if (!l.runs?.length) return [{ text: l.text, font: null }];
    return l.runs.map((r) => {
      const font = r.font ? encodingOfFont(r.font) : null;
      if (font) anyFont = true;
      return { text: r.text, font };
    });
  });
  const lineCounts: Counts[] = [];
  let total: Counts = { marks: 0, strong: 0, nonAscii: 0 };
  let freeText = "";
  pieces.forEach((ps) => {
    const free = ps.filter((p) => !p.font).map((p) => p.text).join("");
    const c = count(free);
    lineCounts.push(c);
    total = { marks: total.marks + c.marks, strong: total.strong + c.strong, nonAscii: total.nonAscii + c.nonAscii };
    freeText += free + "\n";
  });
  // 2. the fast way out: nothing legacy anywhere
  let docEnc: Encoding = "unicode";
  let docScore: Scored | null = null;
  if (total.marks > 0 || total.nonAscii === 0) {
    docScore = detectScored(freeText, total);
    if (docScore && convincing(docScore)) docEnc = docScore.encoding;
  }
  if (!anyFont && docEnc === "unicode" && total.marks === 0) return { lines, encoding: "unicode", warnings };

  // 3. per line: a line with Unicode-only letters and no legacy marks stays; a Unicode document
  //    with a line full of legacy marks gets that line decoded
  const used = new Set<Encoding>();
  let uncertain = 0;
  const lineEnc = lineCounts.map((c, k): Encoding => {
    if (docEnc !== "unicode") {
      if (c.strong > 0 && c.marks === 0) return "unicode";
      return docEnc;
    }
    if (c.marks >= 2) {
      const text = pieces[k].filter((p) => !p.font).map((p) => p.text).join("");
      const s = score(text, LEGACY_CANDIDATES);
      if (s.encoding !== "unicode" && s.gain >= 2 && s.gain * 2 >= s.tokens) return s.encoding;
      if (c.marks >= 3 && c.strong === 0) uncertain++;
    }
    return "unicode";
  });

  let changedAny = false;
  const out = lines.map((line, k) => {
    const ps = pieces[k];
    const enc = lineEnc[k];
    if (!ps.some((p) => p.font) && enc === "unicode") return line;
    const decoded = ps.map((p) => {
      if (p.font) {
        // a legacy font name over text that is plainly Unicode (a document re-typed in Unicode): keep it
        if (count(p.text).strong > 0) return p.text;
        const d = decodeLegacy(p.text, p.font.encoding, { capitals: p.font.capitals || undefined });
        if (d !== p.text) used.add(p.font.encoding);
        return d;
      }
      if (enc === "unicode") return p.text;
      const d = decodeLegacy(p.text, enc);
      if (d !== p.text) used.add(enc);
      return d;
    });
    const text = decoded.join("");
    if (text === line.text) return line;
    changedAny = true;
    const copy: SourceLine = { ...line, text };
    if (line.runs?.length) copy.runs = line.runs.map((r, i): TextRun => ({ ...r, text: decoded[i] }));
    return copy;
  });

  // 4. what was found
  const legacy = [...used];
  const encoding: Encoding = legacy.length === 0 ? "unicode" : legacy.length === 1 ? legacy[0] : "mixed";
  if (docScore && docEnc === "unicode" && legacy.length === 0 && docScore.suspicious >= 5 && docScore.suspicious >= 0.3 * docScore.tokens) {
    warnings.push({
      code: "encoding-uncertain",
      message: `text has ${total.marks} characters typical of a legacy Vietnamese encoding read as Windows-1252, but no encoding (TCVN3, VNI, VIQR, Windows-1258) decodes it convincingly; left as it is`,
    });
  } else if (uncertain > 0) {
    warnings.push({
      code: "encoding-uncertain",
      message: `${uncertain} line(s) look like a legacy Vietnamese encoding but could not be decoded confidently; left as they are`,
    });
  }
  if (docScore && docEnc !== "unicode" && docScore.changed > 0 && docScore.leftBad > 0.25 * docScore.changed) {
    warnings.push({
      code: "encoding-partial",
      message: `decoded as ${docEnc}, but ${docScore.leftBad} of ${docScore.changed} changed words still do not read as Vietnamese`,
    });
  }
  return { lines: changedAny ? out : lines, encoding, warnings };
}
