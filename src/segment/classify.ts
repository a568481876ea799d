import { DAY_WORD, YEAR_WORD } from "../../grammars/dates.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import {
  ARCHIVE_COPY, AUTHORITY_ALONE, AUTHORITY_INITIALS, DATE_LINE_END, AUTHORITY_LINE, SIGNING_AUTHORITIES, type SigningAuthority, CONFIDENTIALITY, DISTRIBUTION, ENACTING_LINE, FOOTNOTE_LINE, FOOTNOTE_OPENS, LETTER_SUBJECT,
  NATIONAL_TITLE, NUMBER_LINE, PLACE_DATE_LINE, DATE_ONLY_LINE, PREAMBLE_LINE, RECIPIENTS,
  SIGNATURE_NOTE, URGENCY, ARCHIVE_COPY_OPENS, DISTRIBUTION_OPENS, ENACTING_WORDS, LETTER_SUBJECT_OPENS, NATIONAL_TITLES, NUMBER_LINE_OPENS, PREAMBLE_OPENERS,
  RECIPIENTS_OPENS, SIGNATURE_NOTE_OPENS,
} from "../../grammars/header.js";
import { HONORIFICS, SIGNER_TITLES } from "../../grammars/people.js";
import { ACADEMIC_TITLES } from "../../grammars/standard/format.js";
import type { NormalizedLine } from "../normalize/index.js";
import { foldTone, matchKey } from "../text/tone.js";
import { afterSpaces, CAPITAL, collapseSpaces, isSpaceCode, LETTER as ANY_LETTER, letterClassesBelow2000, sentenceCase, SMALL, UPPER_CASES } from "../text/letters.js";
import { alt, endsWith } from "../text/pattern.js";
import { lazily } from "../text/lazy.js";
import { BoundedMemo } from "../text/memo.js";
import { CodeSet } from "../text/codes.js";

/** What a line is, judged on its own. The segmenter decides from these and their order. */
export type LineClass =
  | "nationalTitle" | "motto" | "number" | "placeDate" | "urgency" | "confidentiality"
  | "letterSubject" | "recipients" | "distribution" | "archiveCopy" | "authority" | "signatureNote"
  | "enacting" | "preamble" | "footnote" | "typeTitle" | "positionTitle" | "upper" | "label" | "name" | "text";

const re = (s: string) => new RegExp(s, "u");
export const patterns = {
  nationalTitle: re(NATIONAL_TITLE),
  number: re(NUMBER_LINE),
  placeDate: re(PLACE_DATE_LINE),
  dateOnly: re(DATE_ONLY_LINE),
  letterSubject: re(LETTER_SUBJECT),
  recipients: re(RECIPIENTS),
  distribution: re(DISTRIBUTION),
  archiveCopy: re(ARCHIVE_COPY),
  authority: re(AUTHORITY_LINE),
  authorityAlone: re(AUTHORITY_ALONE),
  signatureNote: re(SIGNATURE_NOTE),
  enacting: re(ENACTING_LINE),
  preamble: re(PREAMBLE_LINE),
  footnote: re(FOOTNOTE_LINE),
};

/** Does a key end as a place-and-date line does (its date and what may close it)? Read back from its end. */
export const endsInDate = endsWith(DATE_LINE_END);

/**
 * Can a key end as a place-and-date line does ({@link endsInDate})? Its date ends in the year's
 * digits, or in the year word where the year is left blank (`năm 2025`, `năm ....`), and only
 * spaces, dots, underscores and ellipses follow. Read from the end, a code unit or two: most lines
 * end otherwise (a word and its stop, `;`, `:`) and were searched for the day word, every line.
 */
export function mayEndInDate(key: string): boolean {
  let i = key.length - 1;
  while (i >= 0 && isDateFiller(key.charCodeAt(i))) i--;
  const c = key.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || c === YEAR_WORD_END;
}
const YEAR_WORD_END = YEAR_WORD.charCodeAt(YEAR_WORD.length - 1);
/** What may stand after a date line's year (or its blank year word): a space, `.`, `_`, `…`. */
const isDateFiller = (c: number) => c === 0x2e || c === 0x5f || c === 0x2026 || isSpaceCode(c);

const typeNames = [...DOCUMENT_TYPES]
  .sort((a, b) => b.name.length - a.name.length)
  .map((t) => ({ t, key: matchKey(t.name), upper: foldTone(t.name.toUpperCase()) }));
/**
 * The types by the first word of their key (longest name first within a word, as in the list):
 * a line's title can only be a type whose first word is the line's first word, so a line is
 * compared with those few rather than with every type.
 */
const typesByFirstWord = new Map<string, { t: (typeof DOCUMENT_TYPES)[number]; key: string; upperSpace: string }[]>();
for (const { t, key, upper } of typeNames) {
  const first = key.split(" ")[0];
  if (!typesByFirstWord.has(first)) typesByFirstWord.set(first, []);
  typesByFirstWord.get(first)!.push({ t, key, upperSpace: upper + " " });
}
/**
 * The longest of the types' names in capitals with their space: a text is folded only that far (and
 * a code unit more, for a pair of letters that folding reads together) to be compared with them —
 * folding reads a letter's neighbours only, so the prefix folds as it does in the whole text.
 */
