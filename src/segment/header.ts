import { DOCUMENT_TYPES, LETTER_TYPE } from "../../grammars/document-types.js";
import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { BODY_OPENERS, CONFIDENTIALITY, NAME_CONTINUATION_WORDS, TITLE_STYLE_OPENING, URGENCY } from "../../grammars/header.js";
import { SIGNER_TITLES } from "../../grammars/people.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey } from "../text/tone.js";
import { lazily } from "../text/lazy.js";
import { collapseSpaces, holdsSpace } from "../text/letters.js";
import { joined } from "../text/lists.js";
import type { Span } from "../record/schema.js";
import { isUpperLine, patterns, titleType, type LineClass } from "./classify.js";
import type { Role, Trace } from "./explain.js";
import { labelOf } from "./outline.js";
import type { SectionTree, TextNode } from "./tree.js";

type Header = Pick<
  SectionTree,
  "issuer" | "nationalTitle" | "number" | "place" | "date" | "type" | "subject" | "urgency" | "confidentiality" | "recipients" | "preamble"
> & { bodyStart: number };

/** A test of a key: is it one of `words`, or does it open with one and a space? (Each word and its space made once, not at every line asked.) */
const opensWithWord = (words: string[]) => {
  const spaced = words.map((w) => `${w} `);
  return (key: string) => spaced.some((w, i) => key.startsWith(w) || key === words[i]);
};
// the heads of the agency grammar (`Sở`, `Tổng cục`, `Công đoàn`, `UBND`): a line opening with one names a body
const agencyHeads = [...new Set(AGENCY_HEADS.flatMap((h) => [...h.forms, ...(h.abbr ?? [])]).map((f) => matchKey(f).replace(/\.$/, "")))].sort((a, b) => b.length - a.length);
const enactingBodies = [...SIGNER_TITLES, "ủy ban nhân dân", "hội đồng nhân dân", "chính phủ", "quốc hội", "ủy ban thường vụ quốc hội", "ban thường vụ", "ban chấp hành", "ban bí thư", "bộ chính trị", "hội đồng"].map((w) => matchKey(w));
const opensWithContinuation = opensWithWord(NAME_CONTINUATION_WORDS.map((w) => matchKey(w)));
const opensWithEnactingBody = opensWithWord(enactingBodies);
const opensWithBodyOpener = opensWithWord(BODY_OPENERS.map((w) => matchKey(w)));

const span = (l: NormalizedLine): Span => [l.start, l.end];
/** The công văn's type without a span, its fields written out (a spread of the grammar's object was a generic clone, ~1% of the stage for one object a letter). */
const letterType = (): NonNullable<Header["type"]> => ({ code: LETTER_TYPE.code, name: LETTER_TYPE.name, span: null });
const node = (text: string, s: Span): TextNode => ({ text, span: s });

/** `837 / QĐ - BKH` → `837/QĐ-BKH`: spaces around the separators of a ký hiệu dropped. */
export function tidySymbol(s: string): string {
  // most ký hiệu hold no whitespace: then only their closing stops go (three regex replaces and a
  // trim a number line, ~1% of the stage in the line-level profile, changed nothing else)
  if (!holdsSpace(s)) {
    let end = s.length;
    while (end > 0 && CLOSING_STOPS.includes(s[end - 1])) end--;
    return s.slice(0, end);
  }
  return s.replace(/\s*([/\-–.])\s*/g, "$1").replace(/\s+/g, " ").replace(/[.,;]+$/, "").trim();
}
/** What `tidySymbol` takes off a ký hiệu's end (`/[.,;]+$/`). */
const CLOSING_STOPS = ".,;";

/**
 * Số and ký hiệu: `1227-CV/TU` → 1227, CV/TU; `45/2026/NĐ-CP` → 45, NĐ-CP (year 2026);
 * `/UBND-NCVX` (not yet numbered) → null, UBND-NCVX. `s`: `raw` tidied, given by a caller that has it already.
 */
