import iconv from "iconv-lite";
import { parseDocument } from "htmlparser2";
import { NATIONAL_TITLE } from "../../grammars/header.js";
import { CONTENT_SELECTORS, DROP_ID_CLASS_WORDS, DROP_TAGS, PORTAL_METADATA_LABELS, PORTAL_METADATA_MIN_LABELS } from "../../grammars/html.js";
import { matchKey } from "../text/tone.js";
import { alt } from "../text/pattern.js";
import { LimitError, toVanbanError, UnsupportedFormatError } from "../errors.js";
import { figure, MAX_LINES, type TextLimits } from "../limits.js";
import { superscript } from "./docx/body.js";
import { TablePlacer, type TableRows } from "./layout-table.js";
import { binaryString } from "./pdf/raw.js";
import type { LoadedDocument, Loader, PortalMetadataRow, SourceLine, TextRun } from "./types.js";
import { decodeUtf8, decodeUtf8Strict } from "./utf8.js";

/**
 * HTML pages saved from official portals (vbpl.vn, thuvienphapluat.vn, chinhphu.vn) and HTML
 * saved by Word: the document's text, not the page around it. htmlparser2 parses (forgiving,
 * small, all HTML entities); the content container is a known one (grammars/html.ts) or the
 * element that gathers the most paragraph text; tables are read as layout columns like DOCX.
 */

interface HNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HNode[];
  data?: string;
  parent?: HNode | null;
}

const DROP = new Set(DROP_TAGS);
const BLOCK = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center",
  "section", "article", "main", "address", "figure", "figcaption", "hr", "caption", "tbody", "thead", "tfoot", "body", "html",
]);
const furnitureRe = new RegExp(`(?:^|[-_\\s])(?:${DROP_ID_CLASS_WORDS.join("|")})(?:$|[-_\\s\\d])`, "i");

/** Bytes → text: BOM, then a declared charset (meta), then UTF-8 if valid, else Windows-1252. */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeUtf8(bytes.subarray(3)), charset: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), charset: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), charset: "utf-16be" };
  const head = binaryString(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase();
  const buf = bytes;
  if (declared && !/^utf-?8$/.test(declared)) {
    const name = declared.replace(/^windows-/, "cp").replace(/^x-/, "");
    if (/^(cp1252|iso-8859-1|latin1|us-ascii|ascii)$/.test(name)) return { text: new TextDecoder("windows-1252").decode(buf), charset: "windows-1252" };
    if (iconv.encodingExists(name)) return { text: iconv.decode(buf, name), charset: name };
  }
  const utf8 = decodeUtf8Strict(buf);
  return utf8 !== null ? { text: utf8, charset: "utf-8" } : { text: new TextDecoder("windows-1252").decode(buf), charset: "windows-1252" };
}

const tag = (n: HNode) => (n.type === "tag" || n.type === "script" || n.type === "style" ? n.name?.toLowerCase() : undefined);
const kids = (n: HNode) => n.children ?? [];

function isFurniture(n: HNode): boolean {
  const id = n.attribs?.id ?? "";
  const cls = n.attribs?.class ?? "";
  return furnitureRe.test(id) || cls.split(/\s+/).some((c) => c && furnitureRe.test(c));
}

/** Text lengths are asked of the same elements again and again (each candidate, each ancestor): computed once. */
const textLengths = new WeakMap<HNode, number>();
const linkTextLengths = new WeakMap<HNode, number>();

function textLength(n: HNode): number {
  if (n.type === "text") return (n.data ?? "").replace(/\s+/g, " ").trim().length;
  const known = textLengths.get(n);
  if (known !== undefined) return known;
  const t = tag(n);
  let sum = 0;
  if (!(t && DROP.has(t))) for (const c of kids(n)) sum += textLength(c);
  textLengths.set(n, sum);
  return sum;
}

