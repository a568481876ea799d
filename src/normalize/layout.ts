import { AUTHORITY_INITIALS, AUTHORITY_LINE, NATIONAL_TITLE } from "../../grammars/header.js";
import { CONTINUATION_WORDS, DATE_LINE_END, LEADING_RULE, LEADING_RULE_MARKS, LITTER_CHARACTERS, PAGE_NUMBER_LINE, PARAGRAPH_END, PARAGRAPH_START, RULE_LINE } from "../../grammars/layout.js";
import { DOCUMENT_TYPES } from "../../grammars/document-types.js";
import type { SourceLine } from "../load/types.js";
import type { Warning } from "../record/schema.js";
import { MappedText } from "./mapped.js";
import { matchKey, nfc, nfcMatchKey } from "../text/tone.js";
import { endsWith } from "../text/pattern.js";
import { afterSpaces, isAsciiDigitCode, isCapitalCode, isLower, isLowerCode, isSpaceCode } from "../text/letters.js";
import { CodeSet } from "../text/codes.js";
import { LINE_SHAPE } from "./unicode.js";

/**
 * A line as the layout steps pass it along. One class, every field set by its constructor: the
 * steps read each line's fields at one place, whatever step made it (lines of a few shapes, object
 * literals and their spread copies, made every property read polymorphic: the column split took
 * 2.5 times as long).
 */
export class WorkLine {
  constructor(
    readonly t: MappedText,
    readonly meta: LineMeta,
    /** side of a two-column layout the line was split from */
    readonly column?: "left" | "right",
    /**
     * Set as the line is read, when no character step changed it and its white space is plain
     * spaces between words, one at a time (no tab, no run, none at its ends), as most lines have
     * it: its `lineShape` (normalize/unicode), which tells the signature walk whether it has work
     * and the join whether it is in capitals; that it is there tells the column split and the
     * tidying of spaces they have nothing to look for. A line given another text ({@link withText})
     * has none.
     */
    readonly shape?: number,
  ) {}

  /** The line with another text (its shape, which told of the old one, left out). */
  withText(t: MappedText): WorkLine {
    return new WorkLine(t, this.meta, this.column);
  }

  /** The line on a side of a two-column layout. */
  inColumn(column: "left" | "right"): WorkLine {
    return new WorkLine(this.t, this.meta, column, this.shape);
  }
}

/** What a line keeps of the loader's line: its facts, not its text or runs. */
export type LineMeta = Omit<SourceLine, "text" | "runs">;

/**
 * The loader's facts about a line in an object of its own, every field present and in one
 * order, whatever loader made the line (text lines are `{ text, page }`, table cells and PDF lines
 * have more): every later step reads them at one place for all lines (segment's `meta.block` at
 * every line met lines of four and more shapes and left its optimized code for them).
 */
export function lineMeta(l: LineMeta, paragraphEnd = l.paragraphEnd): LineMeta {
  return { page: l.page, x: l.x, y: l.y, size: l.size, bold: l.bold, italic: l.italic, align: l.align, block: l.block, paragraphEnd, indent: l.indent, x1: l.x1 };
}

const rule = new RegExp(RULE_LINE, "u");
const leadingRule = new RegExp(LEADING_RULE, "u");
const pageNumber = new RegExp(PAGE_NUMBER_LINE, "u");
/** Either of the two: one look at a line that is neither (most lines) instead of two. */
const ruleOrPageNumber = new RegExp(`(?:${RULE_LINE})|(?:${PAGE_NUMBER_LINE})`, "u");
/** {@link LEADING_RULE_MARKS} by code: a rule of five of them and more opens the line after its white space. */
const leadingRuleMarks = CodeSet.ofChars(LEADING_RULE_MARKS);
/** {@link LITTER_CHARACTERS} by code. */
const litterCodes = CodeSet.ofChars(LITTER_CHARACTERS);
/** Whether `s` is written only with {@link LITTER_CHARACTERS} and white space: only then may it be a rule or a page number. */
function mayBeLitter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!litterCodes.has(c) && !isSpaceCode(c)) return false;
  }
  return true;
}
const paragraphStart = new RegExp(`^(?:${PARAGRAPH_START.map((p) => `(?:${p})`).join("|")})`, "u");
// patterns of a line's end, asked from the end (a `$` pattern is tried from every start in the line)
const endsParagraph = endsWith(PARAGRAPH_END);
const endsDateLine = endsWith(DATE_LINE_END);
// "KT." alone on its line: the authority's words went to the next line (`KT.` / `TỔNG CỤC TRƯỞNG …`)
const loneAuthority = new RegExp(AUTHORITY_LINE.replace(/\(\?=\\p\{L\}\)$/, "$"), "u");
/** The letters an authority's spellings open with, as char codes. */
const authorityFirsts = new Set(AUTHORITY_INITIALS.map((c) => c.charCodeAt(0)));
/**
 * Whether `line`'s key may be a lone authority's, from its first code unit: a line opening with
 * an ASCII character keeps it first in its key, lower-cased (NFC composes it only with the marks
 * after it, and into no ASCII letter; tone folding turns an `o` or `u` into no ASCII letter), so
 * one that opens with none of the authorities' letters is none (most lines before a line in
 * capitals: their keys were made only for this).
 */
