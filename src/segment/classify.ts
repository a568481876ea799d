import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import {
  ARCHIVE_COPY, AUTHORITY_LINE, AUTHORITY_SPELLINGS, CONFIDENTIALITY, DISTRIBUTION, ENACTING_LINE, FOOTNOTE_LINE, LETTER_SUBJECT,
  MOTTO, NATIONAL_TITLE, NUMBER_LINE, PLACE_DATE_LINE, DATE_ONLY_LINE, POSITION_TITLES, PREAMBLE_LINE, RECIPIENTS,
  SIGNATURE_NOTE, URGENCY,
} from "../../grammars/header.js";
import type { NormalizedLine } from "../normalize/index.js";
import { foldTone, matchKey } from "../normalize/tone.js";

/** What a line is, judged on its own. The segmenter decides from these and their order. */
export type LineClass =
  | "nationalTitle" | "motto" | "number" | "placeDate" | "urgency" | "confidentiality"
  | "letterSubject" | "recipients" | "distribution" | "archiveCopy" | "authority" | "signatureNote"
  | "enacting" | "preamble" | "footnote" | "typeTitle" | "positionTitle" | "upper" | "label" | "name" | "text";

const re = (s: string) => new RegExp(s, "u");
export const patterns = {
  nationalTitle: re(NATIONAL_TITLE),
  motto: re(MOTTO),
  number: re(NUMBER_LINE),
  placeDate: re(PLACE_DATE_LINE),
  dateOnly: re(DATE_ONLY_LINE),
  letterSubject: re(LETTER_SUBJECT),
  recipients: re(RECIPIENTS),
  distribution: re(DISTRIBUTION),
  archiveCopy: re(ARCHIVE_COPY),
  authority: re(AUTHORITY_LINE),
  signatureNote: re(SIGNATURE_NOTE),
  enacting: re(ENACTING_LINE),
  preamble: re(PREAMBLE_LINE),
  footnote: re(FOOTNOTE_LINE),
};

const typeNames = [...DOCUMENT_TYPES]
  .sort((a, b) => b.name.length - a.name.length)
  .map((t) => ({ t, key: matchKey(t.name), upper: foldTone(t.name.toUpperCase()) }));
const positionTitles = new Set(POSITION_TITLES);

/** Mostly capitals: fewer than a fifth of its letters in lower case, and at least two letters. */
export const isUpperLine = (s: string) => {
  let lower = 0;
  let letters = 0;
  const limit = s.length * 0.2;
  for (const ch of s) {
    const up = ch.toUpperCase();
    const low = ch.toLowerCase();
    if (up === low) continue; // not a cased letter (digit, mark, punctuation)
    letters++;
    // so many lower-case letters that no count of capitals can outweigh them
    if (ch === low && ++lower >= limit) return false;
  }
  return letters >= 2 && lower / letters < 0.2;
};

/** A personal name on a line of its own: "Lâm Hải Giang", "Vi Thiện Việt". */
export const isNameLine = (s: string) =>
  /^(?:(?:Đồng chí|Ông|Bà|TS\.|ThS\.|PGS\.|GS\.)\s+)?\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$/u.test(stripSignedNote(s));

/** "Nguyễn Tấn Dũng đã ký", "Võ Thanh Tòng (Đã ký)" → the name. */
export const stripSignedNote = (s: string) =>
  s.trim().replace(/\s*[(\[]?\s*(?:đã ký|Đã ký|ĐÃ KÝ|signed)\s*[)\]]?$/u, "").replace(/^[(\[]?\s*(?:Đã ký|đã ký|ĐÃ KÝ)\s*[)\]:]?\s*/u, "");

