import { DOCUMENT_TYPES, LETTER_TYPE } from "../../grammars/document-types.js";
import { BODY_HEAD_WORDS, BODY_OPENERS, CONFIDENTIALITY, NAME_CONTINUATION_WORDS, POSITION_TITLES, TITLE_STYLE_OPENING, URGENCY } from "../../grammars/header.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey } from "../normalize/tone.js";
import type { Span } from "../record/schema.js";
import { isUpperLine, patterns, titleType, type LineClass } from "./classify.js";
import { labelOf } from "./outline.js";
import type { SectionTree, TextNode } from "./tree.js";

type Header = Pick<
  SectionTree,
  "issuer" | "nationalTitle" | "number" | "place" | "date" | "type" | "subject" | "urgency" | "confidentiality" | "recipients" | "preamble"
> & { bodyStart: number };

const startsWithAny = (key: string, words: string[]) => words.some((w) => key === w || key.startsWith(w + " "));
const bodyHeads = BODY_HEAD_WORDS.map((w) => matchKey(w));
const continuationWords = NAME_CONTINUATION_WORDS.map((w) => matchKey(w));
const enactingBodies = [...POSITION_TITLES, "ủy ban nhân dân", "hội đồng nhân dân", "chính phủ", "quốc hội", "ủy ban thường vụ quốc hội", "ban thường vụ", "ban chấp hành", "ban bí thư", "bộ chính trị", "hội đồng"].map((w) => matchKey(w));
const bodyOpeners = BODY_OPENERS.map((w) => matchKey(w));

const span = (l: NormalizedLine): Span => [l.start, l.end];
const node = (text: string, s: Span): TextNode => ({ text, span: s });

/** `837 / QĐ - BKH` → `837/QĐ-BKH`: spaces around the separators of a ký hiệu dropped. */
export function tidySymbol(s: string): string {
  return s.replace(/\s*([/\-–.])\s*/g, "$1").replace(/\s+/g, " ").replace(/[.,;]+$/, "").trim();
}

/**
 * Số and ký hiệu: `1227-CV/TU` → 1227, CV/TU; `45/2026/NĐ-CP` → 45, NĐ-CP (year 2026);
 * `/UBND-NCVX` (not yet numbered) → null, UBND-NCVX.
 */
export function parseNumber(raw: string): { value: string | null; symbol: string | null; year: string | null } {
  const s = tidySymbol(raw);
  const m = /^(\d+[a-zA-Z]?)?\s*(?:[/\-–.]\s*)?(?:((?:19|20)\d\d)\s*[/\-–]\s*)?(.*)$/u.exec(s)!;
  const symbol = m[3].replace(/^[/\-–.]+/, "").trim();
  return { value: m[1] ?? null, symbol: symbol || null, year: m[2] ?? null };
}

function isoDate(day?: string, month?: string, year?: string): string | null {
  if (!year) return null;
  const y = year;
  if (!month) return y;
  const mm = month.padStart(2, "0");
  if (Number(mm) < 1 || Number(mm) > 12) return y;
  if (!day || Number(day) < 1 || Number(day) > 31) return `${y}-${mm}`;
  return `${y}-${mm}-${day.padStart(2, "0")}`;
}

/**
 * Reads the header: everything before the body. Lines are taken by what they are rather than
 * by their order, since PDF text interleaves the two header columns line by line.
 */