const mayBeLoneAuthority = (line: string) => {
  const c = line.charCodeAt(0);
  // `| 0x20` lower-cases an ASCII capital, and turns no other ASCII code into a letter
  return c >= 0x80 || authorityFirsts.has(c | 0x20);
};
const nationalTitle = new RegExp(NATIONAL_TITLE, "u");
const endsContinuing = endsWith(`(?<![\\p{L}\\p{M}])(?:${CONTINUATION_WORDS.join("|")})`);

/** Quotes a line may open with and still run on from the line above, as a line opening in lower case does. */
const OPENING_QUOTES = `“"'‘`;

const TAB_WIDTH = 8;
/** Gap (in columns, tabs expanded) that separates two text columns set side by side. */
const COLUMN_GAP = 4;
/** Indentation (in columns) that puts a line alone in the right column: a signature or a date set far right. */
const RIGHT_INDENT = 30;

function expandTabs(s: string): number[] {
  // visual column of each character
  const cols: number[] = [];
  let c = 0;
  for (const ch of s) {
    cols.push(c);
    c = ch === "\t" ? (Math.floor(c / TAB_WIDTH) + 1) * TAB_WIDTH : c + 1;
  }
  return cols;
}

/** Longest line that may be read as columns side by side (a wide page holds about 200 characters). */
const MAX_COLUMN_LINE = 2000;

/**
 * Text laid out in two columns with spaces or tabs (`ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …`)
 * split into its left and right parts. A gap before `tháng`, `năm`, a digit or `/` is a blank
 * left for a draft's number or date, not a column gap.
 */
export function splitColumns(lines: WorkLine[]): WorkLine[] {
  const out: WorkLine[] = [];
  for (const line of lines) {
    const s = line.t.text;
    // a line of two columns is a page wide; a longer one is prose run together (splitting a 5 MB
    // line column by column, each split copying the rest, took gigabytes)
    if (line.shape !== undefined || line.meta.block || s.length > MAX_COLUMN_LINE || !/\S(?:\t|\s{4,})\S/.test(s)) {
      // no indentation (most lines): not set far right
      if (s.charCodeAt(0) !== 0x20 && s.charCodeAt(0) !== 0x09) {
        out.push(line);
        continue;
      }
      const indent = /^[ \t]*/.exec(s)![0];
      const deep = !line.meta.block && /\S/.test(s) && expandTabs(indent + "x").pop()! >= RIGHT_INDENT;
      out.push(deep ? line.inColumn("right") : line);
      continue;
    }
    // a character's column differs from its offset only after a tab or a surrogate pair (the columns are counted by code point)
    const cols = /[\t\uD800-\uDFFF]/.test(s) ? expandTabs(s) : null;
    const gap = /(\S)([ \t]*\t[ \t]*|\s{4,})(?=\S)/g;
    let split = -1;
    for (let m = gap.exec(s); m; m = gap.exec(s)) {
      const start = m.index + 1;
      const end = start + m[2].length;
      const width = cols ? (cols[end] ?? end) - (cols[start] ?? start) : end - start;
      const right = s.slice(end);
      if (width < COLUMN_GAP) continue;
      if (/^(?:tháng|năm|ngày|\/|\d|[-–]\s*\d|[.,;:)])/iu.test(right)) continue;
      split = start;
      break;
    }
    if (split < 0) {
      out.push(line);
      continue;
    }
    const left = line.t.slice(0, split);
    const rightStart = split + (/^\s*/.exec(s.slice(split))?.[0].length ?? 0);
    out.push(new WorkLine(left, line.meta, "left"));
    // a right part may hold another gap (three columns are rare; split again)
    for (const r of splitColumns([new WorkLine(line.t.slice(rightStart), line.meta)])) out.push(r.inColumn("right"));
  }
  return out;
}

