import CFB from "cfb";
import { CorruptFileError, VanbanError } from "../errors.js";
import type { LoadedDocument, Loader, SourceLine, TextRun } from "./types.js";

/**
 * PowerPoint 97–2003 presentations ([MS-PPT]), read from the compound file's `PowerPoint
 * Document` stream: the current edit's persist directory gives the document and each slide; a
 * slide's text is in its drawing's text boxes (or in the slide list, where a box points to it),
 * with the font of every character run in the StyleTextPropAtom that follows the text. The font
 * (`.VnTime`, `VNI-Times`) is what tells the normalize stage how a run is encoded.
 */

const RT = {
  Document: 0x03e8,
  Environment: 0x03f2,
  FontCollection: 0x07d5,
  FontEntityAtom: 0x0fb7,
  SlideListWithText: 0x0ff0,
  SlidePersistAtom: 0x03f3,
  Slide: 0x03ee,
  Notes: 0x03f0,
  TextHeaderAtom: 0x0f9f,
  TextCharsAtom: 0x0fa0,
  TextBytesAtom: 0x0fa8,
  StyleTextPropAtom: 0x0fa1,
  OutlineTextRefAtom: 0x0f9e,
  ClientTextbox: 0xf00d,
  UserEditAtom: 0x0ff5,
  PersistDirectoryAtom: 0x1772,
} as const;

interface Rec {
  type: number;
  instance: number;
  container: boolean;
  /** offset of the data (after the 8-byte header) */
  at: number;
  len: number;
}

const u16 = (d: Uint8Array, at: number) => d[at] | (d[at + 1] << 8);
const u32 = (d: Uint8Array, at: number) => (u16(d, at) | (u16(d, at + 2) << 16)) >>> 0;

function header(d: Uint8Array, at: number): Rec | null {
  if (at + 8 > d.length) return null;
  const vi = u16(d, at);
  const len = u32(d, at + 4);
  if (at + 8 + len > d.length) return null;
  return { type: u16(d, at + 2), instance: vi >> 4, container: (vi & 0xf) === 0xf, at: at + 8, len };
}

function children(d: Uint8Array, rec: Rec): Rec[] {
  const out: Rec[] = [];
  let at = rec.at;
  const end = rec.at + rec.len;
  while (at + 8 <= end) {
    const r = header(d, at);
    if (!r || r.at + r.len > end) break;
    out.push(r);
    at = r.at + r.len;
  }
  return out;
}

/** A text block: its characters and the font of each character run. */
interface TextBlock {
  text: string;
  runs: { count: number; font?: string }[];
}

function textOf(d: Uint8Array, r: Rec): string {
  let s = "";
  if (r.type === RT.TextCharsAtom) for (let i = 0; i + 1 < r.len; i += 2) s += String.fromCharCode(u16(d, r.at + i));
  else for (let i = 0; i < r.len; i++) s += String.fromCharCode(d[r.at + i]);
  return s;
}

/** The character runs' font references of a StyleTextPropAtom for a text of `n` characters. */
function charFonts(d: Uint8Array, r: Rec, n: number): { count: number; fontRef?: number }[] {
  const end = r.at + r.len;
  let p = r.at;
  const need = n + 1; // the runs cover the text and its final paragraph mark
  // paragraph runs: skipped, but their sizes depend on which properties they hold
  for (let covered = 0; covered < need && p + 10 <= end; ) {
    covered += u32(d, p);
    p += 6; // count, indentLevel
    const m = u32(d, p);
    p += 4;
    if (m & 0x0f) p += 2; // bulletFlags
    if (m & 0x80) p += 2; // bulletChar
    if (m & 0x10) p += 2; // bulletFontRef
    if (m & 0x40) p += 2; // bulletSize
    if (m & 0x20) p += 4; // bulletColor
    if (m & 0x800) p += 2; // textAlignment
    if (m & 0x1000) p += 2; // lineSpacing
    if (m & 0x2000) p += 2; // spaceBefore
    if (m & 0x4000) p += 2; // spaceAfter
    if (m & 0x100) p += 2; // leftMargin
    if (m & 0x400) p += 2; // indent
    if (m & 0x8000) p += 2; // defaultTabSize
    if (m & 0x100000) {
      const tabs = p + 2 <= end ? u16(d, p) : 0;
      p += 2 + tabs * 4;
    }
    if (m & 0x10000) p += 2; // fontAlign
    if (m & 0xe0000) p += 2; // wrapFlags
    if (m & 0x200000) p += 2; // textDirection
  }
  const out: { count: number; fontRef?: number }[] = [];
  for (let covered = 0; covered < need && p + 8 <= end; ) {
    const count = u32(d, p);
    covered += count;
    const m = u32(d, p + 4);
    p += 8;
    if (m & 0xffff) p += 2; // fontStyle
    let fontRef: number | undefined;
    if (m & 0x10000) {
      fontRef = u16(d, p);
      p += 2;
    }
    if (m & 0x200000) p += 2; // oldEAFontRef
    if (m & 0x400000) p += 2; // ansiFontRef
    if (m & 0x800000) p += 2; // symbolFontRef
    if (m & 0x20000) p += 2; // size
    if (m & 0x40000) p += 4; // color
    if (m & 0x80000) p += 2; // position
    if (p > end) break;
    out.push({ count, fontRef });
  }
  return out;
}

