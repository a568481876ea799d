/**
 * Finds agency mentions in text, chrono-style: rules that each recognise one shape
 * (a head with its name, place and parent body; a collective `các sở, ngành …`), then refiners
 * (drop overlaps keeping the longest, resolve a sub-unit against the issuer).
 *
 * Every match is made on `foldTone(text)` (same length), so offsets hold in the original.
 */
import {
  AGENCY_HEADS,
  CAPITALS_NOT_IN_NAME,
  COLLECTIVE_LEVELS,
  COLLECTIVE_NOUN_NOT_BEFORE,
  COLLECTIVE_NOUNS,
  COLLECTIVE_QUALIFIERS,
  KNOWN_NAMES,
  NAME_STOPWORDS,
  NAME_TAIL_STOPWORDS,
  PLACE_LEVELS,
  PROPER_STOPWORDS,
  PROVINCES,
  type AgencyHead,
} from "../../../grammars/agencies.js";
import { foldTone, matchKey } from "../../text/tone.js";
import { AB, afterSpaces, CAPITAL, isCapitalised, isLetterOrMarkCode, isLower, isSpaceCode, isUpper, L, LETTER, letterClassesBelow2000, MARK_OR_DIGIT, sentenceCase, SMALL, squash, tidy, titleCase, WE, wordAt, WordKind, type Word } from "../../text/letters.js";
import { lazily } from "../../text/lazy.js";
import { BoundedMemo, SpanMemo } from "../../text/memo.js";
import { alternation, esc, formSource, formSourceAt, prefixTree } from "../../text/pattern.js";
import { groupOpenings, matchesAt, openingCodes, Openers, type Openings } from "../../text/openers.js";
import { seek } from "../../text/sorted.js";
import type { ExtractContext } from "../context.js";
import { COLLECTIVE_OPENS, documentOpeners, documentOpenings, OPENS } from "../openings.js";
import { dropOverlaps } from "../overlaps.js";

export interface AgencyMatch {
  start: number;
  end: number;
  /** as written, whitespace collapsed */
  text: string;
  canonical: string;
  collective: boolean;
  /** a sub-unit written without its parent (`Văn phòng`): resolved against the issuer, or dropped */
  needsParent: boolean;
}

/**
 * The key of a word or phrase, remembered: the same few hundred words are looked up at every
 * word of every mention (a stopword, a head, a level), and a key costs an NFC check, a tidy, a
 * fold and a lower-casing. An agency's name is seldom over 120 characters.
 */
const keyMemo = new BoundedMemo<string>(4096, 120);
const keyOf = (s: string): string => keyMemo.get(s) ?? keyMemo.set(s, matchKey(tidy(s)));
/**
 * The same of a word or a match read in a text, by its span (text/memo `SpanMemo`): the text's
 * words are not cut out to be looked up. Two memos, one of strings and one of spans: a span memo
 * asked about the grammar's strings too would read strings of more shapes than its compiled code
 * keeps apart.
 */
const spanKeys = new SpanMemo<string>(4096, 120);
const keyAt = (t: string, start: number, end: number): string => spanKeys.get(t, start, end) ?? spanKeys.set(t, start, end, keyOf(t.slice(start, end)));

/**
 * A canonical's part read from the text (a name, a place, a list of levels, a collective) or a
 * sub-unit's canonical with the issuer's, tidied, remembered: documents name the same bodies, and
 * a part read from the text begins with the whitespace before it, which sends text/letters `tidy`
 * down its replacing path every time (a tenth of the stage's own time).
 */
const tidyCanonical = remembered(tidy);
/**
 * The same, cased or written as its rule wants it, remembered whole: a part in capitals in title
 * case (`BÌNH ĐỊNH` → `Bình Định`) or sentence case, a list of levels in lower case, a collective's
 * `các` — each a split, a case mapping or a replacement a mention, where the same few parts recur.
 */
const titledCanonical = remembered((s) => titleCase(tidy(s)));
const sentencedCanonical = remembered((s) => sentenceCase(tidy(s)));
const levelsCanonical = remembered((s) => tidy(s).toLowerCase().replace(/trung ương/g, "Trung ương"));
/** Canonical for a collective as written: abbreviations expanded, lower-case `các`. */
const collectiveCanonical = remembered((s) => tidy(s).replace(/^Các\b/u, "các"));
/**
 * A mention's text as written, whitespace collapsed (text/letters `squash`), remembered by the
 * words it is sliced from: its NFC check and its whitespace test are two regex runs a mention,
 * where the same bodies recur.
 */
const mentionText = remembered(squash);

/**
 * `make`, pure, of `t.slice(start, end)`, answered from a memo of 2,048 answers by the span's
 * words (text/memo `SpanMemo`: a piece of the text is not cut out to be looked up; none kept over
 * 160 characters).
 */
function remembered(make: (s: string) => string): (t: string, start: number, end: number) => string {
  const memo = new SpanMemo<string>(2048, 160);
  return (t, start, end) => memo.get(t, start, end) ?? memo.set(t, start, end, make(t.slice(start, end)));
}

// ---- heads ----