/** Leading and trailing white space cut, inner runs of spaces and tabs made one space. */
export function tidySpaces(line: WorkLine): WorkLine {
  if (line.shape !== undefined) {
    // no white space to tidy, and a rule cut from its start takes the space after it along
    const t = withoutLeadingRule(line.t);
    return t === line.t ? line : line.withText(t);
  }
  // a line without a tab or two spaces running (one a step changed, or with a no-break space) has
  // none to make one
  const s = line.t.text;
  let t = withoutLeadingRule(s.includes("\t") || s.includes("  ") ? line.t.replace(/[ \t]{2,}|\t/g, " ") : line.t);
  const lead = afterSpaces(t.text, 0);
  // counted from the end: /\s*$/ tries every start, quadratic on a long run of no-break spaces before text
  let end = t.length;
  while (end > lead && isSpaceCode(t.text.charCodeAt(end - 1))) end--;
  const trail = t.length - end;
  if (lead || trail) t = t.slice(lead, t.length - trail);
  return t === line.t ? line : line.withText(t);
}

/**
 * A rule that runs into other text on its line cut off, with the white space around it. Asked of
 * every line: one that does not open with two of the rule's marks after its white space (most
 * open with a letter, a list's `- `) holds none, and is not asked the patterns.
 */
function withoutLeadingRule(t: MappedText): MappedText {
  const s = t.text;
  const at = afterSpaces(s, 0);
  if (!leadingRuleMarks.has(s.charCodeAt(at)) || !leadingRuleMarks.has(s.charCodeAt(at + 1))) return t;
  return leadingRule.test(s) && !rule.test(s) ? t.replace(new RegExp(leadingRule.source, "gu"), "") : t;
}

/** Box-drawing rules, page numbers and running headers dropped; what was dropped is counted. */
export function dropLitter(lines: WorkLine[], warnings: Warning[]): WorkLine[] {
  const pages = new Set<number>();
  for (const l of lines) pages.add(l.meta.page ?? 1);
  // a running header or footer: the same short line at the top or bottom of most pages
  const running = new Set<string>();
  if (pages.size >= 3) {
    const edge = new Map<string, Set<number>>();
    const byPage = new Map<number, WorkLine[]>();
    for (const l of lines) {
      if (!l.t.text) continue;
      const p = l.meta.page ?? 1;
      if (!byPage.has(p)) byPage.set(p, []);
      byPage.get(p)!.push(l);
    }
    for (const [p, ls] of byPage) {
      for (const l of [...ls.slice(0, 2), ...ls.slice(-2)]) {
        const key = l.t.text.replace(/\d+/g, "#");
        if (!edge.has(key)) edge.set(key, new Set());
        edge.get(key)!.add(p);
      }
    }
    for (const [key, ps] of edge) if (ps.size >= Math.max(3, pages.size * 0.6) && key.length < 120) running.add(key);
  }
  let dropped = 0;
  const kept = lines.filter((l, i) => {
    const s = l.t.text;
    if (!s) return true;
    const litter = mayBeLitter(s) && ruleOrPageNumber.test(s);
    if (litter && rule.test(s)) return false;
    if (running.size && running.has(s.replace(/\d+/g, "#"))) {
      dropped++;
      return false;
    }
    // a page number stands alone between blank lines or at a page's edge
    if (litter && pageNumber.test(s) && isolated(lines, i)) {
      dropped++;
      return false;
    }
    return true;
  });
  if (dropped) warnings.push({ code: "page-litter-dropped", message: `${dropped} page number or running header line(s) left out` });
  return kept;
}

function isolated(lines: WorkLine[], i: number): boolean {
  const prev = lines[i - 1];
  const next = lines[i + 1];
  const blank = (l?: WorkLine) => !l || !l.t.text.trim();
  const pageEdge = (l?: WorkLine) => !l || (l.meta.page ?? 1) !== (lines[i].meta.page ?? 1);
  return (blank(prev) || pageEdge(prev)) && (blank(next) || pageEdge(next));
}

/** A title alone on its line ("Nghị định", "QUYẾT ĐỊNH") never runs on into the next line. */
const typeNames = new Set(DOCUMENT_TYPES.map((t) => matchKey(t.name)));
const longestTypeName = Math.max(...[...typeNames].map((k) => k.length));
/**
 * A line short enough for its key to be a type's name: `matchKey` folds tones in place and
 * lower-cases (which never shortens), so only NFC can make a longer line's key that short (and
 * cannot, of a line known to be in NFC).
 */
const mayBeTypeName = (line: string, inNfc: boolean) => line.length <= longestTypeName || (!inNfc && nfc(line) !== line);

/**
 * Whether `text[start, end)` is written in capitals: it has a capital and no letter that
 * upper-casing changes (`/\p{Lu}/u.test(s) && s === s.toUpperCase()`). Below U+2000 (Vietnamese
 * and its punctuation) a code unit's case is read from a table, and general punctuation has
 * none; only a text with other characters is copied and upper-cased. Asked of every line and
 * word of a body, most of which are settled by their second letter.
 */