export function parseHeader(lines: NormalizedLine[], classes: LineClass[]): Header {
  const h: Header = {
    issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [], bodyStart: 0,
  };
  const issuerLines: NormalizedLine[] = [];
  let i = 0;
  let seenTitle = false;
  let seenAny = false;
  const limit = Math.min(lines.length, 60);
  for (; i < limit; i++) {
    const line = lines[i];
    const c = classes[i];
    const key = matchKey(line.text);
    // a stray mark ("*", "XV80") or a right-column line the header does not know does not end the header
    const stray = line.text.length <= 4 || /^[\p{Lu}\d][\p{L}\d.\-/]{0,7}$/u.test(line.text) || /^\([^()]{1,30}\)$/.test(line.text) || ((line.column === "right" || line.meta.block === "header-right") && c === "text" && !seenTitle);
    if (stray && c !== "typeTitle" && c !== "number" && c !== "urgency" && c !== "confidentiality") continue;
    // a scrap of noise (an OCR'd stamp, "2n ke. ke") among the header's own lines does not end it
    const headerAhead = classes.slice(i + 1, i + 4).some((k) => k === "nationalTitle" || k === "motto" || k === "placeDate" || k === "number" || k === "typeTitle");
    if (c === "text" && !seenTitle && line.text.length < 20 && headerAhead && !isIssuerCandidate(line, c)) continue;
    // "I. MỤC ĐÍCH, YÊU CẦU" after the title: the body has begun, whatever its case
    if (seenTitle && c !== "recipients" && labelOf(line.text)) break;
    if (c === "nationalTitle") {
      h.nationalTitle ??= node(line.text, span(line));
    } else if (c === "motto") {
      // tiêu ngữ goes with the quốc hiệu
    } else if (c === "number" && !h.number && !seenTitle) {
      const numberText = patterns.number.exec(key)![1];
      const raw = line.text.slice(line.text.length - numberText.length);
      const n = parseNumber(raw);
      h.number = { raw: tidySymbol(raw), value: n.value, symbol: n.symbol, year: n.year, span: span(line) };
    } else if (c === "placeDate" && !h.date) {
      const m = patterns.placeDate.exec(key) ?? patterns.dateOnly.exec(key);
      const g = m!.groups!;
      const placeText = g.place ? line.text.slice(0, g.place.length).trim() : null;
      if (placeText) h.place = node(placeText, [line.start, line.start + g.place.length]);
      const rawStart = placeText ? Math.max(line.text.indexOf(",") + 1, g.place.length) : 0;
      h.date = {
        raw: line.text.slice(rawStart).trim().replace(/\s+/g, " ").replace(/\.$/, ""),
        // a digit with a misread mark beside it ("1?") is not a day that can be trusted
        value: isoDate(g.dayJunk || g.monthJunk ? undefined : g.day, g.monthJunk ? undefined : (g.month ?? g.month2), g.year ?? g.year2),
        span: [line.start + rawStart, line.end],
      };
    } else if (c === "urgency") {
      h.urgency = node(URGENCY[key], span(line));
    } else if (c === "confidentiality") {
      h.confidentiality = node(CONFIDENTIALITY[key], span(line));
    } else if (c === "letterSubject" && !h.subject) {
      const m = patterns.letterSubject.exec(key)!;
      h.subject = node(line.text.slice(m[0].length).trim(), [line.start + m[0].length, line.end]);
      if (!h.type) h.type = { ...LETTER_TYPE, span: null };
    } else if (c === "text" && h.subject && !h.recipients.length && (/^\p{Ll}/u.test(line.text) || line.meta.block === "header-left") && line.text.length < 150) {
      // a V/v wrapped around the date line that PDF text put between its two halves; in the
      // header's left column (PDF layout) a wrapped V/v may begin with a capital ("MTTQ Việt Nam …")
      h.subject = node(`${h.subject.text} ${line.text}`, [h.subject.span[0], line.end]);
    } else if (c === "typeTitle" && !seenTitle) {
      seenTitle = true;
      const t = titleType(line.text)!;
      h.type = { code: t.code, name: t.name, span: span(line) };
      // a title line may carry its trích yếu ("THÔNG TƯ HƯỚNG DẪN", "QUYẾT ĐỊNH của UBND …" stays the title)
      i = readTitleSubject(lines, classes, i + 1, h) - 1;
      readTitleStyle(h, line, issuerLines.length > 0);
    } else if (c === "recipients") {
      i = readRecipients(lines, classes, i, h);
      break;
    } else if ((c === "upper" || c === "text" || c === "name") && !seenTitle && !h.subject && isIssuerCandidate(line, c)) {
      issuerLines.push(line);
    } else if (c === "upper" && seenTitle) {
      // the enacting authority under the title ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"): preamble
      h.preamble.push(node(line.text, span(line)));
    } else if (c === "preamble" || c === "enacting" || c === "text" || c === "label" || c === "name" || c === "upper" || c === "positionTitle" || c === "authority" || c === "distribution") {
      if (seenAny || c === "preamble" || c === "text") break;
    }
    seenAny = true;
  }
  h.bodyStart = i;
  if (issuerLines.length) h.issuer = buildIssuer(issuerLines, isJoint(h, lines));
  if (!h.type) {
    // no title and no V/v: the ký hiệu's first part may name the type (`TB-VP`), else a letter with kính gửi is a công văn
    const code = h.number?.symbol?.split(/[-/.]/)[0];
    const byCode = code ? DOCUMENT_TYPES_BY_CODE.get(code) : undefined;
    if (byCode) h.type = { code: byCode.code, name: byCode.name, span: null };
    else if (h.recipients.length) h.type = { ...LETTER_TYPE, span: null };
  }
  return h;
}