interface HeadEntry {
  head: AgencyHead;
  canonical: string;
  /** its canonical's key ends in `ủy` (`Tỉnh ủy`, `Đảng ủy`): with no place after it, a proper name may follow */
  committee: boolean;
}
/** A head's entry, its canonical tidy from the start, as every part of a built mention's (see Built). */
function headEntry(head: AgencyHead, canonical: string): HeadEntry {
  const tidied = tidy(canonical);
  return { head, canonical: tidied, committee: /ủy$/u.test(keyOf(tidied)) };
}
const bucketCache = new Map<string, string>();
const bucketOf = (ch: string) => {
  let k = bucketCache.get(ch);
  if (k === undefined) bucketCache.set(ch, (k = foldTone(ch).normalize("NFD").charAt(0).toLowerCase()));
  return k;
};

/** The heads by written form and by abbreviation, and their patterns (made on first use). */
const heads = lazily(() => {
  const byForm = new Map<string, HeadEntry>();
  const byAbbr = new Map<string, HeadEntry>();
  // each head's source where its first code unit is `first`: no word-start lookbehind (heads are
  // only tried at word starts, see isWordStart); an abbreviation's guard asserted after its first
  // character, where a branch of the bucket's tree begins with it
  const headAlts: { src: (first: string) => string; len: number; firsts: Set<number> }[] = [];
  for (const head of AGENCY_HEADS) {
    for (const form of head.forms) {
      const entry = headEntry(head, head.canonical || form);
      if (!byForm.has(keyOf(form))) byForm.set(keyOf(form), entry);
      headAlts.push({ src: (first) => `${formSourceAt(form, head.case, first)}${WE}`, len: form.length, firsts: openingCodes([form], head.case) });
    }
    for (const abbr of head.abbr ?? []) {
      byAbbr.set(tidy(abbr), headEntry(head, head.canonical || head.forms[0]));
      const tail = /\p{L}$/u.test(abbr) ? WE : "";
      headAlts.push({
        src: (first) => {
          const ch = esc(first);
          return `${ch}(?<=${AB}${ch})${formSourceAt(abbr, "exact", first).slice(ch.length)}${tail}`;
        },
        len: abbr.length,
        firsts: openingCodes([abbr], "exact"),
      });
    }
  }
  headAlts.sort((a, b) => b.len - a.len);

  /**
   * One sticky alternation per first code unit, of the heads that can begin with it: a head is
   * tried only at a word start, and only the heads written with that word's first letter (one
   * regex of every head, tried at every character, cost ~100 ms a page). Most head openings are
   * a lower-case word (`sở`, `phòng`, `tỉnh`) no head is written with: no pattern runs there.
   * The bucket's heads, longest first, share their beginnings (text/pattern `prefixTree`, their
   * first atoms all written as the bucket's code unit): tried one after the other, the heads of
   * `B` or `T` (~30 each) cost ~90 ns a try, 11 µs of a two-page document's 160.
   */
  const byFirst = new Map<number, string[]>();
  for (const a of headAlts) {
    for (const c of a.firsts) {
      if (!byFirst.has(c)) byFirst.set(c, []);
      byFirst.get(c)!.push(a.src(String.fromCharCode(c)));
    }
  }
  const buckets = new Map<number, RegExp>();
  for (const [c, srcs] of byFirst) buckets.set(c, new RegExp(prefixTree(srcs), "uy"));
  // the same by code unit below U+2000, in a table: asked at every head's opening, a Map's look-up hashed the number
  const below2000 = new Array<RegExp | undefined>(0x2000).fill(undefined);
  for (const [c, re] of buckets) if (c < 0x2000) below2000[c] = re;
  return { byForm, byAbbr, buckets, below2000 };
});
/** The sticky pattern of the heads written with the code unit at `pos` first (see `heads`), if any. */
function headBucketAt(t: string, pos: number): RegExp | undefined {
  const c = t.charCodeAt(pos);
  const { buckets, below2000 } = heads();
  return c < 0x2000 ? below2000[c] : buckets.get(c);
}
/** Where a head may begin: a word's first letter, or a capital glued to a lower-case letter. */
const wordStartAt = new RegExp(`(?<![${L}\\d])\\p{L}|(?<=\\p{Ll})\\p{Lu}`, "uy");

/**
 * Does a head's word start at `i` (what {@link wordStartAt} says there): a letter not after a
 * letter, mark or digit, or a capital after a lower-case letter. Read from a table for the
 * letters Vietnamese is written in (a regex over every character was a tenth of the stage);
 * anything at or beyond U+2000 (and astral letters) asks the regex.
 */
function isWordStart(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  const p = i > 0 ? t.charCodeAt(i - 1) : 0x20;
  if (c >= 0x2000 || p >= 0x2000) {
    wordStartAt.lastIndex = i;
    return wordStartAt.test(t);
  }
  const table = letterClassesBelow2000();
  const kc = table[c];
  if (!(kc & LETTER)) return false;
  const kp = table[p];
  if (!(kp & (LETTER | MARK_OR_DIGIT))) return true;
  return (kc & CAPITAL) !== 0 && (kp & SMALL) !== 0;
}

/** Where the longest head written at `pos` ends (the first alternative that matches: they are longest first), -1 where none is. */
function headMatch(t: string, pos: number): number {
  const re = headBucketAt(t, pos);
  if (!re) return -1;
  re.lastIndex = pos;
  return re.test(t) ? re.lastIndex : -1;
}