export function inCapitals(text: string, start = 0, end = text.length): boolean {
  let capital = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2000) {
      if (isLowerCode(c)) return false;
      if (!capital && isCapitalCode(c)) capital = true;
    } else if (c >= 0x2070) {
      const s = text.slice(start, end);
      return /\p{Lu}/u.test(s) && s === s.toUpperCase();
    }
  }
  return capital;
}

/** Mostly capitals (`ủY BAN NHÂN DÂN THÀNH PHỐ Cần Thơ`): a heading, whatever its first letter. */
const mostlyUpper = (s: string) => {
  if (manyLowerCase(s)) return false;
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length >= 6 && letters.replace(/\p{Lu}/gu, "").length / letters.length < 0.35;
};

/** A combining mark (upper-casing changes U+0345 among them, but a mark is no letter). */
const isCombining = (c: number) => c >= 0x0300 && c <= 0x036f;

/**
 * At least 35% of what may be letters in `s` is surely a lower-case letter (below U+2000: a code
 * unit upper-casing changes, not a combining mark), so `s` is not {@link mostlyUpper}: a body's
 * line is told so in one pass instead of two replacements over it.
 */
function manyLowerCase(s: string): boolean {
  let lower = 0;
  let maybeLetters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII other than letters is no letter
    if (c < 0x80 && !((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a)) continue;
    maybeLetters++;
    if (c < 0x2000 && isLowerCode(c) && !isCombining(c)) {
      lower++;
      // settled before the end: even were every code unit left a letter (a body's line is mostly lower case)
      if (lower >= 0.35 * (maybeLetters + s.length - 1 - i)) return true;
    }
  }
  return lower > 0 && lower >= 0.35 * maybeLetters;
}

/** The line width a wrapped paragraph fills: wide lines of the document, at their upper quartile. */
function wrapWidth(lines: WorkLine[]): number {
  let wide = 0;
  for (const l of lines) if (l.t.length >= 30) wide++;
  if (wide < 3) return Infinity;
  // sorted as numbers natively (a typed array, filled in a loop), not through a comparison or a callback per line
  const widths = new Uint32Array(wide);
  let k = 0;
  for (const l of lines) if (l.t.length >= 30) widths[k++] = l.t.length;
  return widths.sort()[Math.floor(wide * 0.75)];
}

/** Text cut into lines of a set width: many of its wide lines end mid-sentence. */
function hardWrapped(lines: WorkLine[], facts: LineFacts): boolean {
  let wide = 0;
  let open = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.t.length < 40 || l.meta.paragraphEnd) continue;
    wide++;
    if (!facts.endsParagraph(i)) open++;
  }
  return open >= 3 && open >= wide * 0.3;
}

/** Bits of {@link LineFacts}: each fact, and whether it has been worked out. */
const END_KNOWN = 1, ENDS = 2, CAPITALS_KNOWN = 4, CAPITALS = 8;

/**
 * What the joining asks of a line more than once (a line is the next line of one pair and the one
 * before of the next; the wide ones are asked again whether the text is hard-wrapped), worked out
 * the first time it is asked.
 */
class LineFacts {
  private readonly bits: Uint8Array;
  /** a line's match key (see {@link joinWrapped}'s `inNfc`) */
  readonly key: (text: string) => string;
  constructor(
    private readonly lines: WorkLine[],
    /** the lines are in NFC */
    readonly inNfc: boolean,
  ) {
    this.bits = new Uint8Array(lines.length);
    this.key = inNfc ? nfcMatchKey : matchKey;
  }
  /** the line ends a sentence ({@link PARAGRAPH_END}) */
  endsParagraph(i: number): boolean {
    let b = this.bits[i];
    if (!(b & END_KNOWN)) this.bits[i] = b |= END_KNOWN | (endsParagraph(this.lines[i].t.text) ? ENDS : 0);
    return (b & ENDS) !== 0;
  }
  /** the line is written in capitals ({@link inCapitals}), as its shape tells where it does */
  inCapitals(i: number): boolean {
    let b = this.bits[i];
    if (!(b & CAPITALS_KNOWN)) {
      const line = this.lines[i];
      const told = line.shape !== undefined && line.shape & LINE_SHAPE.CASE_TOLD;
      this.bits[i] = b |= CAPITALS_KNOWN | ((told ? line.shape! & LINE_SHAPE.CAPITALS : inCapitals(line.t.text)) ? CAPITALS : 0);
    }
    return (b & CAPITALS) !== 0;
  }
}