const DOCUMENT_TYPES_BY_CODE = new Map(DOCUMENT_TYPES.filter((t) => t.kind !== "party" || t.code === "KL").map((t) => [t.code, t]));

function isIssuerCandidate(line: NormalizedLine, c: LineClass): boolean {
  if (line.column === "right" || line.meta.block === "header-right") return false;
  if (line.text.length > 90) return false;
  if (c === "upper") return true;
  // a header column that lost its capitals ("ủy Ban Nhân Dân"): only where the layout says left
  // column, and only words (OCR noise such as "2n ke. ke" is not a name)
  if (!/^[\p{L}\p{M}]{2,}(?:[\s-]+[\p{L}\p{M}]{2,})+$/u.test(line.text)) return false;
  return line.column === "left" || line.meta.block === "header-left";
}

/**
 * The issuer lines split into the issuing body and its parent: a line that opens with the head
 * word of a body ("VĂN PHÒNG", "SỞ Y TẾ") after a complete name starts the issuer under that parent.
 */
/**
 * A joint document (văn bản liên tịch: `KẾ HOẠCH LIÊN TỊCH`, `Số: 15/KHLT-…`) names its issuers
 * one under the other: they are co-issuers, not a body under its parent.
 */
function isJoint(h: Header, lines: NormalizedLine[]): boolean {
  const symbol = h.number?.symbol ?? "";
  if (/^[\p{Lu}]{1,4}LT(?![\p{L}])/u.test(symbol)) return true;
  const title = h.type?.span ? lines.find((l) => l.start === h.type!.span![0]) : undefined;
  return !!title && /liên tịch/u.test(matchKey(title.text));
}

function buildIssuer(lines: NormalizedLine[], joint = false): NonNullable<SectionTree["issuer"]> {
  const groups: NormalizedLine[][] = [[lines[0]]];
  for (const l of lines.slice(1)) {
    const key = matchKey(l.text);
    const opensBody = startsWithAny(key, bodyHeads) && !startsWithAny(key, continuationWords.filter((w) => !/ủy$/.test(w)));
    const partyCommittee = /^(tỉnh|thành|huyện|quận|thị) ủy\b/u.test(key);
    if ((opensBody || partyCommittee) && !/^ban hành/u.test(key)) groups.push([l]);
    else groups[groups.length - 1].push(l);
  }
  const text = (g: NormalizedLine[]) => g.map((l) => l.text).join(" ");
  if (joint && groups.length > 1) {
    return { name: groups.map(text).join(" - "), parent: null, span: [lines[0].start, lines[lines.length - 1].end] };
  }
  const name = groups[groups.length - 1];
  const parent = groups.slice(0, -1);
  return {
    name: text(name),
    parent: parent.length ? parent.map(text).join(" ") : null,
    span: [lines[0].start, lines[lines.length - 1].end],
  };
}

const titleStyle = new RegExp(TITLE_STYLE_OPENING, "u");

/**
 * The Công báo's title-style opening: the type's name continues on the next line ("THÔNG TƯ" /
 * "LIÊN TỊCH …"), and issuer, number and date stand inside the title. They are taken from there
 * when the header has no lines of its own for them.
 */
function readTitleStyle(h: Header, titleLine: NormalizedLine, hasIssuer: boolean): void {
  if (!h.subject || !h.type) return;
  let subject = h.subject;
  const longer = titleType(`${titleLine.text} ${subject.text}`);
  if (longer && longer.name.length > h.type.name.length) {
    const cut = subject.text.split(/\s+/).slice(longer.name.split(" ").length - h.type.name.split(" ").length).join(" ");
    h.type = { code: longer.code, name: longer.name, span: h.type.span };
    subject = node(cut, [subject.span[1] - cut.length, subject.span[1]]);
  }
  const m = h.number ? null : titleStyle.exec(matchKey(subject.text));
  if (m) {
    const g = m.groups!;
    const at = (part: string) => subject.text.slice(m[0].indexOf(part), m[0].indexOf(part) + part.length);
    const base = subject.span[0];
    const numberText = tidySymbol(at(g.number));
    const n = parseNumber(numberText);
    h.number = { raw: numberText, value: n.value, symbol: n.symbol, year: n.year, span: [base + m[0].indexOf(g.number), base + m[0].indexOf(g.number) + g.number.length] };
    if (!h.date) {
      const d0 = m[0].indexOf(g.date);
      h.date = { raw: at(g.date).replace(/\s+/g, " "), value: isoDate(g.day, g.month, g.year), span: [base + d0, base + d0 + g.date.length] };
    }
    if (g.issuer && !hasIssuer && !h.issuer) {
      const i0 = m[0].indexOf(g.issuer, 3);
      h.issuer = { name: at(g.issuer), parent: null, span: [base + i0, base + i0 + g.issuer.length] };
    }
    const rest = g.rest ? subject.text.slice(subject.text.length - g.rest.length) : "";
    subject = rest ? node(rest, [subject.span[1] - rest.length, subject.span[1]]) : subject;
  }
  h.subject = subject;
}

