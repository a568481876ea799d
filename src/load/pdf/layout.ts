import { PAGE_NUMBER_LINE } from "../../../grammars/layout.js";
import { RECIPIENTS } from "../../../grammars/header.js";
import { NATIONAL_TITLE_MARKERS, RECIPIENTS_MARKERS, SIGNATURE_MARKERS } from "../../../grammars/load.js";
import { SIGNATURE_STAMP_LINES } from "../../../grammars/pdf.js";
import { isSpaceCode } from "../../text/letters.js";
import { altSource } from "../../text/pattern.js";
import { matchKey } from "../../text/tone.js";
import type { LayoutBlock, SourceLine } from "../types.js";
import { buildLine, isSuperscript, pdfItem, type PdfItem, type Row, type RowBuilt } from "./lines.js";

/** A page's rows and its size as shown (points, rotation applied). */
export interface PageRows {
  page: number;
  width: number;
  height: number;
  rows: Row[];
  /** the rows come from OCR: one text size for the page, so footnotes (smaller type) cannot be told */
  ocr?: boolean;
}

export interface LayoutResult {
  lines: SourceLine[];
  /** page numbers and running headers/footers left out */
  droppedFurniture: number;
  /** digital-signature stamp lines left out, as text */
  stamps: string[];
  /** a page number stands in the first page's margin */
  pageNumberOnFirstPage: boolean;
}

const compile = (list: string[]) => list.map((p) => new RegExp(p, "iu"));
const nationalRe = compile(NATIONAL_TITLE_MARKERS);
const recipientsRe = compile(RECIPIENTS_MARKERS.map((p) => `^\\s*${p}`));
const signatureRe = compile(SIGNATURE_MARKERS);
/** any stamp line: one scan of a row instead of one a pattern */
const stampRe = new RegExp(altSource(SIGNATURE_STAMP_LINES), "iu");
/** a row that begins with the quốc hiệu (or the Party's title, or the tiêu ngữ) */
const nationalStartRe = compile(NATIONAL_TITLE_MARKERS.map((p) => `^\\s*(?:${p})`));
/** `Kính gửi:` opens the body: the header ends above it */
const addresseeRe = compile([RECIPIENTS]);
const pageNumberRe = new RegExp(PAGE_NUMBER_LINE, "u");
const anyMatch = (res: RegExp[], text: string, key = matchKey(text)) => res.some((r) => r.test(key) || r.test(text));

/**
 * A row's text and its match key, kept on the row ({@link Row.built}): the loader and every zone
 * finder ask for them again and again (a 50-page file's rows are read for its nơi nhận), and
 * building a line is the costly part. An entry holds for the items array, baseline and size it was
 * made from (rows get new arrays when stamps go; `splitItem` forgets its row's).
 */
function rowEntry(row: Row): RowBuilt {
  let e = row.built;
  if (!e || e.items !== row.items || e.n !== row.items.length || e.y !== row.y || e.size !== row.size) {
    const built = buildLine(row.items, row);
    // key and stamp filled when first asked, present from the start: one shape of entry
    e = { items: row.items, n: row.items.length, y: row.y, size: row.size, built, text: singleSpaced(built.text), key: undefined, stamp: undefined };
    row.built = e;
  }
  return e;
}

/** `s.replace(/\s+/g, " ")`, with no new string where every space is already one ` ` (most rows). */
function singleSpaced(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) && (c !== 0x20 || isSpaceCode(s.charCodeAt(i + 1)))) return s.replace(/\s+/g, " ");
  }
  return s;
}

/** A row's text as a line reads (pieces of one word split by a fallback font are joined). */
export const rowText = (row: Row) => rowEntry(row).text;

/** Whether a row's text (or its match key) matches one of `res`. */
function rowMatches(res: RegExp[], row: Row): boolean {
  const e = rowEntry(row);
  e.key ??= matchKey(e.text);
  return anyMatch(res, e.text, e.key);
}

/** A row of a signing tool's stamp: `Người ký: …`, `Email: …`, `Thời gian ký: …`. */
export const isStampText = (text: string) => stampRe.test(text);