/** The document type whose name opens an upper-case title line (`QUYẾT ĐỊNH`, `THÔNG BÁO KẾT LUẬN …`). */
export function titleType(text: string): (typeof DOCUMENT_TYPES)[number] | null {
  const upper = isUpperLine(text);
  const key = matchKey(text).replace(/\s+/g, " ").trim();
  const folded = foldTone(text.trim());
  for (const { t, key: name, upper: upperName } of typeNames) {
    // "QUYẾT ĐỊNH", "THÔNG TƯ HƯỚNG DẪN"; "QUYẾT ĐỊNH của UBND …" (capitals lost after the name); "thông tư" alone
    if (key === name) return t;
    if (key.startsWith(name + " ") && (upper || folded.startsWith(upperName + " "))) return t;
  }
  // a title alone on its line, marks misread by OCR ("QUYÉT ĐỊNH")
  if (upper) {
    const loose = looseKey(text);
    const hit = looseTypes.find((x) => x.key === loose);
    if (hit) return hit.t;
  }
  return null;
}

export function isPositionTitle(text: string): boolean {
  return positionTitles.has(matchKey(text).replace(/\s+/g, " ").replace(/[.,;:]$/, "").trim());
}

/**
 * Letters only, without marks and spaces: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆTNAM -" and OCR's
 * "QUYÉT ĐỊNH" still meet their pattern. Used only for fixed upper-case lines.
 */
export const looseKey = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/[^a-z]/g, "");

const LOOSE_NATIONAL = new Set(["conghoaxahoichunghiavietnam", "dangcongsanvietnam", "vietnamdanchuconghoa"]);
const LOOSE_MOTTO = "doclaptudohanhphuc";
const looseTypes = typeNames.map(({ t }) => ({ t, key: looseKey(t.name) }));

/** The authority of a signature line and what it signs for: `KT. CHỦ TỊCH` → KT., CHỦ TỊCH. */
export function readAuthority(text: string): { authority: "TM." | "KT." | "TL." | "TUQ." | "Q."; rest: string } | null {
  const m = patterns.authority.exec(matchKey(text));
  if (!m) return null;
  const word = m[1].replace(/\s+/g, "").replace(/\.$/, "");
  return { authority: AUTHORITY_SPELLINGS[word] ?? "TM.", rest: text.slice(m[0].length).trim() };
}

export function classify(line: NormalizedLine): LineClass {
  const s = line.text;
  const k = matchKey(s);
  if (isUpperLine(s) || /^độc lập/u.test(k)) {
    const loose = looseKey(s);
    if (LOOSE_NATIONAL.has(loose)) return "nationalTitle";
    if (loose === LOOSE_MOTTO) return "motto";
  }
  if (line.meta.block === "footnote" || patterns.footnote.test(s)) return "footnote";
  if (patterns.nationalTitle.test(k)) return "nationalTitle";
  if (patterns.motto.test(k)) return "motto";
  if (patterns.number.test(k) && /\d|\/|-/.test(s)) return "number";
  if (patterns.placeDate.test(k) || patterns.dateOnly.test(k)) return "placeDate";
  if (k in URGENCY && isUpperLine(s)) return "urgency";
  if (k in CONFIDENTIALITY && isUpperLine(s)) return "confidentiality";
  if (patterns.letterSubject.test(k)) return "letterSubject";
  if (patterns.recipients.test(k)) return "recipients";
  if (patterns.distribution.test(k)) return "distribution";
  // "Đã ký: Nguyễn Thị Kim Ngân" is the name, with its note in front
  if (/^[(\[]?\s*đã ký\s*[)\]:]?\s*\p{Lu}/iu.test(s) && isNameLine(s)) return "name";
  if (patterns.signatureNote.test(k)) return "signatureNote";
  const authority = readAuthority(s);
  if (authority) {
    const { rest } = authority;
    // "KT. CHỦ TỊCH"; a mis-cased "tm . ubnd thành phố" only where the layout puts it in the signature column
    if (/^\S*\p{Lu}/u.test(rest) || line.column === "right" || line.meta.block === "footer-right") return "authority";
  }
  // "QUYẾT ĐỊNH:" — without its colon the same words are the title; the segmenter tells them apart by place
  if (patterns.enacting.exec(k)?.[1] === ":") return "enacting";
  if (patterns.preamble.test(k)) return "preamble";
  if (patterns.archiveCopy.test(k) && s.length < 100) return "archiveCopy";
  if (titleType(s)) return "typeTitle";
  if (isPositionTitle(s)) return "positionTitle";
  if (isUpperLine(s)) return "upper";
  if (isNameLine(s)) return "name";
  return "text";
}
