import {
  CONTEXT_ISSUER_PATTERNS,
  DATE_GAP,
  LEADING_DATE_GAP,
  ISSUER_HEADS,
  ISSUER_LEADS,
  ISSUER_STOPS,
  LIST_JOINERS,
  NAME_STOPS,
  NAMED_TYPES,
  NUMBER_WORDS,
  SELF_WORDS,
  SUBJECT_ABOUT,
  SUBJECT_VERBS,
} from "../../grammars/references.js";
import { foldTone, keyAtOffsets, matchKey } from "../text/tone.js";
import { CAPITAL, collapseSpaces, isAsciiDigitCode, isSpaceCode, LETTER, letterClassesBelow2000 } from "../text/letters.js";
import { alt, notAfter } from "../text/pattern.js";
import { matchesAt, type Openers } from "../text/openers.js";
import { seek } from "../text/sorted.js";
import { mapped } from "../text/lists.js";
import type { DateMention, Reference } from "../record/schema.js";
import { keyFollowsFolded, textKey, type ExtractContext } from "./context.js";
import { documentOpeners, documentOpenings, OPENS, REFERENCE_TYPE_NAMES } from "./openings.js";
import { documentDates, findDates } from "./dates.js";
import { dateBounds } from "./dates/range.js";
import { datesByStart, type DatesByStart } from "./dates/by-start.js";

/**
 * Citations of other documents: `<type> [số] <number>/<symbol> [ngày <date>] [của <issuer>] [về <subject>]`
 * and named laws (`Luật Tổ chức chính quyền địa phương ngày 19/6/2015`). A short citation is
 * completed from the fullest citation of the same document (date, issuer, subject), wherever it
 * stands (a footnote, a `Căn cứ` line).
 *
 * Numbers, as the header's `number`: `72-NQ/TW` → number `72`, symbol `NQ/TW`; `123/QĐ-UBND` →
 * `123`, `QĐ-UBND`; a year written inside the number goes to `year`: `45/2026/NĐ-CP` → number `45`,
 * year `2026`, symbol `NĐ-CP` (the three together name a legal document, so all three key it);
 * `1141-TC/QĐ/CĐKT` → `1141`, `TC/QĐ/CĐKT`; a blank number (`số    /QĐ-UBND`) → null.
 */


const TYPE_NAMES = REFERENCE_TYPE_NAMES;
/** canonical name by match key */
const CANONICAL = new Map(TYPE_NAMES.map((n) => [matchKey(n), n]));
const NAMED = new Set(NAMED_TYPES.map(matchKey));