/**
 * Hard-wrapped lines joined back into paragraphs: a line continues into the next when it does not
 * end a sentence and the next begins in lower case, or when it fills the line width and the next
 * is not the start of a new part. Blank lines between wrapped lines (as PDF text often has) do
 * not stop a paragraph; the loader's own paragraph ends do. `inNfc`: the lines are in NFC
 * (normalize's `inNfc`), and their keys are made without asking.
 */
export function joinWrapped(lines: WorkLine[], inNfc = false): WorkLine[] {
  const facts = new LineFacts(lines, inNfc);
  const width = hardWrapped(lines, facts) ? wrapWidth(lines) : Infinity;
  const pitch = linePitch(lines);
  // a line continues the one above it, not the paragraph so far; the paragraph's lines are held
  // only while it has more than one (most have one)
  const out: WorkLine[] = [];
  let joined: MappedText[] | null = null;
  const close = () => {
    if (joined) out[out.length - 1] = out[out.length - 1].withText(MappedText.join(joined, " "));
    joined = null;
  };
  let prev = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.t.text) continue;
    if (prev >= 0 && !spacedApart(lines[prev], line, pitch) && continues(lines, prev, i, width, facts)) (joined ??= [out[out.length - 1].t]).push(line.t);
    else {
      close();
      out.push(line);
    }
    prev = i;
  }
  close();
  return out;
}

/** The usual distance between the baselines of two lines of a paragraph (PDF and OCR lines), or null. */
function linePitch(lines: WorkLine[]): number | null {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1].meta, b = lines[i].meta;
    if (a.y === undefined || b.y === undefined || a.page !== b.page || a.block !== b.block || !a.size) continue;
    const d = b.y - a.y;
    if (d > 0.5 * a.size && d < 3 * a.size) steps.push(d);
  }
  if (steps.length < 8) return null;
  return Float64Array.from(steps).sort()[Math.floor(steps.length / 2)];
}

/**
 * Lines set well apart, more than twice the usual pitch (a blank line or a paragraph's spacing
 * between them): the centred trích yếu `… nhiệm vụ trong thời gian tới` and the body's first
 * paragraph under it are two paragraphs, though the one fills the line and the other begins in
 * lower case after its agency (`UBND tỉnh tổ chức …`).
 */
function spacedApart(prev: WorkLine, next: WorkLine, pitch: number | null): boolean {
  const a = prev.meta, b = next.meta;
  if (pitch === null || a.y === undefined || b.y === undefined || a.page !== b.page) return false;
  return b.y - a.y > 2 * pitch;
}

/** Whether line `a` runs on into line `b`, the next line with text. */
function continues(lines: WorkLine[], a: number, b: number, width: number, facts: LineFacts): boolean {
  const prev = lines[a];
  const next = lines[b];
  if (prev.meta.paragraphEnd) return false;
  if ((prev.meta.block ?? "") !== (next.meta.block ?? "") || prev.column !== next.column) return false;
  const p = prev.t.text;
  const n = next.t.text;
  // the line's key, made only where a test asks for it (most lines are settled without; a closure
  // making it, allocated on every call, was the most of what the joining allocated)
  let pk: string | undefined;
  if (facts.inCapitals(b) && mayBeLoneAuthority(p) && loneAuthority.test((pk ??= facts.key(p)))) return true;
  // "CỘNG HOÀ" / "XÃ HỘI CHỦ NGHĨA VIỆT NAM": the quốc hiệu set (or read by OCR) on two lines
  if (facts.inCapitals(a) && facts.inCapitals(b) && !nationalTitle.test((pk ??= facts.key(p))) && nationalTitle.test(facts.key(`${p} ${n}`))) return true;
  if (facts.endsParagraph(a) || endsDateLine(p) || (mayBeTypeName(p, facts.inNfc) && typeNames.has((pk ??= facts.key(p))))) return false;
  // "giai đoạn 2016" / "- 2021 …": a range of numbers wrapped before its dash, not a list item
  const last = p.charCodeAt(p.length - 1);
  if (isAsciiDigitCode(last) && /^[-–]\s*\d/.test(n) && !/^[-–]\s*\d{1,2}\s*[.)]/.test(n)) return true;
  if (paragraphStart.test(n)) return false;
  if (facts.inCapitals(a) || (facts.inCapitals(b) && n.length > 3) || mostlyUpper(n)) return false;
  if ((isLower(n) || OPENING_QUOTES.includes(n[0])) && !/^\p{Ll}\s*\)/u.test(n)) return true;
  return endsContinuing(p) || p.length >= width * 0.85;
}
