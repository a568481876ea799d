import { TablePlacer, type TableRows } from "./layout-table.js";
import type { SourceLine, TextRun } from "./types.js";

/**
 * A spreadsheet as the XLS and XLSX loaders read it, and its lines in reading order. Both
 * loaders keep, per cell, the runs of text with the font each is set in: a workbook typed in the
 * 2000s mixes `.VnTime` (TCVN3), `.VnTimeH` (TCVN3 capitals) and `VNI-Times` cells, and only the
 * font tells which. A merged area holds its text in its top-left cell only, so it comes out once.
 */

export interface Cell {
  row: number;
  col: number;
  runs: TextRun[];
  bold?: boolean;
}

export interface Sheet {
  name: string;
  cells: Cell[];
}

/** Splits runs at newlines (Alt+Enter inside a cell): one run list a line. */
function splitLines(runs: TextRun[]): TextRun[][] {
  const out: TextRun[][] = [[]];
  for (const r of runs) {
    const parts = r.text.replace(/\r\n?/g, "\n").split("\n");
    parts.forEach((p, i) => {
      if (i > 0) out.push([]);
      if (p) out[out.length - 1].push(r.font ? { text: p, font: r.font } : { text: p });
    });
  }
  return out;
}

function cellLines(cell: Cell): SourceLine[] {
  return splitLines(cell.runs)
    .map((runs): SourceLine => {
      const text = runs.map((r) => r.text).join("");
      const line: SourceLine = { text, paragraphEnd: true };
      if (runs.some((r) => r.font)) line.runs = runs;
      if (cell.bold) line.bold = true;
      return line;
    })
    .filter((l) => l.text.trim());
}

/**
 * The lines of a workbook: sheets in order (each named by a line of its own when there are
 * several), rows top to bottom, cells left to right. Rows are taken in bands between empty rows,
 * and each band is placed like a table of a Word document: a two-column band at the top of a
 * form (cơ quan ban hành | quốc hiệu) or at its foot (nơi nhận | chữ ký) is read column by column
 * with its layout block, data bands row by row.
 */
export function workbookLines(sheets: Sheet[]): SourceLine[] {
  const filled = sheets.filter((s) => s.cells.some((c) => c.runs.some((r) => r.text.trim())));
  const out: SourceLine[] = [];
  for (const sheet of filled) {
    if (filled.length > 1 && sheet.name.trim()) out.push({ text: sheet.name.trim(), paragraphEnd: true, bold: true });
    const placer = new TablePlacer();
    const byRow = new Map<number, Cell[]>();
    for (const c of sheet.cells) {
      if (!c.runs.some((r) => r.text.trim())) continue;
      let row = byRow.get(c.row);
      if (!row) byRow.set(c.row, (row = []));
      row.push(c);
    }
    const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
    let band: Cell[][] = [];
    const flush = () => {
      if (!band.length) return;
      // the band's columns that hold text, in order: a form's header in columns B and F is two columns
      const cols = [...new Set(band.flat().map((c) => c.col))].sort((a, b) => a - b);
      const rows: TableRows = band.map((cells) => {
        const row: SourceLine[][] = cols.map(() => []);
        for (const c of cells) row[cols.indexOf(c.col)] = cellLines(c);
        return row;
      });
      out.push(...placer.place(rows));
      band = [];
    };
    let last = -2;
    for (const r of rowNumbers) {
      if (r !== last + 1) flush();
      band.push(byRow.get(r)!.sort((a, b) => a.col - b.col));
      last = r;
    }
    flush();
  }
  return out;
}

/** A number as a sheet shows it without its format: integers whole, others to 10 significant digits. */
export function formatNumber(v: number, dateFormat: boolean, date1904 = false): string {
  if (dateFormat && v > 0 && v < 2958466) {
    const ms = Math.round((v - (date1904 ? -1462 : 0) - 25569) * 86400000);
    const d = new Date(ms);
    const dd = String(d.getUTCDate()).padStart(2, "0");
    const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
    return `${dd}/${mm}/${d.getUTCFullYear()}`;
  }
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** Number formats that show a date: built-in ids 14–22, 45–47 and custom codes with d, m or y outside quotes. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  if (!code) return false;
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dmy]/i.test(bare) && !/^(?:general|@)$/i.test(bare.trim());
}