export function parseNumber(raw: string, s = tidySymbol(raw)): { value: string | null; symbol: string | null; year: string | null } {
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

/** What a header rule sees and changes: the header so far and the line in hand. */
interface HeaderState {
  lines: NormalizedLine[];
  classes: LineClass[];
  /** the lines' keys (`matchKey`), made once by the segmenter */
  keys: string[];
  h: Header;
  issuerLines: NormalizedLine[];
  /** the issuer lines' keys, from `keys` */
  issuerKeys: string[];
  seenTitle: boolean;
  seenAny: boolean;
  trace: Trace;
  i: number;
  line: NormalizedLine;
  c: LineClass;
  key: string;
}

/**
 * A rule of the header reader. Rules are tried in order on each line; the first whose `match`
 * holds gives the line its `role` (null: the rule only skips or stops) and runs `apply`.
 * `apply` returns "stop" where the header ends at this line, "skip" where the line is passed over
 * without counting as header text.
 */
interface HeaderRule {
  name: string;
  example: string;
  role: Role | null;
  match: (x: HeaderState) => boolean;
  apply?: (x: HeaderState) => void | "stop" | "skip";
}

/** A short code or word alone on a line (`XV80`, `K2`): a capital or a digit, then at most 7 characters. */
const SHORT_CODE = /^[\p{Lu}\d][\p{L}\d.\-/]{0,7}$/u;
/** The most code units a {@link SHORT_CODE} line holds (8 characters, each at most a surrogate pair): a longer line is not asked. */
const SHORT_CODE_UNITS = 16;
/** A short note in brackets alone on a line (`(Dự thảo)`). */
const BRACKETED_NOTE = /^\([^()]{1,30}\)$/;
/** `(`, which a {@link BRACKETED_NOTE} opens with: a line opening otherwise is not asked the pattern. */
const OPEN_PAREN = 0x28;
const isRightCell = (l: NormalizedLine) => l.column === "right" || l.meta.block === "header-right";
const HEADER_AFTER_SUBJECT: LineClass[] = ["recipients", "nationalTitle", "motto", "placeDate", "number"];
const HEADER_LINE_AHEAD: LineClass[] = ["nationalTitle", "motto", "placeDate", "number", "typeTitle"];

export const HEADER_RULES: HeaderRule[] = [
  // "*", "XV80", "(Dự thảo)", a right-column line the header does not know: passed over, the header goes on
  {
    name: "stray-mark", example: "(Dự thảo)", role: "skipped",
    match: ({ line, c, seenTitle }) =>
      c !== "typeTitle" && c !== "number" && c !== "urgency" && c !== "confidentiality" &&
      (line.text.length <= 4 || (line.text.length <= SHORT_CODE_UNITS && SHORT_CODE.test(line.text)) || (line.text.charCodeAt(0) === OPEN_PAREN && BRACKETED_NOTE.test(line.text)) || (isRightCell(line) && c === "text" && !seenTitle)),
    apply: () => "skip",
  },
  // an OCR'd stamp ("2n ke. ke") among the header's own lines does not end it
  {
    name: "noise-before-header-line", example: "2n ke. ke", role: "skipped",
    match: (x) => x.c === "text" && !x.seenTitle && x.line.text.length < 20 && x.classes.slice(x.i + 1, x.i + 4).some((k) => HEADER_LINE_AHEAD.includes(k)) && !isIssuerCandidate(x.line, x.c),
    apply: () => "skip",
  },
  // "I. MỤC ĐÍCH, YÊU CẦU" after the title: the body has begun, whatever its case
  { name: "outline-label-after-title", example: "I. MỤC ĐÍCH, YÊU CẦU", role: null, match: (x) => x.seenTitle && x.c !== "recipients" && !!labelOf(x.line.text), apply: () => "stop" },
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  { name: "national-title", example: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", role: "national-title", match: (x) => x.c === "nationalTitle", apply: (x) => void takeNationalTitle(x.h, x.line) },
  // "Độc lập - Tự do - Hạnh phúc" goes with the quốc hiệu
  { name: "motto", example: "Độc lập - Tự do - Hạnh phúc", role: "motto", match: (x) => x.c === "motto" },
  // "Số: 12/UBND-VX", the first one, above the title
  { name: "number-line", example: "Số: 12/UBND-VX", role: "number", match: (x) => x.c === "number" && !x.h.number && !x.seenTitle, apply: (x) => takeNumber(x.h, x.line, x.key) },
  // "Hà Nội, ngày 20 tháng 5 năm 2025", the first one
  { name: "place-date", example: "Hà Nội, ngày 20 tháng 5 năm 2025", role: "place-date", match: (x) => x.c === "placeDate" && !x.h.date, apply: (x) => takePlaceDate(x.h, x.line, x.key) },
  // "HỎA TỐC"
  { name: "urgency", example: "HỎA TỐC", role: "urgency", match: (x) => x.c === "urgency", apply: (x) => void (x.h.urgency = node(URGENCY[x.key], span(x.line))) },
  // "MẬT"
  { name: "confidentiality", example: "MẬT", role: "confidentiality", match: (x) => x.c === "confidentiality", apply: (x) => void (x.h.confidentiality = node(CONFIDENTIALITY[x.key], span(x.line))) },
  // "V/v góp ý dự thảo …": the trích yếu of a công văn
  {
    name: "letter-subject", example: "V/v góp ý dự thảo Nghị quyết", role: "subject",
    match: (x) => x.c === "letterSubject" && !x.h.subject,
    apply: ({ h, line, key }) => {
      const m = patterns.letterSubject.exec(key)!;
      h.subject = node(line.text.slice(m[0].length).trim(), [line.start + m[0].length, line.end]);
      if (!h.type) h.type = letterType();
    },
  },
  // "V/v góp ý dự thảo" / "Hà Nội, ngày …" / "Nghị quyết của HĐND": a V/v wrapped around the date line;
  // in the header's left column (PDF layout) a wrapped V/v may begin with a capital ("MTTQ Việt Nam …")
  {
    name: "subject-wrapped-around-date", example: "về việc quản lý trật tự xây dựng", role: "subject",
    match: ({ c, h, line }) => c === "text" && !!h.subject && !h.recipients.length && (/^\p{Ll}/u.test(line.text) || line.meta.block === "header-left") && line.text.length < 150,
    apply: ({ h, line }) => void (h.subject = node(`${h.subject!.text} ${line.text}`, [h.subject!.span[0], line.end])),
  },
  // "V/v tuyên truyền kết quả Đại hội" / "Công đoàn Việt Nam lần thứ XI" / "Kính gửi:": the V/v goes on
  // while the header's own lines still follow
  {
    name: "subject-continues-in-header", example: "Công đoàn Việt Nam lần thứ XI", role: "subject",
    match: ({ c, h, line, classes, i, lines }) =>
      (c === "text" || c === "name") && !!h.subject && !h.recipients.length && line.text.length < 120 && !/[.;:!?]$/u.test(h.subject.text) &&
      lines[i - 1]?.end === h.subject.span[1] && HEADER_AFTER_SUBJECT.includes(classes[i + 1]),
    apply: ({ h, line }) => void (h.subject = node(`${h.subject!.text} ${line.text}`, [h.subject!.span[0], line.end])),
  },
  // "QUYẾT ĐỊNH" and the trích yếu under it
  {
    name: "type-title", example: "QUYẾT ĐỊNH", role: "type",
    match: (x) => x.c === "typeTitle" && !x.seenTitle,
    apply: (x) => {
      x.seenTitle = true;
      const t = titleType(x.line.text, x.key)!;
      x.h.type = { code: t.code, name: t.name, span: span(x.line) };
      // a title line may carry its trích yếu ("THÔNG TƯ HƯỚNG DẪN", "QUYẾT ĐỊNH của UBND …" stays the title)
      const next = readTitleSubject(x.lines, x.classes, x.keys, x.i + 1, x.h);
      for (let j = x.i + 1; j < next; j++) x.trace.mark(x.lines[j], "subject", "lines-under-title");
      x.i = next - 1;
      readTitleStyle(x.h, x.line, x.issuerLines.length > 0);
    },
  },
  // "Kính gửi:" and the list under it; the header ends after it
  {
    name: "kinh-gui", example: "Kính gửi: Sở Y tế", role: "recipients", match: (x) => x.c === "recipients",
    apply: (x) => {
      x.i = readRecipients(x.lines, x.classes, x.keys, x.i, x.h, x.trace);
      return "stop";
    },
  },
  // "UBND TỈNH LÂM ĐỒNG" / "SỞ NỘI VỤ": the left column's lines above the title
  {
    name: "issuer-line", example: "SỞ NỘI VỤ", role: "issuer",
    match: ({ c, seenTitle, h, line }) => (c === "upper" || c === "text" || c === "name") && !seenTitle && !h.subject && isIssuerCandidate(line, c),
    apply: (x) => {
      x.issuerLines.push(x.line);
      x.issuerKeys.push(x.key);
    },
  },
  // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …" under the title: the enacting authority opens the preamble
  { name: "enacting-authority", example: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", role: "preamble", match: (x) => x.c === "upper" && x.seenTitle, apply: (x) => void x.h.preamble.push(node(x.line.text, span(x.line))) },
  // "Căn cứ …", a paragraph, a signature line: the body (or what stands before it) has begun
  {
    name: "body-begins", example: "Thực hiện Kế hoạch số 12/KH-UBND …", role: null,
    match: (x) => BODY_CLASSES.includes(x.c) && (x.seenAny || x.c === "preamble" || x.c === "text"),
    apply: () => "stop",
  },
  // anything else before the header's first line (a label, a name) is passed over
  { name: "before-header", example: "Mẫu số 01", role: "skipped", match: () => true },
];

const BODY_CLASSES: LineClass[] = ["preamble", "enacting", "text", "label", "name", "upper", "positionTitle", "authority", "distribution"];

function takeNationalTitle(h: Header, line: NormalizedLine): void {
  h.nationalTitle ??= node(line.text, span(line));
}

function takeNumber(h: Header, line: NormalizedLine, key: string): void {
  const numberText = patterns.number.exec(key)![1];
  let raw = line.text.slice(line.text.length - numberText.length);
  // OCR may lose the `V/v` below the số, and the wrapped-line joiner then runs the trích yếu onto
  // it: `Số: 1842/UBND-VX triển khai Nghị quyết …` (a ký hiệu never holds a lower-case word)
  const run = /\s+(?=\p{Ll})/u.exec(raw);
  if (run && /\d|\//u.test(raw.slice(0, run.index))) {
    const rest = raw.slice(run.index + run[0].length);
    if (!h.subject) h.subject = node(rest.trim(), [line.end - rest.length, line.end]);
    raw = raw.slice(0, run.index);
  }
  // tidied once for the record and the parse (each asked it: three replaces a time)
  const tidied = tidySymbol(raw);
  const n = parseNumber(raw, tidied);
  h.number = { raw: tidied, value: n.value, symbol: n.symbol, year: n.year, span: span(line) };
}

function takePlaceDate(h: Header, line: NormalizedLine, key: string): void {
  const m = patterns.placeDate.exec(key) ?? patterns.dateOnly.exec(key);
  const g = m!.groups!;
  const placeText = g.place ? line.text.slice(0, g.place.length).trim() : null;
  if (placeText) h.place = node(placeText, [line.start, line.start + g.place.length]);
  const rawStart = placeText ? Math.max(line.text.indexOf(",") + 1, g.place.length) : 0;
  h.date = {
    raw: withoutClosingDot(collapseSpaces(line.text.slice(rawStart))),
    // a digit with a misread mark beside it ("1?") is not a day that can be trusted
    value: isoDate(g.dayJunk || g.monthJunk ? undefined : g.day, g.monthJunk ? undefined : (g.month ?? g.month2), g.year ?? g.year2),
    span: [line.start + rawStart, line.end],
  };
}

/** `s` without the `.` that ends it (`replace(/\.$/, "")`, without the regex call). */
const withoutClosingDot = (s: string) => (s.endsWith(".") ? s.slice(0, -1) : s);

/**
 * Reads the header: everything before the body, one line at a time through {@link HEADER_RULES}.
 * Lines are taken by what they are rather than by their order, since PDF text interleaves the
 * two header columns line by line.
 */
export function parseHeader(lines: NormalizedLine[], classes: LineClass[], keys: string[], trace: Trace): Header {
  const h: Header = {
    issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [], bodyStart: 0,
  };
  const x: HeaderState = { lines, classes, keys, h, issuerLines: [], issuerKeys: [], seenTitle: false, seenAny: false, trace, i: 0, line: lines[0], c: classes[0], key: "" };
  const limit = Math.min(lines.length, 60);
  for (; x.i < limit; x.i++) {
    x.line = lines[x.i];
    x.c = classes[x.i];
    x.key = keys[x.i];
    const rule = headerRuleOf(x);
    const at = x.line;
    const outcome = rule.apply?.(x);
    if (rule.role) trace.mark(at, rule.role, rule.name);
    if (outcome === "stop") break;
    if (outcome === "skip") continue;
    x.seenAny = true;
  }
  h.bodyStart = x.i;
  if (x.issuerLines.length) h.issuer = buildIssuer(x.issuerLines, x.issuerKeys, isJoint(h, lines, keys), trace);
  if (!h.type) {
    // no title and no V/v: the ký hiệu's first part may name the type (`TB-VP`), else a letter with kính gửi is a công văn
    const code = h.number?.symbol?.split(/[-/.]/)[0];
    const byCode = code ? DOCUMENT_TYPES_BY_CODE.get(code) : undefined;
    if (byCode) h.type = { code: byCode.code, name: byCode.name, span: null };
    else if (h.recipients.length) h.type = letterType();
  }
  return h;
}

/** The first of {@link HEADER_RULES} that holds of the line in hand (the last holds of every line). */
function headerRuleOf(x: HeaderState): HeaderRule {
  for (const rule of HEADER_RULES) if (rule.match(x)) return rule;
  throw new Error("no header rule holds: the last one must hold of every line");
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
function isJoint(h: Header, lines: NormalizedLine[], keys: string[]): boolean {
  const symbol = h.number?.symbol ?? "";
  if (/^[\p{Lu}]{1,4}LT(?![\p{L}])/u.test(symbol)) return true;
  // the title line's key, made by the segmenter (not made again from its text)
  const title = h.type?.span ? lines.findIndex((l) => l.start === h.type!.span![0]) : -1;
  return title >= 0 && /liên tịch/u.test(keys[title]);
}

/** The agency head a line of the issuer block opens with (`sở`, `tổng cục`, `ủy ban nhân dân`), followed by a word. */
function openingHead(key: string): string | null {
  // "SỞ Y TẾ"; "VĂN PHÒNG" alone under its parent; not "PHÒNG, CHỐNG …"
  for (const h of headsByInitial().get(key.charCodeAt(0)) ?? []) if (key.startsWith(h) && /^(?:\s+[\p{L}\d]|\s*$)/u.test(key.slice(h.length))) return h;
  return null;
}
/** {@link agencyHeads} by their first code unit, longest first within each: a line is compared with the few that can open it. */
const headsByInitial = lazily(() => {
  const by = new Map<number, string[]>();
  for (const h of agencyHeads) {
    const c = h.charCodeAt(0);
    if (!by.has(c)) by.set(c, []);
    by.get(c)!.push(h);
  }
  return by;
});

// heads that need a name or a place after them: alone on a line, the next line completes them ("TRƯỜNG" / "ĐẠI HỌC CẦN THƠ")
const incompleteHeads = new Set(AGENCY_HEADS.filter((h) => h.complement !== "none").flatMap((h) => h.forms).map((f) => matchKey(f)));

/**
 * How the lines of the issuer block group into bodies: each rule says whether a line continues the
 * body above it or opens a new one. The last body is the issuer (cơ quan ban hành), the bodies
 * above it the parent (cơ quan chủ quản): `BỘ TÀI CHÍNH` / `TỔNG CỤC HẢI QUAN`,
 * `TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM` / `CÔNG ĐOÀN GIÁO DỤC VIỆT NAM`; a name wrapped over two
 * lines (`ỦY BAN NHÂN DÂN` / `TỈNH LÂM ĐỒNG`) stays one body.
 */
const ISSUER_GROUP_RULES: { name: string; example: string; opens: boolean; match: (key: string, above: string) => boolean }[] = [
  // "SỞ NÔNG NGHIỆP VÀ" / "PHÁT TRIỂN NÔNG THÔN": the line above stops mid-name
  { name: "name-wraps-after-open-end", example: "SỞ NÔNG NGHIỆP VÀ / PHÁT TRIỂN NÔNG THÔN", opens: false, match: (_k, above) => /(?:\s(?:và|của)|[,&\-–])$/u.test(above) },
  // "TRƯỜNG" / "ĐẠI HỌC CẦN THƠ": a head alone waits for its name
  { name: "head-awaits-its-name", example: "TRƯỜNG / ĐẠI HỌC CẦN THƠ", opens: false, match: (_k, above) => incompleteHeads.has(above.replace(/[.,:]+$/, "").trim()) },
  // "ĐẢNG BỘ TỈNH QUẢNG NGÃI" / "TỈNH ỦY": a Party committee under its Party organisation
  { name: "party-committee", example: "ĐẢNG BỘ TỈNH QUẢNG NGÃI / TỈNH ỦY", opens: true, match: (k) => /^(?:tỉnh|thành|huyện|quận|thị) ủy(?![\p{L}\p{M}])/u.test(k) },
  // "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", "… / VIỆT NAM": the place or level the body serves
  { name: "place-continues-name", example: "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG", opens: false, match: opensWithContinuation },
  // "BAN HÀNH …" is not a body
  { name: "ban-hanh-is-not-a-body", example: "BAN HÀNH KÈM THEO", opens: false, match: (k) => /^ban hành/u.test(k) },
  // "BỘ TÀI CHÍNH" / "TỔNG CỤC HẢI QUAN": a line opening with an agency head names a body under the one above
  { name: "opens-with-agency-head", example: "SỞ THÔNG TIN VÀ TRUYỀN THÔNG / TỔ CÔNG TÁC VỀ CHUYỂN ĐỔI SỐ", opens: true, match: (k) => openingHead(k) !== null },
];

function buildIssuer(lines: NormalizedLine[], keys: string[], joint: boolean, trace: Trace): NonNullable<SectionTree["issuer"]> {
  const groups: NormalizedLine[][] = [[lines[0]]];
  const why = new Map<NormalizedLine, string>([[lines[0], "first-issuer-line"]]);
  for (let k = 1; k < lines.length; k++) {
    const l = lines[k];
    // the line above is the last of the last group: each line joins it or opens the next
    const key = keys[k].trim();
    const above = keys[k - 1].trim();
    const rule = ISSUER_GROUP_RULES.find((r) => r.match(key, above));
    why.set(l, rule?.name ?? "continues-name");
    if (rule?.opens) groups.push([l]);
    else groups[groups.length - 1].push(l);
  }
  const text = (g: NormalizedLine[]) => joined(g, (l) => l.text, " ");
  const whole: Span = [lines[0].start, lines[lines.length - 1].end];
  if (joint && groups.length > 1) {
    for (const l of lines) trace.refine(l, "issuer", `joint-issuer (${why.get(l)})`);
    return { name: joined(groups, text, " - "), parent: null, span: whole };
  }
  const name = groups[groups.length - 1];
  const parent = groups.slice(0, -1);
  for (const g of parent) for (const l of g) trace.refine(l, "issuer-parent", `issuer-line, ${why.get(l)}`);
  for (const l of name) trace.refine(l, "issuer", `issuer-line, ${why.get(l)}`);
  return { name: text(name), parent: parent.length ? joined(parent, text, " ") : null, span: whole };
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
function readTitleSubject(lines: NormalizedLine[], classes: LineClass[], keys: string[], from: number, h: Header): number {
  const parts: NormalizedLine[] = [];
  let firstUpper: boolean | undefined;
  let i = from;
  for (; i < lines.length && parts.length < 10; i++) {
    const l = lines[i];
    const c = classes[i];
    const key = keys[i];
    // "(V/v Tăng cường giám sát trong phòng thi)": a trích yếu in brackets under the title
    const bracketed = /^\(\s*(v\s*\/\s*[vw]\s*[:.]?\s*)(.+?)\s*\)\s*[.]?$/iu.exec(l.text);
    if (bracketed && !parts.length) {
      const at = l.text.indexOf(bracketed[2], bracketed[1].length);
      parts.push({ ...l, text: bracketed[2], start: l.start + at, end: l.start + at + bracketed[2].length });
      i++;
      break;
    }
    if (c === "letterSubject") {
      const m = patterns.letterSubject.exec(key)!;
      parts.push({ ...l, text: l.text.slice(m[0].length), start: l.start + m[0].length });
      continue;
    }
    // "THÔNG BÁO" / "KẾT LUẬN CỦA BAN THƯỜNG VỤ …": a second type name under the title is its trích yếu
    if (c !== "upper" && c !== "text" && c !== "name" && c !== "positionTitle" && c !== "typeTitle") break;
    if (labelOf(l.text) && !/^[-–]\s*\p{Ll}/u.test(l.text)) break;
    // the line's capitals and the first part's, each read once (three rules below ask)
    const upper = isUpperLine(l.text);
    if (upper && opensWithEnactingBody(key)) break;
    // the enacting body on its own line in any case ("Chính phủ", "Bộ trưởng Bộ Tài chính")
    if (parts.length && enactingBodies.includes(key.replace(/[.:,]+$/, "").trim())) break;
    if (c === "positionTitle") break;
    if (!upper) {
      if (parts.length && opensWithBodyOpener(key) && /^\p{Lu}/u.test(l.text)) break;
      if (l.text.length > 600 || /[:]$/.test(l.text)) break;
      if (parts.length && /[.;]$/.test(parts[parts.length - 1].text)) break;
    }
    if (parts.length && (firstUpper ??= isUpperLine(parts[0].text)) !== upper && !/^[(\p{Ll}]/u.test(l.text)) break;
    parts.push(l);
  }
  if (parts.length && !h.subject) {
    h.subject = node(parts.map((p) => p.text.trim()).join(" "), [parts[0].start, parts[parts.length - 1].end]);
  }
  return i;
}

/**
 * Kính gửi: on its own line with a list below, or with one or more recipients on the same line.
 * A long left column pushes the right column's lines (quốc hiệu, tiêu ngữ, địa danh–ngày) below
 * `Kính gửi:` in reading order: they are taken for the header and the list goes on.
 */
function readRecipients(lines: NormalizedLine[], classes: LineClass[], keys: string[], at: number, h: Header, trace: Trace): number {
  const first = lines[at];
  const m = patterns.recipients.exec(keys[at])!;
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
    const c = classes[i];
    if (c === "nationalTitle" || c === "motto" || (c === "placeDate" && !h.date)) {
      if (c === "nationalTitle") takeNationalTitle(h, l);
      if (c === "placeDate") takePlaceDate(h, l, keys[i]);
      trace.mark(l, c === "nationalTitle" ? "national-title" : c === "motto" ? "motto" : "place-date", "right-column-below-kinh-gui");
      continue;
    }
    // "- Sở Y tế;" or, without its dash, a short line closed by ";" or "." ("Sở Y tế các tỉnh …;")
    const item = /^[-–+•]\s*\S/.test(l.text) || (!rest && /[;,.]$/.test(l.text) && l.text.length < 160 && !labelOf(l.text) && c === "text");
    if (!item || c === "preamble") break;
    add(l.text, span(l));
    trace.mark(l, "recipients", "kinh-gui-item");
    if (/[.]$/.test(l.text) && !/;$/.test(l.text)) {
      i++;
      break;
    }
  }
  return i;
}