interface HeadFound {
  entry: HeadEntry;
  /** written in capitals, not as an abbreviation (`ỦY BAN NHÂN DÂN`): its name and place are read in capitals */
  caps: boolean;
}
/** A head as written (`t.slice(start, end)`) → its entry: a document writes the same few heads again and again. */
const headMemo = new SpanMemo<HeadFound | null>(1024, 80);
function headOf(t: string, start: number, end: number): HeadFound | null {
  const found = headMemo.get(t, start, end);
  if (found !== undefined) return found;
  const raw = t.slice(start, end);
  const { byAbbr, byForm } = heads();
  const abbr = byAbbr.get(tidy(raw));
  const entry = abbr ?? byForm.get(keyOf(raw));
  return headMemo.set(t, start, end, entry ? { entry, caps: !abbr && raw.length > 1 && isUpper(raw) } : null);
}

function headAt(t: string, pos: number, opened = false): { end: number; entry: HeadEntry; caps: boolean } | null {
  // most places a head is looked for (every word of a name, the word after one) begin no head's
  // first word: a walk of the first-word table says so before any head pattern runs (`opened`:
  // the caller found a head's first word there already)
  if (!opened && !(openers().at(t, pos) & HEAD)) return null;
  const end = headMatch(t, pos);
  if (end < 0) return null;
  const found = headOf(t, pos, end);
  if (!found) return null;
  return { end, entry: found.entry, caps: found.caps };
}

// ---- names after a head ----

/** Known names by key, and their pattern (made on first use). */
const known = lazily(() => {
  const byKey = new Map<string, string>();
  const forms: string[] = [];
  const abbrs: string[] = [];
  for (const k of KNOWN_NAMES) {
    byKey.set(keyOf(k.name), tidy(k.name));
    forms.push(k.name);
    for (const a of k.abbr ?? []) {
      byKey.set(keyOf(a), tidy(k.name));
      abbrs.push(a);
    }
  }
  return { byKey, sticky: new RegExp(`\\s+(?:(${alternation(forms, "any")})|(${alternation(abbrs, "exact")}))${WE}`, "uy") };
});

/**
 * Where a complement after a head can open (text/openers), by its first word after the spaces:
 * a known name (KNOWN), a place level (LEVEL), a list of levels (LEVEL_LIST: `các` or a collective
 * level). Most places a complement is looked for open none, and the walk there says so in a few
 * array reads, where the complement's sticky pattern (a `\s+` and an alternation) cost a regex run.
 */
const KNOWN = 1 << 0, LEVEL = 1 << 1, LEVEL_LIST = 1 << 2;
const complementOpeners = lazily(
  () =>
    new Openers([
      KNOWN_NAMES.flatMap((k) => [k.name, ...(k.abbr ?? [])]),
      PLACE_LEVELS.flatMap((p) => [...p.forms, ...(p.abbr ?? [])]),
      [COLLECTIVE_OPENS, ...COLLECTIVE_LEVELS],
    ]),
);
/** Can a complement of group `bit` open after the whitespace at `pos` (its pattern wants one at least)? */
function complementOpensAfter(t: string, pos: number, bit: number): boolean {
  const s = afterSpaces(t, pos);
  return s > pos && (complementOpeners().at(t, s) & bit) !== 0;
}

function knownNameAt(t: string, pos: number): { end: number; canonical: string } | null {
  if (!complementOpensAfter(t, pos, KNOWN)) return null;
  const { byKey, sticky } = known();
  sticky.lastIndex = pos;
  const m = sticky.exec(t);
  if (!m) return null;
  // the name's span: it ends where the match does (the word end after it is a lookahead)
  const end = pos + m[0].length;
  const canonical = byKey.get(keyAt(t, end - (m[1] ?? m[2]).length, end));
  return canonical ? { end, canonical } : null;
}

const nameStop = new Set(NAME_STOPWORDS.map(keyOf));
const properStop = new Set(PROPER_STOPWORDS.map(keyOf));
/**
 * The first words of a set's phrases (`quy` of `quy tắc`): a two-word phrase is looked up only
 * after one of them — its key is its words' keys joined by a space (a word holds no space), so no
 * other can be in the set, and a phrase's key made for nothing costs a tidy and a fold.
 */
const phraseFirsts = (keys: Set<string>) => new Set([...keys].filter((k) => k.includes(" ")).map((k) => k.slice(0, k.indexOf(" "))));
const nameStopFirsts = phraseFirsts(nameStop);
const properStopFirsts = phraseFirsts(properStop);
const tailStop = new Set(NAME_TAIL_STOPWORDS.map(keyOf));
const capsFunction = new Set(CAPITALS_NOT_IN_NAME.map(keyOf));

/** A word's key, made once however many rules look it up. */
const wordKey = (t: string, w: Word): string => (w.key ??= keyAt(t, w.start, w.end));

/**
 * The words of one text read at positions ({@link wordAt}), the last two remembered: the
 * rules of a name read each of its words two or three times (as a word of the name, as the word
 * after one, as what may stop it).
 */
class Words {
  private at0 = -1;
  private w0: Word | null = null;
  private at1 = -1;
  private w1: Word | null = null;
  constructor(readonly t: string) {}
  at(pos: number): Word | null {
    if (pos === this.at0) return this.w0;
    if (pos === this.at1) return this.w1;
    const w = wordAt(this.t, pos);
    this.at1 = this.at0;
    this.w1 = this.w0;
    this.at0 = pos;
    this.w0 = w;
    return w;
  }
}

/** Is the word a dash (`-`, `–`, `—`), one that joins the capitalised groups of a name? */
const isDash = (w: Word): boolean => w.kind === WordKind.Sign && "-–—".includes(w.text);

