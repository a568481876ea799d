import { MOTTO, MOTTO_LAST, NATIONAL_TITLE, NATIONAL_TITLES, NUMBER_LABEL, NUMBER_LINE_OPENS, SIGNING_AUTHORITIES } from "../../grammars/header.js";
import { SURNAMES } from "../../grammars/people.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey, nfc } from "../text/tone.js";
import { alt, matchAtEnd } from "../text/pattern.js";
import { afterSpaces, isCapitalCode, isSpaceCode, LazyWords } from "../text/letters.js";
import { lazily } from "../text/lazy.js";
import { CodeSet } from "../text/codes.js";
import { capitalsOf, endsInDate, HAS_LOWER, isUpperLine, mayOpenWithAuthority, OPENS_IN_CAPITALS, patterns, readAuthority, SPACED_TITLE_KEYS_BY_SIZE, TITLE_KEYS_BY_SIZE } from "./classify.js";

/**
 * Lines that hold two cells of the layout: text extraction (PDF text runs, a flattened table row,
 * a portal's one-line cells) put side by side what the page sets apart. Each rule finds where to
 * cut; the pieces keep their spans into the normalized text, so every later stage and the
 * `--explain` trace see them as lines of their own. Normalize already cuts the flattened cells of
 * lines the loader did not place (src/normalize/flattened.ts); these rules read what reaches the
 * segmenter whole: lines a loader placed in a layout block, and lines past the header's first rows.
 */
export interface SplitRule {
  name: string;
  example: string;
  /**
   * offsets in the line's text where it is cut, and the column each piece stands in (left to right);
   * `capitals`: what the text's capitals say of it (`capitalsOf`: {@link OPENS_IN_CAPITALS}, {@link HAS_LOWER})
   */
  cut: (text: string, key: string, capitals: number) => { at: number[]; columns?: ("left" | "right" | undefined)[] } | null;
}

const surnames = new Set(SURNAMES.map((s) => matchKey(s)));
/** A surname's key standing as a whole word (a run of non-spaces) in a line's key. */
const surnameWord = lazily(() => new RegExp(`(?:^|\\s)(${alt([...surnames])})(?!\\S)`, "gu"));
// an authority inside a line, in capitals: "… ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
const nestedAuthority = new RegExp(
  `\\s(?=${alt(SIGNING_AUTHORITIES.filter((a) => !("alsoQuan" in a)).flatMap((a) => a.spellings.map((s) => s.toUpperCase())))}\\.?\\s+\\p{Lu})`,
  "gu",
);
const placeDate = patterns.placeDate;
// the quốc hiệu and the tiêu ngữ of the header grammar, at the end of a line instead of alone on it
// (asked at the line's end first: unanchored on the left, each pattern was tried from every space of the line)
const atEnd = (pattern: string) => matchAtEnd(`\\s(${pattern.replace(/^\^/, "").replace(/(?:\\s\*)?(?:\[\.\]\?)?\$$/, "")})\\s*\\.?\\s*`);
const nationalTitleAtEnd = atEnd(NATIONAL_TITLE);
const mottoAtEnd = atEnd(MOTTO);
/**
 * The last code unit of a key before what {@link atEnd} lets close it (spaces, one `.`, spaces), or
 * NaN: a key whose code unit there is not a quốc hiệu's (or the tiêu ngữ's) last letter does not end
 * in one, and is not asked the pattern (two regex calls for every line opening in capitals).
 */
function lastBeforeStop(key: string): number {
  let i = key.length - 1;
  while (i >= 0 && isSpaceCode(key.charCodeAt(i))) i--;
  if (key.charCodeAt(i) === 0x2e) {
    i--;
    while (i >= 0 && isSpaceCode(key.charCodeAt(i))) i--;
  }
  return key.charCodeAt(i);
}
/** The last letters of the quốc hiệu's forms, and of the tiêu ngữ (`… hạnh phúc`), as {@link lastBeforeStop} reads them. */
const NATIONAL_TITLE_ENDS = new CodeSet(NATIONAL_TITLES.map((t) => t.charCodeAt(t.length - 1)));
const MOTTO_END = MOTTO_LAST.charCodeAt(MOTTO_LAST.length - 1);
const dateOnly = patterns.dateOnly;
/** What the số of a number line opens with beside its date (`number-beside-place-date`). */
const NUMBER_HEAD = "số";
/** A key opening with the label of a number line: what a left cell that is not in capitals opens with. */
const numberLabelFirst = new RegExp(`^\\s*(?:${NUMBER_LABEL})`, "u");
/**
 * The first letters of the words a number line opens with (grammars/header.ts): a key whose first
 * code unit after its spaces is another does not open with the label, and is not asked the pattern
 * (twice a line, for the two rules beside a quốc hiệu or tiêu ngữ).
 */