/**
 * Stamp rows: rows matching the stamp patterns, taken only when at least two of them stand on a
 * page (one `Email:` line alone may be the document's own). A row's answer is kept with its text:
 * the loader asks for a page's stamps, and the layout again.
 */
export function stampRows(rows: Row[]): Set<Row> {
  const hits = rows.filter((r) => {
    const e = rowEntry(r);
    return (e.stamp ??= isStampText(e.text));
  });
  return new Set(hits.length >= 2 ? hits : []);
}

/**
 * A signing tool's stamp box drawn by an annotation (a signature widget's appearance): every item
 * of an annotation one of whose lines is a stamp line goes, including lines without a label (the
 * signer's organisation on a line of its own). Rows left empty go too. Returns the stamp's text.
 */
export function dropStampAnnotations(p: PageRows): string[] {
  const ids = new Set<string>();
  for (const r of p.rows) {
    const own = r.items.filter((it) => it.annotation !== undefined);
    if (own.length && isStampText(buildLine(own, r).text)) for (const it of own) ids.add(it.annotation!);
  }
  if (!ids.size) return [];
  const text: string[] = [];
  p.rows = p.rows.filter((r) => {
    const gone = r.items.filter((it) => it.annotation !== undefined && ids.has(it.annotation));
    if (!gone.length) return true;
    text.push(buildLine(gone, r).text);
    r.items = r.items.filter((it) => !gone.includes(it));
    return r.items.length > 0;
  });
  return text;
}

/**
 * A row's text as running heads are compared: its match key, digits as `#` (`Trang 2` ≡ `Trang 3`).
 * Apart from {@link furnitureRows}, not a closure made at each of its calls: each closure was
 * compiled by the optimizing compiler on its own.
 */
const furnitureKey = (r: Row) => {
  const e = rowEntry(r);
  e.key ??= matchKey(e.text);
  return e.key.replace(/\d+/g, "#");
};

/**
 * Page numbers and running headers/footers: rows near the top or bottom edge that are a page
 * number (`2`, `- 2 -`, `Trang 2`) or whose text (digits aside) repeats on many pages.
 */
