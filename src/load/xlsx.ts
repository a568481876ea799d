import { CorruptFileError, VanbanError } from "../errors.js";
import { attr, child, childrenNamed, elements, local, XmlError, type XmlElement } from "./docx/xml.js";
import { mainPart, openPackage, readPart, relationships, relId } from "./opc.js";
import type { LoadedDocument, Loader, TextRun } from "./types.js";
import { formatNumber, isDateFormat, workbookLines, type Cell, type Sheet } from "./workbook.js";

/**
 * XLSX (Excel 2007 on), read from the package's XML like the DOCX loader: shared strings with
 * their rich-text runs' fonts (`<rFont val=".VnTime"/>`), cell styles' fonts from styles.xml,
 * sheets in the workbook's order. A legacy workbook saved again as .xlsx keeps its TCVN3 and VNI
 * text and fonts, so the font of each cell and run is passed on as in the XLS loader.
 */

interface Styles {
  fonts: { name?: string; bold: boolean }[];
  xfs: { font: number; format: number }[];
  formats: Map<number, string>;
}

function readStyles(root: XmlElement | undefined): Styles {
  const fonts = childrenNamed(child(root, "fonts"), "font").map((f) => {
    const name = attr(child(f, "name"), "val") ?? attr(child(f, "rFont"), "val");
    const b = child(f, "b");
    return { name, bold: Boolean(b) && !/^(?:0|false)$/.test(attr(b, "val") ?? "") };
  });
  const xfs = childrenNamed(child(root, "cellXfs"), "xf").map((x) => ({ font: Number(attr(x, "fontId") ?? 0), format: Number(attr(x, "numFmtId") ?? 0) }));
  const formats = new Map<number, string>();
  for (const f of childrenNamed(child(root, "numFmts"), "numFmt")) formats.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "");
  return { fonts, xfs, formats };
}

const textIn = (el: XmlElement | undefined): string => {
  if (!el) return "";
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textIn(c);
  return s;
};

/** A string item (`<si>` or `<is>`): plain `<t>`, or runs `<r><rPr><rFont/></rPr><t/></r>`; phonetic runs left out. */
function stringItem(el: XmlElement): { text: string; runs: { text: string; font?: string }[] } {
  const runs: { text: string; font?: string }[] = [];
  for (const c of elements(el)) {
    const name = local(c.name);
    if (name === "t") runs.push({ text: textIn(c) });
    else if (name === "r") {
      const font = attr(child(child(c, "rPr"), "rFont"), "val");
      runs.push(font ? { text: textIn(child(c, "t")), font } : { text: textIn(child(c, "t")) });
    }
  }
  return { text: runs.map((r) => r.text).join(""), runs };
}

/** `B12` → row 11, column 1 (zero-based). */
function cellRef(ref: string | undefined): { row: number; col: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(ref ?? "");
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function readSheet(root: XmlElement | undefined, strings: ReturnType<typeof stringItem>[], styles: Styles, date1904: boolean): Cell[] {
  const cells: Cell[] = [];
  const data = child(root, "sheetData");
  let rowNo = -1;
  for (const row of childrenNamed(data, "row")) {
    rowNo = attr(row, "r") ? Number(attr(row, "r")) - 1 : rowNo + 1;
    let colNo = -1;
    for (const c of childrenNamed(row, "c")) {
      const at = cellRef(attr(c, "r")) ?? { row: rowNo, col: colNo + 1 };
      colNo = at.col;
      const xf = styles.xfs[Number(attr(c, "s") ?? 0)];
      const base = styles.fonts[xf?.font ?? 0];
      const type = attr(c, "t") ?? "n";
      const v = textIn(child(c, "v"));
      let item: ReturnType<typeof stringItem> | undefined;
      if (type === "s") item = strings[Number(v)];
      else if (type === "inlineStr") item = child(c, "is") && stringItem(child(c, "is")!);
      else if (type === "str" || type === "e") item = { text: v, runs: [{ text: v }] };
      else if (type === "b") item = v ? { text: v === "1" ? "TRUE" : "FALSE", runs: [{ text: v === "1" ? "TRUE" : "FALSE" }] } : undefined;
      else if (v !== "" && Number.isFinite(Number(v))) {
        const text = formatNumber(Number(v), isDateFormat(xf?.format ?? 0, styles.formats.get(xf?.format ?? 0)), date1904);
        cells.push({ row: at.row, col: at.col, runs: [{ text }] });
        continue;
      }
      if (!item?.text) continue;
      const runs: TextRun[] = item.runs
        .filter((r) => r.text)
        .map((r) => {
          const font = r.font ?? base?.name;
          return font ? { text: r.text, font } : { text: r.text };
        });
      cells.push(base?.bold ? { row: at.row, col: at.col, runs, bold: true } : { row: at.row, col: at.col, runs });
    }
  }
  return cells;
}

export const xlsxLoader: Loader = {
  format: "xlsx",
  async load(bytes, options) {
    const file = options.path ?? null;
    const zip = await openPackage(bytes, "xlsx", file);
    try {
      const { path: mainPath, element: workbook } = await mainPart(zip, "xlsx", "xl/workbook.xml", "workbook", "an Excel workbook part", file);
      const rels = await relationships(zip, mainPath);
      const part = (suffix: string) => rels.find((r) => r.type.endsWith("/" + suffix))?.target;
      const sst = part("sharedStrings");
      const styleXml = part("styles");
      const [sstXml, stylesXml] = await Promise.all([sst ? readPart(zip, sst) : undefined, styleXml ? readPart(zip, styleXml) : undefined]);
      const strings = childrenNamed(sstXml, "si").map(stringItem);
      const styles = readStyles(stylesXml);
      const pr = child(workbook, "workbookPr");
      const date1904 = /^(?:1|true)$/.test(attr(pr, "date1904") ?? "");
      const sheets: Sheet[] = [];
      for (const s of childrenNamed(child(workbook, "sheets"), "sheet")) {
        const rel = rels.find((r) => r.id === relId(s));
        // chart sheets and dialog sheets hold no cells
        if (!rel || !/\/worksheet$/.test(rel.type)) continue;
        sheets.push({ name: attr(s, "name") ?? "", cells: readSheet(await readPart(zip, rel.target), strings, styles, date1904) });
      }
      const lines = workbookLines(sheets);
      const warnings: LoadedDocument["warnings"] = [];
      if (!lines.length) warnings.push({ code: "no-text", message: "the workbook holds no text" });
      return { format: "xlsx", pages: null, lines, ocr: false, warnings };
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      const reason = err instanceof XmlError ? `broken XML: ${err.message}` : err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this xlsx file: ${reason}`, file, { cause: err });
    }
  },
};