const numberLabelInitials = new CodeSet([...NUMBER_LINE_OPENS.words, ...NUMBER_LINE_OPENS.runOn].map((w) => w.charCodeAt(0)));
/**
 * Can a line hold a left cell ({@link leftCell}) before a quốc hiệu or tiêu ngữ at its end? Only
 * where it opens in capitals or with the label of a number line: the two patterns, unanchored on
 * the left, are not tried on the other lines (most of them).
 */
const mayOpenWithCell = (key: string, capitals: number) =>
  (capitals & OPENS_IN_CAPITALS) !== 0 || (numberLabelInitials.has(key.charCodeAt(afterSpaces(key, 0))) && numberLabelFirst.test(key));

/** Capitals before `at` that name a body (or a number line): the left cell of a header row. */
const leftCell = (text: string, at: number) => {
  const left = text.slice(0, at).trim();
  // "… CỦA QUỐC HỘI NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the State's name inside a title, not a cell beside it
  if (/\s(?:nước|của|và|tại)$/u.test(matchKey(left))) return false;
  return (isUpperLine(left) && /\p{L}{2}/u.test(left)) || patterns.number.test(matchKey(left));
};

const surnameShape = /^\p{Lu}[\p{Ll}\p{M}]+$/u;
/**
 * Where the first word after the line's first that is a surname, capitalised (`Đỗ`, `Nguyễn`),
 * begins, when a word follows it; -1 where there is none.
 */
function firstSurname(text: string, key: string): number {
  // the words of a line's key are the keys of its words (no key of a word holds a space, and none is
  // made across one): a line whose key holds no surname as a word has none, and is not walked word
  // by word (most lines: the walk was a tenth of the stage)
  const re = surnameWord();
  re.lastIndex = 0;
  let m = re.exec(key);
  if (!m) return -1;
  if (nfc(text) === text && key.length === text.length) {
    // a word's key is then its stretch of the line's key: the surnames found there are the words
    const first = text.search(/\S/);
    for (; m; m = re.exec(key)) {
      const at = m.index + m[0].length - m[1].length;
      if (at === first || !surnameShape.test(text.slice(at, at + m[1].length))) continue;
      return /\S/.test(text.slice(at + m[1].length)) ? at : -1;
    }
    return -1;
  }
  // the words are read as the walk goes (an array of match objects for every word of every line
  // was a good part of the stage)
  const words = new LazyWords(text);
  for (let j = 1; words.has(j + 1); j++) {
    // a word not opening with a capital (below U+2000: read from a table) is no surname: not
    // copied to be tested (đ and the other Vietnamese lower-case initials are beyond ASCII)
    const first = text.charCodeAt(words.start(j));
    if (first < 0x2000 && !isCapitalCode(first)) continue;
    const w = words.text(j);
    if (surnameShape.test(w) && surnames.has(matchKey(w))) return words.start(j);
  }
  return -1;
}

/** The place of a place–date line as the place is written: capitalised words, a trailing number (`Quận 3`). */
const placeWords = (place: string) =>
  /^(?:(?:TP|Tp)\.\s*)?\p{Lu}[\p{L}\p{M}.]*(?:[\s-]+(?:\p{Lu}[\p{L}\p{M}.]*|\d{1,2}))*\s*$/u.test(place.trim());