export function furnitureRows(pages: PageRows[]): Set<Row> {
  const out = new Set<Row>();
  const margin = (p: PageRows, r: Row) => r.y < p.height * 0.12 || r.y > p.height * 0.9;
  const edgeRows = (p: PageRows) => {
    const rs = p.rows.filter((r) => margin(p, r));
    const top = rs.filter((r) => r.y < p.height / 2).slice(0, 2);
    const bottom = rs.filter((r) => r.y >= p.height / 2).slice(-2);
    return [...top, ...bottom];
  };
  for (const p of pages) {
    for (const r of edgeRows(p)) {
      const t = rowText(r);
      if (pageNumberRe.test(t)) out.add(r);
    }
  }
  // a quốc hiệu repeated at the top of every letter of a bundle is no running head on the first
  // page (later letters' headers still go: the record describes the first letter)
  const firstPage = pages.find((p) => p.rows.length > 0);
  const header = (r: Row) => r.page === firstPage?.page && rowMatches(nationalRe, r);
  const withText = pages.filter((p) => p.rows.length > 0);
  if (withText.length >= 3) {
    const counts = new Map<string, number>();
    for (const p of withText) {
      const seen = new Set<string>();
      for (const r of edgeRows(p)) seen.add(furnitureKey(r));
      for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const need = Math.max(3, Math.ceil(withText.length * 0.5));
    for (const p of withText) {
      for (const r of edgeRows(p)) {
        const k = furnitureKey(r);
        if (k.replace(/[#\s\p{P}]/gu, "").length >= 3 && (counts.get(k) ?? 0) >= need && !header(r)) out.add(r);
      }
    }
  }
  return out;
}

/** The size of most of the text (by characters). */
export function bodySize(pages: PageRows[]): number {
  const weight = new Map<number, number>();
  for (const p of pages) for (const r of p.rows) for (const it of r.items) {
    const s = Math.round(it.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + it.text.length);
  }
  let best = 12, bestW = -1;
  for (const [s, w] of weight) if (w > bestW) { best = s; bestW = w; }
  return best;
}

type Interval = [number, number];

/** The parts of `gaps` that no item of the row covers. */
function cutGaps(gaps: Interval[], items: PdfItem[]): Interval[] {
  let out = gaps;
  for (const it of items) {
    const a = it.x, b = it.x + it.width;
    const next: Interval[] = [];
    for (const [l, r] of out) {
      if (b <= l || a >= r) { next.push([l, r]); continue; }
      if (a > l) next.push([l, a]);
      if (b < r) next.push([b, r]);
    }
    out = next;
  }
  return out.filter(([l, r]) => r - l >= 4);
}

const centerOf = (items: PdfItem[]) => {
  const a = Math.min(...items.map((i) => i.x));
  const b = Math.max(...items.map((i) => i.x + i.width));
  return (a + b) / 2;
};

/** Both sides of a gutter hold text in this row. */
const twoSided = (row: Row, g: number) => row.items.some((i) => i.x + i.width <= g) && row.items.some((i) => i.x >= g);

/**
 * A two-column zone: from `start`, the rows (going down, same page) that leave a common vertical
 * gutter free between `lo` and `hi`. Ends before a row centered on the page (a title) that is
 * not the quốc hiệu, before a row that covers every gutter, or at `stop`.
 * Returns the rows and the gutter's x, or null when no row holds text on both sides.
 */
function columnZone(
  rows: Row[],
  start: number,
  width: number,
  lo: number,
  hi: number,
  stop: (row: Row, i: number) => boolean,
): { end: number; gutter: number } | null {
  let gaps: Interval[] = [[lo, hi]];
  let end = start;
  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (stop(row, i)) break;
    const c = centerOf(row.items);
    const spans = Math.min(...row.items.map((it) => it.x)) < width / 2 && Math.max(...row.items.map((it) => it.x + it.width)) > width / 2;
    const compact = row.items.every((it, k) => k === 0 || it.x - (row.items[k - 1].x + row.items[k - 1].width) < 2 * row.size);
    if (compact && spans && Math.abs(c - width / 2) < width * 0.05 && !rowMatches(nationalRe, row)) break;
    const next = cutGaps(gaps, row.items);
    if (next.length === 0) break;
    gaps = next;
    end = i + 1;
  }
  if (end === start) return null;
  // the widest remaining gap is the gutter
  const [l, r] = gaps.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
  const gutter = (l + r) / 2;
  const zone = rows.slice(start, end);
  if (!zone.some((row) => twoSided(row, gutter))) return null;
  return { end, gutter };
}

interface Zone {
  page: number;
  start: number;
  end: number;
  gutter: number;
  /**
   * where a row's own gap between the columns is not at the gutter: the x it is split at; present
   * (undefined) in every zone, one shape of zone for the loops over them
   */
  split: Map<Row, number> | undefined;
  left: LayoutBlock;
  right: LayoutBlock;
}

/** A title centered on the page (`QUYẾT ĐỊNH`, `CÔNG ĐIỆN`): no column of a header. */
function centeredTitle(row: Row, width: number): boolean {
  const x0 = Math.min(...row.items.map((it) => it.x));
  const x1 = Math.max(...row.items.map((it) => it.x + it.width));
  const compact = row.items.every((it, k) => k === 0 || it.x - (row.items[k - 1].x + row.items[k - 1].width) < 2 * row.size);
  return compact && x0 < width / 2 && x1 > width / 2 && Math.abs((x0 + x1) / 2 - width / 2) < width * 0.05;
}

/**
 * Splits `row`'s item `i` at character `at` (pdf.js gives `SỞ NỘI VỤ CỘNG HÒA …` as one piece
 * when the two columns are one space apart), widths shared by character count.
 */
function splitItem(row: Row, i: number, at: number): void {
  const it = row.items[i];
  const chars = [...it.text];
  const head = chars.slice(0, at).join(""), tail = chars.slice(at).join("");
  const w = (it.width * at) / chars.length;
  row.items.splice(i, 1, pdfItem(head.trimEnd(), it.x, it.y, w, it.size, it.font, it.annotation), pdfItem(tail.trimStart(), it.x + w, it.y, it.width - w, it.size, it.font, it.annotation));
  row.built = undefined;
}

/**
 * Where the quốc hiệu begins in its row: the index of its first item (0 when the row holds only
 * the right column), splitting a piece that holds both columns.
 */
function nationalStart(row: Row): number {
  for (let k = 0; k < row.items.length; k++) {
    if (anyMatch(nationalStartRe, buildLine(row.items.slice(k), row).text)) return k;
  }
  for (let k = 0; k < row.items.length; k++) {
    const key = matchKey(row.items[k].text);
    for (const re of nationalRe) {
      const m = re.exec(key);
      if (m && m.index > 0 && key.length === row.items[k].text.length) {
        splitItem(row, k, [...key.slice(0, m.index)].length);
        return k + 1;
      }
    }
  }
  return -1;
}

/**
 * The x at which to split a row between the header's columns: the middle of its widest gap
 * (wider than a word space) near the gutter `g`; `g` itself when the row lies on one side;
 * null when the row runs across the gutter (a body line).
 */
function rowSplit(row: Row, g: number): number | null {
  const items = [...row.items].sort((a, b) => a.x - b.x);
  let right = -Infinity, best: [number, number] | null = null;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (k > 0) {
      const gap: [number, number] = [right, it.x];
      const wide = gap[1] - gap[0] >= 0.6 * row.size;
      const near = gap[1] >= g - 3 * row.size && gap[0] <= g + 3 * row.size;
      if (wide && near && (!best || gap[1] - gap[0] > best[1] - best[0])) best = gap;
    }
    right = Math.max(right, it.x + it.width);
  }
  if (best) return (best[0] + best[1]) / 2;
  const x0 = items[0].x, x1 = right;
  if (x0 < g - row.size && x1 > g + row.size) return null;
  return g;
}

/**
 * The header zone anchored on the quốc hiệu: its first word gives the gutter; each row above
 * `Kính gửi`, a centered title or a body line is split at its own gap near the gutter, so a left
 * column that runs long (a V/v of five lines) or stands close to the right one is read apart.
 */
function anchoredHeader(p: PageRows): Zone | null {
  const rows = p.rows;
  const a = rows.findIndex((r) => r.y < p.height * 0.4 && rowMatches(nationalRe, r));
  if (a < 0) return null;
  const k = nationalStart(rows[a]);
  if (k < 0) return null;
  const g = rows[a].items[k].x - 0.5 * rows[a].size;
  if (g < p.width * 0.15 || g > p.width * 0.75) return null;
  const split = new Map<Row, number>();
  let end = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.y > p.height * 0.5 || (i > a && rowMatches(addresseeRe, row))) break;
    if (i !== a && centeredTitle(row, p.width) && !rowMatches(nationalRe, row)) break;
    const x = i === a ? g : rowSplit(row, g);
    if (x === null) break;
    if (x !== g) split.set(row, x);
    end = i + 1;
  }
  if (end <= a) return null;
  return { page: p.page, start: 0, end, gutter: g, split, left: "header-left", right: "header-right" };
}