/** Lines after a title line that make up the trích yếu, until the body or the enacting authority. */
function readTitleSubject(lines: NormalizedLine[], classes: LineClass[], from: number, h: Header): number {
  const parts: NormalizedLine[] = [];
  let i = from;
  for (; i < lines.length && parts.length < 10; i++) {
    const l = lines[i];
    const c = classes[i];
    const key = matchKey(l.text);
    if (c === "letterSubject") {
      const m = patterns.letterSubject.exec(key)!;
      parts.push({ ...l, text: l.text.slice(m[0].length), start: l.start + m[0].length });
      continue;
    }
    // "THÔNG BÁO" / "KẾT LUẬN CỦA BAN THƯỜNG VỤ …": a second type name under the title is its trích yếu
    if (c !== "upper" && c !== "text" && c !== "name" && c !== "positionTitle" && c !== "typeTitle") break;
    if (labelOf(l.text) && !/^[-–]\s*\p{Ll}/u.test(l.text)) break;
    if (isUpperLine(l.text) && startsWithAny(key, enactingBodies)) break;
    // the enacting body on its own line in any case ("Chính phủ", "Bộ trưởng Bộ Tài chính")
    if (parts.length && enactingBodies.includes(key.replace(/[.:,]+$/, "").trim())) break;
    if (c === "positionTitle") break;
    if (!isUpperLine(l.text)) {
      if (startsWithAny(key, bodyOpeners) && parts.length && /^\p{Lu}/u.test(l.text)) break;
      if (l.text.length > 600 || /[:]$/.test(l.text)) break;
      if (parts.length && /[.;]$/.test(parts[parts.length - 1].text)) break;
    }
    if (parts.length && isUpperLine(parts[0].text) !== isUpperLine(l.text) && !/^[(\p{Ll}]/u.test(l.text)) break;
    parts.push(l);
  }
  if (parts.length && !h.subject) {
    h.subject = node(parts.map((p) => p.text.trim()).join(" "), [parts[0].start, parts[parts.length - 1].end]);
  }
  return i;
}

/** Kính gửi: on its own line with a list below, or with one or more recipients on the same line. */
function readRecipients(lines: NormalizedLine[], classes: LineClass[], at: number, h: Header): number {
  const first = lines[at];
  const m = patterns.recipients.exec(matchKey(first.text))!;
  const rest = first.text.slice(m[0].length).trim();
  const add = (text: string, s: Span) => {
    const t = text.replace(/^[-–+•]\s*/, "").replace(/[;,.]+$/, "").trim();
    if (t) h.recipients.push(node(t, s));
  };
  if (rest) {
    for (const piece of rest.split(/;\s*(?=[-–+•]?\s*\S)/)) add(piece, [first.start + m[0].length, first.end]);
  }
  let i = at + 1;
  const listed = !rest || /^[-–+•]/.test(rest);
  for (; listed && i < lines.length && i < at + 30; i++) {
    const l = lines[i];
    // "- Sở Y tế;" or, without its dash, a short line closed by ";" or "." ("Sở Y tế các tỉnh …;")
    const item = /^[-–+•]\s*\S/.test(l.text) || (!rest && /[;,.]$/.test(l.text) && l.text.length < 160 && !labelOf(l.text) && classes[i] === "text");
    if (!item || classes[i] === "preamble") break;
    add(l.text, span(l));
    if (/[.]$/.test(l.text) && !/;$/.test(l.text)) {
      i++;
      break;
    }
  }
  return i;
}