/** a symbol segment after the first: letters and digits, the first upper case or a digit */
const SEG = "[\\p{Lu}\\p{Nd}][\\p{L}\\p{Nd}&]*";
/** `NQ/TW`, `QĐ-UBND`, `TC/QĐ/CĐKT`, `QĐ.BQL-TC`, `QĐ - BKH`, `QH 10` */
const SYMBOL = `\\p{Lu}[\\p{L}\\p{Nd}&]*(?:(?:\\s*/\\s*|\\s*[-–]\\s*|\\.)${SEG})*(?:\\s\\p{Nd}{1,2}(?![\\p{L}\\p{Nd}/]))?`;
let TYPE_RE!: RegExp, TYPE_STICKY!: RegExp, SELF_RE!: RegExp, NUMBER_LEAD!: RegExp, HAS_NUMBER_WORD!: RegExp, NUMSYM_RE!: RegExp, DATE_GAP_RE!: RegExp, LEADING_DATE_GAP_RE!: RegExp, ISSUER_LEAD_RE!: RegExp, ISSUER_STOP_RE!: RegExp, ISSUER_HEAD_RE!: RegExp, SUBJECT_ABOUT_RE!: RegExp, SUBJECT_VERB_RE!: RegExp, LIST_RE!: RegExp, NAME_STOP_RE!: RegExp, ANOTHER_TYPE_RE!: RegExp, JOINT_RE!: RegExp;
let CONTEXT_ISSUER_RES!: { re: RegExp; literal: string }[];
/** The patterns, compiled the first time citations are looked for (once), not at import. */
function compilePatterns(): void {
  if (TYPE_RE) return;
  // the "no letter or digit before" asserted in its cheap form (text/pattern `notAfter`): the pattern is tried where a type can open
  TYPE_RE = new RegExp(`${alt(TYPE_NAMES.map(matchKey), notAfter("\\p{L}\\p{N}"))}(?![\\p{L}\\p{N}])`, "gu");
  // tried only where a type name's first word opens (first-word dispatch), not at every character
  TYPE_STICKY = new RegExp(TYPE_RE.source, "uy");
  SELF_RE = new RegExp(`^\\s+${alt(SELF_WORDS)}(?![\\p{L}])`, "u");

  /** `số`, `số:`, `số hiệu` before a number (on the key text) */
  NUMBER_LEAD = new RegExp(`^\\s{0,3}(?:(?:${alt(NUMBER_WORDS)})[ \\t]*:?)?\\s*`, "u");
  HAS_NUMBER_WORD = new RegExp(`^\\s{0,3}${alt(NUMBER_WORDS)}(?![\\p{L}])`, "u");

  /** `72-NQ/TW`, `45/2026/NĐ-CP`, `01 / 2005 /TT-BKH`, `153/2004/ QĐ-TTg`, `   /QĐ.BQL-VP` (blank) */
  NUMSYM_RE = new RegExp(
    `^(?:(?<num>[0-9]{1,6}[a-z]?)(?:\\s*/\\s*(?<year>(?:19|20)[0-9]{2}))?\\s*[-/]\\s*|(?<blank>[\\s.…_]*/\\s*))(?<sym>${SYMBOL})(?![\\p{L}])`,
    "u",
  );

  DATE_GAP_RE = new RegExp(DATE_GAP, "u");
  LEADING_DATE_GAP_RE = new RegExp(LEADING_DATE_GAP, "u");
  ISSUER_LEAD_RE = new RegExp(`^\\s*,?\\s*${alt(ISSUER_LEADS)}\\s+`, "u");
  ISSUER_STOP_RE = new RegExp(`\\s(?:${alt(ISSUER_STOPS)})(?![\\p{L}])|[,;:.()\\n\\[\\]“”"]|$`, "u");
  ISSUER_HEAD_RE = new RegExp(`^${alt(ISSUER_HEADS)}(?![\\p{L}])`, "u");
  SUBJECT_ABOUT_RE = new RegExp(`^\\s*,?\\s*(${alt(SUBJECT_ABOUT)})\\s*`, "u");
  SUBJECT_VERB_RE = new RegExp(`^\\s*,?\\s*(?=${alt(SUBJECT_VERBS)}(?![\\p{L}]))`, "u");
  CONTEXT_ISSUER_RES = CONTEXT_ISSUER_PATTERNS.map((p) => ({ re: new RegExp(`${p.replace("ISSUER", "([^;.()\\n]{2,90}?)")}$`, "u"), literal: leadingLiteral(p) }));
  LIST_RE = new RegExp(`^\\s*${alt(LIST_JOINERS)}\\s*(?:${alt(NUMBER_WORDS)}\\s*:?\\s*)?`, "u");
  NAME_STOP_RE = new RegExp(`\\s(?:${alt(NAME_STOPS)})(?![\\p{L}])`, "u");

  ANOTHER_TYPE_RE = new RegExp(`\\s(?:và|hoặc|,)\\s*${alt(TYPE_NAMES.map(matchKey))}(?![\\p{L}])`, "u");

  JOINT_RE = new RegExp(`\\s(?:và|hoặc)\\s+(?=\\p{Ll}|${alt(TYPE_NAMES)}(?![\\p{L}]))`, "u");
}

/** whitespace runs made one space, the ends trimmed (tested before replacing: most pieces are tidy) */
const clean = collapseSpaces;

