import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import {
  AUTHORITY_LINE, BODY_HEAD_WORDS, DATE_PHRASE, LETTER_SUBJECT, MOTTO, NATIONAL_TITLE, NUMBER_LABEL, PARENT_BODY_HEADS, PREAMBLE_LINE, RECIPIENTS,
} from "../../grammars/header.js";
import { SIGNER_TITLES } from "../../grammars/people.js";
import { INLINE_RULE, PORTAL_TITLE_AFTER_TYPE } from "../../grammars/layout.js";
import type { Warning } from "../record/schema.js";
import { inCapitals, lineMeta, WorkLine } from "./layout.js";
import { matchKey, nfcMatchKey } from "../text/tone.js";
import { alt } from "../text/pattern.js";
import { isCapitalCode, isCapitalised, isSpaceCode, LazyWords, LETTER, letterClassesBelow2000, wordCharBefore } from "../text/letters.js";
import { LINE_SHAPE, lineShape } from "./unicode.js";

/**
 * Table cells a scrape flattened onto one line, split back into the document's lines.
 *
 * Plain-text scrapes of legal portals lose the header table's line breaks:
 * `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------`,
 * `Số: 2739/VPCP-ĐMDN V/v quy định …`, `Hà Nội, ngày 05 tháng 04 năm 2019 Kính gửi: Bộ …`, and
 * the signature table's: `KT. BỘ TRƯỞNG THỨ TRƯỞNG Đỗ Hoàng Anh Tuấn`. The line is cut where the
 * header grammar (grammars/header.ts) says a part begins; each piece keeps its offsets in the source.
 */

/** A header line pattern, unanchored, so it can be found inside a longer line. */
function unanchored(pattern: string): string {
  return pattern.replace(/^\^/, "").replace(/\\s\*(?:\[\.\]\?)?\$$/, "").replace(/\$$/, "");
}

/**
 * The header's parts, each found where no letter, mark or digit stands before it (`(?<![\p{L}\p{M}\d])`).
 * That guard is asked in JS where a part's pattern matched ({@link notGlued}), not written first in
 * the pattern: a lookbehind first is tried at every character of the line, before the engine may
 * skip to where a part's first letter stands.
 */
const nationalTitle = new RegExp(unanchored(NATIONAL_TITLE), "gu");
const motto = new RegExp(unanchored(MOTTO), "gu");
const numberLabel = new RegExp(NUMBER_LABEL, "gu");
// not after a bracket either: "THÔNG BÁO (V/v Tăng cường giám sát …)" is a trích yếu in brackets, whole
const letterSubject = new RegExp(unanchored(LETTER_SUBJECT), "gu");
const recipients = new RegExp(unanchored(RECIPIENTS), "gu");
const datePhrase = new RegExp(DATE_PHRASE, "gu");
/** No letter, mark or digit (nor, with `brackets`, `(` or `[`) stands before `i`: `(?<![\p{L}\p{M}\d])` asked at one place. */
function notGlued(key: string, i: number, brackets = false): boolean {
  if (wordCharBefore(key, i)) return false;
  const c = i > 0 ? key.charCodeAt(i - 1) : 0;
  return !(brackets && (c === 0x28 || c === 0x5b));
}

/**
 * The next match of a part's global pattern in `key` from its `lastIndex` that opens at a place
 * {@link notGlued} allows: what the pattern with the lookbehind first would find (each place where it
 * matched glued is passed over by one character, as the engine would go on from there).
 */
function nextPart(re: RegExp, key: string, brackets = false): RegExpExecArray | null {
  for (let m = re.exec(key); m; m = re.exec(key)) {
    if (notGlued(key, m.index, brackets)) return m;
    re.lastIndex = m.index + 1;
  }
  return null;
}
const inlineRule = new RegExp(INLINE_RULE, "gu");
const nationalTitleLine = new RegExp(NATIONAL_TITLE, "u");
const preamble = new RegExp(PREAMBLE_LINE, "u");
const authority = new RegExp(AUTHORITY_LINE, "u");
const titles = SIGNER_TITLES.map((t) => matchKey(t));
const titleOpenings = titles.map((title) => ({ title, space: title + " ", comma: title + "," }));
// the words that open a body's name: the agency table's heads and the issuer lines' shorter ones
const bodyHeads = [...new Set([...AGENCY_HEADS.flatMap((h) => [...h.forms, ...(h.abbr ?? [])]), ...BODY_HEAD_WORDS].map((w) => matchKey(w)))].sort((a, b) => b.length - a.length);
const parentHeads = PARENT_BODY_HEADS.map((w) => matchKey(w));
// each head with the space after it, and with a space on both sides: made once, not for every head at every word asked
const bodyHeadsThenSpace = bodyHeads.map((h) => h + " ");
const bodyHeadsSpaced = bodyHeads.map((h) => " " + h + " ");
const parentHeadsThenSpace = parentHeads.map((h) => h + " ");

