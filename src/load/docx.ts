import type JSZip from "jszip";
import { CorruptFileError, isEngineLimit, LimitError, readableReason, toVanbanError, UnsupportedFormatError, VanbanError } from "../errors.js";
import { BodyReader } from "./docx/body.js";
import { Numbering } from "./docx/numbering.js";
import { readThemeFonts, Styles } from "./docx/styles.js";
import { attr, child, childrenNamed, local, onOff, XmlDepthError, XmlError, type XmlElement } from "./docx/xml.js";
import type { DocumentLayout, LoadedDocument, Loader, PageGeometry } from "./types.js";
import { openPackage, readPart, relationships, relId } from "./opc.js";

/**
 * DOCX: read straight from the package's XML (jszip + a small XML reader), because what vanban
 * needs is what HTML converters drop: the font of every run after style inheritance (TCVN3 and
 * VNI text is recognised by its font), Word's computed list labels (`1.`, `a)`, `-`), footnote
 * marks, and the borderless header and signature tables read column by column.
 */

const REL_DOCUMENT = /\/officeDocument$/;

function notesById(root: XmlElement | undefined): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  if (!root) return map;
  for (const n of root.children) {
    if (typeof n === "string") continue;
    const name = local(n.name);
    if (name !== "footnote" && name !== "endnote") continue;
    const type = attr(n, "type");
    if (type && type !== "normal") continue; // separators
    map.set(attr(n, "id") ?? "", n);
  }
  return map;
}

const twips = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? parseInt(v, 10) / 20 : undefined);

/**
 * Page size and margins of each section (`w:sectPr`), and whether the first page prints a page
 * number: a PAGE field in the header or footer the first page uses (its own with `w:titlePg`).
 */
async function sectionLayout(zip: JSZip, body: XmlElement, rels: { id: string; target: string }[]): Promise<DocumentLayout | undefined> {
  const sections: XmlElement[] = [];
  for (const p of childrenNamed(body, "p")) {
    const s = child(child(p, "pPr"), "sectPr");
    if (s) sections.push(s);
  }
  const last = child(body, "sectPr");
  if (last) sections.push(last);
  if (!sections.length) return undefined;
  const pages: PageGeometry[] = [];
  for (const s of sections) {
    const size = child(s, "pgSz"), mar = child(s, "pgMar");
    const width = twips(attr(size, "w")), height = twips(attr(size, "h"));
    if (width === undefined || height === undefined) continue;
    const g: PageGeometry = { width, height };
    const [top, bottom, left, right] = ["top", "bottom", "left", "right"].map((k) => twips(attr(mar, k)));
    if (top !== undefined && bottom !== undefined && left !== undefined && right !== undefined) g.margins = { top: Math.abs(top), bottom: Math.abs(bottom), left, right };
    pages.push(g);
  }
  // the first section decides the first page
  const first = sections[0];
  const titlePg = onOff(child(first, "titlePg")) === true;
  const want = titlePg ? "first" : "default";
  let pageNumberOnFirstPage = false;
  for (const kind of ["headerReference", "footerReference"]) {
    const ref = childrenNamed(first, kind).find((r) => (attr(r, "type") ?? "default") === want);
    const target = ref && rels.find((r) => r.id === relId(ref))?.target;
    const xml = target ? await zip.file(target)?.async("string") : undefined;
    if (xml && /<w:instrText[^>]*>\s*PAGE\b|w:instr="\s*PAGE\b/.test(xml)) pageNumberOnFirstPage = true;
  }
  return pages.length ? { pages, pageNumberOnFirstPage } : undefined;
}

export const docxLoader: Loader = {
  format: "docx",
  async load(bytes, options) {
    const file = options.path ?? null;
    const zip = await openPackage(bytes, "docx", file);
    try {
      const rootRels = await relationships(zip, "");
      const mainPath = rootRels.find((r) => REL_DOCUMENT.test(r.type))?.target ?? (zip.file("word/document.xml") ? "word/document.xml" : null);
      if (!mainPath || !zip.file(mainPath)) {
        throw new UnsupportedFormatError("unsupported-format", "a zip archive without a Word document part (word/document.xml): not a .docx", file);
      }
      const rels = await relationships(zip, mainPath);
      const part = (suffix: string) => rels.find((r) => r.type.endsWith("/" + suffix))?.target;
      const load = async (suffix: string) => {
        const p = part(suffix);
        return p ? readPart(zip, p) : undefined;
      };
      const [doc, stylesXml, numberingXml, footnotesXml, endnotesXml, themeXml] = await Promise.all([
        readPart(zip, mainPath), load("styles"), load("numbering"), load("footnotes"), load("endnotes"), load("theme"),
      ]);
      const body = child(doc, "body");
      if (!doc || local(doc.name) !== "document" || !body) {
        throw new CorruptFileError("corrupt-file", "cannot read this docx file: the main document part has no body", file);
      }
      const reader = new BodyReader({
        styles: new Styles(stylesXml, readThemeFonts(themeXml)),
        numbering: new Numbering(numberingXml),
        footnotes: notesById(footnotesXml),
        endnotes: notesById(endnotesXml),
      });
      const lines = [...reader.readBody(body), ...reader.readNotes()];
      const warnings: LoadedDocument["warnings"] = [];
      if (!lines.some((l) => l.text.trim())) {
        warnings.push({ code: "no-text", message: "the Word document holds no text (an image-only or empty document?)" });
      }
      return { format: "docx", pages: null, lines, ocr: false, warnings, layout: await sectionLayout(zip, body, rels) };
    } catch (err) {
      if (err instanceof VanbanError) throw toVanbanError(err, file);
      if (err instanceof XmlDepthError) throw new LimitError("limit", `cannot read this docx file: ${err.message}`, file, { cause: err });
      if (err instanceof XmlError) throw new CorruptFileError("corrupt-file", `cannot read this docx file: broken XML: ${err.message}`, file, { cause: err });
      if (isEngineLimit(err)) throw toVanbanError(err, file, "reading this docx file");
      const reason = readableReason(err) ?? "its parts are damaged";
      throw new CorruptFileError("corrupt-file", `cannot read this docx file: ${reason}`, file, { cause: err });
    }
  },
};