function linkTextLength(n: HNode): number {
  if (tag(n) === "a") return textLength(n);
  const known = linkTextLengths.get(n);
  if (known !== undefined) return known;
  let sum = 0;
  for (const c of kids(n)) if (c.type !== "text") sum += linkTextLength(c);
  linkTextLengths.set(n, sum);
  return sum;
}

function matches(n: HNode, selector: string): boolean {
  if (selector.startsWith("#")) return n.attribs?.id === selector.slice(1);
  if (selector.startsWith(".")) return (n.attribs?.class ?? "").split(/\s+/).includes(selector.slice(1));
  return tag(n) === selector;
}

function findAll(n: HNode, pred: (n: HNode) => boolean, out: HNode[] = []): HNode[] {
  for (const c of kids(n)) {
    if (c.type !== "tag") continue;
    if (pred(c)) out.push(c);
    findAll(c, pred, out);
  }
  return out;
}

/** The element holding the document's text; `known` when a content selector found it. */
function findContent(root: HNode): { node: HNode; known: boolean } {
  const node = findKnown(root);
  return node ? { node, known: true } : { node: findByText(root), known: false };
}

function findKnown(root: HNode): HNode | null {
  for (const sel of CONTENT_SELECTORS) {
    const found = findAll(root, (n) => matches(n, sel)).filter((n) => textLength(n) >= 200);
    if (found.length) {
      // the innermost match that still holds most of the text (tvpl nests content1 in content1)
      let best = found[0];
      for (const f of found) if (isInside(f, best) && textLength(f) >= 0.6 * textLength(best)) best = f;
      return best;
    }
  }
  return null;
}

function findByText(root: HNode): HNode {
  // readability-style: paragraphs vote for their parent (full) and grandparent (half)
  const score = new Map<HNode, number>();
  for (const p of findAll(root, (n) => ["p", "td", "div", "li", "pre", "h1", "h2", "h3", "h4"].includes(tag(n)!))) {
    if (hasFurnitureAncestor(p)) continue;
    const len = textLength(p) - 2 * linkTextLength(p);
    if (len < 20 || kids(p).some((c) => BLOCK.has(tag(c) ?? "") || tag(c) === "table")) continue;
    const parent = p.parent;
    if (parent && parent.type === "tag") score.set(parent, (score.get(parent) ?? 0) + len);
    const grand = parent?.parent;
    if (grand && grand.type === "tag") score.set(grand, (score.get(grand) ?? 0) + len / 2);
  }
  let best: HNode | null = null;
  let bestScore = 0;
  for (const [n, s] of score) if (s > bestScore) { best = n; bestScore = s; }
  if (!best) return root;
  // climb while the parent holds much more text of the same document (header tables sit beside)
  let cur = best;
  while (cur.parent && cur.parent.type === "tag" && tag(cur.parent) !== "body" && !isFurniture(cur.parent)) {
    const up = cur.parent;
    const gain = textLength(up) - linkTextLength(up);
    if (gain > 1.6 * (textLength(cur) - linkTextLength(cur)) || linkTextLength(up) > 0.3 * textLength(up)) break;
    if (widensAboveDocument(cur, up)) break;
    cur = up;
  }
  return cur;
}

const nationalTitle = new RegExp(NATIONAL_TITLE.replace(/^\^/, "").replace(/\\s\*\$$/, ""), "u");

/**
 * A container that already holds the document's quốc hiệu is not widened to a parent whose
 * extra text stands above it: that text is the portal's own title, status and dates
 * ("Nghị quyết số 66.12/2026/NQ-CP …", "Còn hiệu lực", "Ngày có hiệu lực: …"), not the document.
 */
function widensAboveDocument(cur: HNode, up: HNode): boolean {
  const siblings = kids(up);
  const before = siblings.slice(0, siblings.indexOf(cur));
  if (!before.some((n) => textLength(n) > 0)) return false;
  return nationalTitle.test(matchKey(leadingText(cur, 4000).replace(/\s+/g, " ")));
}