/** Does a word (or a two-word phrase starting with it) begin something that ends a name? */
function stopsName(words: Words, w: Word): boolean {
  const t = words.t;
  const k = wordKey(t, w);
  if (properStop.has(k)) return true;
  if (properStopFirsts.has(k)) {
    const next = words.at(w.end);
    if (next && properStop.has(keyOf(`${w.text} ${next.text}`))) return true;
  }
  if (headAt(t, w.start)) return true;
  if (placeLevelAt(t, w.start - 1)) return true;
  return false;
}

/**
 * Capitalised words after a head: `Y tế` in `Sở Y tế chuẩn bị`, `Chiến lược` in `Viện Chiến
 * lược phát triển`. A capitalised word takes at most one lower-case syllable; `và` and a dash
 * join capitalised groups (`Lao động - Thương binh và Xã hội`). In a line written in capitals
 * the words must be capitals on the same line.
 */
function genericNameAt(t: string, pos: number, caps: boolean, lowerStart = false): { end: number; canonical: string } | null {
  let cur = pos;
  let groups = 0;
  const words = new Words(t);
  const startWord = words.at(pos);
  if (!startWord || startWord.newline) return null;
  const startKey = wordKey(t, startWord);
  if (nameStop.has(startKey)) return null;
  if (nameStopFirsts.has(startKey)) {
    const two = words.at(startWord.end);
    if (two && nameStop.has(keyOf(`${startWord.text} ${two.text}`))) return null;
  }
  while (groups < 6) {
    const w = words.at(cur);
    if (!w) break;
    if (caps && w.newline) break;
    const isNum = w.kind === WordKind.Digits;
    const capOk = caps
      ? isUpper(w.text) && !capsFunction.has(wordKey(t, w))
      : isCapitalised(w.text) && (!isUpper(w.text) || w.text.length <= 5);
    if ((capOk || (isNum && groups === 0)) && !stopsName(words, w)) {
      cur = w.end;
      groups++;
      if (!caps && !isNum) {
        const n = words.at(cur);
        if (n && isLower(n.text) && n.kind === WordKind.Letters && !tailStop.has(wordKey(t, n)) && !placeLevelAt(t, cur)) cur = n.end;
      }
      continue;
    }
    if (groups > 0 && (wordKey(t, w) === "và" || isDash(w))) {
      const n = words.at(w.end);
      if (n && (caps ? isUpper(n.text) : isCapitalised(n.text)) && !stopsName(words, n)) {
        cur = w.end;
        continue;
      }
    }
    break;
  }
  // `Ban Chỉ đạo cải cách hành chính thành phố`: a few lower-case words up to a level belong to the name
  if (!caps && (groups > 0 || lowerStart)) {
    let look = cur;
    for (let i = 0; i < 4; i++) {
      const w = words.at(look);
      if (!w || w.newline || !isLower(w.text) || w.kind !== WordKind.Letters || tailStop.has(wordKey(t, w))) break;
      look = w.end;
      if (placeLevelAt(t, look)) {
        cur = look;
        groups++;
        break;
      }
    }
  }
  if (!groups) return null;
  return { end: cur, canonical: caps ? sentencedCanonical(t, pos, cur) : tidyCanonical(t, pos, cur) };
}

// ---- places ----

interface LevelEntry {
  canonical: string;
  proper: boolean;
}
/** Place levels by key, and their pattern (made on first use). */
const levels = lazily(() => {
  const byKey = new Map<string, LevelEntry>();
  const alts: { src: string; len: number }[] = [];
  for (const p of PLACE_LEVELS) {
    const entry: LevelEntry = { canonical: tidy(p.canonical), proper: p.proper };
    for (const f of p.forms) {
      byKey.set(keyOf(f), entry);
      alts.push({ src: `(?:${formSource(f, "any")})${WE}`, len: f.length });
    }
    for (const a of p.abbr ?? []) {
      byKey.set(keyOf(a), entry);
      alts.push({ src: `(?:${esc(a)})${/\p{L}$/u.test(a) ? WE : ""}`, len: a.length });
    }
  }
  alts.sort((a, b) => b.len - a.len);
  return { byKey, sticky: new RegExp(`\\s+(${alts.map((a) => a.src).join("|")})`, "uy") };
});

function placeLevelAt(t: string, pos: number): { end: number; entry: LevelEntry; raw: string } | null {
  if (!complementOpensAfter(t, pos, LEVEL)) return null;
  const { byKey, sticky } = levels();
  sticky.lastIndex = pos;
  const m = sticky.exec(t);
  if (!m) return null;
  // the level's span: it ends where the match does
  const end = pos + m[0].length;
  const entry = byKey.get(keyAt(t, end - m[1].length, end));
  return entry ? { end, entry, raw: m[1] } : null;
}

const provinceKeys = PROVINCES.map((p) => ({ key: matchKey(p), len: p.length, words: p.split(/\s+/).length })).sort((a, b) => b.len - a.len);
/** The provinces by the base letter they begin with (longest first), so that a word is compared with a few, not all. */
const provincesByLetter = new Map<string, typeof provinceKeys>();
for (const p of provinceKeys) {
  const k = bucketOf(p.key.charAt(0));
  if (!provincesByLetter.has(k)) provincesByLetter.set(k, []);
  provincesByLetter.get(k)!.push(p);
}