const longestUpperSpace = Math.max(...[...typesByFirstWord.values()].flat().map((x) => x.upperSpace.length));
const positionTitles = new Set(SIGNER_TITLES.map(matchKey));
/** The signers' titles as keys, longest first (a key ending in `phó chủ tịch` is told before `chủ tịch`): read by footer and split. */
export const TITLE_KEYS_BY_SIZE: readonly string[] = SIGNER_TITLES.map((t) => matchKey(t)).sort((a, b) => b.length - a.length);
/** Each of {@link TITLE_KEYS_BY_SIZE} after its space, as a key ending in it ends (made once: each was made again for every title at every line asked). */
export const SPACED_TITLE_KEYS_BY_SIZE: readonly string[] = TITLE_KEYS_BY_SIZE.map((t) => ` ${t}`);

/** Mostly capitals: fewer than a fifth of its letters in lower case, and at least two letters. */
export const isUpperLine = (s: string) => (capitalsOf(s) & UPPER_LINE) !== 0;

/** {@link capitalsOf}: the line is in capitals ({@link isUpperLine}). */
const UPPER_LINE = 1;
/**
 * {@link capitalsOf}: the line opens in capitals, its text up to some space a line in capitals (a
 * header row's left cell, a signer's title before the name). The split rules ask it before looking
 * for a quốc hiệu or a surname after such a cell (patterns unanchored on the left, run over every
 * line's key, most of them sentences).
 */
export const OPENS_IN_CAPITALS = 2;
/**
 * {@link capitalsOf}: the line holds a lower-case letter. A line without one holds no word in mixed
 * case (a name, `Nguyễn`): the split rules do not look for a surname in it.
 */
export const HAS_LOWER = 4;

/**
 * What the capitals of a line say of it, {@link UPPER_LINE}, {@link OPENS_IN_CAPITALS} and {@link HAS_LOWER}, in one
 * walk of its code units. A sentence is given up about a third of the way in, once its small
 * letters are a fifth of what it could still hold (were every code unit left a capital): from
 * there neither it nor any stretch of it up to a space is in capitals.
 *
 * The line may be given as its stretch `from`–`to` of a longer text: the segmenter reads each
 * line in the document's text, one flat string, rather than in the line's own, a slice of it, whose
 * every code unit the compiled walk reaches through the slice to its parent (a third of the walk's
 * instructions).
 */
export function capitalsOf(s: string, from = 0, to = s.length): number {
  let lower = 0;
  let letters = 0;
  // a boolean, not the bit: the bit is an export, which compiled code reads through a cell it checks
  let opens = false;
  // the table itself, a constant the compiled walk reads without checking it at every code unit
  if (!caseKindsMade) makeCaseKinds();
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    let kind = c < 0x2000 ? CASE_KINDS[c] : caseBeyondTable(s, i, to);
    // a surrogate pair read whole: its second code unit is not read again
    if (kind >= PAIR) {
      kind -= PAIR;
      i++;
    }
    if (kind === LOWER_CASED) {
      letters++;
      lower++;
      // so many lower-case letters that no count of capitals can outweigh them (in the line; in a stretch yet to end)
      if (opens ? lower >= (to - from) * 0.2 : 5 * lower >= letters + to - i - 1) return (opens ? OPENS_IN_CAPITALS : 0) | HAS_LOWER;
    } else if (kind === CASED) letters++;
    // not a cased letter (digit, mark, punctuation): only a space ends a stretch in capitals
    else if (kind === SPACE && !opens && letters >= 2 && lower / letters < 0.2) opens = true;
  }
  return (letters >= 2 && lower / letters < 0.2 ? UPPER_LINE : 0) | (opens ? OPENS_IN_CAPITALS : 0) | (lower > 0 ? HAS_LOWER : 0);
}

/**
 * How {@link capitalsOf} counts the code unit at `i`, one beyond the table (and an astral letter,
 * a surrogate pair read whole as `for…of` would: its kind plus {@link PAIR}). Apart from the walk,
 * which meets none on most lines.
 */
function caseBeyondTable(s: string, i: number, to: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) return caseOf(s.slice(i, i + 2)) + PAIR;
  const kind = caseOf(s[i]);
  return kind === UNCASED && isSpaceCode(c) ? SPACE : kind;
}

const UNCASED = 0, CASED = 1, LOWER_CASED = 2, SPACE = 3;
/** Added to a kind by {@link caseBeyondTable} where the code unit opens a surrogate pair. */
const PAIR = 4;
/**
 * How {@link capitalsOf} counts each code unit below U+2000 ({@link UNCASED}, {@link CASED},
 * {@link LOWER_CASED}, or an uncased {@link SPACE}), worked out once from the letter table: the
 * walk reads one byte a code unit instead of testing the letter classes' bits and the space ranges
 * (it reads a third of every line, a tenth of the stage).
 */
const CASE_KINDS = new Uint8Array(0x2000);
let caseKindsMade = false;
function makeCaseKinds(): void {
  const table = letterClassesBelow2000();
  for (let c = 0; c < 0x2000; c++) {
    const f = table[c];
    CASE_KINDS[c] =
      f & CAPITAL ? CASED
      // a letter neither capital nor small that upper-casing changes: a title-case digraph (ǅ)
      : f & UPPER_CASES ? ((f & (ANY_LETTER | SMALL)) === ANY_LETTER ? CASED : LOWER_CASED)
      : isSpaceCode(c) ? SPACE : UNCASED;
  }
  caseKindsMade = true;
}
/** A character beyond U+2000 as {@link capitalsOf} counts it: uncased (its upper and lower case the same), lower case, or another cased letter. */
const caseOf = (ch: string) => {
  const low = ch.toLowerCase();
  return ch.toUpperCase() === low ? UNCASED : ch === low ? LOWER_CASED : CASED;
};

