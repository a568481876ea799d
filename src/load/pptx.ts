import { CorruptFileError, VanbanError } from "../errors.js";
import { attr, child, childrenNamed, elements, local, XmlError, type XmlElement } from "./docx/xml.js";
import { mainPart, openPackage, readPart, relationships, relId } from "./opc.js";
import type { LoadedDocument, Loader, SourceLine, TextRun } from "./types.js";

/**
 * PPTX (PowerPoint 2007 on): slides in the presentation's order, each slide's paragraphs in the
 * order of its shapes (text boxes, placeholders, table cells), every run with its Latin typeface
 * (`<a:latin typeface="VNI-Times"/>`) so that legacy text saved again as .pptx is decoded by font.
 */

const textIn = (el: XmlElement | undefined): string => {
  if (!el) return "";
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textIn(c);
  return s;
};

/** A theme reference (`+mn-lt`) names no font we can judge. */
function typeface(rPr: XmlElement | undefined): string | undefined {
  const t = attr(child(rPr, "latin"), "typeface");
  return t && !t.startsWith("+") ? t : undefined;
}

function paragraphLines(p: XmlElement): SourceLine[] {
  const lines: SourceLine[] = [];
  let runs: TextRun[] = [];
  const flush = () => {
    const text = runs.map((r) => r.text).join("");
    if (text.trim()) {
      const line: SourceLine = { text, paragraphEnd: false };
      if (runs.some((r) => r.font)) line.runs = runs;
      lines.push(line);
    }
    runs = [];
  };
  for (const c of elements(p)) {
    const name = local(c.name);
    if (name === "br") flush();
    else if (name === "r" || name === "fld") {
      const text = textIn(child(c, "t"));
      if (!text) continue;
      const font = typeface(child(c, "rPr"));
      const last = runs[runs.length - 1];
      if (last && last.font === font) last.text += text;
      else runs.push(font ? { text, font } : { text });
    }
  }
  flush();
  if (lines.length) lines[lines.length - 1].paragraphEnd = true;
  return lines;
}

/** Paragraphs of a slide part in document order (shapes, groups, tables). */
function slideLines(el: XmlElement, out: SourceLine[]): void {
  for (const c of elements(el)) {
    if (local(c.name) === "p" && c.name.startsWith("a:")) out.push(...paragraphLines(c));
    else slideLines(c, out);
  }
}

export const pptxLoader: Loader = {
  format: "pptx",
  async load(bytes, options) {
    const file = options.path ?? null;
    const zip = await openPackage(bytes, "pptx", file);
    try {
      const { path: mainPath, element: pres } = await mainPart(zip, "pptx", "ppt/presentation.xml", "presentation", "a presentation part", file);
      const rels = await relationships(zip, mainPath);
      const lines: SourceLine[] = [];
      let slides = 0;
      for (const s of childrenNamed(child(pres, "sldIdLst"), "sldId")) {
        const rel = rels.find((r) => r.id === relId(s));
        if (!rel) continue;
        const slide = await readPart(zip, rel.target);
        if (!slide) continue;
        slides++;
        slideLines(child(slide, "cSld") ?? slide, lines);
      }
      const warnings: LoadedDocument["warnings"] = [];
      if (!lines.length) warnings.push({ code: "no-text", message: "the presentation holds no text" });
      return { format: "pptx", pages: slides, lines, ocr: false, warnings };
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      const reason = err instanceof XmlError ? `broken XML: ${err.message}` : err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this pptx file: ${reason}`, file, { cause: err });
    }
  },
};