/** A province named at `pos` (after spaces), whole: its words may be stopwords elsewhere (`Lâm Đồng`, `Đồng Nai`). */
function provinceAt(t: string, pos: number): { end: number; words: number } | null {
  let s = pos;
  while (s < t.length && (t[s] === " " || t[s] === "\t")) s++;
  // folding and lower-casing keep a letter's base: only the provinces beginning with this one can match
  for (const p of provincesFrom(t, s)) {
    // where a province could end (no letter after it) tested first: it rules out most, and a key costs a fold
    if (!letterOrMarkAt(t, s + p.len) && sliceKey(t, s, s + p.len) === p.key) return { end: s + p.len, words: p.words };
  }
  return null;
}
/** The key (text/tone `matchKey`) of a piece of the text, remembered by its span: a province's name is looked for where the same few are written. */
const sliceKey = remembered(matchKey);

const NO_PROVINCES: typeof provinceKeys = [];
/**
 * {@link provincesByLetter}'s list for the code unit at `s`, read from a table by code unit below
 * U+2000: the code unit's one-character string and its base letter's were two strings hashed a look-up.
 */
function provincesFrom(t: string, s: number): typeof provinceKeys {
  const c = t.charCodeAt(s);
  if (!(c < 0x2000)) return provincesByLetter.get(bucketOf(t.charAt(s))) ?? NO_PROVINCES;
  return (provincesByCode[c] ??= provincesByLetter.get(bucketOf(String.fromCharCode(c))) ?? NO_PROVINCES);
}
const provincesByCode = new Array<typeof provinceKeys | undefined>(0x2000).fill(undefined);

const letterOrMark = /[\p{L}\p{M}]/u;
/** Is the code unit at `i` a letter or a mark (`[\p{L}\p{M}]`)? Read from the letter table below U+2000. */
function letterOrMarkAt(t: string, i: number): boolean {
  if (i >= t.length) return false;
  const c = t.charCodeAt(i);
  return c < 0x2000 ? isLetterOrMarkCode(c) : letterOrMark.test(t[i]);
}

/** A place's proper name: capitalised words on one line, `Bình Định`, `Bà Rịa – Vũng Tàu`, `Cần Thơ`, `3`. */
function properAt(t: string, pos: number, caps: boolean, numbered = false): { end: number; canonical: string } | null {
  const province = provinceAt(t, pos);
  let cur = province?.end ?? pos;
  let words = province?.words ?? 0;
  const read = new Words(t);
  while (words < 5) {
    const w = read.at(cur);
    if (!w || w.newline) break;
    // `[1-9]\d?`: a word of ASCII digits, one or two, not led by a 0
    const isNum = numbered && w.kind === WordKind.Digits && w.end - w.start <= 2 && t.charCodeAt(w.start) !== 0x30;
    if (((isCapitalised(w.text) && (caps || !isUpper(w.text) || w.text.length <= 3)) || (isNum && words === 0)) && !stopsName(read, w)) {
      cur = w.end;
      words++;
      continue;
    }
    if (words > 0 && isDash(w)) {
      const n = read.at(w.end);
      if (n && !n.newline && isCapitalised(n.text) && !stopsName(read, n)) {
        cur = w.end;
        continue;
      }
    }
    break;
  }
  if (!words) return null;
  // in capitals, `BÌNH ĐỊNH` → `Bình Định`; in running text the document's spelling (`BR – VT`)
  return { end: cur, canonical: caps ? titledCanonical(t, pos, cur) : tidyCanonical(t, pos, cur) };
}

function placeAt(t: string, pos: number, caps: boolean): { end: number; canonical: string } | null {
  const lv = placeLevelAt(t, pos);
  if (!lv) return null;
  // a capitalised level word in running text is the start of something else (`Tỉnh ủy`), unless in capitals
  if (!caps && isCapitalised(lv.raw) && !isUpper(lv.raw) && !lv.raw.startsWith("Trung") && !lv.raw.startsWith("Việt")) return null;
  let canonical = lv.entry.canonical;
  let end = lv.end;
  if (lv.entry.proper) {
    const pr = properAt(t, end, caps || isUpper(lv.raw), canonical === "quận" || canonical === "phường");
    if (pr) {
      end = pr.end;
      canonical += " " + pr.canonical;
    }
  }
  return { end, canonical };
}

// ---- collectives ----

/** The sources of the collective levels and qualifiers (made on first use). */
const collectiveParts = lazily(() => ({ cLevels: alternation(COLLECTIVE_LEVELS, "any"), cQual: alternation(COLLECTIVE_QUALIFIERS, "any") }));
/** `các huyện, thị xã, thành phố`, `các địa phương`, `huyện, thành phố` after a body */
const levelListSticky = lazily(() => {
  const { cLevels, cQual } = collectiveParts();
  return new RegExp(
    `\\s+(?:([cC][áÁ][cC])\\s+)?(?:${cLevels})${WE}(?:\\s*,\\s*(?:${cLevels})${WE})*(?:\\s*,?\\s+và\\s+(?:${cLevels})${WE})?(?:\\s+(?:${cQual})${WE})?`,
    "uy",
  );
});

/** Does a list of levels join two (`/,|\svà\s/`): a comma, or `và` between whitespace? */
function joinsLevels(body: string): boolean {
  if (body.includes(",")) return true;
  for (let i = body.indexOf("và"); i >= 0; i = body.indexOf("và", i + 1)) {
    if (i > 0 && isSpaceCode(body.charCodeAt(i - 1)) && isSpaceCode(body.charCodeAt(i + 2))) return true;
  }
  return false;
}

