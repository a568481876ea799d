import JSZip from "jszip";
import { CorruptFileError, UnsupportedFormatError, VanbanError } from "../errors.js";
import { BodyReader } from "./docx/body.js";
import { Numbering } from "./docx/numbering.js";
import { readThemeFonts, Styles } from "./docx/styles.js";
import { attr, child, local, XmlError, type XmlElement } from "./docx/xml.js";
import type { LoadedDocument, Loader } from "./types.js";
import { readPart, relationships } from "./opc.js";

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

export const docxLoader: Loader = {
  format: "docx",
  async load(bytes, options) {
    const file = options.path ?? null;
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (err) {
      throw new CorruptFileError("corrupt-file", `cannot read this docx file: not a readable zip archive (${(err as Error).message})`, file, { cause: err });
    }
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
      return { format: "docx", pages: null, lines, ocr: false, warnings };
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      const reason = err instanceof XmlError ? `broken XML: ${err.message}` : err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this docx file: ${reason}`, file, { cause: err });
    }
  },
};
