import { isSpaceCode } from "../../text/letters.js";
import type { TextRun } from "../types.js";

/**
 * One piece of text as pdf.js (or the OCR engine) placed it, in page points with the origin at
 * the top left of the page as it is shown (rotation applied). `y` is the baseline.
 */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** font size in points */
  size: number;
  /** the font's name, subset prefix removed, when it was looked up */
  font?: string;
  /** drawn by an annotation's appearance (a signature widget, a form field), not by the page: its id */
  annotation?: string;
}

/**
 * A text item with every field present, in one order, whatever made it (the page's text layer, an
 * annotation's appearance, OCR): items with and without a font or an annotation were three shapes
 * for every loop of the layout over a page's items, and V8 threw away its optimized code for
 * `groupRows`, `buildLine`, `rowEntry` and `layoutPages` each time a page brought it a new one
 * (recompiled up to four times a `convert` worker).
 */
export function pdfItem(text: string, x: number, y: number, width: number, size: number, font?: string, annotation?: string): PdfItem {
  return { text, x, y, width, size, font, annotation };
}

/** Items that share a baseline, left to right: one visual row of the page. */
export interface Row {
  page: number;
  /** baseline of the row's main text */
  y: number;
  /** size of the row's main text */
  size: number;
  items: PdfItem[];
  /**
   * The row's text as built, kept by the layout (`rowEntry`) for the items it was made from. On the
   * row, not in a WeakMap keyed by it: V8's young-generation collector keeps a weak map's values
   * alive whether their keys are or not, so every row's built text was promoted to the old space.
   */
  built?: RowBuilt;
}

/** A row's built line and text ({@link Row.built}), with the items, count, baseline and size it was made from. */
export interface RowBuilt {
  items: PdfItem[];
  n: number;
  y: number;
  size: number;
  built: BuiltLine;
  text: string;
  key?: string;
  stamp?: boolean;
}

/** A run of a row's items made into text: a line of the output. */
export interface BuiltLine {
  text: string;
  runs: TextRun[];
  x: number;
  x1: number;
  y: number;
  size: number;
  /** undefined when no font name is known */
  bold?: boolean;
  italic?: boolean;
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
};

/** `12` → `¹²`; other characters are kept. */
export function toSuperscript(text: string): string {
  return text.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[d]);
}

/** No character but white space (`!/\S/.test(s)`), told without a regex: every item of a page is asked. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** Characters of `s` that are not white space (`s.replace(/\s/g, "").length`). */
function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

const boldRe = /bold|black|heavy|semibold|demi/i;
const italicRe = /italic|oblique/i;

/**
 * Groups items into rows by baseline. An item joins a row when its baseline is within half the
 * larger font size of the row's main baseline, so that a superscript mark (smaller, raised) stays
 * with its line and two lines of text never merge.
 */
export function groupRows(items: PdfItem[], page: number): Row[] {
  const sorted = items.filter((it) => !isBlank(it.text) && it.size > 0);
  if (!inOrder(sorted, byBaselineThenX)) sorted.sort(byBaselineThenX);
  const rows: Row[] = [];
  let cur: { items: PdfItem[]; y: number; size: number; weight: number } | null = null;
  // two items that cover the same stretch of the line are on different lines (tight leading),
  // unless one is the other drawn again (fake bold)
  const overlaps = (a: PdfItem, b: PdfItem) =>
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > Math.max(0.3 * Math.min(a.size, b.size), 0.5 * Math.min(a.width, b.width));
  const duplicate = (a: PdfItem, b: PdfItem) => a.text === b.text && Math.abs(a.x - b.x) < 0.2 * a.size && Math.abs(a.y - b.y) < 0.2 * a.size;
  for (const it of sorted) {
    if (cur && cur.items.some((o) => duplicate(o, it))) continue;
    if (cur && Math.abs(it.y - cur.y) <= 0.5 * Math.max(it.size, cur.size) && !cur.items.some((o) => overlaps(o, it))) {
      cur.items.push(it);
      // the row's baseline and size are those of its biggest text (by size, then length)
      const w = it.size * 1000 + Math.min(it.text.length, 999);
      if (w > cur.weight) { cur.y = it.y; cur.size = it.size; cur.weight = w; }
      continue;
    }
    if (cur) rows.push({ page, y: cur.y, size: cur.size, items: cur.items, built: undefined });
    cur = { items: [it], y: it.y, size: it.size, weight: it.size * 1000 + Math.min(it.text.length, 999) };
  }
  if (cur) rows.push({ page, y: cur.y, size: cur.size, items: cur.items, built: undefined });
  for (const r of rows) if (!inOrder(r.items, byX)) r.items.sort(byX);
  return rows;
}

const byBaselineThenX = (a: PdfItem, b: PdfItem) => a.y - b.y || a.x - b.x;
const byX = (a: PdfItem, b: PdfItem) => a.x - b.x;

/**
 * Whether `items` already stand as sorting them by `order` leaves them (a stable sort keeps what
 * is in order): a page's items mostly come in reading order and a row's left to right, and
 * sorting them anyway cost more than grouping them.
 */
function inOrder(items: PdfItem[], order: (a: PdfItem, b: PdfItem) => number): boolean {
  for (let i = 1; i < items.length; i++) if (!(order(items[i - 1], items[i]) <= 0)) return false;
  return true;
}

/** A superscript: clearly smaller than the row's text and raised above its baseline. */
export function isSuperscript(it: PdfItem, row: { y: number; size: number }): boolean {
  return it.size < 0.85 * row.size && row.y - it.y > 0.2 * row.size && it.text.trim().length <= 4;
}