/** The characters a pattern's every match opens with (up to its first special character; a quantified last one left out). */
function leadingLiteral(pattern: string): string {
  const run = /^[^\\[\](){}.*+?^$|]*/.exec(pattern)![0];
  return /^[*?{]/.test(pattern.slice(run.length)) ? run.slice(0, -1) : run;
}

interface Found extends Omit<Reference, Added> {
  /** where the reference's own words end (for a list continuing after it) */
  end: number;
}

function parseIssuer(text: string, key: string, pos: number): { issuer: string; end: number } | null {
  const lead = key.slice(pos, pos + 12).match(ISSUER_LEAD_RE);
  if (!lead) return null;
  const start = pos + lead[0].length;
  const windowKey = key.slice(start, start + 160);
  const stop = windowKey.match(ISSUER_STOP_RE);
  const len = stop ? stop.index! : windowKey.length;
  let issuer = clean(text.slice(start, start + len));
  // "Bộ Kế hoạch và Đầu tư" goes on past "và"; "Chính phủ và đề ra …", "Chính phủ và Thông tư …" do not
  const joint = issuer.match(JOINT_RE);
  if (joint) issuer = issuer.slice(0, joint.index);
  if (!issuer || issuer.split(" ").length > 14) return null;
  const first = issuer[0];
  if (first !== first.toUpperCase() && !ISSUER_HEAD_RE.test(matchKey(issuer))) return null;
  return { issuer, end: start + len };
}

function contextIssuer(text: string, key: string, typeStart: number): string | null {
  const lineStart = Math.max(0, typeStart - 160);
  const before = key.slice(lineStart, typeStart);
  for (const { re, literal } of CONTEXT_ISSUER_RES) {
    // the pattern's opening words must be there (the end-anchored pattern tries every start otherwise)
    if (!before.includes(literal)) continue;
    const m = before.match(re);
    if (!m) continue;
    const at = lineStart + m.index! + m[0].indexOf(m[1], 3);
    const issuer = clean(text.slice(at, at + m[1].length));
    // the name is the last "của X" (a "của" inside it starts a nearer one)
    const inner = issuer.split(/\s+của\s+/u).pop()!;
    if (!inner || inner.split(" ").length > 12) continue;
    if (inner[0] !== inner[0].toUpperCase() && !ISSUER_HEAD_RE.test(matchKey(inner))) continue;
    return inner;
  }
  return null;
}

/** a footnote's mark: a superscript digit (`¹`, `²`, `³`, `⁰`–`⁹`) */
const isFootnoteMark = (c: number) => c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);

/** `s` without the commas and whitespace that end it (`replace(/[,\s]+$/, "")`, read back from the end, not tried from every start). */
function withoutTrailingCommas(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 0x2c || isSpaceCode(s.charCodeAt(end - 1)))) end--;
  return end === s.length ? s : s.slice(0, end);
}

function parseSubject(text: string, key: string, pos: number): { subject: string; end: number } | null {
  const about = key.slice(pos, pos + 16).match(SUBJECT_ABOUT_RE);
  const verb = about ? null : key.slice(pos, pos + 16).match(SUBJECT_VERB_RE);
  const lead = about ?? verb;
  if (!lead) return null;
  const start = pos + lead[0].length;
  const rest = text.slice(start, start + 300);
  // ends at ; : a new line, a sentence end, or an unbalanced closing bracket
  let depth = 0;
  let end = rest.length;
  // read by code unit: a regex test a character was most of the walk
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */) {
      if (depth === 0) { end = i; break; }
      depth--;
    } else if (c === 59 /* ; */ || c === 58 /* : */ || c === 10 || isFootnoteMark(c)) { end = i; break; }
    else if (c === 46 /* . */ && (i + 1 >= rest.length || isSpaceCode(rest.charCodeAt(i + 1)))) { end = i; break; }
  }
  const subject = withoutTrailingCommas(clean(rest.slice(0, end)));
  if (subject.length < 3) return null;
  return { subject, end: start + end };
}

/** what the symbol's rewriting (spaces around its marks dropped, an en dash made a hyphen) changes */
const UNTIDY_SYMBOL = /[\s–]/;

/**
 * The code units of `s` that are letters (`\p{L}`) and capitals (`\p{Lu}`): the lengths of `s`
 * with every other character removed, read from the letter table (a character at or beyond U+2000
 * asks the regexes).
 */
function letterCounts(s: string): { letters: number; caps: number } {
  const cls = letterClassesBelow2000();
  let letters = 0;
  let caps = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x2000) return { letters: s.replace(/[^\p{L}]/gu, "").length, caps: s.replace(/[^\p{Lu}]/gu, "").length };
    if (cls[c] & LETTER) letters++;
    if (cls[c] & CAPITAL) caps++;
  }
  return { letters, caps };
}

/** Can {@link parseNumber}'s pattern open with code unit `c` (`[0-9\s.…_/]`)? */
const opensNumber = (c: number): boolean => isAsciiDigitCode(c) || isSpaceCode(c) || c === 0x2e || c === 0x2026 || c === 0x5f || c === 0x2f;

