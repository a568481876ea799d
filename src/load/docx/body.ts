import { TablePlacer, tableLines, type TableRows } from "../layout-table.js";
import type { SourceLine, TextRun } from "../types.js";
import type { Numbering } from "./numbering.js";
import type { RunProps, Styles } from "./styles.js";
import { attr, child, elements, local, textOf, type XmlElement } from "./xml.js";

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
export const superscript = (n: number | string) => String(n).replace(/\d/g, (d) => SUPERSCRIPT[+d]);

/** A footnote or endnote as it was referenced from the body, in order of reference. */
interface NoteRef {
  kind: "footnote" | "endnote";
  id: string;
  mark: string;
}

export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  footnotes: Map<string, XmlElement>;
  endnotes: Map<string, XmlElement>;
}

interface Piece {
  text: string;
  props: RunProps;
}

/**
 * Walks WordprocessingML block content (body, cell, text box, note) into lines: one line per
 * paragraph (more where the paragraph holds line breaks), tables through {@link tableLines}.
 */
export class BodyReader {
  private noteRefs: NoteRef[] = [];
  private noteCount = { footnote: 0, endnote: 0 };
  /** the mark to print for a `w:footnoteRef` while reading a note's own text */
  private currentNoteMark = "";
  private tables = new TablePlacer();

  constructor(private ctx: BodyContext) {}

  /** The document body: paragraphs, and tables as layout columns where they are layout. */
  readBody(body: XmlElement): SourceLine[] {
    const out: SourceLine[] = [];
    for (const el of this.blockChildren(body)) {
      const name = local(el.name);
      if (name === "p") {
        const lines = this.paragraph(el);
        for (const l of lines) this.tables.addText(l.text.trim().length);
        out.push(...lines);
      } else if (name === "tbl") {
        const rows = this.table(el);
        out.push(...this.tables.place(rows));
      }
    }
    return collapseBlank(out);
  }

  /** Lines of the footnotes and endnotes, in the order the body refers to them. */
  readNotes(): SourceLine[] {
    const out: SourceLine[] = [];
    for (const ref of this.noteRefs) {
      const note = (ref.kind === "footnote" ? this.ctx.footnotes : this.ctx.endnotes).get(ref.id);
      if (!note) continue;
      this.currentNoteMark = ref.mark;
      const lines = this.cell(note).filter((l) => l.text.trim());
      if (!lines.length) continue;
      const first = lines[0];
      if (ref.mark) {
        // "¹ Nghị quyết …": the mark, one space, the note's text
        const had = first.text.startsWith(ref.mark);
        const rest = (had ? first.text.slice(ref.mark.length) : first.text).trimStart();
        first.text = `${ref.mark} ${rest}`;
        if (first.runs) first.runs = [{ text: `${ref.mark} ` }, ...trimRunsStart(had ? dropPrefix(first.runs, ref.mark.length) : first.runs)];
      }
      for (const l of lines) out.push({ ...l, block: "footnote" });
    }
    this.currentNoteMark = "";
    return out;
  }