/** How a line's match key is made: {@link matchKey}, or {@link nfcMatchKey} of a document's lines known to be in NFC. */
type KeyOf = (text: string) => string;

/** How many lines from the top may hold the header's flattened cells. */
const HEAD_LINES = 8;

/** Words of a place before `, ngày` (`Hà Nội`, `TP. Hồ Chí Minh`, `Thành phố Cần Thơ`, `Phường 1`). */
const placeWord = /^(?:\p{Lu}[\p{L}\p{M}]*\.?|TP\.[\p{L}\p{M}]*|phố|\d{1,2})$/u;
const MAX_PLACE_WORDS = 5;

/** How far before or after a match the header's checks look (a place, `nước`, the motto after the quốc hiệu). */
const LOOK_AROUND = 300;
const cellEnd = new RegExp(`^(?:$|[-–—─━═]{3,}|${unanchored(MOTTO)})`, "u");

/** Where the header's parts begin inside one flattened line (offsets into the line), its match key beside it. */
function headCuts(text: string, key: string, keyOf: KeyOf): { cuts: number[]; rules: [number, number][] } {
  const cuts: number[] = [];
  const at = (re: RegExp, test: (m: RegExpExecArray) => boolean = () => true, brackets = false) => {
    re.lastIndex = 0;
    for (let m = nextPart(re, key, brackets); m; m = nextPart(re, key, brackets)) if (test(m)) cuts.push(m.index);
  };
  const capital = (i: number) => /\p{Lu}/u.test(text[i]);
  // the quốc hiệu is written in capitals and closes its cell: "… NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Ở NƯỚC NGOÀI"
  // (a title naming the State) and "nước Cộng hòa xã hội chủ nghĩa Việt Nam" in a sentence are not it
  at(nationalTitle, (m) => {
    const end = m.index + m[0].length;
    if (text.slice(m.index, end) !== text.slice(m.index, end).toUpperCase()) return false;
    // bounded look-arounds: a line of thousands of quốc hiệu stays linear
    if (/(?:^|\s)nước\s+$/u.test(key.slice(Math.max(0, m.index - LOOK_AROUND), m.index))) return false;
    const after = key.slice(end, end + LOOK_AROUND).trimStart();
    return cellEnd.test(after);
  });
  at(motto);
  // "Số:" with its colon and capital, not "số 5" in a sentence
  at(numberLabel, (m) => capital(m.index) && /[:]/.test(m[0]));
  at(letterSubject, (m) => capital(m.index), true);
  at(recipients, (m) => capital(m.index));
  // "Kon Tum, ngày 04 tháng 5 năm 2020": the place before the date, and a cut after the year
  datePhrase.lastIndex = 0;
  for (let m = nextPart(datePhrase, key); m; m = nextPart(datePhrase, key)) {
    const place = placeStart(text, m.index);
    if (place === null) continue;
    cuts.push(place);
    cuts.push(m.index + m[0].length);
  }
  const rules: [number, number][] = [];
  inlineRule.lastIndex = 0;
  for (let m = inlineRule.exec(text); m; m = inlineRule.exec(text)) rules.push([m.index, m.index + m[0].length]);
  // the issuer cell stands first, up to the first part or rule found after it
  let firstPart = text.length;
  for (const c of cuts) if (c > 0 && c < firstPart) firstPart = c;
  if (rules.length && rules[0][0] < firstPart) firstPart = rules[0][0];
  if (firstPart < text.length) cuts.push(...issuerCuts(text.slice(0, firstPart), keyOf));
  return { cuts, rules };
}