// an honorific or a học hàm/học vị before the name: "Đồng chí Lê Văn B", "TS. Nguyễn Văn A"
const personName = new RegExp(
  `^(?:(?:${alt(HONORIFICS.map(sentenceCase))}|${alt(ACADEMIC_TITLES)}\\.?)\\s+)?\\p{Lu}[\\p{Ll}\\p{M}]*(?:\\s+\\p{Lu}[\\p{Ll}\\p{M}]*){1,5}$`,
  "u",
);
/**
 * What no name line holds, nor its honorific or title, nor the note stripped from it (a test keeps
 * it so for the word lists): a line with one is not stripped and tried (most body lines have one).
 */
export const NOT_IN_NAME = /[\d,;]/;
/** A personal name on a line of its own: "Lâm Hải Giang", "Vi Thiện Việt". */
export const isNameLine = (s: string) =>
  mayEndName(s) && !NOT_IN_NAME.test(s) && personName.test(stripSignedNote(s));

/**
 * Can `s` end as a name line does? A name ends in a letter (or a mark), a signed note after it in
 * `ký`, `signed` or its bracket: a line whose last code unit is ASCII and none of these (nor a
 * space `trim` takes off) ends otherwise, as most body lines do (`.`, `;`, `:`), and is not searched
 * for a digit or a comma nor stripped of notes.
 */
export function mayEndName(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return !(c < 0x80) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === CLOSE_PAREN || c === CLOSE_BRACKET || isSpaceCode(c);
}

/** "Nguyễn Tấn Dũng đã ký", "Võ Thanh Tòng (Đã ký)" → the name. */
export const stripSignedNote = (s: string) => {
  const t = s.trim();
  // the note at the end is looked for only where the line ends in its last word (the regex,
  // unanchored on the left, was tried from every character of every line)
  const last = t.charCodeAt(t.length - 1);
  const tail = last === CLOSE_PAREN || last === CLOSE_BRACKET ? t.slice(0, -1).trimEnd() : t;
  const noted = tail.endsWith("ký") || tail.endsWith("KÝ") || tail.endsWith("signed");
  const u = noted ? t.replace(/\s*[(\[]?\s*(?:đã ký|Đã ký|ĐÃ KÝ|signed)\s*[)\]]?$/u, "") : t;
  // the note in front opens with a bracket or its đ (`t` is trimmed, and what the end's note leaves
  // is too): the other lines are not searched (every short line without a digit or a comma was)
  return NOTE_OPENERS.has(u.charCodeAt(0)) ? u.replace(/^[(\[]?\s*(?:Đã ký|đã ký|ĐÃ KÝ)\s*[)\]:]?\s*/u, "") : u;
};
/** A bracket closing a note after a name (`)`, `]`): the note's last code unit, told without a regex call. */
const CLOSE_PAREN = 0x29, CLOSE_BRACKET = 0x5d;
/** The first code units of a note in front of a name: `(`, `[`, `Đ`, `đ`. */
const NOTE_OPENERS = CodeSet.ofChars("([Đđ");

/** The document type whose name opens an upper-case title line (`QUYẾT ĐỊNH`, `THÔNG BÁO KẾT LUẬN …`). */
export function titleType(
  text: string, lineKey = matchKey(text), upper = isUpperLine(text), loose: () => string | null = () => fixedLetters(text),
): (typeof DOCUMENT_TYPES)[number] | null {
  // the types the line's first word opens (the first word of its key with spaces collapsed),
  // looked up before the whole key is copied
  const byFirst = typesByFirstWord.get(firstWord(lineKey));
  let folded: string | undefined;
  for (const { t, key: name, upperSpace } of byFirst ?? []) {
    // "QUYẾT ĐỊNH", "THÔNG TƯ HƯỚNG DẪN"; "QUYẾT ĐỊNH của UBND …" (capitals lost after the name); "thông tư" alone
    const opens = nameOpens(lineKey, name);
    if (opens === NAME_ALONE) return t;
    if (opens === NAME_THEN_WORDS && (upper || (folded ??= foldTone(text.trim().slice(0, longestUpperSpace + 1))).startsWith(upperSpace))) return t;
  }
  // a title alone on its line, marks misread by OCR ("QUYÉT ĐỊNH")
  if (upper) {
    const hit = looseLetterTypes.get(loose() ?? "");
    if (hit) return hit;
  }
  return null;
}

const NOT_OPENING = 0, NAME_ALONE = 1, NAME_THEN_WORDS = 2;
/**
 * Does `name` (words one space apart) open `key` read as `collapseSpaces` would write it (its
 * whitespace runs one space, its ends trimmed): is the key the name ({@link NAME_ALONE}), or the
 * name and more words ({@link NAME_THEN_WORDS})? Read in place: a line opening with a type's first
 * word ("Quyết định số …", most of them body lines) was copied whole, or searched for spaces to
 * collapse, to be compared with a name.
 */