/** Text blocks of a list of sibling records: each text atom, with the style atom after it. */
function blocks(d: Uint8Array, recs: Rec[], fonts: string[]): TextBlock[] {
  const out: TextBlock[] = [];
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i];
    if (r.type !== RT.TextCharsAtom && r.type !== RT.TextBytesAtom) continue;
    const text = textOf(d, r);
    const style = recs[i + 1]?.type === RT.StyleTextPropAtom ? recs[i + 1] : undefined;
    let runs: TextBlock["runs"] = [{ count: text.length }];
    if (style) {
      try {
        const cf = charFonts(d, style, text.length);
        if (cf.length) {
          // a run without a font of its own takes the master's, most often the first font
          let last: string | undefined = fonts[0];
          runs = cf.map((c) => {
            if (c.fontRef !== undefined && fonts[c.fontRef] !== undefined) last = fonts[c.fontRef];
            return { count: c.count, font: last };
          });
        }
      } catch {
        // a style atom we cannot follow: the text without fonts
      }
    }
    out.push({ text, runs });
  }
  return out;
}

interface Persist {
  offsets: Map<number, number>;
  documentRef: number;
}

/** The current edit's persist directory: object id → offset of its record in the stream (newest edit wins). */
function persistDirectory(d: Uint8Array, currentUser: Uint8Array | null): Persist | null {
  if (!currentUser || currentUser.length < 20) return null;
  let edit = u32(currentUser, 16);
  const offsets = new Map<number, number>();
  let documentRef = -1;
  const seen = new Set<number>();
  while (edit > 0 && !seen.has(edit)) {
    seen.add(edit);
    const r = header(d, edit);
    if (!r || r.type !== RT.UserEditAtom || r.len < 20) return documentRef >= 0 ? { offsets, documentRef } : null;
    if (documentRef < 0) documentRef = u32(d, r.at + 16);
    const dir = header(d, u32(d, r.at + 12));
    if (dir && dir.type === RT.PersistDirectoryAtom) {
      for (let p = dir.at; p + 4 <= dir.at + dir.len; ) {
        const x = u32(d, p);
        p += 4;
        const id = x & 0xfffff;
        const n = x >>> 20;
        for (let k = 0; k < n && p + 4 <= dir.at + dir.len; k++, p += 4) if (!offsets.has(id + k)) offsets.set(id + k, u32(d, p));
      }
    }
    edit = u32(d, r.at + 8);
  }
  return documentRef >= 0 ? { offsets, documentRef } : null;
}

function fontNames(d: Uint8Array, doc: Rec): string[] {
  const env = children(d, doc).find((r) => r.type === RT.Environment);
  const coll = env && children(d, env).find((r) => r.type === RT.FontCollection);
  if (!coll) return [];
  return children(d, coll)
    .filter((r) => r.type === RT.FontEntityAtom)
    .map((r) => {
      let s = "";
      for (let i = 0; i < 64 && i + 1 < r.len; i += 2) {
        const c = u16(d, r.at + i);
        if (!c) break;
        s += String.fromCharCode(c);
      }
      return s;
    });
}

/** Every ClientTextbox's content under a record, in drawing order: its own text, or a pointer into the slide list. */
function textboxes(d: Uint8Array, rec: Rec, out: (Rec[] | number)[], depth = 0): void {
  if (depth > 30) return;
  for (const c of children(d, rec)) {
    if (c.type === RT.ClientTextbox) {
      const inner = children(d, c);
      const ref = inner.find((r) => r.type === RT.OutlineTextRefAtom);
      out.push(ref ? u32(d, ref.at) : inner);
    } else if (c.container) textboxes(d, c, out, depth + 1);
  }
}