/**
 * A flattened issuer cell holding the parent body and the issuing body (`BỘ TÀI CHÍNH TỔNG CỤC
 * HẢI QUAN`): cut before the issuing body's head word, when the cell opens with a parent body's
 * head, the parent has a name of its own (two words or more) and no other head word.
 */
function issuerCuts(cell: string, keyOf: KeyOf): number[] {
  const text = cell.trimEnd();
  if (text !== text.toUpperCase() || !/\p{Lu}/u.test(text)) return [];
  const key = keyOf(text);
  const p = parentHeadsThenSpace.findIndex((h) => key.startsWith(h));
  if (p < 0) return [];
  const parent = parentHeads[p];
  const words = [...key.matchAll(/\S+/g)];
  for (let k = parent.split(" ").length + 1; k < words.length - 1; k++) {
    if (!bodyHeadsThenSpace.some((h) => key.startsWith(h, words[k].index!))) continue;
    const before = key.slice(0, words[k].index!).trim();
    // the parent's own words hold no head word (one body, not two already cut)
    const inner = before.slice(parent.length).trim();
    const spaced = " " + inner + " ";
    if (bodyHeadsSpaced.some((h) => spaced.includes(h))) return [];
    return [words[k].index!];
  }
  return [];
}

/**
 * The start of the place written before `, ngày` at `dateAt`, or null when no place stands there.
 * Read backwards from the date, word by word (`\S+` runs), as far as a place's words go: the
 * window's words were split out whole by a pattern (a match object each) to look at its last few.
 */
function placeStart(text: string, dateAt: number): number | null {
  // only the last few words before the date matter: a window keeps a line of many dates linear
  const from = Math.max(0, dateAt - LOOK_AROUND);
  let end = dateAt;
  while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === from || text.charCodeAt(end - 1) !== 0x2c) return null;
  end--;
  // the place's words, last first
  const starts: number[] = [];
  const words: string[] = [];
  while (words.length < MAX_PLACE_WORDS) {
    while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
    if (end === from) break;
    let start = end;
    while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    // a word cut by the window's edge is not a word
    if (start === from && from > 0 && !isSpaceCode(text.charCodeAt(from - 1))) break;
    const word = text.slice(start, end);
    if (!placeWord.test(word)) break;
    starts.push(start);
    words.push(word);
    end = start;
  }
  // a place opens with a capital ("Phường 1", "Thành phố Huế"), never with "phố" or a digit
  for (let k = words.length - 1; k >= 0; k--) if (isCapitalised(words[k])) return starts[k];
  return null;
}

/** A word in capitals, of two letters or more or an abbreviation's (`KT.`, `Q.`): `UBND`, `CHỦ`, not `2005` or `A`. */
const isUpperWord = (w: string) => inCapitals(w) && upperWordShape.test(w);
const upperWordShape = /\p{L}{2}|^\p{Lu}{1,3}[./]/u;
const isNameWord = (w: string) => /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(w) || /^\p{Lu}$/u.test(w);

/**
 * In a signature table flattened onto one line, where its parts begin: the signing authority
 * (`KT.`, `TM.`), the title (`BỘ TRƯỞNG, CHỦ NHIỆM`), the signer's name after it, and what
 * follows the name. A run of capitals counts only when it opens with an authority or a title
 * and a name of two to five words follows it. Asked only of a line whose words may hold one
 * ({@link LINE_SHAPE}.MAY_SIGN): it runs on every line of a body, almost none of which has it.
 */
function signatureCuts(text: string, keyOf: KeyOf): number[] {
  // the words are read as the walk reaches them, as offsets
  const words = new LazyWords(text);
  const upperAt = (i: number) => isUpperWordIn(text, words.start(i), words.end(i));
  const cuts: number[] = [];
  for (let i = 0; words.has(i); i++) {
    if (!upperAt(i)) continue;
    let j = i + 1;
    while (words.has(j) && upperAt(j)) j++;
    // the name first: most runs of capitals in a body (`UBND tỉnh`, `CỘNG HÒA …`) have none after
    // them, and the run's key and the titles are then not looked at
    let k = j;
    while (words.has(k) && k - j < 5 && isNameWordIn(text, words.start(k), words.end(k))) k++;
    const nameWords = k - j;
    const afterName = words.has(k) ? words.text(k) : undefined;
    const nameEnds = afterName === undefined || isUpperWord(afterName) || /^[(\[]/.test(afterName);
    if (nameWords >= 2 && nameEnds && opensSignature(text.slice(words.start(i), words.end(j - 1)), keyOf)) {
      if (i > 0) cuts.push(words.start(i));
      // "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH": a nested authority starts its own line
      for (let r = i + 1; r < j; r++) {
        const at = words.start(r);
        // the word's stop first: most words of a run have none, and their keys are not made
        if (holdsStop(text, at, words.end(r)) && authority.test(keyOf(text.slice(at, at + 12)))) cuts.push(at);
      }
      cuts.push(words.start(j));
      if (afterName !== undefined) cuts.push(words.start(k));
      i = k - 1;
    } else {
      i = j - 1;
    }
  }
  return cuts;
}

/** Does `text[start, end)` hold a `.` or a `/` (an authority's stop, `KT.`, `T/M`)? */
function holdsStop(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x2f) return true;
  }
  return false;
}

