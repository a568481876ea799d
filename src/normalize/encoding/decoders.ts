import type { Encoding } from "../../record/schema.js";
import { detectEncoding } from "./detection.js";
import { judgeRun } from "./syllables.js";
import {
  byteOf, CP1258, TCVN_ALIAS, TCVN_CORE, TCVN_VN1, TONELESS_VOWEL, VIQR_ALL_MARKS, VIQR_DD, VIQR_MOD, VIQR_TONE, VIQR_VOWELS,
  VNI_BASES, VNI_MARKS, VNI_PAIR, VNI_SINGLE, VNI_TONE_MARK,
} from "./tables.js";
import { VIQR_ESCAPE } from "../../../grammars/encodings/viqr.js";
import { unitsToString } from "../../text/units.js";

/**
 * Legacy Vietnamese encodings → Unicode: one decoder an encoding, each starting from the
 * Windows-1252 characters a loader hands over (character → byte → legacy table).
 */

export type LegacyEncoding = "tcvn3" | "vni" | "viqr" | "cp1258";
export interface LegacyOptions {
  /** the text was set in an all-capitals font (`.VnTimeH`): every letter is upper case.
   *  Undefined (TCVN3 only): guess from the words themselves (`CéNG` → `CỘNG`). */
  capitals?: boolean;
}

/**
 * The TCVN3 byte of each code unit from U+0080 to U+21FF (its alias's, else its Windows-1252
 * byte; -1 for none), read once a character instead of two map look-ups; Windows-1252 has no
 * character beyond, the aliases are asked there.
 */
const TCVN_BYTES = new Int16Array(0x2200);
for (let c = 0x80; c < TCVN_BYTES.length; c++) TCVN_BYTES[c] = TCVN_ALIAS.get(c) ?? byteOf(c);
const tcvnByte = (code: number) => (code < TCVN_BYTES.length ? TCVN_BYTES[code] : (TCVN_ALIAS.get(code) ?? byteOf(code)));

/**
 * What each code unit below U+2200 decodes to as a TCVN3 letter (0: none), and as a VN1 capital
 * (decoded only inside a syllable, below): TCVN3 gives one code unit for one, so a run is decoded
 * into one buffer of code units — joining a slice and a letter for every Vietnamese letter was
 * most of the decoding (a TCVN3 line has a dozen).
 */
const TCVN_UNIT = new Uint16Array(TCVN_BYTES.length);
const TCVN_VN1_UNIT = new Uint16Array(TCVN_BYTES.length);
for (let c = 0x80; c < TCVN_BYTES.length; c++) {
  const b = TCVN_BYTES[c];
  if (b < 0) continue;
  if (TCVN_CORE[b]) TCVN_UNIT[c] = TCVN_CORE[b]!.charCodeAt(0);
  else if (TCVN_VN1[b]) TCVN_VN1_UNIT[c] = TCVN_VN1[b]!.charCodeAt(0);
}
/**
 * A buffer of code units reused from run to run, grown up to {@link KEPT_UNITS}; a longer run gets
 * a buffer of its own, so that a worker does not keep a hostile file's run from file to file.
 */
let units = new Uint16Array(256);
const KEPT_UNITS = 1 << 16;

function decodeTcvn3(text: string, capitals: boolean | undefined): string {
  const n = text.length;
  let buf = units;
  if (buf.length < n) {
    buf = new Uint16Array(Math.max(n, 2 * buf.length));
    if (buf.length <= KEPT_UNITS) units = buf;
  }
  let changed = false;
  let vn1: number[] | null = null;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    buf[i] = code;
    if (code < 0x80) continue;
    let core: number, capital: number;
    if (code < TCVN_BYTES.length) {
      core = TCVN_UNIT[code];
      capital = core ? 0 : TCVN_VN1_UNIT[code];
    } else {
      // beyond the tables: an alias's byte, if any
      const b = tcvnByte(code);
      core = b >= 0 && TCVN_CORE[b] ? TCVN_CORE[b]!.charCodeAt(0) : 0;
      capital = core || b < 0 || !TCVN_VN1[b] ? 0 : TCVN_VN1[b]!.charCodeAt(0);
    }
    if (core) {
      buf[i] = core;
      changed = true;
    } else if (capital) {
      buf[i] = capital;
      changed = true;
      (vn1 ??= []).push(i);
    }
  }
  let out = changed ? unitsToString(buf, n) : text;
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

const ASCII_CAPITAL = /[A-Z]/;

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
  // a word changes only where it was typed with an ASCII capital (first or inside): most lines of
  // running text have none, and are told so by the regex engine's scan instead of this one
  if (decoded.length !== original.length || !ASCII_CAPITAL.test(original)) return decoded;
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