/** The first `limit` characters of an element's text, page furniture left out. */
function leadingText(n: HNode, limit: number): string {
  let out = "";
  const visit = (x: HNode): void => {
    if (out.length >= limit) return;
    if (x.type === "text") {
      out += ` ${x.data ?? ""}`;
      return;
    }
    const t = tag(x);
    if (t && DROP.has(t)) return;
    for (const c of kids(x)) visit(c);
  };
  visit(n);
  return out;
}

const metadataLabels = new Map(Object.entries(PORTAL_METADATA_LABELS).map(([k, v]) => [matchKey(k), v]));
const labelRe = new RegExp(`^(${alt([...metadataLabels.keys()])})\\s*:?\\s*(.*)$`, "u");
const ROW_MAX = 300;

/** Collapsed text of an element, page furniture left out (at most `ROW_MAX + 1` characters). */
const rowText = (n: HNode) => leadingText(n, ROW_MAX + 1).replace(/\s+/g, " ").trim();

/**
 * A portal's metadata rows (`Số hiệu: …`, `Người ký: …`, grammars/html.ts) taken out of the page:
 * they are the site's words about the document and must never be read as its parts. Read as
 * `label | value` cells of a table row (two pairs to a row on some sites) or as one small element
 * holding `Label: value`; taken only where the page holds a block of them (two labels or more),
 * so a document's own line that happens to open with such a word stays.
 */
function takePortalMetadata(root: HNode): PortalMetadataRow[] {
  const found: { nodes: HNode[]; row: PortalMetadataRow }[] = [];
  const taken = (n: HNode) => found.some((f) => f.nodes.some((x) => x === n || isInside(n, x)));
  const label = (text: string) => {
    const m = labelRe.exec(matchKey(text));
    if (!m) return null;
    return { label: text.slice(0, m[1].length), part: metadataLabels.get(m[1]) ?? null, value: text.slice(text.length - m[2].length).trim() };
  };
  for (const tr of findAll(root, (n) => tag(n) === "tr")) {
    const cells = kids(tr).filter((c) => tag(c) === "td" || tag(c) === "th");
    for (let k = 0; k + 1 < cells.length; k++) {
      const l = label(rowText(cells[k]));
      if (!l || l.value) continue;
      const value = rowText(cells[k + 1]);
      if (!value || value.length > ROW_MAX || label(value)) continue;
      found.push({ nodes: [cells[k], cells[k + 1]], row: { label: l.label, part: l.part, value } });
      k++;
    }
  }
  // one small element that reads "Label: value" (`<div><span>Người ký:</span><span>…</span></div>`)
  for (const el of findAll(root, (n) => BLOCK.has(tag(n) ?? "") || tag(n) === "li" || tag(n) === "span")) {
    if (textLength(el) > ROW_MAX || taken(el) || found.some((f) => f.nodes.some((x) => isInside(x, el)))) continue;
    if (kids(el).some((c) => c.type === "tag" && BLOCK.has(tag(c) ?? "") && rowHasLabel(c))) continue;
    const text = rowText(el);
    const l = label(text);
    if (!l || !l.value || !text.slice(l.label.length, text.length - l.value.length).includes(":")) continue;
    found.push({ nodes: [el], row: l });
  }
  if (new Set(found.map((f) => matchKey(f.row.label))).size < PORTAL_METADATA_MIN_LABELS) return [];
  for (const f of found) f.nodes.forEach(detach);
  // rows that name no part of the document ("Ngày cập nhật") are only page furniture
  return found.map((f) => f.row).filter((r) => r.part !== null);
}

function rowHasLabel(n: HNode): boolean {
  return labelRe.test(matchKey(rowText(n)));
}

function detach(n: HNode): void {
  const siblings = n.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(n), 1);
}