function parseNumber(text: string, at: number): { number: string | null; year: number | null; symbol: string; end: number } | null {
  // the pattern opens with a digit, or with `[\s.…_]` or the slash of a blank number: most types are followed by a word
  if (!opensNumber(text.charCodeAt(at))) return null;
  const m = text.slice(at, at + 80).match(NUMSYM_RE);
  if (!m) return null;
  const g = m.groups!;
  // most symbols are written without spaces or an en dash (`QĐ-UBND`): nothing to rewrite
  const symbol = UNTIDY_SYMBOL.test(g.sym) ? g.sym.replace(/\s*([/\-–.])\s*/g, (_, c: string) => (c === "–" ? "-" : c)).replace(/\s+/g, "") : g.sym;
  // a symbol is mostly capitals: "QĐ-TTg" yes, "Chính" no
  const { letters, caps } = letterCounts(symbol);
  if (caps < Math.max(1, letters * 0.6)) return null;
  return { number: g.num ?? null, year: g.num && g.year ? Number(g.year) : null, symbol, end: at + m[0].length };
}

function tail(ref: Found, text: string, key: string, byStart: DatesByStart): Found {
  let pos = ref.end;
  // the date: the first date mention right after, with only a comma or "ban hành" between
  const limit = Math.min(text.length, pos + 24);
  const { starts, dates } = byStart;
  for (let i = (byStart.near = seek(starts, pos, byStart.near)); i < starts.length && starts[i] < limit; i++) {
    // of two dates that start at one place, the later in the list (as a map by start kept it)
    if (starts[i + 1] === starts[i]) continue;
    const d = dates[i];
    if (DATE_GAP_RE.test(key.slice(pos, starts[i])) && d.kind !== "period") {
      ref.date = d.value;
      pos = d.span![1];
      break;
    }
  }
  const issuer = parseIssuer(text, key, pos);
  if (issuer) {
    ref.issuer = issuer.issuer;
    pos = issuer.end;
  }
  const subject = parseSubject(text, key, pos);
  if (subject) {
    ref.subject = subject.subject;
    pos = subject.end;
  }
  ref.text = clean(text.slice(ref.span![0], pos));
  ref.span = [ref.span![0], pos];
  return ref;
}