  /** Block-level children, looking through content controls and other wrappers. */
  private blockChildren(el: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of elements(el)) {
      const name = local(c.name);
      if (name === "p" || name === "tbl") out.push(c);
      else if (name === "sdt") out.push(...this.blockChildren(child(c, "sdtContent") ?? c));
      else if (name === "customXml" || name === "ins" || name === "moveTo" || name === "smartTag") out.push(...this.blockChildren(c));
      else if (name === "AlternateContent") {
        const pick = child(c, "Choice") ?? child(c, "Fallback");
        if (pick) out.push(...this.blockChildren(pick));
      }
    }
    return out;
  }

  /** Content of a table cell, a text box or a note: paragraphs, nested tables row by row. */
  private cell(el: XmlElement): SourceLine[] {
    const out: SourceLine[] = [];
    for (const c of this.blockChildren(el)) {
      if (local(c.name) === "p") out.push(...this.paragraph(c));
      else out.push(...tableLines(this.table(c), null));
    }
    return out;
  }

  private table(tbl: XmlElement): TableRows {
    const rows: TableRows = [];
    for (const tr of elements(tbl)) {
      const trs = local(tr.name) === "tr" ? [tr] : local(tr.name) === "sdt" || local(tr.name) === "customXml" ? elements(child(tr, "sdtContent") ?? tr).filter((x) => local(x.name) === "tr") : [];
      for (const row of trs) {
        const cells: SourceLine[][] = [];
        for (const tc of elements(row)) {
          const n = local(tc.name);
          if (n === "tc") {
            const span = parseInt(attr(child(child(tc, "tcPr"), "gridSpan"), "val") ?? "1", 10) || 1;
            const vmerge = child(child(tc, "tcPr"), "vMerge");
            const continued = vmerge && (attr(vmerge, "val") ?? "continue") === "continue";
            cells.push(continued ? [] : this.cell(tc));
            for (let k = 1; k < Math.min(span, 8); k++) cells.push([]);
          } else if (n === "sdt") {
            for (const inner of elements(child(tc, "sdtContent") ?? tc)) if (local(inner.name) === "tc") cells.push(this.cell(inner));
          }
        }
        rows.push(cells);
      }
    }
    return rows;
  }

  /** One paragraph → its lines (split at manual line breaks), then any text boxes it anchors. */
  private paragraph(p: XmlElement): SourceLine[] {
    const pPr = child(p, "pPr");
    const { styles, numbering } = this.ctx;
    const paraStyle = styles.paragraphStyle(pPr);
    const pp = styles.paraProps(pPr);
    const lines: Piece[][] = [[]];
    const boxes: SourceLine[] = [];
    const push = (text: string, props: RunProps) => lines[lines.length - 1].push({ text, props });
    const runContent = (r: XmlElement, props: RunProps) => {
      for (const c of elements(r)) {
        const n = local(c.name);
        if (n === "t") { if (!props.hidden) push(textOf(c), props); }
        else if (n === "tab" || n === "ptab") push("\t", props);
        else if (n === "br" || n === "cr") {
          if ((attr(c, "type") ?? "textWrapping") === "textWrapping") lines.push([]);
        } else if (n === "softHyphen") push("\u00AD", props);
        else if (n === "noBreakHyphen") push("-", props);
        else if (n === "sym") {
          const code = parseInt(attr(c, "char") ?? "", 16);
          if (Number.isFinite(code)) {
            const low = code >= 0xf000 ? code - 0xf000 : code;
            push(low >= 0x20 && low < 0x7f ? String.fromCharCode(low) : code >= 0xf000 ? "•" : String.fromCodePoint(code), props);
          }
        } else if (n === "footnoteReference" || n === "endnoteReference") {
          const kind = n === "footnoteReference" ? "footnote" : "endnote";
          const id = attr(c, "id") ?? "";
          const custom = attr(c, "customMarkFollows");
          if (custom && custom !== "0" && custom !== "false") {
            this.noteRefs.push({ kind, id, mark: "" }); // the mark is the text that follows
          } else {
            const mark = superscript(++this.noteCount[kind]);
            this.noteRefs.push({ kind, id, mark });
            push(mark, { ...props, superscript: true });
          }
        } else if (n === "footnoteRef" || n === "endnoteRef") {
          if (this.currentNoteMark) push(this.currentNoteMark, props);
        } else if (n === "drawing" || n === "pict" || n === "object" || n === "AlternateContent") {
          for (const box of findTextBoxes(c)) boxes.push(...this.cell(box));
        }
      }
    };
    const inline = (el: XmlElement) => {
      for (const c of elements(el)) {
        const n = local(c.name);
        if (n === "r") runContent(c, styles.runProps(paraStyle, child(c, "rPr")));
        else if (n === "hyperlink" || n === "smartTag" || n === "customXml" || n === "ins" || n === "moveTo" || n === "fldSimple" || n === "bdo" || n === "dir") inline(c);
        else if (n === "sdt") inline(child(c, "sdtContent") ?? c);
        else if (n === "AlternateContent") {
          const pick = child(c, "Choice") ?? child(c, "Fallback");
          if (pick) inline(pick);
        }
        // w:del, w:moveFrom, w:proofErr, bookmarks: no text
      }
    };
    inline(p);

    const label = numbering.next(pp.numId, pp.ilvl);
    const out: SourceLine[] = [];
    lines.forEach((pieces, i) => {
      const runs = mergeRuns(pieces);
      let text = runs.map((r) => r.text).join("");
      if (i === 0 && label) {
        text = label + text;
        runs.unshift({ text: label });
      }
      const visible = pieces.filter((x) => x.text.trim() && !x.props.superscript);
      const size = pieces.reduce((m, x) => Math.max(m, x.props.size ?? 0), 0);
      const line: SourceLine = { text, paragraphEnd: i === lines.length - 1 };
      if (runs.some((r) => r.font)) line.runs = runs;
      if (pp.align) line.align = pp.align;
      if (visible.length) {
        line.bold = visible.every((x) => x.props.bold);
        line.italic = visible.every((x) => x.props.italic);
      }
      if (size) line.size = size;
      if (i === 0 && pp.firstLine !== undefined) line.indent = pp.firstLine;
      out.push(line);
    });
    return [...out, ...boxes];
  }
}

function mergeRuns(pieces: Piece[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const p of pieces) {
    if (!p.text) continue;
    const last = runs[runs.length - 1];
    if (last && last.font === p.props.font) last.text += p.text;
    else runs.push(p.props.font ? { text: p.text, font: p.props.font } : { text: p.text });
  }
  return runs;
}

function findTextBoxes(el: XmlElement, out: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    const n = local(c.name);
    if (n === "txbxContent") out.push(c);
    else if (n === "AlternateContent") {
      const pick = child(c, "Choice") ?? child(c, "Fallback");
      if (pick) findTextBoxes(pick, out);
    } else findTextBoxes(c, out);
  }
  return out;
}

function dropPrefix(runs: TextRun[], n: number): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (n >= r.text.length) { n -= r.text.length; continue; }
    out.push({ ...r, text: r.text.slice(n) });
    n = 0;
  }
  return out;
}

function trimRunsStart(runs: TextRun[]): TextRun[] {
  const out = [...runs];
  while (out.length && !out[0].text.trim()) out.shift();
  if (out.length) out[0] = { ...out[0], text: out[0].text.trimStart() };
  return out;
}

/** Runs of empty lines become one. */
function collapseBlank(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const l of lines) {
    if (!l.text.trim() && out.length && !out[out.length - 1].text.trim()) continue;
    out.push(l);
  }
  while (out.length && !out[0].text.trim()) out.shift();
  return out;
}