function nameOpens(key: string, name: string): number {
  const n = key.length;
  let i = afterSpaces(key, 0);
  for (let j = 0; j < name.length; j++) {
    const c = name.charCodeAt(j);
    if (c === 0x20) {
      // one space of the name: a whitespace run of the key
      if (i >= n || !isSpaceCode(key.charCodeAt(i))) return NOT_OPENING;
      i = afterSpaces(key, i);
    } else if (i < n && key.charCodeAt(i) === c && !isSpaceCode(c)) i++;
    else return NOT_OPENING;
  }
  if (i < n && !isSpaceCode(key.charCodeAt(i))) return NOT_OPENING;
  return afterSpaces(key, i) === n ? NAME_ALONE : NAME_THEN_WORDS;
}

/**
 * The first run of non-spaces (`/\S+/`): the first word of `collapseSpaces(s)` (text/letters).
 * Read in place (a regex's match array a line, for the two lookups of every line a title's word opens).
 */
function firstWord(s: string): string {
  const start = afterSpaces(s, 0);
  let end = start;
  while (end < s.length && !isSpaceCode(s.charCodeAt(end))) end++;
  return s.slice(start, end);
}

const longestTitle = Math.max(...[...positionTitles].map((t) => t.length));
const titleFirstWords = new Set([...positionTitles].map(firstWord));
export function isPositionTitle(text: string, key = matchKey(text)): boolean {
  // a title's first word opens the line (or, the line one word, that word without its closing
  // stop), and no title is longer than the longest: a body line is not copied three times to be looked up
  const first = firstWord(key);
  // the word without its stop asked only where it ends in one (a regex call a line otherwise)
  if (!titleFirstWords.has(first) && !(endsInStop(first) && titleFirstWords.has(first.slice(0, -1)))) return false;
  // more letters than the longest title (a body line): not copied to be looked up
  if (nonSpacesExceed(key, longestTitle + 1)) return false;
  return positionTitles.has(titleForm(key));
}

/**
 * A key as a title is looked up in, `key.replace(/\s+/g, " ").replace(/[.,;:]$/, "").trim()`: its
 * whitespace collapsed (text/letters, tested before replacing: most keys asked have their words one
 * space apart already), then its closing stop and the space before it taken off the end, unless the
 * key ended in whitespace (the stop then was not the last and stays). Two regex replaces every key
 * asked were a sixth of the classifier's time on the lines asked.
 */
function titleForm(key: string): string {
  const t = collapseSpaces(key);
  if (isSpaceCode(key.charCodeAt(key.length - 1)) || !endsInStop(t)) return t;
  return t.slice(0, t.charCodeAt(t.length - 2) === SPACE_CODE ? -2 : -1);
}
const SPACE_CODE = 0x20;

/** Does `s` end in `.`, `,`, `;` or `:` (`/[.,;:]$/`)? */
const endsInStop = (s: string) => {
  const c = s.charCodeAt(s.length - 1);
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a;
};

/** Does `s` hold more than `most` code units that are not whitespace? Read only as far as it takes to tell. */
function nonSpacesExceed(s: string, most: number): boolean {
  let count = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i)) && ++count > most) return true;
  return false;
}

/**
 * A line's letters only, without marks and spaces (`decomposedLetters`): "CỘNG HOÀ XÃ HỘI CHỦ
 * NGHĨA VIỆTNAM -" and OCR's "QUYÉT ĐỊNH" still spell their fixed line. Used only for fixed
 * upper-case lines.
 */
const decomposedLetters = (text: string) =>
  text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z]/g, "");
/** The place of a letter a–z in the alphabet (0–25): how the letter tree below indexes its branches. */
const letterIndex = (letter: string) => letter.charCodeAt(0) - 0x61;
/**
 * {@link decomposedLetters} of every code unit below U+2000 (one letter a–z or none), worked out
 * once: its {@link letterIndex}, or -1 for none.
 */
const letterTable = lazily(() => Int8Array.from({ length: 0x2000 }, (_, c) => {
  const letter = decomposedLetters(String.fromCharCode(c));
  return letter ? letterIndex(letter) : -1;
}));

const LOOSE_NATIONAL = new Set(["conghoaxahoichunghiavietnam", "dangcongsanvietnam", "vietnamdanchuconghoa"]);
const LOOSE_MOTTO = "doclaptudohanhphuc";
const looseTypes = typeNames.map(({ t }) => ({ t, key: decomposedLetters(t.name) }));
/** The type each of {@link looseTypes}' letters spell, the first in the list where two spell the same: looked up, where the list was searched with a closure (to no end on most lines, whose letters spell none). */
const looseLetterTypes = new Map<string, (typeof DOCUMENT_TYPES)[number]>();
for (const { t, key } of looseTypes) if (!looseLetterTypes.has(key)) looseLetterTypes.set(key, t);

/**
 * The letters of every fixed line (quốc hiệu, tiêu ngữ, type names) as a tree, made once and laid
 * flat: the node a letter leads to from node `n` is `next[n * 26 + letterIndex]` (0: none, the root
 * being no letter's child), and the fixed line's letters that end at `n` are `keys[n]`. The walk
 * reads one typed array a letter, where a node's branches were an array with holes (a missing
 * branch, most of them, looked up along the array's prototypes).
 */
const fixedTree = lazily(() => {
  const next: number[] = [];
  const keys: (string | null)[] = [];
  const node = () => {
    next.push(...new Array<number>(26).fill(0));
    keys.push(null);
    return keys.length - 1;
  };
  node();
  for (const key of [...LOOSE_NATIONAL, LOOSE_MOTTO, ...looseTypes.map((x) => x.key)]) {
    let n = 0;
    for (const ch of key) {
      const at = n * 26 + letterIndex(ch);
      n = next[at] || (next[at] = node());
    }
    keys[n] = key;
  }
  return { next: Int32Array.from(next), keys };
});