/** The header zone at the top of the first page with text: issuer and số | quốc hiệu and date. */
function headerZone(p: PageRows): Zone | null {
  const rows = p.rows;
  if (!rows.length) return null;
  const anchored = anchoredHeader(p);
  if (anchored) return anchored;
  const z = columnZone(rows, 0, p.width, p.width * 0.2, p.width * 0.7, (row) => row.y > p.height * 0.5);
  if (!z) return null;
  return { page: p.page, start: 0, end: z.end, gutter: z.gutter, split: undefined, left: "header-left", right: "header-right" };
}

/**
 * The signature zone: from the `Nơi nhận` row (or the first signature title on the right half,
 * `KT. CHỦ TỊCH`, when there is no nơi nhận) down to the end of the two columns; right-half rows
 * just above it (the signature title often stands higher than `Nơi nhận`) belong to it too.
 */
function footerZone(pages: PageRows[], after: { page: number; row: number }): Zone | null {
  const find = (test: (row: Row, p: PageRows) => boolean) => {
    for (const p of pages) {
      if (p.page < after.page) continue;
      for (let i = p.page === after.page ? after.row : 0; i < p.rows.length; i++) {
        if (test(p.rows[i], p)) return { p, i };
      }
    }
    return null;
  };
  const recipients = find((row, p) => row.items[0].x < p.width * 0.4 && rowMatches(recipientsRe, row));
  // a row wholly on the right half (told before any array is made: every row is asked when there is no nơi nhận)
  const anchor = recipients ?? find((row, p) => row.items.length > 0 && row.items.every((it) => it.x >= p.width * 0.4) && anyMatch(signatureRe, row.items.map((i) => i.text).join(" ")));
  if (!anchor) return null;
  const { p, i } = anchor;
  const rows = p.rows;
  // rows above that stand wholly on the right half
  let start = i;
  while (start > 0 && i - start < 4 && rows[start - 1].items.every((it) => it.x >= p.width * 0.45)) start--;
  const z = columnZone(rows, start, p.width, p.width * 0.25, p.width * 0.7, () => false);
  if (!z && recipients) {
    // nơi nhận with no signature beside it (not read): its rows, on the left, down to the page end
    let end = i;
    while (end < rows.length && Math.max(...rows[end].items.map((it) => it.x + it.width)) < p.width * 0.6) end++;
    return { page: p.page, start: i, end, gutter: p.width * 0.6, split: undefined, left: "footer-left", right: "footer-right" };
  }
  if (!z) {
    // a signature with no nơi nhận column: the right-half rows from the anchor on
    let end = i;
    while (end < rows.length && rows[end].items.every((it) => it.x >= p.width * 0.35)) end++;
    if (end === start) return null;
    return { page: p.page, start, end, gutter: p.width * 0.35, split: undefined, left: "footer-left", right: "footer-right" };
  }
  return { page: p.page, start, end: z.end, gutter: z.gutter, split: undefined, left: "footer-left", right: "footer-right" };
}

