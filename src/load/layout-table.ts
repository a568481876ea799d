import {
  HEADER_TABLE_MAX_OFFSET, LAYOUT_TABLE_MAX_CHARS, LAYOUT_TABLE_MAX_ROWS, NATIONAL_TITLE_MARKERS, NUMBER_LINE_MARKERS, RECIPIENTS_MARKERS, SIGNATURE_MARKERS,
} from "../../grammars/load.js";
import { matchKey } from "../text/tone.js";
import type { LayoutBlock, SourceLine } from "./types.js";

/**
 * Tables in official documents: the borderless two-column header (cơ quan ban hành | quốc hiệu)
 * and signature (nơi nhận | chữ ký) tables are read column by column, each line tagged with its
 * block; other tables are data and read row by row. Shared by the DOCX, DOC, RTF and HTML loaders.
 */

/** rows → cells → the cell's lines */
export type TableRows = SourceLine[][][];

export type TableRole = "header" | "footer" | null;

const compile = (list: string[]) => list.map((p) => new RegExp(p, "imu"));
const nationalRe = compile(NATIONAL_TITLE_MARKERS);
const numberRe = compile(NUMBER_LINE_MARKERS);
const recipientsRe = compile(RECIPIENTS_MARKERS);
const signatureRe = compile(SIGNATURE_MARKERS);
const any = (res: RegExp[], text: string) => res.some((r) => r.test(text));

const cellText = (cell: SourceLine[]) => cell.map((l) => l.text).join("\n");
const keyOf = (s: string) => matchKey(s);

/** Columns holding any text, by index. */
function textColumns(rows: TableRows): number[] {
  const cols = new Set<number>();
  for (const row of rows) row.forEach((cell, i) => { if (cellText(cell).trim()) cols.add(i); });
  return [...cols].sort((a, b) => a - b);
}

export interface TablePosition {
  /** characters of body text (outside tables) before this table */
  charsBefore: number;
  /** a header table was already found */
  headerSeen: boolean;
}

/** Decides whether a table is the header table, the signature table, or data. */
export function tableRole(rows: TableRows, pos: TablePosition): TableRole {
  const cols = textColumns(rows);
  if (cols.length < 1 || cols.length > 3 || rows.length > LAYOUT_TABLE_MAX_ROWS || rows.some((r) => r.length > 4)) return null;
  const text = rows.map((r) => r.map(cellText).join("\n")).join("\n");
  if (text.length > LAYOUT_TABLE_MAX_CHARS) return null;
  const key = keyOf(text);
  const near = !pos.headerSeen && pos.charsBefore <= HEADER_TABLE_MAX_OFFSET;
  if (near && (any(nationalRe, key) || any(numberRe, key))) return "header";
  if (any(recipientsRe, key) || any(signatureRe, key)) return "footer";
  // a legacy-encoded header still has two columns at the very top
  if (near && cols.length === 2 && pos.charsBefore <= 200) return "header";
  return null;
}

/**
 * Follows a document's tables in reading order to tell its header and signature tables (laid out
 * as columns) from data tables: the header table stands near the top, before much body text.
 */
export class TablePlacer {
  private charsBefore = 0;
  private headerSeen = false;

  /** Body text outside tables, which moves the tables after it away from the top. */
  addText(chars: number): void {
    this.charsBefore += chars;
  }

  /** The lines of a table: as columns when it is the header or signature table. */
  place(rows: TableRows, canBeLayout = true): SourceLine[] {
    const role = canBeLayout ? tableRole(rows, { charsBefore: this.charsBefore, headerSeen: this.headerSeen }) : null;
    if (role === "header") this.headerSeen = true;
    const lines = tableLines(rows, role);
    if (!role) for (const l of lines) this.charsBefore += l.text.length;
    return lines;
  }
}

/** The lines of a table in reading order, with blocks for layout tables. */
export function tableLines(rows: TableRows, role: TableRole): SourceLine[] {
  const out: SourceLine[] = [];
  if (!role) {
    for (const row of rows) for (const cell of row) for (const l of cell) if (l.text.trim()) out.push(l);
    return out;
  }
  const cols = textColumns(rows);
  const colText = (c: number) => keyOf(rows.map((r) => (r[c] ? cellText(r[c]) : "")).join("\n"));
  cols.forEach((c, i) => {
    let block: LayoutBlock;
    const t = colText(c);
    if (cols.length === 1) block = role === "header" ? "header-left" : "footer-right";
    else if (role === "header") {
      const national = any(nationalRe, t);
      const numbered = any(numberRe, t);
      block = national && !numbered ? "header-right" : numbered && !national ? "header-left" : i === 0 ? "header-left" : "header-right";
    } else {
      const recipients = any(recipientsRe, t);
      const signature = any(signatureRe, t);
      block = recipients ? "footer-left" : signature ? "footer-right" : i === 0 ? "footer-left" : "footer-right";
    }
    for (const row of rows) {
      const cell = row[c];
      if (!cell) continue;
      const kept = cell.filter((l) => l.text.trim()).map((l) => ({ ...l, block }));
      // a paragraph that starts in lower case continues the one before: the author pressed Enter
      // inside a sentence ("V/v triển khai Nghị quyết số 72-NQ/TW" / "về chăm sóc sức khỏe")
      for (let k = 1; k < kept.length; k++) if (/^\p{Ll}/u.test(kept[k].text.trim())) kept[k - 1].paragraphEnd = false;
      out.push(...kept);
    }
  });
  return out;
}
