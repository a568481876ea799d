import type { Encoding } from "../../record/schema.js";
import { decodeLegacy, type LegacyEncoding } from "./decoders.js";
import { BoundedMemo, SpanMemo } from "../../text/memo.js";
import { judgeToken } from "./syllables.js";

/** Which encoding a text is in, judged by how many of its marked words each decoding turns Vietnamese. */

/**
 * Per character class for the fast pre-check: 1 = a mark of legacy text read as Windows-1252
 * (a Latin-1 character that is not a Vietnamese letter: `µ ¸ ¶ · ¹ ¨ © ® ­ ¬ « ª Æ Ñ Ö ø ï ä …`),
 * 2 = a letter only Unicode Vietnamese has (ạ ả ấ ư ơ đ, combining tones).
 */
const VIET_LATIN1 = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý";
const CLASS = new Uint8Array(0x100);
for (let c = 0xa1; c < 0x100; c++) CLASS[c] = 1;
for (const ch of VIET_LATIN1 + "×") CLASS[ch.charCodeAt(0)] = 0;
export function charClass(code: number): number {
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

/**
 * Any mark of legacy text (class 1): whether a text holds one, asked of a whole document's lines
 * by the regex engine before any counting (a Unicode document has none). Gathered from
 * `charClass` itself, which gives class 1 below U+2220 only.
 */
export const LEGACY_MARK = new RegExp(
  `[${Array.from({ length: 0x2220 }, (_, c) => c)
    .filter((c) => charClass(c) === 1)
    .map((c) => `\\u${c.toString(16).padStart(4, "0")}`)
    .join("")}]`,
);

export interface Counts {
  marks: number;
  strong: number;
  nonAscii: number;
}
export function count(text: string): Counts {
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

export const VIQR_SIGN = /[aeiouyAEIOUY](?:[(^+]['`?~.]?|['`?~.])(?=[A-Za-z])/g;
export const LEGACY_CANDIDATES: LegacyEncoding[] = ["tcvn3", "vni", "cp1258"];
const MAX_TOKENS = 200;

export interface Scored {
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
  eachMarkedToken(text, (t, s, e) => tokens.push(t.slice(s, e)));
  return tokens;
}

/** {@link markedTokens}, each handed to `visit` by its span of `text` as it is found (no array a line, no slice a word). */
function eachMarkedToken(text: string, visit: (text: string, start: number, end: number) => void): void {
  let n = 0;
  for (let i = 0; i < text.length && n < MAX_TOKENS; i++) {
    if (charClass(text.charCodeAt(i)) !== 1) continue;
    let s = i;
    let e = i + 1;
    while (s > 0 && !isSpace(text.charCodeAt(s - 1))) s--;
    while (e < text.length && !isSpace(text.charCodeAt(e))) e++;
    visit(text, s, e);
    n++;
    i = e;
  }
}

function viqrTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const t of text.split(/\s+/)) {
    if (t && /[(^+'`?~.]|dd/i.test(t)) tokens.push(t);
    if (tokens.length >= MAX_TOKENS) break;
  }
  return tokens;
}

export function score(text: string, candidates: LegacyEncoding[]): Scored {
  if (candidates === LEGACY_CANDIDATES) return scoreMarked(markedTokens(text));
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

/**
 * {@link score} of marked words under {@link LEGACY_CANDIDATES}, from each word's judgements
 * remembered ({@link judgements}): a document's score decodes and judges up to 200 of its words
 * four times, most of them words it says again and again (a VNI text's were a third of its decoding).
 */
function scoreMarked(tokens: string[]): Scored {
  const judged = tokens.map(judgements);
  let suspicious = 0;
  for (const p of judged) if ((p & JUDGE_MASK) - 1 < 0) suspicious++;
  let best: Scored = { encoding: "unicode", gain: 0, tokens: tokens.length, leftBad: 0, changed: 0, suspicious };
  for (let k = 0; k < LEGACY_CANDIDATES.length; k++) {
    let gain = 0;
    let leftBad = 0;
    let changed = 0;
    for (const p of judged) {
      const v = (p >> (JUDGE_BITS * (k + 1))) & JUDGE_MASK;
      if (v === UNCHANGED) continue;
      changed++;
      gain += v - 1 - ((p & JUDGE_MASK) - 1);
      if (v - 1 < 0) leftBad++;
    }
    if (gain > best.gain) best = { encoding: LEGACY_CANDIDATES[k], gain, tokens: tokens.length, leftBad, changed, suspicious };
  }
  return best;
}

/**
 * A marked word's judgements, packed two bits each: its own judgeToken + 1 in the lowest bits,
 * then for each of {@link LEGACY_CANDIDATES} in its order the judgeToken + 1 of its decoding, or
 * {@link UNCHANGED} where the decoding leaves it as it is. A pure function of the word, remembered
 * (bounded memo).
 */
const JUDGE_BITS = 2;
const JUDGE_MASK = (1 << JUDGE_BITS) - 1;
const UNCHANGED = 3;
const judgementMemo = new BoundedMemo<number>(8192, 48);
function judgements(t: string): number {
  const kept = judgementMemo.get(t);
  if (kept !== undefined) return kept;
  let packed = 0;
  for (let k = LEGACY_CANDIDATES.length - 1; k >= 0; k--) {
    const d = decodeLegacy(t, LEGACY_CANDIDATES[k], { capitals: false });
    packed = (packed << JUDGE_BITS) | (d === t ? UNCHANGED : judgeToken(d) + 1);
  }
  return judgementMemo.set(t, (packed << JUDGE_BITS) | (judgeToken(t) + 1));
}

const MARK_IN_WORD = /\p{L}[\u00A1-\u00BF\u00D7\u00F7]\p{L}/u;

/**
 * For each of {@link LEGACY_CANDIDATES}, in its order, how many more of the text's marked words
 * read as Vietnamese once decoded (words that stop reading as Vietnamese count against it). The
 * answer is one array kept for every call (read it before the next): it is asked of every line
 * and every run of a legacy font, and an array a line was most of what the judge allocated.
 */
const sums = new Int32Array(LEGACY_CANDIDATES.length);
function gains(text: string): Int32Array {
  sums.fill(0);
  eachMarkedToken(text, (t, s, e) => {
    let packed = tokenGains(t, s, e);
    for (let k = 0; k < sums.length; k++) {
      sums[k] += (packed & GAIN_MASK) - GAIN_OFFSET;
      packed >>= GAIN_BITS;
    }
  });
  return sums;
}

/**
 * A word's gains under the candidates, packed in one number, the first candidate's in the lowest
 * bits: a gain is −2…2 (a judge's −1…1 against another's), 0…4 once offset, three bits. Bits, not
 * base-5 digits: read back by masks and shifts, where `%` and `/` on the memo's numbers were
 * floating-point remainders and divisions, three a word, most of what a marked word cost.
 *
 *     gains tcvn3 +2, vni −1, cp1258 0  →  (2+2) | (−1+2) << 3 | (0+2) << 6 = 140
 */
const GAIN_OFFSET = 2;
const GAIN_BITS = 3;
const GAIN_MASK = (1 << GAIN_BITS) - 1;
function packGains(t: string): number {
  let packed = 0;
  for (let k = LEGACY_CANDIDATES.length - 1; k >= 0; k--) packed = (packed << GAIN_BITS) | (tokenGain(t, LEGACY_CANDIDATES[k]) + GAIN_OFFSET);
  return packed;
}

/**
 * What decoding one word as each candidate gains: a legacy document says the same few hundred
 * syllables again and again, and `gains` runs on every line and every run of a legacy font, so
 * each word's answers are remembered together (a pure function of the word; the memo is bounded;
 * one look-up a word, not one a candidate: hashing the word was the most of it).
 */
const gainMemo = new SpanMemo<number>(8192, 48);
function tokenGains(t: string, s: number, e: number): number {
  return gainMemo.get(t, s, e) ?? gainMemo.set(t, s, e, packGains(t.slice(s, e)));
}
function tokenGain(t: string, enc: LegacyEncoding): number {
  const d = decodeLegacy(t, enc, { capitals: false });
  // a legacy mark inside a word ("xim¨ng") makes it no Vietnamese word, whatever its letters spell;
  // a word set in a capitals font (`.VnTimeH`) decodes to lower-case letters among capitals
  return d === t ? 0 : Math.max(judgeToken(d), judgeToken(d.toUpperCase())) - (MARK_IN_WORD.test(t) ? -1 : judgeToken(t));
}

/**
 * The encoding a block's own words vouch for, against the one expected of it: the expected one
 * when it reads best by a word, another only when it reads better by two words or more; null
 * when the words cannot tell (a short line, a number, a name).
 */
export function blockEncoding(text: string, expected: LegacyEncoding): LegacyEncoding | null {
  const g = gains(text);
  // the best, the earliest candidate on a tie (as a stable sort by gain ranks them), and the best of the others
  let bestAt = 0;
  for (let k = 1; k < g.length; k++) if (g[k] > g[bestAt]) bestAt = k;
  let runnerUp = -Infinity;
  for (let k = 0; k < g.length; k++) if (k !== bestAt && g[k] > runnerUp) runnerUp = g[k];
  if (runnerUp === -Infinity) runnerUp = 0;
  const best = LEGACY_CANDIDATES[bestAt], top = g[bestAt];
  if (best === expected) return top - runnerUp >= 1 && top > 0 ? expected : null;
  return top >= 2 && top - (g[LEGACY_CANDIDATES.indexOf(expected)] ?? 0) >= 2 ? best : null;
}

/** Enough tokens turned Vietnamese for the decoding to be believed. */
export const convincing = (s: Scored) => s.encoding !== "unicode" && s.gain >= 2 && s.gain >= 0.1 * s.tokens;

export function detectScored(text: string, c: Counts = count(text)): Scored | null {
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