export const SPLIT_RULES: SplitRule[] = [
  // "VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the issuer and the quốc hiệu one space apart
  {
    name: "issuer-beside-national-title", example: "VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    cut: (text, key, capitals) => {
      // asked first: a line that cannot open with a cell (most lines) is not read from its end
      if (!mayOpenWithCell(key, capitals) || !NATIONAL_TITLE_ENDS.has(lastBeforeStop(key))) return null;
      const m = nationalTitleAtEnd(key);
      return m && leftCell(text, m.index!) ? { at: [m.index! + 1], columns: ["left", "right"] } : null;
    },
  },
  // "CỤC THÔNG TIN CƠ SỞ Độc lập - Tự do - Hạnh phúc"
  {
    name: "issuer-beside-motto", example: "CỤC THÔNG TIN CƠ SỞ Độc lập - Tự do - Hạnh phúc",
    cut: (text, key, capitals) => {
      // asked first: a line that cannot open with a cell (most lines) is not read from its end
      if (!mayOpenWithCell(key, capitals) || lastBeforeStop(key) !== MOTTO_END) return null;
      const m = mottoAtEnd(key);
      return m && leftCell(text, m.index!) ? { at: [m.index! + 1], columns: ["left", "right"] } : null;
    },
  },
  // "Số: 2003/CĐ-VPCP Hà Nội, ngày 07 tháng 10 năm 2025", "Số: Phường 1, ngày …": the số and the date cells on one line
  {
    name: "number-beside-place-date", example: "Số: 15/UBND-VX Quận 3, ngày 02 tháng 01 năm 2025",
    cut: (text, key) => {
      const head = key.startsWith(NUMBER_HEAD) ? /^số\s*[:.]\s*/u.exec(key) : null;
      if (!head || !/ngày/u.test(key)) return null;
      // a place–date cell ends the line: where the line does not end as a date line does, no word
      // opens one (the date in the middle of a longer line was tried from each of its words)
      const dated = endsInDate(key);
      for (const w of text.matchAll(/\S+/gu)) {
        const at = w.index!;
        if (at < head[0].length) continue;
        const rest = key.slice(at);
        const m = dated ? placeDate.exec(rest) : null;
        if (m && m.groups!.place && placeWords(text.slice(at, at + m.groups!.place.length)) && !/\//.test(m.groups!.place)) {
          return { at: [at], columns: ["left", "right"] };
        }
        if (!m && dateOnly.test(rest)) return { at: [at], columns: ["left", "right"] };
      }
      return null;
    },
  },
  // "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH": nested authorities of one block run onto one line
  // (not "Q.", which inside a line is as likely quận)
  {
    name: "nested-authorities-on-one-line", example: "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
    cut: (text, key) => {
      if (!readAuthority(text, key)) return null;
      const at: number[] = [];
      // searched in place (`matchAll` copied the pattern at every authority line)
      nestedAuthority.lastIndex = 0;
      for (let m = nestedAuthority.exec(text); m; m = nestedAuthority.exec(text)) if (m.index > 2) at.push(m.index + 1);
      return at.length && isUpperLine(text.slice(0, at[0])) ? { at } : null;
    },
  },
  // "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn", "PHÓ TỔNG CỤC TRƯỞNG Vũ Ngọc Anh TÊN ĐƠN VỊ …":
  // the title in capitals, then the name in mixed case (and whatever the page had after it)
  {
    name: "title-then-name-on-one-line", example: "KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn",
    cut: (text, key, capitals) => {
      // the title in capitals before the name: a line that opens otherwise is not searched for a
      // surname, nor one without a lower-case letter (a surname as a name is written holds one)
      if (!(capitals & OPENS_IN_CAPITALS) || !(capitals & HAS_LOWER)) return null;
      const at = firstSurname(text, key);
      if (at < 0) return null;
      const before = text.slice(0, at).trim();
      if (!isUpperLine(before)) return null;
      // the surname and the words after it
      const words = new LazyWords(text.slice(at));
      let n = 1;
      while (words.has(n) && n < 5 && /^\p{Lu}[\p{Ll}\p{M}]+[.,;]?$/u.test(words.text(n))) n++;
      if (n < 2) return null;
      const beforeKey = matchKey(before).replace(/[.,:;]+$/, "");
      const titled = !!readAuthority(before) || TITLE_KEYS_BY_SIZE.some((t, k) => beforeKey === t || beforeKey.endsWith(SPACED_TITLE_KEYS_BY_SIZE[k]));
      if (!titled) return null;
      const end = words.has(n) ? at + words.start(n) : text.length;
      return { at: end < text.length ? [at, end] : [at] };
    },
  },
];

/**
 * Can any of {@link SPLIT_RULES} cut a line? Their first tests asked together (each rule asks its
 * own again): the line opens in capitals up to a space, with a number line's label, with `số`, or
 * with an authority's spelling. A line none of them lets through (most lines) is not handed to
 * each rule in turn, five calls a line.
 */
export const mayCut = (key: string, capitals: number) =>
  (capitals & OPENS_IN_CAPITALS) !== 0 || key.startsWith(NUMBER_HEAD) || mayOpenWithCell(key, capitals) || mayOpenWithAuthority(key);

/**
 * The line cut into pieces where one of {@link SPLIT_RULES} finds two cells, each piece a line of
 * its own, and the rules that cut it; null where none does (most lines: nothing is made for them).
 */
export function splitLine(l: NormalizedLine, depth = 0, lineKey?: string, capitals?: number): { lines: NormalizedLine[]; rules: string[] } | null {
  if (depth > 3 || l.text.length < 8) return null;
  const key = lineKey ?? matchKey(l.text);
  if (key.length !== l.text.length) return null;
  const bits = capitals ?? capitalsOf(l.text);
  if (!mayCut(key, bits)) return null;
  for (const rule of SPLIT_RULES) {
    const cut = rule.cut(l.text, key, bits);
    if (!cut) continue;
    const bounds = [0, ...cut.at, l.text.length];
    const out: NormalizedLine[] = [];
    const rules = [rule.name];
    for (let p = 0; p < bounds.length - 1; p++) {
      const raw = l.text.slice(bounds[p], bounds[p + 1]);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (!text) continue;
      const start = l.start + bounds[p] + lead;
      const piece: NormalizedLine = { text, start, end: start + text.length, meta: l.meta, column: cut.columns?.[p] ?? l.column };
      const sub = splitLine(piece, depth + 1);
      if (sub) {
        out.push(...sub.lines);
        rules.push(...sub.rules);
      } else out.push(piece);
    }
    return { lines: out, rules };
  }
  return null;
}