function levelListAt(t: string, pos: number): { end: number; canonical: string } | null {
  if (!complementOpensAfter(t, pos, LEVEL_LIST)) return null;
  const re = levelListSticky();
  re.lastIndex = pos;
  const m = re.exec(t);
  if (!m) return null;
  const body = m[0];
  // without `các` it takes two levels or more: `huyện, thành phố`
  if (!m[1] && !joinsLevels(body)) return null;
  return { end: pos + body.length, canonical: levelsCanonical(t, pos, pos + body.length) };
}

/** `các sở, ngành, hội, đoàn thể tỉnh`, `các cơ quan, đơn vị, địa phương liên quan`, `các Sở, Ban ngành có liên quan` */
const collectiveSource = lazily(() => {
  const { cLevels, cQual } = collectiveParts();
  // one word end after the nouns, not one a noun: `(?:A|B)E` matches what `AE|BE` matches, in
  // the same order, and each `[\p{L}\p{M}\d]` of an end is ~9 KB of the regex's machine code
  // (the nouns' 31 ends, three times over, made this pattern 0.8 MB of the 5.3 all regexes
  // compile to); a noun's guard against the words that make it something else (`các hội nghị`)
  // is asserted at the same place as the end, so it goes before it
  const nounSource = `(?:${[...COLLECTIVE_NOUNS]
    .sort((a, b) => b.length - a.length)
    .map((n) => {
      const not = COLLECTIVE_NOUN_NOT_BEFORE[n];
      return `(?:${formSource(n, "any")})${not ? `(?!\\s+(?:${alternation(not, "any")})${WE})` : ""}`;
    })
    .join("|")})${WE}`;
  return `[cC](?<=(?<![${L}\\d])[cC])[áÁ][cC]\\s+(?:${nounSource})(?:\\s*,\\s*(?:${nounSource}|${cLevels}${WE}))*(?:\\s*,?\\s+và\\s+(?:${nounSource}))?(?:\\s+(?:${cQual})${WE})*`;
});
/** The length of a collective's match without the whitespace and commas it ends with (`/[\s,]+$/`). */
function listEnd(m: string): number {
  let e = m.length;
  while (e > 0 && (m.charCodeAt(e - 1) === 0x2c || isSpaceCode(m.charCodeAt(e - 1)))) e--;
  return e;
}
const collectiveGlobal = lazily(() => new RegExp(collectiveSource(), "gu"));
/** The first words of the collective nouns (text/openers), to read the word after `các` with. */
const nounOpeners = lazily(() => new Openers([COLLECTIVE_NOUNS]));
/**
 * Does a collective noun's first word follow the `các` at `at` after whitespace, as the collective
 * pattern wants? Most `các` of a text are no collective's (`các nội dung`, `các văn bản`): the walk
 * says so in a few array reads, where the pattern's run cost a regex run of its every noun.
 */
function nounFollows(t: string, at: number): boolean {
  const p = at + COLLECTIVE_OPENS.length;
  const s = afterSpaces(t, p);
  return s > p && nounOpeners().at(t, s) !== 0;
}
const collectiveSticky = lazily(() => new RegExp(collectiveSource(), "uy"));
/**
 * Where a mention can open in a text (first-word dispatch, extract/openings): a head's first word
 * (HEAD) or a collective's, `các` (COLLECTIVE); the scan tries the heads and the collective
 * pattern there only.
 */
const { agencyHead: HEAD, collective: COLLECTIVE } = OPENS;
const openers = documentOpeners;

/** For tests: each first code unit's sticky pattern of the heads (see `heads`). */
export function headBuckets(): ReadonlyMap<number, RegExp> {
  return heads().buckets;
}

/** For tests: the head patterns and the collective pattern as global scans, and where the dispatch tries them (`openers`, their group). */
export function agencyOpenings(): { name: string; pattern: RegExp; openers: Openers; group: number }[] {
  const { buckets } = heads();
  return [
    ...[...buckets].map(([k, re]) => ({ name: `heads ${String.fromCharCode(k)}`, pattern: new RegExp(`(?<![${L}\\d])(?:${re.source})|(?<=\\p{Ll})(?=\\p{Lu})(?:${re.source})`, "gu"), openers: openers(), group: HEAD })),
    { name: "collective", pattern: collectiveGlobal(), openers: openers(), group: COLLECTIVE },
  ];
}

// ---- building a mention from its head ----

interface Built {
  end: number;
  /**
   * tidy as built (text/letters `tidy` gives it back): its parts are tidy — a grammar's canonical
   * tidied when its table is made, words read from the text tidied, then cased — and joined by one
   * space, where no whitespace, dash or tone placement of the whole differs from its parts'. A
   * mention's canonical is not tidied again (a memo of the whole, its key made of the parts and
   * hashed, was 5% of the stage).
   */
  canonical: string;
  collective: boolean;
  needsParent: boolean;
}

/** A body built at a place, where it names an agency by itself (`Phòng Tài chính` waiting for its `UBND huyện` does not). */
function standalone<B extends { needsParent: boolean }>(b: B | null): B | null {
  return b && !b.needsParent ? b : null;
}

/**
 * The body a mention's parent is, after spaces at `pos`: only spaces between, so a new list item
 * is no parent (`…;\n- UBND`: a head is tried at `;`, where none begins).
 */
function parentAt(t: string, pos: number, depth: number): Built | null {
  if (depth > 3) return null;
  return standalone(buildAt(t, afterSpaces(t, pos), depth + 1));
}