/**
 * Footnotes: rows at the foot of a page in smaller type than the body, from the first of them that
 * starts with a footnote mark (a superscript or a number) down to the page's end.
 */
function footnoteRows(p: PageRows, size: number, skip: Set<Row>): Set<Row> {
  const out = new Set<Row>();
  if (p.ocr) return out;
  const rows = p.rows.filter((r) => !skip.has(r));
  let k = rows.length;
  while (k > 0) {
    const r = rows[k - 1];
    if (r.size > size * 0.9) break;
    k--;
  }
  for (let i = k; i < rows.length; i++) {
    const r = rows[i];
    const first = r.items[0];
    const raised = isSuperscript(first, r);
    const marked = raised || (/^\s*(?:\d{1,3}|\*)(?:\s|[.)]\s|$)/.test(first.text) && /^\s*(?:\d{1,3}|\*)\s*[.)]?\s*\p{L}/u.test(rowText(r)));
    // a long footnote may fill most of a page: above the lower half, only a raised mark under
    // body text starts one (a page of small type, an annex table, has none above it)
    if (marked && r.y < p.height * 0.45 && !(raised && i > 0)) break;
    if (marked) {
      for (let j = i; j < rows.length; j++) out.add(rows[j]);
      break;
    }
  }
  return out;
}