function parseNamed(text: string, key: string, typeEnd: number): { name: string; end: number; numbered: ReturnType<typeof parseNumber> } | null {
  const rest = text.slice(typeEnd, typeEnd + 200);
  const m = rest.match(/^[ \t]+(\p{Lu})/u);
  if (!m) return null;
  const restKey = key.slice(typeEnd, typeEnd + 200);
  // up to a date, a number, or punctuation
  const hard = restKey.search(/[,;:.()\n“”"]|\s(?:ngày|số)(?![\p{L}])/u);
  const limit = hard < 0 ? restKey.length : hard;
  let end = limit;
  let atDate = hard >= 0 && /^\s(?:ngày|số)/u.test(restKey.slice(hard));
  // "Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày …": the date is the second's
  const another = restKey.slice(0, limit).search(ANOTHER_TYPE_RE);
  if (another >= 0) {
    end = another;
    atDate = false;
  }
  if (!atDate) {
    const stop = restKey.slice(0, limit).search(NAME_STOP_RE);
    if (stop >= 0) end = stop;
  }
  const name = clean(rest.slice(0, end));
  if (!name || name.split(" ").length > 15) return null;
  let numbered = null;
  if (atDate && /^\ssố/u.test(restKey.slice(hard))) {
    const lead = restKey.slice(hard).match(NUMBER_LEAD);
    numbered = parseNumber(text, typeEnd + hard + (lead?.[0].length ?? 0));
  }
  return { name, end: typeEnd + end, numbered };
}

/** `Ngày 27/02/2023, Bộ X ban hành Công văn số …`: the date (and issuer) that open the citation's sentence. */
function leadingDate(ref: Found, text: string, key: string, start: number, dates: DateMention[]): void {
  // the last date that ends before the citation (dates are in text order)
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((dates[mid].span?.[1] ?? 0) <= start) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? dates[lo - 1] : null;
  if (!before?.span || start - before.span[1] > 160 || before.kind === "period" || !/^ngày/u.test(key.slice(before.span[0], before.span[0] + 4))) return;
  // the date opens its sentence: `…, UBND tỉnh ban hành Kế hoạch số 5/KH` after another citation's date is not it
  if (!/(?:^|[.;:\n])\s*$/u.test(key.slice(Math.max(0, before.span[0] - 40), before.span[0]))) return;
  const gap = LEADING_DATE_GAP_RE.exec(key.slice(before.span[1], start));
  if (!gap) return;
  ref.date = before.value;
  if (!ref.issuer) {
    const at = before.span[1] + gap.index + gap[0].indexOf(gap.groups!.issuer);
    ref.issuer = clean(text.slice(at, at + gap.groups!.issuer.length));
  }
}

/** Every citation in `text`, before short citations are completed. */
function findReferences(text: string, ctx: Pick<ExtractContext, "year"> & Partial<Pick<ExtractContext, "tree" | "shared">>): Found[] {
  compilePatterns();
  const whole = ctx.tree?.text === text ? (ctx as Pick<ExtractContext, "tree" | "year" | "shared">) : null;
  const key = whole ? textKey(whole) : keyAtOffsets(text);
  // the whole document's dates are scanned once, for the dates extractor and this one
  const dates = whole ? documentDates(whole).plain : findDates(text, 0, ctx);
  const byStart = datesByStart(dates);
  const out: Found[] = [];
  // the document's openings, walked once for every extractor, where they hold for its key; else this text's own
  const open = whole && keyFollowsFolded(whole) ? documentOpenings(whole) : documentOpeners().in(key);
  for (const m of matchesAt(TYPE_STICKY, key, open, OPENS.referenceType)) {
    const start = m.index!;
    const pos = start + m[0].length;
    const typeKey = m[0];
    // most types found are words of the text (`kế hoạch này`, `báo cáo kết quả`), no citation:
    // the number and the name are asked first, the type and `này` after (none has a side effect)
    const lead = key.slice(pos, pos + 40).match(NUMBER_LEAD)!;
    const numbered = parseNumber(text, pos + lead[0].length);
    const byNumber = numbered && (numbered.number !== null || HAS_NUMBER_WORD.test(key.slice(pos, pos + 12))) ? numbered : null;
    const byName = byNumber || !/\p{Lu}/u.test(text[start]) || !NAMED.has(typeKey) ? null : parseNamed(text, key, pos);
    if ((!byNumber && !byName) || SELF_RE.test(key.slice(pos, pos + 8))) continue;
    const type = CANONICAL.get(typeKey) ?? text.slice(start, pos);
    let found: Found;
    if (byNumber) {
      found = { text: "", type, number: byNumber.number, year: byNumber.year, symbol: byNumber.symbol, date: null, issuer: null, subject: null, span: [start, byNumber.end], end: byNumber.end };
    } else {
      const named = byName!;
      const end = named.numbered?.end ?? named.end;
      found = {
        text: "", type, number: named.numbered?.number ?? null, year: named.numbered?.year ?? null, symbol: named.numbered?.symbol ?? null,
        date: null, issuer: null, subject: null, span: [start, end], end,
      };
      // a named law's name is its title: keep it as the subject
      found.subject = named.name;
    }
    const named = found.number === null && found.symbol === null;
    const ref = tail(found, text, key, byStart);
    if (named && ref.subject && ref.subject !== found.subject) ref.subject = found.subject;
    if (!ref.issuer) ref.issuer = contextIssuer(text, key, start);
    if (!ref.date) leadingDate(ref, text, key, start, dates);
    out.push(ref);
    // a list under one type: "các quyết định số 101/QĐ.BQL-TC ngày 21/7/2005 và 41/QĐ.BQL-TC ngày 30/3/2006"
    let prevEnd = ref.span![1];
    for (let k = 0; k < 8; k++) {
      const j = key.slice(prevEnd, prevEnd + 20).match(LIST_RE);
      if (!j) break;
      const next = parseNumber(text, prevEnd + j[0].length);
      if (!next || next.number === null) break;
      const item = tail(
        { text: "", type, number: next.number, year: next.year, symbol: next.symbol, date: null, issuer: null, subject: null, span: [prevEnd + j[0].length, next.end], end: next.end },
        text, key, byStart,
      );
      if (!item.issuer) item.issuer = ref.issuer;
      out.push(item);
      prevEnd = item.span![1];
    }
  }
  return out;
}

/** A symbol as citations are compared by it: its match key without spaces and dots. */
const symbolKey = (symbol: string) => matchKey(symbol).replace(/[\s.]/g, "");

/** The key mentions of one cited document share; `symbol`: the mention's {@link symbolKey} ("" without one). */
const refKey = (r: Omit<Reference, Added>, symbol: string) =>
  r.symbol !== null || r.number !== null ? `#${r.number ?? ""}/${r.year ?? ""}|${symbol}` : `@${matchKey(r.type ?? "")}|${matchKey(r.subject ?? "")}`;

const richness = (r: Omit<Reference, Added>) => [r.date, r.issuer, r.subject].filter((x) => x !== null).length;

/** Citations of other documents, every mention, short ones completed from the fullest. */
export function extractReferences(ctx: ExtractContext): Reference[] {
  const { tree } = ctx;
  const found = findReferences(tree.text, ctx);
  // each mention's symbol keyed once, for the document's own number and the mentions' keys
  const symbols = mapped(found, (r) => (r.symbol === null ? "" : symbolKey(r.symbol)));
  // the document's own number ("Ban hành kèm theo Quyết định số …" in its appendix) is not a citation
  const own = tree.number?.symbol ? `#${tree.number.value ?? ""}|${symbolKey(tree.number.symbol)}` : null;
  const keys: string[] = [];
  const refs: Found[] = [];
  found.forEach((r, i) => {
    if (own && r.symbol !== null && `#${r.number ?? ""}|${symbols[i]}` === own) return;
    refs.push(r);
    keys.push(refKey(r, symbols[i]));
  });
  const best = new Map<string, Found>();
  refs.forEach((r, i) => {
    const b = best.get(keys[i]);
    if (!b || richness(r) > richness(b)) best.set(keys[i], r);
  });
  const out: Reference[] = [];
  refs.forEach((r, i) => {
    const b = best.get(keys[i])!;
    out.push(withKey(r, { date: r.date ?? b.date, issuer: r.issuer ?? b.issuer, subject: r.subject ?? b.subject }));
  });
  return out;
}

/**
 * The cited document's key, the same wherever it is cited: `Nghị định 30/2020/NĐ-CP` (number
 * without leading zeros), or for a document cited by name, `Luật Đất đai 2013` (the name with
 * tone placement folded and only its first letter capital, and the year of its date when known).
 * Null for a bare type (`Luật` with neither number nor name).
 */
export function citedDocumentKey(r: Omit<Reference, Added>): string | null {
  const type = r.type ? `${r.type} ` : "";
  if (r.number !== null || r.symbol !== null) {
    const number = (r.number ?? "").replace(/^0+(?=\d)/, "");
    return `${type}${[number, r.year, r.symbol].filter((x) => x !== null && x !== "").join("/")}`;
  }
  if (!r.subject) return null;
  let name = foldTone(r.subject.normalize("NFC").replace(/\s+/g, " ").trim()).toLowerCase();
  // a year written in the name (`Luật Hải quan năm 2014`) is the year of the key, as a date's would be
  const written = /\s+(?:năm\s+)?((?:19|20)\d\d)$/u.exec(name);
  if (written) name = name.slice(0, written.index);
  if (!name) return null;
  const y = written?.[1] ?? (r.date && /^\d{4}/.test(r.date) ? r.date.slice(0, 4) : null);
  return `${type}${name.charAt(0).toUpperCase()}${name.slice(1)}${y ? ` ${y}` : ""}`;
}

/** Keys computed once a citation is complete: its key and its date's bounds. */
type Added = "key" | "dateStart" | "dateEnd" | "datePrecision";

/**
 * The citation as the record gives it (with what its best mention adds). The keys are written out,
 * not spread: one object shape for every reference, its fields in the object itself (a hostile
 * text cites 30,000 times).
 */
const withKey = (r: Found, more: Pick<Reference, "date" | "issuer" | "subject"> = r): Reference => {
  const { date, issuer, subject } = more;
  const b = dateBounds(date);
  return {
    text: r.text, type: r.type, number: r.number, year: r.year, symbol: r.symbol, date, issuer, subject,
    key: citedDocumentKey({ ...r, date, issuer, subject }), dateStart: b.start, dateEnd: b.end, datePrecision: b.precision, span: r.span,
  };
};

/** For tests: the type-name pattern as a global scan, and where the dispatch tries it (group 1). */
export function typeOpenings(): { pattern: RegExp; openers: Openers; group: number } {
  compilePatterns();
  return { pattern: TYPE_RE, openers: documentOpeners(), group: OPENS.referenceType };
}

/** For tests and other extractors: the citations in a piece of text (spans relative to it). */
export function referencesIn(text: string, year: number | null = null): Reference[] {
  return findReferences(text, { year }).map((r) => withKey(r));
}