/** The slides' text blocks in reading order. */
function slideTexts(d: Uint8Array, persist: Persist): { slides: TextBlock[][]; fonts: string[] } | null {
  const docAt = persist.offsets.get(persist.documentRef);
  const doc = docAt !== undefined ? header(d, docAt) : null;
  if (!doc || doc.type !== RT.Document) return null;
  const fonts = fontNames(d, doc);
  const list = children(d, doc).find((r) => r.type === RT.SlideListWithText && r.instance === 0);
  const slides: TextBlock[][] = [];
  if (!list) return { slides, fonts };
  // the slide list: a SlidePersistAtom, then the text of that slide's placeholders
  const entries: { ref: number; recs: Rec[] }[] = [];
  for (const r of children(d, list)) {
    if (r.type === RT.SlidePersistAtom) entries.push({ ref: u32(d, r.at), recs: [] });
    else entries.at(-1)?.recs.push(r);
  }
  for (const e of entries) {
    const listed = blocks(d, e.recs, fonts);
    const used = new Set<number>();
    const out: TextBlock[] = [];
    const at = persist.offsets.get(e.ref);
    const slide = at !== undefined ? header(d, at) : null;
    if (slide && slide.container) {
      const boxes: (Rec[] | number)[] = [];
      textboxes(d, slide, boxes);
      for (const b of boxes) {
        if (typeof b === "number") {
          if (listed[b] && !used.has(b)) {
            out.push(listed[b]);
            used.add(b);
          }
        } else out.push(...blocks(d, b, fonts));
      }
    }
    // placeholder text no box pointed at
    listed.forEach((t, i) => {
      if (!used.has(i)) out.push(t);
    });
    slides.push(out);
  }
  return { slides, fonts };
}

/** Every text atom of the stream in file order: for a file whose edit chain is broken. */
function allTexts(d: Uint8Array, fonts: string[]): TextBlock[] {
  const out: TextBlock[] = [];
  const walk = (recs: Rec[], depth: number) => {
    out.push(...blocks(d, recs, fonts));
    if (depth < 30) for (const r of recs) if (r.container) walk(children(d, r), depth + 1);
  };
  walk(children(d, { type: 0, instance: 0, container: true, at: 0, len: d.length }), 0);
  return out;
}

/** A text block as lines: paragraphs end at CR, line breaks (VT) start a new line in the paragraph. */
function blockLines(b: TextBlock): SourceLine[] {
  const lines: SourceLine[] = [];
  let runs: TextRun[] = [];
  let k = 0;
  let left = b.runs[0]?.count ?? Infinity;
  const push = (end: boolean) => {
    const text = runs.map((r) => r.text).join("");
    if (text.trim()) {
      const line: SourceLine = { text, paragraphEnd: end };
      if (runs.some((r) => r.font)) line.runs = runs;
      lines.push(line);
    } else if (lines.length) lines[lines.length - 1].paragraphEnd = true;
    runs = [];
  };
  for (const ch of b.text) {
    while (left <= 0 && k + 1 < b.runs.length) left = b.runs[++k].count;
    left--;
    if (ch === "\r" || ch === "\n" || ch === "\x0b") {
      push(ch !== "\x0b");
      continue;
    }
    const font = b.runs[k]?.font;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push(font ? { text: ch, font } : { text: ch });
  }
  push(true);
  return lines;
}

export const pptLoader: Loader = {
  format: "ppt",
  async load(bytes, options) {
    const file = options.path ?? null;
    let slides: TextBlock[][];
    const warnings: LoadedDocument["warnings"] = [];
    try {
      const cfb = CFB.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { type: "buffer" });
      const stream = CFB.find(cfb, "/PowerPoint Document")?.content;
      if (!stream) throw new Error("no PowerPoint Document stream in the compound file");
      const d = stream instanceof Uint8Array ? stream : Uint8Array.from(stream as number[]);
      if (CFB.find(cfb, "/EncryptedSummary")) throw new CorruptFileError("encrypted", "the presentation is password-protected (encrypted); vanban cannot read it", file);
      const cu = CFB.find(cfb, "/Current User")?.content;
      const persist = persistDirectory(d, cu ? (cu instanceof Uint8Array ? cu : Uint8Array.from(cu as number[])) : null);
      const read = persist ? slideTexts(d, persist) : null;
      if (read && read.slides.some((s) => s.length)) slides = read.slides;
      else {
        slides = [allTexts(d, read?.fonts ?? [])];
        warnings.push({ code: "ppt-edit-chain-broken", message: "the presentation's slide list could not be followed; its text is given in file order" });
      }
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new CorruptFileError("corrupt-file", `cannot read this ppt file: ${reason} (damaged, truncated, or not a PowerPoint 97–2003 presentation)`, file, { cause: err });
    }
    const lines: SourceLine[] = [];
    for (const blocksOfSlide of slides) for (const b of blocksOfSlide) lines.push(...blockLines(b));
    if (!lines.length) warnings.push({ code: "no-text", message: "the presentation holds no text" });
    return { format: "ppt", pages: slides.length, lines, ocr: false, warnings };
  },
};