/**
 * The letters of the fixed line (quốc hiệu, tiêu ngữ, a type's name) that `s`'s letters spell, or
 * null. Read a character at a time (a decomposition neither joins nor reorders base letters: each
 * character gives its own) down the tree of those lines, so a line stops at its first letter no
 * fixed line has there: an upper-case line (a fifth of the lines) was decomposed and copied four
 * times whole to be compared (a sixth of the stage).
 */
function fixedLetters(s: string): string | null {
  const table = letterTable();
  const { next, keys } = fixedTree();
  let node = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x2000) {
      const letter = table[c];
      if (letter >= 0 && (node = next[node * 26 + letter]) === 0) return null;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    for (const ch of decomposedLetters(String.fromCodePoint(cp))) if ((node = next[node * 26 + letterIndex(ch)]) === 0) return null;
  }
  return keys[node];
}

/** The authority of a signature line and what it signs for: `KT. CHỦ TỊCH` → KT., CHỦ TỊCH. */
const authorityBySpelling = new Map<string, SigningAuthority>(SIGNING_AUTHORITIES.flatMap((a) => a.spellings.map((s) => [s, a.authority] as const)));
const AUTHORITY_SPELLINGS = SIGNING_AUTHORITIES.flatMap((a) => a.spellings);
/**
 * The first runs of letters of the authorities' spellings (`kt`, the `t` of `t/m`), and the longest:
 * both patterns open with a spelling at the key's first code unit, and something other than a
 * letter follows it, so a key whose first run of letters is another holds none.
 */
const authorityLeads = lazily(() => new Set(leadWords(AUTHORITY_SPELLINGS)));
const longestAuthorityLead = lazily(() => Math.max(...[...authorityLeads()].map((w) => w.length)));
/** The authorities' initials as codes: every one of {@link authorityLeads} opens with one (a lead word is a spelling's first run). */
const authorityInitials = new CodeSet(AUTHORITY_INITIALS.map((c) => c.charCodeAt(0)));
/** Can `key` open with an authority's spelling ({@link authorityLeads})? Read as far as its first run of letters goes. */
export function mayOpenWithAuthority(key: string): boolean {
  let end = 0;
  for (; end < key.length; end++) {
    const kind = letterKind(key.charCodeAt(end));
    // a code unit the walk does not know: the patterns say
    if (kind === UNSURE) return true;
    if (kind !== LETTER) break;
  }
  // a run whose first letter opens no spelling (two lines in three) is not copied to be looked up
  return end > 0 && end <= longestAuthorityLead() && authorityInitials.has(key.charCodeAt(0)) && authorityLeads().has(key.slice(0, end));
}
export function readAuthority(text: string, key = matchKey(text)): Readonly<{ authority: SigningAuthority; rest: string }> | null {
  // two regex calls a line were a twentieth of the stage where the split rules ask of every line,
  // and a key's first code unit (`t`, `k`, `q`) let through a line in three ("thực hiện", "quyết định")
  if (!mayOpenWithAuthority(key)) return null;
  const known = authorityReads.get(text);
  if (known && known.key === key) return known.read;
  const m = patterns.authority.exec(key) ?? patterns.authorityAlone.exec(key);
  const word = m ? m[1].replace(/\s+/g, "").replace(/\.$/, "") : "";
  const read = m ? Object.freeze({ authority: authorityBySpelling.get(word) ?? "TM.", rest: text.slice(m[0].length).trim() }) : null;
  authorityReads.set(text, { key, read });
  return read;
}
/**
 * The lines {@link readAuthority} read, by text, with the key they were read with: a signature
 * line is read by the classifier, a split rule and the footer, and documents repeat their
 * authority lines (`KT. CHỦ TỊCH`): two regex calls and three copies a time.
 */
const authorityReads = new BoundedMemo<{ key: string; read: Readonly<{ authority: SigningAuthority; rest: string }> | null }>(1024, 160);

/** What a rule sees of a line: its text, its match key (`matchKey`) and the loader's facts. */
export interface LineView {
  line: NormalizedLine;
  /** the text as written */
  s: string;
  /** the match key: lower case, tone placement folded */
  k: string;
  /** {@link isUpperLine} of `s`, worked out once (several rules ask) */
  upper?: boolean;
  /** {@link fixedLetters} of `s`, worked out once (three rules ask) */
  loose?: string | null;
}

const upperOf = (v: LineView) => (v.upper ??= isUpperLine(v.s));
const looseOf = (v: LineView) => (v.loose === undefined ? (v.loose = fixedLetters(v.s)) : v.loose);

/**
 * A rule of the line classifier: `match` says whether the line is of class `cls`. Rules are tried
 * in order; the first that matches classes the line, and its name goes into the `--explain` trace.
 */
export interface ClassRule {
  name: string;
  /** a line this rule classes (a test checks that it does) */
  example: string;
  cls: LineClass;
  match: (v: LineView) => boolean;
  /**
   * The first words (see {@link leadWord}) of the lines the rule can class, where its pattern names
   * them: the rule is tried only on those lines. Without `opens` and `opensWith`, on every line.
   */
  opens?: readonly string[];
  /** First words the rule's pattern lets run on into more letters (`Số:12`, but also `Sốt …`): a line's first word beginning with one. */
  opensWith?: readonly string[];
  /** tried on every line in capitals too, whatever its first word (OCR may have garbled it) */
  orUpper?: true;
}

