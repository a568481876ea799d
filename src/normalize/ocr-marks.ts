import { AGENCY_HEADS, KNOWN_NAMES, PLACE_LEVELS, PROVINCES } from "../../grammars/agencies.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import { DISTRIBUTION_PURPOSES } from "../../grammars/header.js";
import { SIGNER_TITLES, ROLE_TITLES } from "../../grammars/people.js";
import { VOWEL_INITIAL_WORDS } from "../../grammars/syllables.js";
import { judgeRun } from "./encoding/syllables.js";
import { Builder, type MappedText } from "./mapped.js";

/**
 * OCR reads the letters of a scan well and its tone marks less so: `THÀNH PHÓ`, `GIÁM ĐÓC`,
 * `CÀN THƠ`, `LÂM ĐÒNG`, `Tp. Hè Chí Minh`. A run of two to four words that differs from a
 * phrase the grammars know (places, place levels, bodies, titles, document types, the purposes
 * of a nơi nhận line) only in its
 * marks is respelled as the grammar writes it, in the case the scan has. Single words are left
 * alone: `Phó` and `Phố`, `để` and `đẻ` are both words. Used on OCR text only.
 */

const MARKS = /[\u0300-\u036f]/g;
/** `Giám Đốc` → `giam doc`: letters without marks, đ as d, one space between words. */
const bare = (s: string) => s.normalize("NFD").replace(MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();

const MAX_WORDS = 4;

let lexicon: Map<string, string[] | null> | null = null;

/** Bare key → the phrase's words as the grammar spells them; null where two spellings share a key. */
function phrases(): Map<string, string[] | null> {
  if (lexicon) return lexicon;
  const sources = [
    ...PROVINCES,
    ...PLACE_LEVELS.flatMap((p) => p.forms),
    ...AGENCY_HEADS.flatMap((h) => h.forms),
    ...KNOWN_NAMES.map((k) => k.name),
    ...SIGNER_TITLES,
    ...ROLE_TITLES,
    ...DOCUMENT_TYPES.map((t) => t.name),
    ...DISTRIBUTION_PURPOSES,
  ];
  lexicon = new Map();
  for (const source of sources) {
    const words = source.normalize("NFC").split(/[\s,]+/).filter((w) => /^[\p{L}\p{M}]+$/u.test(w));
    // every run of two or more words inside a phrase: `Y tế` from `Trung tâm Y tế`
    for (let i = 0; i < words.length; i++) {
      for (let n = 2; n <= MAX_WORDS && i + n <= words.length; n++) {
        const run = words.slice(i, i + n).map((w) => w.toLowerCase());
        const key = bare(run.join(" "));
        const had = lexicon.get(key);
        if (had === undefined) lexicon.set(key, run);
        else if (had !== null && had.join(" ") !== run.join(" ")) lexicon.set(key, null);
      }
    }
  }
  return lexicon;
}

/** The word in the case of the word it replaces: all capitals, a capital first, or lower case. */
function inCaseOf(word: string, like: string): string {
  if (like === like.toUpperCase() && like !== like.toLowerCase()) return word.toUpperCase();
  if (/^\p{Lu}/u.test(like)) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

const WORD = /[\p{L}\p{M}]+/gu;

/** Respells the runs of words whose marks OCR got wrong (see above). */
export function fixOcrMarks(t: MappedText): MappedText {
  const words = [...t.text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
  if (words.length < 2) return t;
  const lex = phrases();
  const fixes: { start: number; end: number; text: string }[] = [];
  for (let i = 0; i < words.length - 1; ) {
    let done = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 2 && !done; n--) {
      const run = words.slice(i, i + n);
      // one space between the words of a run: not across a line's columns or punctuation
      if (run.some((w, k) => k > 0 && t.text.slice(run[k - 1].end, w.start) !== " ")) continue;
      const spelled = lex.get(bare(run.map((w) => w.text).join(" ")));
      if (!spelled) continue;
      run.forEach((w, k) => {
        const want = inCaseOf(spelled[k], w.text);
        if (want !== w.text.normalize("NFC")) fixes.push({ start: w.start, end: w.end, text: want });
      });
      done = n;
    }
    i += done || 1;
  }
  if (!fixes.length) return t;
  const out = new Builder();
  let last = 0;
  for (const f of fixes) {
    out.appendFrom(t, last, f.start);
    // a respelled word of the same length keeps its characters' origins
    if (f.text.length === f.end - f.start) out.appendFrom(t, f.start, f.end, f.text);
    else out.appendAt(f.text, t.origin[f.start]);
    last = f.end;
  }
  out.appendFrom(t, last, t.length);
  return out.build(t.origin[t.length]);
}

/**
 * Specks OCR reads at the edges of a line: a tilde or a long dash for a list's dash (`~ Như trên`,
 * `~- Lưu: VT`), punctuation glued to a word in capitals (`-..CHÁNH VĂN PHÒNG`, `— UBND TỈNH`) or a
 * dot before one (`. TRƯỜNG ĐẠI HỌC`) or before a list's dash (`. - Ban Dân vận`),
 * one stray letter after a line's closing period (`Lưu: VT, CTSV. ị`).
 */
const SPECKS: [RegExp, string][] = [
  // "~ Như trên", "~- Lưu: VT" → "- Như trên", "- Lưu: VT"
  [/^~+\s*[-–]?\s*/gu, "- "],
  // "-..CHÁNH VĂN PHÒNG", "— UBND TỈNH KIÊN GIANG", ". TRƯỜNG ĐẠI HỌC" → the words in capitals;
  // ". - Ban Dân vận" → "- Ban Dân vận"
  [/^(?:[-–—.,_]{1,3}(?=\p{Lu}{2})|—\s+(?=\p{Lu}{2,}\s)|[.,·]\s+(?=\p{Lu}{2}|[-–]\s))/gu, ""],
  // "Lưu: VT, CTSV. ị" → "Lưu: VT, CTSV."
  [/(?<=\.)\s+\p{L}$/gu, ""],
];

/** Drops or mends the specks above (OCR text only). */
export function dropOcrSpecks(t: MappedText): MappedText {
  let out = t;
  for (const [re, to] of SPECKS) if (re.test(out.text)) out = out.replace(re, () => to);
  return out;
}

/**
 * Words OCR ran together, the space between two syllables lost: `THỦTƯỚNG`, `Chínhphủ`,
 * `vềviệc`, `ngànhY tế`, `CÔNGNGHỆ`. A run of letters that is no Vietnamese syllable, carries a
 * Vietnamese mark (so `Email` or `laptop` are left alone) and can be cut into syllables is cut,
 * the cut chosen so that fewest pieces begin with a vowel (`nhà nước`, not `nhàn ước`) and those
 * that do are words of their own (`DUYÉT`, a misread `QUYẾT`, is not `DUY ÉT`); runs
 * without a vowel are abbreviations (`KTTH`, `CNVCLĐ`) and a run that cannot be cut is kept
 * (`SởVH`). Used on OCR text only.
 */
const VIETNAMESE_MARK = /[\u0300-\u036fđĐăĂâÂêÊôÔơƠưƯ]/u;
const VOWEL_START = /^[aăâeêioôơuưy]/;
const vowelWords = new Set(VOWEL_INITIAL_WORDS.map((w) => w.normalize("NFC")));
const MAX_SYLLABLE = 7; // nghiêng
/** `p` alone begins loanwords only (`pin`): `đáp ứng`, not `đá pứng` */
const LOAN_ONSET = /^p(?!h)/;
/** `iê`, `yê`, `uô`, `ươ` close with a consonant or a glide: `triển ứng`, not `triể nứng` */
const OPEN_DIPHTHONG = /(?:iê|yê|uô|ươ)$/;
const toneless = (s: string) => s.normalize("NFD").replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "").normalize("NFC");

export function splitGluedSyllables(t: MappedText): MappedText {
  const cuts: number[] = [];
  for (const m of t.text.matchAll(WORD)) {
    const run = m[0].normalize("NFC");
    if (run.length < 4 || run.length !== m[0].length || !VIETNAMESE_MARK.test(run.normalize("NFD")) || judgeRun(run) >= 0) continue;
    const at = syllableCuts(run);
    if (at) for (const c of at) cuts.push(m.index! + c);
  }
  if (!cuts.length) return t;
  const out = new Builder();
  let last = 0;
  for (const c of cuts) {
    out.appendFrom(t, last, c);
    out.appendAt(" ", t.origin[c]);
    last = c;
  }
  out.appendFrom(t, last, t.length);
  return out.build(t.origin[t.length]);
}

/** Where to cut `run` into syllables (offsets inside it), or null when it cannot be cut. */
function syllableCuts(run: string): number[] | null {
  const n = run.length;
  // best[i]: the cheapest cut of run[0, i) — [cost, pieces, previous cut]
  const best: ([number, number, number] | null)[] = new Array(n + 1).fill(null);
  best[0] = [0, 0, -1];
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - MAX_SYLLABLE); j < i; j++) {
      const from = best[j];
      if (!from) continue;
      const piece = run.slice(j, i);
      if (judgeRun(piece) !== 1) continue;
      const lower = piece.toLowerCase();
      const vowelStart = VOWEL_START.test(lower.normalize("NFD"));
      // a piece that begins with a vowel must be a word that stands alone (`ước`, `ứng`), or the
      // run is no glued pair but a misreading (`DUYÉT` for `QUYẾT`), left as it is
      if (vowelStart && !vowelWords.has(lower)) continue;
      const cost = from[0] + (vowelStart ? 1 : LOAN_ONSET.test(lower) ? 2 : 0) + (OPEN_DIPHTHONG.test(toneless(lower)) ? 3 : 0);
      const pieces = from[1] + 1;
      const cur = best[i];
      // ties: fewer pieces, then the earlier cut (a consonant begins the next syllable)
      if (!cur || cost < cur[0] || (cost === cur[0] && pieces < cur[1]) || (cost === cur[0] && pieces === cur[1] && j < cur[2])) best[i] = [cost, pieces, j];
    }
  }
  if (!best[n] || best[n]![1] < 2) return null;
  const cuts: number[] = [];
  for (let i = n; best[i]![2] > 0; i = best[i]![2]) cuts.unshift(best[i]![2]);
  return cuts;
}