function isInside(n: HNode, ancestor: HNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function hasFurnitureAncestor(n: HNode): boolean {
  for (let p: HNode | null | undefined = n; p && p.type === "tag"; p = p.parent) {
    if (isFurniture(p) || DROP.has(tag(p)!)) return true;
  }
  return false;
}

interface Style {
  bold: boolean;
  italic: boolean;
  font?: string;
  align?: SourceLine["align"];
  sup: boolean;
  pre: boolean;
  footnote: boolean;
}

function styleOf(n: HNode, parent: Style): Style {
  const t = tag(n);
  const s: Style = { ...parent };
  if (t === "b" || t === "strong" || /^h[1-6]$/.test(t ?? "")) s.bold = true;
  if (t === "i" || t === "em") s.italic = true;
  if (t === "sup") s.sup = true;
  if (t === "pre") s.pre = true;
  if (t === "center") s.align = "center";
  const a = n.attribs ?? {};
  if (a.face) s.font = a.face.split(",")[0].trim().replace(/^["']|["']$/g, "");
  if (a.align) s.align = normAlign(a.align) ?? s.align;
  const css = a.style ?? "";
  const ff = /font-family\s*:\s*([^;]+)/i.exec(css)?.[1];
  if (ff) s.font = ff.split(",")[0].trim().replace(/^["']|["']$/g, "").replace(/&quot;/g, "");
  const fw = /font-weight\s*:\s*(\w+)/i.exec(css)?.[1];
  if (fw) s.bold = fw === "bold" || fw === "bolder" || +fw >= 600;
  const ta = /text-align\s*:\s*(\w+)/i.exec(css)?.[1];
  if (ta) s.align = normAlign(ta) ?? s.align;
  if (/vertical-align\s*:\s*super/i.test(css)) s.sup = true;
  const id = a.id ?? "";
  if (/^_?(?:ftn|edn)\d+$/i.test(id) || /(?:^|\s)(?:footnote|footnotes)(?:\s|$)/i.test(a.class ?? "")) s.footnote = true;
  return s;
}

function normAlign(v: string): SourceLine["align"] | undefined {
  v = v.toLowerCase();
  return v === "center" ? "center" : v === "right" ? "right" : v === "justify" ? "justify" : v === "left" ? "left" : undefined;
}

interface Piece {
  text: string;
  style: Style;
}

/** Content → lines: block elements break lines, tables become layout columns or rows. */
class Walker {
  constructor(private dropFurniture = false) {}
  lines: SourceLine[] = [];
  notes: SourceLine[] = [];
  private pieces: Piece[] = [];
  private lineStyle: Style | null = null;
  private tables = new TablePlacer();
  private target: SourceLine[] = this.lines;

  walk(n: HNode, style: Style): void {
    if (n.type === "text") {
      let t = n.data ?? "";
      if (!style.pre) t = t.replace(/[\s\u200b]+/g, " ");
      if (style.sup && /^\s*\[?\d{1,3}\]?\s*$/.test(t)) t = superscript(t.replace(/[^\d]/g, ""));
      if (t) {
        if (style.pre && t.includes("\n")) {
          t.split("\n").forEach((part, i) => { if (i) this.breakLine(false); this.pieces.push({ text: part, style }); });
        } else this.pieces.push({ text: t, style });
        if (!this.lineStyle) this.lineStyle = style;
      }
      return;
    }
    if (n.type !== "tag" && n.type !== "root") return;
    const t = tag(n);
    if (t && DROP.has(t)) return;
    if (this.dropFurniture && n.type === "tag" && isFurniture(n)) return;
    const s = n.type === "root" ? style : styleOf(n, style);
    if (t === "br") { this.breakLine(false); return; }
    if (t === "a") {
      const href = n.attribs?.href ?? "";
      // Word's footnote reference: <a href="#_ftn1"><sup>[1]</sup></a>
      const ref = /#_?(?:ftn|edn)(?:ref)?(\d+)$/i.exec(href);
      if (ref) { this.pieces.push({ text: superscript(ref[1]), style: { ...s, sup: true } }); return; }
    }
    if (t === "table") { this.table(n, s); return; }
    const block = t ? BLOCK.has(t) || t === "tr" : false;
    const enteringNote = s.footnote && !style.footnote;
    if (block || enteringNote) this.breakLine(true);
    const saved = this.target;
    if (enteringNote) this.target = this.notes;
    for (const c of kids(n)) this.walk(c, s);
    if (block || enteringNote) this.breakLine(true);
    if (enteringNote) {
      for (const l of this.notes) l.block = "footnote";
      this.target = saved;
    }
  }

  breakLine(paragraphEnd: boolean): void {
    const text = this.pieces.map((p) => p.text).join("");
    if (!text.trim()) {
      this.pieces = [];
      this.lineStyle = null;
      if (paragraphEnd && this.target.length) this.target[this.target.length - 1].paragraphEnd = true;
      return;
    }
    const runs: TextRun[] = [];
    for (const p of this.pieces) {
      const last = runs[runs.length - 1];
      if (last && last.font === p.style.font) last.text += p.text;
      else runs.push(p.style.font ? { text: p.text, font: p.style.font } : { text: p.text });
    }
    // trim the line's ends, keeping runs equal to the text
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    const trimmed = text.trim();
    const line: SourceLine = { text: trimmed, paragraphEnd };
    if (runs.some((r) => r.font)) line.runs = sliceRuns(runs, lead, text.length - trail);
    const visible = this.pieces.filter((p) => p.text.trim() && !p.style.sup);
    if (visible.length) {
      line.bold = visible.every((p) => p.style.bold);
      line.italic = visible.every((p) => p.style.italic);
    }
    const align = this.lineStyle?.align;
    if (align) line.align = align;
    this.target.push(line);
    if (this.target === this.lines) this.tables.addText(trimmed.length);
    this.pieces = [];
    this.lineStyle = null;
  }

  private table(n: HNode, style: Style): void {
    this.breakLine(true);
    const rows: TableRows = [];
    const collectRows = (el: HNode) => {
      for (const c of kids(el)) {
        const t = tag(c);
        if (t === "tr") {
          const cells: SourceLine[][] = [];
          for (const td of kids(c)) {
            const tt = tag(td);
            if (tt !== "td" && tt !== "th") continue;
            const sub = new Walker(this.dropFurniture);
            sub.walk(td, styleOf(td, styleOf(c, style)));
            sub.breakLine(true);
            cells.push(sub.lines);
            this.notes.push(...sub.notes);
            const span = Math.min(parseInt(td.attribs?.colspan ?? "1", 10) || 1, 8);
            for (let k = 1; k < span; k++) cells.push([]);
          }
          rows.push(cells);
        } else if (t === "thead" || t === "tbody" || t === "tfoot") collectRows(c);
      }
    };
    collectRows(n);
    // only the document's own tables can be its header or signature (not those inside footnotes)
    this.target.push(...this.tables.place(rows, this.target === this.lines));
  }

}

function sliceRuns(runs: TextRun[], start: number, end: number): TextRun[] {
  const out: TextRun[] = [];
  let pos = 0;
  for (const r of runs) {
    const a = Math.max(start, pos);
    const b = Math.min(end, pos + r.text.length);
    if (b > a) out.push({ ...r, text: r.text.slice(a - pos, b - pos) });
    pos += r.text.length;
  }
  return out;
}

export const htmlLoader: Loader = {
  format: "html",
  async load(bytes, options) {
    return htmlToDocument(decodeHtml(bytes).text, options.path ?? null, options);
  },
};

/** An HTML page already decoded to a string (`parseText(text, { format: "html" })`). */
export function htmlToDocument(text: string, file: string | null, limits: TextLimits = {}): LoadedDocument {
  const shallow = limitNesting(text, MAX_DEPTH * 2);
  refuseTooManyLines(shallow, file, limits.maxLines ?? MAX_LINES);
  let root: HNode;
  try {
    root = parseDocument(shallow, { decodeEntities: true, lowerCaseTags: true }) as unknown as HNode;
  } catch (err) {
    throw toVanbanError(err, file, "reading this html file");
  }
  flattenDeep(root, MAX_DEPTH);
  const portalMetadata = takePortalMetadata(root);
  const found = findContent(root);
  const content = found.node;
  const walker = new Walker(!found.known);
  const base: Style = { bold: false, italic: false, sup: false, pre: false, footnote: false };
  walker.walk(content, content === root ? base : ancestorsStyle(content, base));
  walker.breakLine(true);
  // Word puts its footnotes after the section that holds the text
  if (content !== root) {
    for (const note of findAll(root, (n) => /^_?(?:ftn|edn)\d+$/i.test(n.attribs?.id ?? "") && !isInside(n, content))) {
      walker.walk(note, ancestorsStyle(note, base));
      walker.breakLine(true);
    }
  }
  const lines = [...walker.lines, ...walker.notes.map(footnoteLine)];
  if (!lines.some((l) => /\p{L}/u.test(l.text))) {
    throw new UnsupportedFormatError("no-text", "no document text found in this HTML page", file);
  }
  const warnings: LoadedDocument["warnings"] = [];
  return { format: "html", pages: null, lines, ocr: false, warnings, ...(portalMetadata.length ? { portalMetadata } : {}) };
}

/** Tags that begin a line of their own: each makes at most one line, most make one. */
const LINE_TAG_RE = /<(?:p|div|br|tr|td|th|li|dt|dd|h[1-6])[\s>/]/gi;

/**
 * Refuses a page with more line-making elements than the line limit, before parsing it: the tree
 * of a 300 × 300 table costs 150 MB and two seconds, only for the limit to refuse its 90,000 lines
 * afterwards. Counting is one regex pass; pages within the limit come back at once.
 */
function refuseTooManyLines(html: string, file: string | null, maxLines: number): void {
  // most pages are far too short to hold that many tags
  if (maxLines <= 0 || html.length < maxLines * 4) return;
  let count = 0;
  LINE_TAG_RE.lastIndex = 0;
  while (LINE_TAG_RE.exec(html)) count++;
  if (count > maxLines) {
    throw new LimitError("limit", `the page has ${figure(count)} elements that each begin a line (p, div, td, li, br…), over the limit of ${figure(maxLines)} lines (--max-lines; no official document comes near the default)`, file);
  }
}

/**
 * Elements nested deeper than this are read as a flat run of their text: real pages nest a few
 * dozen levels, a hostile one 100,000, which no tree walk (ours or a recursive one) should follow.
 */
export const MAX_DEPTH = 200;

/** Elements that never nest (void) or that HTML closes by themselves when the next one opens. */
const NOT_NESTING = new Set([
  "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
  "p", "li", "td", "th", "tr", "option", "dt", "dd",
]);
const BLOCK_DROPPED = new Set(["div", "table", "ul", "ol", "blockquote", "section", "article", "center", "dl", "tbody"]);
/** Tags of NOT_NESTING that end a line where they stand, when dropped. */
const LINE_BREAKING = new Set(["br", "hr", "p", "li", "td", "th", "tr", "dt", "dd"]);
const TAG_RE = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:[^>"']|"[^"]*"?|'[^']*'?)*>?/g;

/**
 * Drops the tags (not the text) of elements nested deeper than `maxDepth`, before parsing: the HTML
 * parser's element stack costs time quadratic in the depth (100,000 nested tags took minutes).
 * A dropped block element leaves a line break. Pages within the depth come back unchanged.
 */
export function limitNesting(html: string, maxDepth: number): string {
  // most pages cannot be that deep: not enough tags
  let tags = 0;
  for (let i = html.indexOf("<"); i >= 0 && tags <= maxDepth; i = html.indexOf("<", i + 1)) tags++;
  if (tags <= maxDepth) return html;
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  let changed = false;
  // a run of dropped block tags with nothing between them is one line break, not 100,000 <br> elements
  let brLast = false;
  let lower: string | null = null;
  TAG_RE.lastIndex = 0;
  for (let m = TAG_RE.exec(html); m; m = TAG_RE.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue;
    const flat = NOT_NESTING.has(name) || m[0].endsWith("/>");
    // inside a dropped region the tags that do not nest go too: 100,000 nested tables otherwise
    // leave 200,000 <tr><td> behind, an element each (100 MB of tree for a 1.5 MB page)
    if (flat && depth <= maxDepth) continue;
    if (!flat && (name === "script" || name === "style")) {
      // their content is not markup: skip to their end
      if (!m[1]) {
        // lower-cased once: each script tag lower-casing the whole page was quadratic
        lower ??= html.toLowerCase();
        const end = lower.indexOf(`</${name}`, TAG_RE.lastIndex);
        TAG_RE.lastIndex = end < 0 ? html.length : end;
      }
      continue;
    }
    const closing = m[1] === "/";
    if (!flat) {
      const deep = closing ? depth > maxDepth : depth + 1 > maxDepth;
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      if (!deep) continue;
    }
    const between = html.slice(last, m.index);
    const br = (BLOCK_DROPPED.has(name) || LINE_BREAKING.has(name)) && !(brLast && !between.trim());
    out.push(between, br ? "<br>" : "");
    if (br) brLast = true;
    else if (between.trim()) brLast = false;
    last = m.index + m[0].length;
    changed = true;
  }
  if (!changed) return html;
  out.push(html.slice(last));
  return out.join("");
}

/**
 * Flattens the tree below `maxDepth`, iteratively: an element at that depth gets its descendants'
 * text nodes (and a line break where a block element began or ended) as its children, in
 * document order. Nothing of the text is lost; the nesting is.
 */
export function flattenDeep(root: HNode, maxDepth: number): void {
  const stack: { node: HNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const children = kids(node);
    if (depth < maxDepth) {
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
      continue;
    }
    if (!children.some((c) => kids(c).length)) continue;
    const flat: HNode[] = [];
    const br = (): HNode => ({ type: "tag", name: "br", attribs: {}, children: [], parent: node });
    // an explicit stack of [node, leaving?]: block boundaries become line breaks
    const todo: [HNode, boolean][] = [];
    for (let i = children.length - 1; i >= 0; i--) todo.push([children[i], false]);
    while (todo.length) {
      const [n, leaving] = todo.pop()!;
      const t = tag(n);
      if (leaving) {
        if (flat[flat.length - 1]?.name !== "br") flat.push(br());
        continue;
      }
      if (n.type === "text") {
        n.parent = node;
        flat.push(n);
        continue;
      }
      if (t && DROP.has(t)) continue;
      if (t === "br") { flat.push(br()); continue; }
      const block = !!t && (BLOCK.has(t) || t === "tr" || t === "td" || t === "th" || t === "table");
      if (block) {
        if (flat[flat.length - 1]?.name !== "br") flat.push(br());
        todo.push([n, true]);
      }
      const cs = kids(n);
      for (let i = cs.length - 1; i >= 0; i--) todo.push([cs[i], false]);
    }
    node.children = flat;
  }
}

/** `¹Nghị quyết`, `¹  Nghị quyết` → `¹ Nghị quyết`, block footnote. */
function footnoteLine(l: SourceLine): SourceLine {
  const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*/.exec(l.text);
  if (!m) return { ...l, block: "footnote" };
  const text = `${m[1]} ${l.text.slice(m[0].length)}`;
  const runs = l.runs ? [{ text: `${m[1]} ` }, ...sliceRuns(l.runs, m[0].length, l.text.length)] : undefined;
  return { ...l, text, ...(runs ? { runs } : {}), block: "footnote" };
}

function ancestorsStyle(n: HNode, base: Style): Style {
  const chain: HNode[] = [];
  for (let p = n.parent; p && p.type === "tag"; p = p.parent) chain.unshift(p);
  let s = base;
  for (const p of chain) s = styleOf(p, s);
  return s;
}