/**
 * A key's first run of letters (and marks), after whatever stands before it (`- `, `(`, `¹ `):
 * the word a rule's pattern opens with, where it names one. Every such pattern asks for something
 * other than a letter after its word, so the run is the word itself (or, for `opensWith`, begins with it).
 */
export function leadWord(key: string): string {
  let start = -1;
  let i = 0;
  for (; i < key.length; i++) {
    const kind = letterKind(key.charCodeAt(i));
    if (kind === UNSURE) return /[\p{L}\p{M}]+/u.exec(key)?.[0] ?? "";
    if (kind === LETTER) {
      if (start < 0) start = i;
    } else if (start >= 0) break;
  }
  return start < 0 ? "" : key.slice(start, i);
}

const NOT_LETTER = 0, LETTER = 1, UNSURE = 2;
/**
 * A code unit as {@link leadWord} reads it: plainly a Latin letter or a combining mark, plainly not
 * a letter (ASCII), or anything else, left to the regex (a regex on every line was a twentieth of the stage).
 */
const letterKind = (c: number) =>
  c < 0x80 ? ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? LETTER : NOT_LETTER)
  : (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff) ? LETTER
  : UNSURE;

/** The first word of each of a grammar's written forms (lower case, as a key). */
const leadWords = (forms: readonly string[]) => [...new Set(forms.map(leadWord))];

/**
 * The first code units of a footnote line ({@link FOOTNOTE_OPENS}, single code units all), in a
 * table: asked of every line, where a set's lookup was most of the rule's cost.
 */
const footnoteOpeners = CodeSet.ofChars(FOOTNOTE_OPENS);

const rightColumn = (l: NormalizedLine) => l.column === "right" || l.meta.block === "footer-right";
/** How a tiêu ngữ not in capitals opens ("Độc lập -Tự do- Hạnh phúc"): the letter rules try it, and lines in capitals. */
const MOTTO_OPENING = "độc lập";
const capitalsOrMotto = (v: LineView) => upperOf(v) || v.k.startsWith(MOTTO_OPENING);