/** A run of capitals that opens with a signing authority (`KT.`, `TM.`) or a signer's title. */
function opensSignature(run: string, keyOf: KeyOf): boolean {
  const key = keyOf(run);
  return authority.test(key) || titleOpenings.some((t) => key === t.title || key.startsWith(t.space) || key.startsWith(t.comma));
}

/** {@link isUpperWord} of `text[start, end)`: a word not in capitals (most words) is not copied to be tested. */
function isUpperWordIn(text: string, start: number, end: number): boolean {
  return inCapitals(text, start, end) && hasUpperWordShape(text, start, end);
}

/**
 * {@link upperWordShape} of `text[start, end)`, read from the letter table: a word in capitals is
 * mostly told by its first two code units (two letters), where the regex call cost more than the
 * signature walk's own reading of the word. A word with a code unit from U+2000 on asks the pattern.
 */
function hasUpperWordShape(text: string, start: number, end: number): boolean {
  const classes = letterClassesBelow2000();
  let letterBefore = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x2000) return upperWordShape.test(text.slice(start, end));
    const letter = (classes[c] & LETTER) !== 0;
    if (letter && letterBefore) return true;
    letterBefore = letter;
  }
  // no two letters in a row: `^\p{Lu}{1,3}[./]` can only be one capital and its stop
  const next = end > start + 1 ? text.charCodeAt(start + 1) : 0;
  return isCapitalCode(text.charCodeAt(start)) && (next === 0x2e || next === 0x2f);
}

/** {@link isNameWord} of `text[start, end)`; a word that does not open with a capital below U+2000 is not copied to be tested. */
function isNameWordIn(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x2000 && !isCapitalCode(c)) return false;
  return isNameWord(text.slice(start, end));
}

const typeNames = DOCUMENT_TYPES.map((t) => matchKey(t.name)).sort((a, b) => b.length - a.length);

/**
 * A flattened title cell: `QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP … CỤC TRƯỞNG CỤC XUẤT NHẬP KHẨU` → the
 * type's name, the trích yếu, and the enacting body under it (the issuer's name, with the
 * title of its head before it) when the piece ends with the issuer's name. Asked of a piece
 * written in capitals, by its match key.
 */
function titleCuts(key: string, issuer: string | undefined): number[] {
  const type = typeNames.find((t) => key.startsWith(t + " "));
  const cuts = type ? [type.length] : [];
  const opening = type?.length ?? 0;
  if (issuer && key.length > opening + issuer.length + 2 && key.endsWith(" " + issuer)) {
    let at = key.length - issuer.length;
    const before = key.slice(0, at).trimEnd();
    const title = titles.filter((t) => before.endsWith(" " + t)).sort((a, b) => b.length - a.length)[0];
    if (title && before.length - title.length > opening + 1) at = before.length - title.length;
    cuts.push(at);
  }
  return cuts;
}