/** Horizontal gap between two items, in points. */
const gapBetween = (a: PdfItem, b: PdfItem) => b.x - (a.x + a.width);

/** A piece drawn again over the one before it (fake bold): kept once. */
const overprinted = (it: PdfItem, prev: PdfItem | null) => prev !== null && it.text === prev.text && Math.abs(it.x - prev.x) < 0.2 * it.size;

/**
 * Makes text of a row's items (left to right): pieces that touch are joined as they are (a word
 * split by a fallback font), pieces apart by more than a sixth of the font size get one space,
 * superscript digits become `¹²³`, and a piece drawn twice over itself (fake bold) is kept once.
 */
export function buildLine(items: PdfItem[], row: { y: number; size: number }): BuiltLine {
  const runs: TextRun[] = [];
  let text = "";
  // the code unit `text` ends with, kept as it grows: read from the string, it made V8 flatten
  // the concatenation at every piece
  let last = -1;
  let prev: PdfItem | null = null;
  // a row's pieces mostly share a font: its weight and slant are read once for a run of them, and
  // where every piece's font has the same, the line has it (its visible characters are counted
  // only for a row of mixed styles, below)
  let styledFont: string | undefined, bold = false, italic = false;
  let styled = false, mixed = false, lineBold = false, lineItalic = false, visible = false;
  const push = (s: string, font: string | undefined) => {
    const lastRun = runs[runs.length - 1];
    if (lastRun && lastRun.font === font) lastRun.text += s;
    else runs.push(font === undefined ? { text: s } : { text: s, font });
    text += s;
    if (s.length > 0) last = s.charCodeAt(s.length - 1);
  };
  for (const it of items) {
    if (overprinted(it, prev)) continue;
    let piece = it.text;
    const sup = isSuperscript(it, row);
    if (sup) piece = toSuperscript(piece.trim());
    if (prev) {
      const gap = gapBetween(prev, it);
      const spaced = isSpaceCode(last) || isSpaceCode(piece.charCodeAt(0));
      if (!spaced && gap > Math.min(prev.size, it.size) / 6 && !(sup && gap < 0.3 * row.size)) push(" ", runs[runs.length - 1]?.font);
      else if (!spaced && isSuperscript(prev, row) && /^\p{L}/u.test(piece) && gap > 0) push(" ", runs[runs.length - 1]?.font);
    }
    push(piece, it.font);
    if (it.font !== undefined) {
      if (it.font !== styledFont) {
        styledFont = it.font;
        bold = boldRe.test(it.font);
        italic = italicRe.test(it.font);
      }
      if (!styled) {
        styled = true;
        lineBold = bold;
        lineItalic = italic;
      } else if (bold !== lineBold || italic !== lineItalic) mixed = true;
      visible ||= !isBlank(piece);
    }
    prev = it;
  }
  // trim the line and its runs alike (white space as `trim` has it, found in place: every row of
  // a document is built, most with nothing to trim)
  let lead = 0, end = text.length;
  while (lead < end && isSpaceCode(text.charCodeAt(lead))) lead++;
  while (end > lead && isSpaceCode(text.charCodeAt(end - 1))) end--;
  const trail = text.length - end;
  if (lead || trail) trimRuns(runs, lead, trail);
  let x1 = -Infinity;
  for (const it of items) x1 = Math.max(x1, it.x + it.width);
  // bold and italic present either way (undefined without a font name): one shape of line
  if (mixed) [lineBold, lineItalic] = majorityStyle(items);
  return {
    text: lead || trail ? text.slice(lead, end) : text,
    runs: runs.some((r) => r.text.length === 0) ? runs.filter((r) => r.text.length > 0) : runs,
    x: items[0].x,
    x1,
    y: row.y,
    size: row.size,
    bold: visible ? lineBold : undefined,
    italic: visible ? lineItalic : undefined,
  };
}

/**
 * Whether most of the visible characters of a row's pieces with a font name are bold, and italic
 * (the pieces {@link buildLine} keeps; a superscript's digits count as the characters they stand for).
 */
function majorityStyle(items: PdfItem[]): [boolean, boolean] {
  let boldChars = 0, italicChars = 0, knownChars = 0;
  let prev: PdfItem | null = null;
  for (const it of items) {
    if (overprinted(it, prev)) continue;
    if (it.font !== undefined) {
      const n = visibleLength(it.text);
      knownChars += n;
      if (boldRe.test(it.font)) boldChars += n;
      if (italicRe.test(it.font)) italicChars += n;
    }
    prev = it;
  }
  return [boldChars * 2 > knownChars, italicChars * 2 > knownChars];
}

function trimRuns(runs: TextRun[], lead: number, trail: number): void {
  for (let i = 0; i < runs.length && lead > 0; i++) {
    const cut = Math.min(lead, runs[i].text.length);
    runs[i].text = runs[i].text.slice(cut);
    lead -= cut;
  }
  for (let i = runs.length - 1; i >= 0 && trail > 0; i--) {
    const cut = Math.min(trail, runs[i].text.length);
    runs[i].text = runs[i].text.slice(0, runs[i].text.length - cut);
    trail -= cut;
  }
}

/**
 * Splits a row's items where the horizontal gap is wider than `gap` points (table cells, the two
 * columns of a header): each part becomes its own line.
 */
export function splitByGap(items: PdfItem[], gap: number): PdfItem[][] {
  const parts: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let right = -Infinity;
  for (const it of items) {
    if (cur.length && it.x - right > gap) {
      parts.push(cur);
      cur = [];
    }
    cur.push(it);
    right = Math.max(right, it.x + it.width);
  }
  if (cur.length) parts.push(cur);
  return parts;
}