function line(built: ReturnType<typeof buildLine>, page: number, block: LayoutBlock, width: number): SourceLine {
  const out: SourceLine = { text: built.text, page, x: round(built.x), y: round(built.y), size: round(built.size), block, x1: round(built.x1) };
  if (built.runs.some((r) => r.font !== undefined)) out.runs = built.runs;
  if (built.bold !== undefined) out.bold = built.bold;
  if (built.italic) out.italic = true;
  if (Math.abs((built.x + built.x1) / 2 - width / 2) < width * 0.04 && built.x > width * 0.2) out.align = "center";
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A page's lines, added to `lines`: its zones column by column, its other rows as body or footnote.
 * Apart from {@link layoutPages}, as is {@link zoneLines}: one function holding every loop was
 * the costliest the optimizing compiler made of the PDF path (50–150 ms of CPU each time, and it
 * was made again after each deoptimization, in the middle of a batch); apart, each part is
 * compiled on its own and far more cheaply.
 */
function pageLines(p: PageRows, zones: Zone[], size: number, lines: SourceLine[]): void {
  const inZone = new Set<Row>();
  for (const z of zones) if (z.page === p.page) for (let i = z.start; i < z.end; i++) inZone.add(p.rows[i]);
  const notes = footnoteRows(p, size, inZone);
  for (let i = 0; i < p.rows.length; i++) {
    // an empty zone (a damaged page's nơi nhận row wider than its column) is no zone: its row reads as body
    const zone = zones.find((z) => z.page === p.page && z.start === i && z.end > z.start);
    if (zone) {
      const zr = p.rows.slice(zone.start, zone.end);
      zoneLines(zone, zr, "left", p, lines);
      zoneLines(zone, zr, "right", p, lines);
      i = zone.end - 1;
      continue;
    }
    const r = p.rows[i];
    lines.push(line(rowEntry(r).built, p.page, notes.has(r) ? "footnote" : "body", p.width));
  }
}

/** One column of a zone's rows (`zr`), a line a row that holds text on that side, added to `lines`. */
function zoneLines(zone: Zone, zr: Row[], side: "left" | "right", p: PageRows, lines: SourceLine[]): void {
  for (const r of zr) {
    const g = zone.split?.get(r) ?? zone.gutter;
    const items = r.items.filter((it) => (side === "left" ? it.x + it.width / 2 < g : it.x + it.width / 2 >= g));
    if (!items.length) continue;
    // a column's line has its own size: "Nơi nhận:" (12) shares a row with "KT. GIÁM ĐỐC" (13)
    // and its own baseline: a row's y may come from the other column, which would make a
    // small drafter's initial (`Lưu: VT, TH(2). H`) look raised, a superscript glued on
    const body = items.filter((it) => !isSuperscript(it, r));
    const main = body.length ? body.reduce((a, b) => (b.text.length > a.text.length ? b : a)) : null;
    const own = { ...r, size: Math.max(0, ...body.map((it) => it.size)) || r.size, y: main?.y ?? r.y };
    lines.push(line(buildLine(items, own), p.page, side === "left" ? zone.left : zone.right, p.width));
  }
}

/**
 * Pages of rows → the document's lines: the header and signature zones read column by column
 * (left column's lines, then the right's), footnotes marked, page furniture and stamps left out.
 */
export function layoutPages(pages: PageRows[]): LayoutResult {
  const stamps: string[] = [];
  pages = pages.map((p) => ({ ...p, rows: [...p.rows] }));
  for (const p of pages) stamps.push(...dropStampAnnotations(p));
  const furniture = furnitureRows(pages);
  const stamp = new Set<Row>();
  for (const p of pages) for (const r of stampRows(p.rows)) { stamp.add(r); stamps.push(rowText(r)); }
  const clean: PageRows[] = pages.map((p) => ({ ...p, rows: p.rows.filter((r) => !furniture.has(r) && !stamp.has(r)) }));

  const zones: Zone[] = [];
  const firstPage = clean.find((p) => p.rows.length > 0);
  const header = firstPage ? headerZone(firstPage) : null;
  if (header) zones.push(header);
  if (firstPage) {
    const footer = footerZone(clean, header ? { page: header.page, row: header.end } : { page: firstPage.page, row: 0 });
    if (footer) zones.push(footer);
  }
  const size = bodySize(clean);

  const lines: SourceLine[] = [];
  for (const p of clean) pageLines(p, zones, size, lines);
  const first = pages[0];
  const pageNumberOnFirstPage = !!first && first.rows.some((r) => furniture.has(r) && pageNumberRe.test(rowText(r)));
  return { lines, droppedFurniture: furniture.size, stamps, pageNumberOnFirstPage };
}