/** The mention whose head is at `start`; `opened`: a head's first word is known to open there. */
function buildAt(t: string, start: number, depth = 0, opened = false): Built | null {
  const h = headAt(t, start, opened);
  if (!h) return null;
  const { head, canonical: headCanon, committee } = h.entry;
  const caps = h.caps;
  // the canonical, its parts joined by spaces (a string grown, not an array joined: a build makes one)
  let canonical = headCanon;
  let end = h.end;
  let collective = false;
  // `TT.HĐND`: the abbreviation's dot is glued to what follows
  const gluedPos = end;
  switch (head.complement) {
    case "name": {
      const name = knownNameAt(t, end) ?? genericNameAt(t, end, caps, !!head.bare);
      if (!name) {
        if (!head.bare) return null;
        break;
      }
      end = name.end;
      canonical += " " + name.canonical;
      const list = levelListAt(t, end);
      const pl = list ?? placeAt(t, end, caps);
      if (pl) {
        end = pl.end;
        canonical += " " + pl.canonical;
        if (list) collective = true;
      } else {
        const par = parentAt(t, end, depth);
        if (par) {
          end = par.end;
          canonical += " " + par.canonical;
          collective ||= par.collective;
        }
      }
      break;
    }
    case "place": {
      const list = levelListAt(t, end);
      const pl = list ?? placeAt(t, end, caps);
      if (pl) {
        end = pl.end;
        canonical += " " + pl.canonical;
        collective = !!list;
        break;
      }
      const par = parentAt(t, end, depth);
      if (par) {
        end = par.end;
        canonical += " " + par.canonical;
        collective = par.collective;
        break;
      }
      if (!head.bare) return null;
      break;
    }
    case "none": {
      const pl = placeAt(t, end, caps);
      if (pl) {
        end = pl.end;
        canonical += " " + pl.canonical;
      } else if (committee) {
        const pr = properAt(t, end, caps);
        if (pr) {
          end = pr.end;
          canonical += " " + pr.canonical;
        }
      }
      break;
    }
    case "parent": {
      const par = t.charCodeAt(h.end - 1) === 0x2e /* . */ ? (buildAt(t, gluedPos, depth + 1) ?? parentAt(t, gluedPos, depth)) : parentAt(t, end, depth);
      if (par && !par.needsParent) {
        end = par.end;
        canonical += " " + par.canonical;
        collective = par.collective;
        break;
      }
      if (head.subUnit && !caps) return { end, canonical: headCanon, collective: false, needsParent: true };
      if (head.subUnit && caps) return { end, canonical: headCanon, collective: false, needsParent: true };
      return null;
    }
  }
  return { end, canonical, collective, needsParent: false };
}

/**
 * {@link buildAt}'s answers at the top level in one folded text, by start: made by the scan of a
 * document and read again wherever an extractor asks for the agency at a word (a task's assignee,
 * a person's position), instead of built a second time. One text only: its starts are the key.
 * A start that is one of the heads' openings of the document's walk (the scan's, and nearly every
 * other caller's) has its slot in an array beside that list, found on from the last start asked
 * (text/sorted `seek`: the callers ask mostly in text order): a map of starts, grown a mention at
 * a time, cost more than the builds' own objects.
 */
export class AgencyBuilds {
  private readonly atHeads: (Built | null | undefined)[];
  /** the answers at any other start */
  private readonly elsewhere = new Map<number, Built | null>();
  /** where `heads` was last asked about: the next question starts there (text/sorted `seek`) */
  private near = 0;
  /** `heads`: the positions of the heads' openings in the text, in order (text/openers `groupOpenings`) */
  constructor(private readonly heads: readonly number[] = []) {
    this.atHeads = new Array<Built | null | undefined>(heads.length).fill(undefined);
  }
  /** At a head's opening (its first word found there by the caller). */
  at(t: string, start: number): Built | null {
    const { heads } = this;
    const i = (this.near = seek(heads, start, this.near));
    if (i < heads.length && heads[i] === start) {
      let b = this.atHeads[i];
      if (b === undefined) this.atHeads[i] = b = buildAt(t, start, 0, true);
      return b;
    }
    let b = this.elsewhere.get(start);
    if (b === undefined) this.elsewhere.set(start, (b = buildAt(t, start, 0, true)));
    return b;
  }
}

/** The {@link AgencyBuilds} of a document's folded text (`foldedText(ctx)`), one a document. */
export function agencyBuildsOf(ctx: Pick<ExtractContext, "tree" | "shared">): AgencyBuilds {
  return (ctx.shared.builds ??= new AgencyBuilds(groupOpenings(documentOpenings(ctx), HEAD)));
}

// ---- refiners ----

export interface ScanOptions {
  /** canonical of the issuing body, to resolve a bare `Văn phòng` */
  issuerCanonical?: string | null;
  /** `foldTone(text)`, when the caller has it (a document's, made once for every extractor) */
  folded?: string;
  /** the openings of `documentOpeners()` in `folded`, when the caller has them (a document's, one walk for every extractor) */
  openings?: Openings;
  /** the mentions built in `folded`, kept for the extractors after this one (with `folded` only) */
  builds?: AgencyBuilds;
}

/** A mention found, before the overlaps are dropped: its text and a collective's canonical are written for the kept ones only. */
interface Candidate {
  start: number;
  end: number;
  /** a head's mention; null for a collective, whose canonical is its words */
  built: Built | null;
}