/** The line cut at the given offsets (and with rule runs taken out), each piece trimmed. */
function cutLine(line: WorkLine, cuts: number[], rules: [number, number][] = []): WorkLine[] {
  const text = line.t.text;
  const bounds = new Set<number>([0, text.length]);
  for (const c of cuts) if (c > 0 && c < text.length) bounds.add(c);
  for (const [a, b] of rules) {
    bounds.add(a);
    bounds.add(b);
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const pieces: WorkLine[] = [];
  // rules come in text order and do not overlap: one sweep finds the rule a piece may lie in
  let r = 0;
  for (let k = 0; k + 1 < sorted.length; k++) {
    const a = sorted[k];
    const b = sorted[k + 1];
    while (r < rules.length && rules[r][1] < b) r++;
    if (r < rules.length && a >= rules[r][0] && b <= rules[r][1]) continue;
    const raw = text.slice(a, b);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead === raw.length) continue;
    pieces.push(line.withText(line.t.slice(a + lead, b - trail)));
  }
  // the pieces were cells of a table: none continues into the next (replaced in place, not by `map`:
  // why in segment/index.ts, `classes`)
  for (let k = 0; k < pieces.length - 1; k++) pieces[k] = new WorkLine(pieces[k].t, lineMeta(pieces[k].meta, true), pieces[k].column);
  return pieces;
}

/**
 * Lines of a header or signature table that a scrape flattened, cut back into their parts.
 * Only text lines without layout from the loader (no block, no column) are looked at: the
 * first lines of the document for the header, any later line for a signature. `inNfc`: the lines
 * are in NFC (normalize's `inNfc`), and their keys are made without asking.
 */
export function splitFlattened(lines: WorkLine[], inNfc = false): WorkLine[] {
  const keyOf = inNfc ? nfcMatchKey : matchKey;
  const out: WorkLine[] = [];
  let seen = 0;
  let inHead = true;
  // the last upper-case piece above the quốc hiệu: the issuer, repeated as the enacting body under the title
  let issuer: string | undefined;
  let beforeNationalTitle = true;
  for (const line of lines) {
    const text = line.t.text;
    if (!text || line.meta.block || line.column) {
      out.push(line);
      continue;
    }
    seen++;
    const key = inHead && seen <= HEAD_LINES ? keyOf(text) : "";
    if (inHead && (seen > HEAD_LINES || preamble.test(key))) inHead = false;
    if (inHead) {
      const { cuts, rules } = headCuts(text, key, keyOf);
      if (!(cuts.some((c) => c > 0) || rules.length)) {
        out.push(line);
        continue;
      }
      for (const piece of cutLine(line, cuts, rules)) {
        const text = piece.t.text;
        const key = keyOf(text);
        const upper = text === text.toUpperCase();
        if (nationalTitleLine.test(key)) beforeNationalTitle = false;
        if (beforeNationalTitle && upper) issuer = key;
        if (upper) out.push(...cutLine(piece, titleCuts(key, beforeNationalTitle ? undefined : issuer)));
        else out.push(piece);
      }
      continue;
    }
    const cuts = (line.shape ?? lineShape(text)) & LINE_SHAPE.MAY_SIGN ? signatureCuts(text, keyOf) : null;
    if (cuts?.length) out.push(...cutLine(line, cuts));
    else out.push(line);
  }
  return out;
}

const portalTitle = new RegExp(
  `^${alt(DOCUMENT_TYPES.map((t) => matchKey(t.name)))}${PORTAL_TITLE_AFTER_TYPE}`,
  "u",
);
/** How far below the portal's title the document's quốc hiệu stands. */
const TITLE_TO_HEADER = 6;

/**
 * A portal's own title line above the document (`Công văn 2739/VPCP-ĐMDN năm 2019 …`) is page
 * furniture: left out when it is the first line, written in sentence case (a Công báo's
 * title-style opening is in capitals and has no header under it) and the quốc hiệu follows closely.
 * `inNfc` as {@link splitFlattened}'s.
 */
export function dropPortalTitle(lines: WorkLine[], warnings: Warning[], inNfc = false): WorkLine[] {
  const keyOf = inNfc ? nfcMatchKey : matchKey;
  const first = lines.findIndex((l) => l.t.text);
  if (first < 0) return lines;
  const line = lines[first];
  const text = line.t.text;
  if (line.meta.block || text === text.toUpperCase() || !portalTitle.test(keyOf(text))) return lines;
  const below = lines.slice(first + 1).filter((l) => l.t.text).slice(0, TITLE_TO_HEADER);
  if (!below.some((l) => nationalTitleLine.test(keyOf(l.t.text)))) return lines;
  warnings.push({ code: "dropped-page-title", message: `a portal's title line above the document left out: ${text.slice(0, 120)}` });
  return [...lines.slice(0, first), ...lines.slice(first + 1)];
}