export const CLASS_RULES: ClassRule[] = [
  // "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆTNAM -": spaces and marks lost, the letters still spell it
  { name: "national-title-letters", example: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆTNAM -", cls: "nationalTitle", match: (v) => capitalsOrMotto(v) && LOOSE_NATIONAL.has(looseOf(v) ?? ""),
    // the lines capitalsOrMotto lets through: not tried on the others (every line was)
    opens: leadWords([MOTTO_OPENING]), orUpper: true },
  // "Độc lập - Tự do - Hạnh phúc", "Độc lập -Tự do- Hạnh phúc": the letters spell it
  { name: "motto-letters", example: "Độc lập -Tự do- Hạnh phúc", cls: "motto", match: (v) => capitalsOrMotto(v) && looseOf(v) === LOOSE_MOTTO, opens: leadWords([MOTTO_OPENING]), orUpper: true },
  // "¹ Nghị quyết số 72-NQ/TW …", "[2] …", or a line the loader found at a page foot
  // (the pattern is asked only of a line whose first code unit can open it: it was asked of every line)
  { name: "footnote", example: "¹ Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị.", cls: "footnote", match: (v) => v.line.meta.block === "footnote" || (footnoteOpeners.has(v.s.charCodeAt(0)) && patterns.footnote.test(v.s)) },
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  { name: "national-title", example: "Cộng hòa xã hội chủ nghĩa Việt Nam", cls: "nationalTitle", match: (v) => patterns.nationalTitle.test(v.k), opens: leadWords(NATIONAL_TITLES) },
  // "Số: 12/UBND-VX", "Số: /QĐ-UBND" (a number line has a digit, a slash or a dash)
  { name: "number-line", example: "Số: 12/UBND-VX", cls: "number", match: (v) => patterns.number.test(v.k) && /\d|\/|-/.test(v.s),
    // "Luật số: …", "Nghị quyết số …"; "Số", and OCR's "Só", "Sô" …, run on: `Số:12/QĐ`
    opens: NUMBER_LINE_OPENS.words, opensWith: NUMBER_LINE_OPENS.runOn },
  // "Hà Nội, ngày 20 tháng 5 năm 2025", "Phường 1, ngày … tháng … năm 2025", "ngày 20 tháng 5 năm 2025"
  // (both patterns hold the day word: a line without it is not tried)
  // (both end as a date line does: a line with the word that does not, most of them, is asked that once)
  // (and a line that cannot end as one, most lines, is not searched for the word)
  { name: "place-date", example: "Quận 3, ngày 20 tháng 5 năm 2025", cls: "placeDate", match: (v) => mayEndInDate(v.k) && v.k.includes(DAY_WORD) && endsInDate(v.k) && (patterns.placeDate.test(v.k) || patterns.dateOnly.test(v.k)) },
  // "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN" on a line of their own
  { name: "urgency-mark", example: "HỎA TỐC", cls: "urgency", match: (v) => v.k in URGENCY && upperOf(v), opens: leadWords(Object.keys(URGENCY)) },
  // "MẬT", "TỐI MẬT"
  { name: "confidentiality-mark", example: "TỐI MẬT", cls: "confidentiality", match: (v) => v.k in CONFIDENTIALITY && upperOf(v), opens: leadWords(Object.keys(CONFIDENTIALITY)) },
  // "V/v triển khai …"
  { name: "letter-subject", example: "V/v triển khai công tác chuyển đổi số", cls: "letterSubject", match: (v) => patterns.letterSubject.test(v.k), opens: LETTER_SUBJECT_OPENS.words },
  // "Kính gửi: Sở Y tế"
  { name: "kinh-gui", example: "Kính gửi: Sở Y tế", cls: "recipients", match: (v) => patterns.recipients.test(v.k), opens: RECIPIENTS_OPENS.words },
  // "Nơi nhận:"
  { name: "noi-nhan", example: "Nơi nhận:", cls: "distribution", match: (v) => patterns.distribution.test(v.k),
    // "nơi", and OCR's "noi", "mới" … with the colon after "nhận"
    opens: DISTRIBUTION_OPENS.words },
  // "Đã ký: Nguyễn Thị Kim Ngân": the name, with its note in front
  { name: "signed-note-then-name", example: "(Đã ký) Nguyễn Thị Kim Ngân", cls: "name", match: (v) => /^[(\[]?\s*đã ký\s*[)\]:]?\s*\p{Lu}/iu.test(v.s) && isNameLine(v.s), opens: ["đã"] },
  // "(Đã ký)", "(ký, đóng dấu)"
  { name: "signature-note", example: "(Đã ký)", cls: "signatureNote", match: (v) => patterns.signatureNote.test(v.k), opens: SIGNATURE_NOTE_OPENS.words, opensWith: SIGNATURE_NOTE_OPENS.runOn },
  // "KT. CHỦ TỊCH"; a mis-cased "tm . ubnd thành phố" only where the layout puts it in the signature column
  {
    name: "authority", example: "KT. CHỦ TỊCH", cls: "authority",
    match: (v) => {
      const a = readAuthority(v.s, v.k);
      // "KT." alone: whom it signs for is on the next line
      return !!a && (/^\S*\p{Lu}/u.test(a.rest) || rightColumn(v.line) || (a.rest === "" && /^\p{Lu}/u.test(v.s)));
    },
    opens: leadWords(AUTHORITY_SPELLINGS),
  },
  // "QUYẾT ĐỊNH:" — without its colon the same words are the title; the segmenter tells them apart by place
  { name: "enacting-line", example: "QUYẾT ĐỊNH:", cls: "enacting", match: (v) => patterns.enacting.exec(v.k)?.[1] === ":", opens: leadWords(ENACTING_WORDS) },
  // "Căn cứ Luật Tổ chức chính quyền địa phương …"
  { name: "preamble-line", example: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;", cls: "preamble", match: (v) => patterns.preamble.test(v.k), opens: leadWords(PREAMBLE_OPENERS) },
  // "- Lưu: VT, TH."
  { name: "archive-copy", example: "- Lưu: VT, TH.", cls: "archiveCopy", match: (v) => patterns.archiveCopy.test(v.k) && v.s.length < 100, opens: ARCHIVE_COPY_OPENS.words },
  // "QUYẾT ĐỊNH", "THÔNG BÁO KẾT LUẬN …"
  { name: "type-title", example: "QUYẾT ĐỊNH", cls: "typeTitle", match: (v) => !!titleType(v.s, v.k, upperOf(v), () => looseOf(v)), opens: leadWords([...typesByFirstWord.keys()]), orUpper: true },
  // "PHÓ CHỦ TỊCH", "Tổng cục trưởng"
  { name: "position-title", example: "Tổng cục trưởng", cls: "positionTitle", match: (v) => isPositionTitle(v.s, v.k), opens: leadWords([...titleFirstWords]) },
  // "ỦY BAN NHÂN DÂN"
  { name: "capitals", example: "ỦY BAN NHÂN DÂN", cls: "upper", match: (v) => upperOf(v) },
  // "Lâm Hải Giang"
  { name: "personal-name", example: "Lâm Hải Giang", cls: "name", match: (v) => isNameLine(v.s) },
];

/** A node of the tree of first words, as it is built: the rules a word ending here calls for, and those a word through here does. */
interface WordNode {
  next: Map<number, WordNode>;
  /** `opens`: the first word is the path to here */
  word: number;
  /** `opensWith`: the first word begins with the path to here */
  start: number;
}

/**
 * The tree of first words laid flat, its nodes numbered (the root 0): the root's branches read
 * from a table by code unit, a node's others from its short run of edges. Every line walks it
 * down its first word, a step a letter: a map's lookup a step was a fortieth of the stage.
 */
interface WordTree {
  /** the node each code unit below U+2000 leads to from the root, or -1 */
  rootNext: Int32Array;
  /** a node's edges are `edgesFrom[node]` up to `edgesFrom[node + 1]`: the code unit of each, and the node it leads to */
  edgesFrom: Int32Array;
  edgeCodes: Uint16Array;
  edgeNodes: Int32Array;
  /** each node's `word` and `start` masks (see {@link WordNode}) */
  word: Int32Array;
  start: Int32Array;
}

/** The node code unit `c` leads to from `node`, or -1. */
function childOf(tree: WordTree, node: number, c: number): number {
  if (node === 0) return c < 0x2000 ? tree.rootNext[c] : -1;
  for (let e = tree.edgesFrom[node]; e < tree.edgesFrom[node + 1]; e++) if (tree.edgeCodes[e] === c) return tree.edgeNodes[e];
  return -1;
}

/** The tree as built laid flat, its nodes numbered breadth first (the root 0). */
function flatten(root: WordNode): WordTree {
  const nodes: WordNode[] = [root];
  for (let k = 0; k < nodes.length; k++) nodes.push(...nodes[k].next.values());
  const number = new Map(nodes.map((n, k) => [n, k]));
  const tree: WordTree = {
    rootNext: new Int32Array(0x2000).fill(-1),
    edgesFrom: new Int32Array(nodes.length + 1),
    edgeCodes: new Uint16Array(nodes.length),
    edgeNodes: new Int32Array(nodes.length),
    word: Int32Array.from(nodes, (n) => n.word),
    start: Int32Array.from(nodes, (n) => n.start),
  };
  let e = 0;
  nodes.forEach((n, k) => {
    tree.edgesFrom[k] = e;
    for (const [c, child] of n.next) {
      if (k === 0 && c < 0x2000) tree.rootNext[c] = number.get(child)!;
      tree.edgeCodes[e] = c;
      tree.edgeNodes[e++] = number.get(child)!;
    }
  });
  tree.edgesFrom[nodes.length] = e;
  return tree;
}

/**
 * The rules each first word can call for, a bit a rule (in {@link CLASS_RULES}' order), as a tree of
 * the words' code units: the rules without a first word, those of the word, those of a beginning
 * it has, and on a line in capitals those tried on every such line. Made once, when first asked.
 */
const dispatch = lazily(() => {
  if (CLASS_RULES.length > 31) throw new Error("at most 31 class rules: a rule is a bit of a dispatch mask");
  let always = 0;
  let upper = 0;
  const words: WordNode = { next: new Map(), word: 0, start: 0 };
  const nodeOf = (w: string) => {
    let node = words;
    for (let i = 0; i < w.length; i++) {
      let next = node.next.get(w.charCodeAt(i));
      if (!next) node.next.set(w.charCodeAt(i), (next = { next: new Map(), word: 0, start: 0 }));
      node = next;
    }
    return node;
  };
  CLASS_RULES.forEach((r, i) => {
    if (!r.opens && !r.opensWith) always |= 1 << i;
    if (r.orUpper) upper |= 1 << i;
    for (const w of r.opens ?? []) nodeOf(w).word |= 1 << i;
    for (const w of r.opensWith ?? []) nodeOf(w).start |= 1 << i;
  });
  return { always, upper, words: flatten(words) };
});

/**
 * The rules the first word of `key` (see {@link leadWord}) calls for: read down the tree as the word
 * is found, neither copied nor hashed (a lookup of the copied word was a tenth of the classifier).
 */
function rulesOfWord(key: string, words: WordTree): number {
  let node = 0;
  let mask = words.start[0];
  let inWord = false;
  for (let i = 0; i < key.length; i++) {
    const kind = letterKind(key.charCodeAt(i));
    if (kind === UNSURE) return rulesOfRun(leadWord(key), words);
    if (kind === LETTER) {
      inWord = true;
      if (node >= 0 && (node = childOf(words, node, key.charCodeAt(i))) >= 0) mask |= words.start[node];
    } else if (inWord) break;
  }
  return node >= 0 ? mask | words.word[node] : mask;
}

/** The rules of a first word already found (its every code unit a letter or a mark). */
function rulesOfRun(word: string, words: WordTree): number {
  let node = 0;
  let mask = words.start[0];
  for (let i = 0; i < word.length; i++) {
    if ((node = childOf(words, node, word.charCodeAt(i))) < 0) return mask;
    mask |= words.start[node];
  }
  return mask | words.word[node];
}

/**
 * The class of a line and the rule that gave it: the first of {@link CLASS_RULES} that matches,
 * among those its first word calls for (a line was compared with every rule: ~14 patterns a line).
 */
export function classifyWhy(line: NormalizedLine, key = matchKey(line.text), capitals?: number): { cls: LineClass; rule: string } {
  const v = view;
  v.line = line;
  v.s = line.text;
  v.k = key;
  v.upper = capitals === undefined ? undefined : (capitals & UPPER_LINE) !== 0;
  v.loose = undefined;
  const { always, upper, words } = dispatch();
  let mask = always | rulesOfWord(key, words);
  if (upperOf(v)) mask |= upper;
  // the rules the mask holds, lowest bit (first rule) first: a line calls for a few of the rules
  // (the four without a first word, and its word's), and the others were each read and passed over
  for (let left = mask; left !== 0; left &= left - 1) {
    const i = 31 - Math.clz32(left & -left);
    if (CLASS_RULES[i].match(v)) return verdicts()[i];
  }
  return OTHERWISE;
}

/**
 * The one view {@link classifyWhy} fills for each line in turn (no rule classes a line while it
 * runs): a line's view was most of the classifier's allocations.
 */
const view: LineView = { line: { text: "", start: 0, end: 0, meta: {} }, s: "", k: "", upper: undefined, loose: undefined };

/** What each rule gives, made once (a line's verdict is only read). */
const verdicts = lazily(() => CLASS_RULES.map((r) => Object.freeze({ cls: r.cls, rule: r.name })));
const OTHERWISE = Object.freeze({ cls: "text" as LineClass, rule: "otherwise-text" });

export function classify(line: NormalizedLine): LineClass {
  return classifyWhy(line).cls;
}