/**
 * Heads' and collectives' mentions (each list in text order, disjoint) in text order, when no
 * mention of one list overlaps one of the other — then {@link dropOverlaps} would keep them all —
 * else null. Most documents have no such overlap: no sort, no cover of the text.
 */
function mergedIfDisjoint(heads: Candidate[], collectives: Candidate[]): Candidate[] | null {
  if (!collectives.length) return heads;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  let end = 0;
  while (i < heads.length || j < collectives.length) {
    const next = j >= collectives.length || (i < heads.length && heads[i].start < collectives[j].start) ? heads[i++] : collectives[j++];
    if (next.start < end) return null;
    end = next.end;
    out.push(next);
  }
  return out;
}

/** Every agency mention in `text`, offsets into `text`. */
export function scanAgencies(text: string, opts: ScanOptions = {}): AgencyMatch[] {
  const t = opts.folded ?? foldTone(text);
  const found: Candidate[] = [];
  const open = opts.openings ?? openers().in(t);
  // a head is tried only where a head's first word opens; a mention hides what opens inside it
  let from = 0;
  for (const at of groupOpenings(open, HEAD)) {
    if (at < from) continue;
    // (a head that does not match there gives no mention: buildAt tries it first) — and none is
    // written with this code unit (most are capitals: `sở`, `phòng`, `ban` in running text)
    if (!headBucketAt(t, at) || !isWordStart(t, at)) continue;
    const b = opts.builds && opts.folded ? opts.builds.at(t, at) : buildAt(t, at, 0, true);
    if (!b) continue;
    found.push({ start: at, end: b.end, built: b });
    from = b.end;
  }
  const collectives: Candidate[] = [];
  for (const m of matchesAt(collectiveSticky(), t, open, COLLECTIVE, nounFollows)) {
    collectives.push({ start: m.index, end: m.index + listEnd(m[0]), built: null });
  }
  const kept = mergedIfDisjoint(found, collectives) ?? dropOverlaps([...found, ...collectives]);
  const out: AgencyMatch[] = [];
  for (const { start, end, built } of kept) {
    let canonical = built ? built.canonical : collectiveCanonical(t, start, end);
    if (built?.needsParent) {
      const iss = opts.issuerCanonical;
      if (!iss) continue;
      // `Văn phòng` in a document of the Văn phòng is the issuer; elsewhere, the issuer's Văn phòng
      const whole = iss.startsWith(canonical) ? iss : `${canonical} ${iss}`;
      canonical = tidyCanonical(whole, 0, whole.length);
    }
    out.push({ start, end, text: mentionText(text, start, end), canonical, collective: built ? built.collective : true, needsParent: false });
  }
  return out;
}

/** The canonical of one name written alone (an issuer line): the first mention covering most of it. */
export function canonicalOf(name: string, opts: ScanOptions = {}): AgencyMatch | null {
  const all = scanAgencies(name, opts);
  const best = all.sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  return best ?? null;
}

let foldCache: { text: string; folded: string } | null = null;
function folded(text: string): string {
  if (foldCache?.text !== text) foldCache = { text, folded: foldTone(text) };
  return foldCache.folded;
}

/**
 * Where the agency {@link agencyAt} finds at `pos` (a letter) ends, without the text and canonical
 * name it writes: for a caller that reads only the end. `opens`: the groups the document's walk
 * opens at `pos` (text/openers `opensAt`), -1 where the walk cannot say; `builds`: `foldedText`'s.
 */
export function agencyEndAt(text: string, pos: number, foldedText: string, builds: AgencyBuilds, opens: number): number | null {
  if (opens === -1 || opens & COLLECTIVE) return agencyAt(text, pos, foldedText, builds)?.end ?? null;
  if (!(opens & HEAD)) return null;
  return standalone(builds.at(foldedText, pos))?.end ?? null;
}

/**
 * The agency that begins exactly at `pos` (after any whitespace): a body with its name, place
 * and parent, or a collective. Used for a position (`Phó Chủ tịch` + `UBND tỉnh`) and an assignee.
 * `foldedText`, when given, must be `foldTone(text)`; `builds`, that text's (the scan's mentions, see {@link AgencyBuilds}).
 */
export function agencyAt(text: string, pos: number, foldedText?: string, builds?: AgencyBuilds): AgencyMatch | null {
  // callers that hold the folded text give it: the one-text cache compares whole texts, which
  // for a different string of the same content (a duplicate file) costs the text's length a call
  const t = foldedText ?? folded(text);
  // the word after the spaces: a mention opens with a first word, a run of letters (no digit or sign, where text/letters `wordAt` would read a word too)
  const start = afterSpaces(t, pos);
  const opens = openers().at(t, start);
  if (!opens) return null;
  let best: AgencyMatch | null = null;
  const b = standalone(!(opens & HEAD) ? null : builds && foldedText ? builds.at(t, start) : buildAt(t, start, 0, true));
  if (b) best = { start, end: b.end, text: mentionText(text, start, b.end), canonical: b.canonical, collective: b.collective, needsParent: false };
  const collective = collectiveSticky();
  collective.lastIndex = start;
  const m = opens & COLLECTIVE && nounFollows(t, start) ? collective.exec(t) : null;
  if (m) {
    const end = start + listEnd(m[0]);
    if (!best || end - start > best.end - best.start) {
      best = { start, end, text: mentionText(text, start, end), canonical: collectiveCanonical(t, start, end), collective: true, needsParent: false };
    }
  }
  return best;
}
