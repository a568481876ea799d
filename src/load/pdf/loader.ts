import { FONT_RULES } from "../../../grammars/encodings/fonts.js";
import {
  LEGACY_GLYPH_FIXES, LEGACY_MARKER_CHARS, LEGACY_MARKER_SHARE, MIN_MARKED_SHARE, MIN_PAGE_LETTERS, MIN_WORDS_TO_JUDGE, OCR_PRODUCERS, SCAN_IMAGE_COVERAGE,
} from "../../../grammars/pdf.js";
import { LETTER, letterClassesBelow2000 } from "../../text/letters.js";
import { CorruptFileError, InputError, readableReason, VanbanError } from "../../errors.js";
import type { Warning } from "../../record/schema.js";
import type { OcrEngine, OcrEngineLookup, OcrWord } from "../ocr.js";
import { annotationItems, annotationTexts } from "./annotations.js";
import { ContentReader } from "./content.js";
import { glyphStream, restoreDroppedMarks, restoreDroppedMarksExactly } from "./glyphs.js";
import { groupRows, isBlank, pdfItem, type PdfItem, type Row } from "./lines.js";
import { layoutPages, rowText, stampRows, type LayoutResult, type PageRows } from "./layout.js";
import { imageCoverage, textQuality, type TextQuality } from "./quality.js";
import { rgbaToPgmWithoutSeals } from "./seals.js";
import { readPdfSignatures } from "./signatures.js";
import { binaryString, infoMayPass, RawPdf, withoutAnnotations } from "./raw.js";
import type { LoadedDocument, Loader, LoadOptions } from "../types.js";
import { CodeSet } from "../../text/codes.js";

/* eslint-disable @typescript-eslint/no-explicit-any -- pdf.js objects are typed loosely here */
export type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

/**
 * What the PDF loader needs from the platform it runs on: Node (`../pdf.ts`: pdf.js's data as
 * folders, tesseract, pdftoppm) or a browser (`../../browser/`: data as URLs, pdf.js in a worker, no OCR).
 */
export interface PdfPlatform {
  /** pdf.js, loaded on first use, so that reading other formats does not pay for it */
  pdfjs(): Promise<PdfJs>;
  /** pdf.js's `cMapUrl`, `standardFontDataUrl`, `wasmUrl` (folders ending in `/`) */
  dataUrls(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string };
  /** how many pages may be OCRed at once */
  parallelism(): number;
  /** the default OCR engine lookup */
  findOcrEngine: OcrEngineLookup;
  ocrInstallHint: string;
  requireOcrEngine(lookup: OcrEngineLookup, file: string | null, why: string): Promise<OcrEngine>;
  /** an external page renderer (pdftoppm), or null to render with pdf.js */
  externalRenderer(bytes: Uint8Array): ((page: number, dpi: number) => Promise<Uint8Array>) | null;
  wordsToItems(words: OcrWord[], dpi: number): PdfItem[];
}

/** The resolution pages are rendered at for OCR. */
export const OCR_DPI = 200;

/** The legacy-encoding markers' code units (all stand below U+10000). */
const MARKER_CODES = CodeSet.ofChars(LEGACY_MARKER_CHARS);
const markerRe = new RegExp(`[${[...LEGACY_MARKER_CHARS].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join("")}]`, "gu");
const legacyFontRe = FONT_RULES.filter((r) => r.encoding === "tcvn3" || r.encoding === "vni").map((r) => ({ re: new RegExp(r.pattern, "i"), rule: r }));
const unicodeFontRe = FONT_RULES.filter((r) => r.encoding === "unicode").map((r) => new RegExp(r.pattern, "i"));
const isLegacyFont = (name: string) => !unicodeFontRe.some((r) => r.test(name)) && legacyFontRe.some((r) => r.re.test(name));

/** Is code unit `c` a letter (`\p{L}`)? Below U+2000 from the shared table: a regex a character costs more than the page. */
function isLetterCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x2000) return /\p{L}/u.test(String.fromCharCode(c));
  return (letterClassesBelow2000()[c] & LETTER) !== 0;
}

/** How many letters `text` has (a surrogate pair counts once, as `\p{L}` with `u` does). */
export function countLetters(text: string): number {
  // the table is read here, not through isLetterCode: every row of every page is counted
  const below2000 = letterClassesBelow2000();
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2000) {
      if (below2000[c] & LETTER) n++;
      continue;
    }
    const next = c >= 0xd800 && c <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      if (/\p{L}/u.test(text.slice(i, i + 2))) n++;
      i++;
    } else if (isLetterCode(c)) n++;
  }
  return n;
}

/** Share of a text's letters that are legacy-encoding markers (`µ`, `¸`, `ø`, …). */
export function legacyShare(text: string): number {
  // fewer than five markers give 0: most pages (Unicode) are told by one scan in the regex engine
  markerRe.lastIndex = 0;
  let found = 0;
  while (found < 5 && markerRe.test(text)) found++;
  if (found < 5) return 0;
  // code unit by code unit (a string a character cost more than the page's other judging)
  let letters = 0, markers = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII needs no lookup (no marker is ASCII)
    if (c < 0x80) {
      if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) letters++;
    } else if (MARKER_CODES.has(c)) markers++;
    else if (c >= 0xd800 && c <= 0xdbff && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      if (/\p{L}/u.test(text.slice(i, i + 2))) letters++;
      i++;
    } else if (isLetterCode(c)) letters++;
  }
  return markers >= 5 ? markers / (letters + markers) : 0;
}

/** `BCDEEE+TimesNewRomanPS-BoldMT` → `TimesNewRomanPS-BoldMT` */
export const stripSubset = (name: string) => name.replace(/^[A-Z]{6}\+/, "");

function fixLegacyGlyphs(text: string): string {
  let out = text;
  for (const [from, to] of LEGACY_GLYPH_FIXES) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

export interface PdfLoaderDeps {
  /** how to find an OCR engine (tests inject one, or none) */
  findOcrEngine?: OcrEngineLookup;
  /** render pages with pdf.js even when `pdftoppm` is installed */
  renderWithPdfjs?: boolean;
}

interface PageText {
  page: number;
  /** the page's object number (its content stream is read without pdf.js where it can be) */
  ref: number | null;
  width: number;
  height: number;
  items: PdfItem[];
  /** letters outside signature stamps, counted up to MIN_PAGE_LETTERS (all that is asked of them) */
  letters: number;
  /** words of the text layer outside stamps, and how many read as Vietnamese (none counted on a legacy page: its words are not judged) */
  quality: TextQuality;
  /** the text layer looks legacy-encoded (TCVN3, VNI): its words are judged after conversion */
  legacy: boolean;
  rotatedItems: number;
  /** where a digital-signature stamp of the text layer stands: OCR words there are left out */
  stampBoxes: [number, number, number, number][];
  /** `items` grouped into rows (grouped again when OCR replaces them) */
  rows: Row[];
}

/** The quality of a page whose words are not judged (a legacy-encoded one). */
const NOT_JUDGED: TextQuality = { words: 0, marked: 0 };

/** pdf.js's own clean-up of text (off, so that legacy bytes such as `µ` survive), for Unicode fonts. */
const compatChars = /[\u00a0\u2000-\u200a\u202f\ufb00-\ufb06]+/g;

/**
 * What reading the earlier pages of a document taught about its fonts (pdf.js ids are the
 * document's): which fonts show the legacy byte 0xAD (`ư`) as a visible glyph (`−`), so that
 * pdf.js cannot have dropped it from their text.
 */
interface FontsSeen {
  showsAd: Set<string>;
  /** words already judged by textQuality (a document's pages say the same words) */
  judged: Map<string, 0 | 1 | 2>;
  /** names of fonts pdf.js has not sent, read from the file (pdf.js id → name) */
  fontNames: Map<string, string>;
  /** the file's content streams read without pdf.js (made on first use) */
  content: () => ContentReader;
}

/**
 * The names of a page's fonts by pdf.js id, from the glyphs each text item was matched with:
 * an id all of whose glyphs come from one font resource of a name pdf.js would give too; null
 * when an id's glyphs name two fonts, or a font's name cannot be told.
 */
async function namesFromGlyphs(reader: ContentReader, pageRef: number, itemFonts: string[], glyphFonts: (string | null)[]): Promise<Map<string, string> | null> {
  const resources = new Map<string, string>();
  for (let i = 0; i < itemFonts.length; i++) {
    const res = glyphFonts[i];
    if (res === "") continue;
    if (res === null) return null;
    const before = resources.get(itemFonts[i]);
    if (before !== undefined && before !== res) return null;
    resources.set(itemFonts[i], res);
  }
  const byResource = await reader.fontNames(pageRef);
  const out = new Map<string, string>();
  for (const [id, res] of resources) {
    const name = byResource.get(res);
    if (!name) return null;
    out.set(id, name);
  }
  return out;
}

/**
 * Text items of a page in page points, origin top left, rotation applied; its annotations are asked
 * of pdf.js only when the file may have some (`annotated`, see {@link withoutAnnotations}).
 */
async function readPage(lib: PdfJs, doc: any, pageNo: number, warnings: Warning[], seen: FontsSeen, annotated: boolean, wantFonts = false): Promise<PageText> {
  const page = await doc.getPage(pageNo);
  const vp = page.getViewport({ scale: 1 });
  const tc = await page.getTextContent({ disableNormalization: true });
  const raw = (tc.items as any[]).filter((it) => typeof it.str === "string" && it.str.length > 0);
  let texts: string[] = raw.map((it) => it.str);
  const fonts = new Map<string, string>();
  // the operator list costs a second pass over the page: it is fetched only for annotations that
  // draw something, and, on legacy-encoded text (or for `vanban check`), for font names not known
  // from earlier pages (pdf.js keeps a font once an operator list has used it) and for the `ư`
  // that pdf.js may have dropped (below)
  let ops: { fnArray: number[]; argsArray: any[] } | null = null;
  const drawn = annotated && (await drawnAnnotations(page));
  const legacyText = legacyShare(texts.join("")) >= LEGACY_MARKER_SHARE;
  if (wantFonts || legacyText) {
    const ids = [...new Set(raw.map((it) => it.fontName as string))];
    const nameOf = (id: string): string | undefined => {
      const name = page.commonObjs.has(id) ? page.commonObjs.get(id)?.name : undefined;
      return typeof name === "string" ? name : seen.fontNames.get(id);
    };
    const known = (id: string) => nameOf(id) !== undefined;
    raw.forEach((it, i) => {
      if (texts[i].includes("\u2212")) seen.showsAd.add(it.fontName);
    });
    // a legacy font (or one not known yet) that has not shown its 0xAD may have lost it: the
    // operator list's glyphs put it back
    const mayDrop = legacyText && ids.some((id) => !seen.showsAd.has(id) && (!known(id) || isLegacyFont(stripSubset(nameOf(id)!))));
    try {
      // no annotation to read: the glyphs are read from the content stream itself, far cheaper
      // than pdf.js's operator list, when they match the text glyph for glyph; so are the names
      // of fonts pdf.js has not sent yet, where each is told by the glyphs of its text
      let restored = false;
      if (mayDrop && !drawn) {
        const glyphs = await seen.content().glyphs(page.ref.num).catch(() => null);
        let fixed = glyphs && restoreDroppedMarksExactly(texts, glyphs);
        if (fixed && !ids.every(known)) {
          const names = await namesFromGlyphs(seen.content(), page.ref.num, raw.map((it) => it.fontName as string), fixed.fonts).catch(() => null);
          if (names && ids.every((id) => known(id) || names.has(id))) for (const [id, name] of names) seen.fontNames.set(id, name);
          else fixed = null;
        }
        if (fixed) {
          texts = fixed.texts;
          restored = true;
        }
      }
      if (!restored && (mayDrop || !ids.every(known))) {
        const list = await page.getOperatorList({ annotationMode: drawn ? lib.AnnotationMode.ENABLE : lib.AnnotationMode.DISABLE });
        if (drawn) ops = list;
        if (legacyText) {
          const fixed = restoreDroppedMarks(texts, glyphStream(list, lib.OPS));
          if (fixed.restored < 0) warnings.push({ code: "pdf-glyphs", message: `page ${pageNo}: soft hyphens (TCVN3 ư) dropped by pdf.js could not be put back` });
          texts = fixed.texts;
        }
      }
      for (const id of ids) {
        const name = nameOf(id);
        if (name) fonts.set(id, stripSubset(name));
      }
    } catch (err) {
      warnings.push({ code: "pdf-fonts", message: `page ${pageNo}: font names could not be read (${(err as Error).message})` });
    }
  }
  if (drawn && !ops) {
    try {
      ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.ENABLE });
    } catch (err) {
      warnings.push({ code: "pdf-annotations", message: `page ${pageNo}: the text of annotations could not be read (${(err as Error).message})` });
    }
  }
  const items: PdfItem[] = [];
  if (drawn && ops) {
    const fontMatrix = (id: string) => (page.commonObjs.has(id) ? page.commonObjs.get(id)?.fontMatrix ?? null : null);
    const toPage = (x: number, y: number): [number, number] => {
      const p = [x, y];
      lib.Util.applyTransform(p, vp.transform);
      return [p[0], p[1]];
    };
    for (const it of annotationItems(annotationTexts(ops, lib.OPS, fontMatrix), toPage)) items.push(it);
  }
  const text = pageText(lib, pageNo, typeof page.ref?.num === "number" ? page.ref.num : null, vp, raw, texts, fonts, items, seen);
  page.cleanup();
  return text;
}

/**
 * The page's text items in page points (rotation applied, after `items`, an annotation's), its
 * rows, letters and quality, from what pdf.js gave (`raw`, their texts as read, the fonts' names).
 * Apart from {@link readPage}: an async function is compiled whole with its awaits, and this part,
 * which has none, made it the costliest function the optimizing compiler made of the PDF path.
 */
function pageText(lib: PdfJs, pageNo: number, ref: number | null, vp: any, raw: any[], texts: string[], fonts: Map<string, string>, items: PdfItem[], seen: FontsSeen): PageText {
  let rotatedItems = 0;
  const legacyFonts = new Map<string, boolean>();
  raw.forEach((it, i) => {
    if (isBlank(texts[i])) return;
    const m = lib.Util.transform(vp.transform, it.transform);
    const size = Math.hypot(m[2], m[3]);
    if (!(m[0] > 0 && Math.abs(m[1]) <= 0.2 * m[0])) {
      rotatedItems++;
      return;
    }
    const font = fonts.get(it.fontName);
    let legacy = font !== undefined && legacyFonts.get(font);
    if (font !== undefined && legacy === undefined) legacyFonts.set(font, (legacy = isLegacyFont(font)));
    const text = legacy ? fixLegacyGlyphs(texts[i]) : texts[i].replace(compatChars, (c) => c.normalize("NFKC"));
    items.push(pdfItem(text, m[4], m[5], it.width * vp.scale, size, font));
  });
  let letters = 0;
  const rows = groupRows(items, pageNo);
  const stamp = stampRows(rows);
  // a legacy-encoded page's words are not judged (see badTextLayers): its quality is not read
  const legacy = fonts.size > 0;
  const own: string[] = [];
  for (const r of rows) {
    if (stamp.has(r)) continue;
    const t = rowText(r);
    // a page's letters are asked only whether they reach MIN_PAGE_LETTERS: counted no further
    if (letters < MIN_PAGE_LETTERS) letters += countLetters(t);
    if (!legacy) own.push(t);
  }
  const quality = legacy ? NOT_JUDGED : textQuality(own.join("\n"), seen.judged);
  const stampBoxes: PageText["stampBoxes"] = [];
  if (stamp.size) {
    const rs = [...stamp];
    const pad = Math.max(...rs.map((r) => r.size));
    stampBoxes.push([
      Math.min(...rs.flatMap((r) => r.items.map((i) => i.x))) - pad,
      Math.min(...rs.map((r) => r.y)) - 2 * pad,
      Math.max(...rs.flatMap((r) => r.items.map((i) => i.x + i.width))) + pad,
      Math.max(...rs.map((r) => r.y)) + pad,
    ]);
  }
  return { page: pageNo, ref, width: vp.width, height: vp.height, items, letters, quality, legacy, rotatedItems, stampBoxes, rows };
}

/**
 * Pages whose text layer is not real text: too few words with Vietnamese marks (the page's own
 * share, or the whole file's), lying over an image that covers most of the page (a scan's OCR
 * layer; a born-digital page in another language is left alone). The operator list that tells
 * the image is fetched only for such pages.
 */
async function badTextLayers(lib: PdfJs, fullDoc: () => Promise<any>, content: () => ContentReader, pages: PageText[]): Promise<{ page: PageText; share: number }[]> {
  const judged = pages.filter((p) => !p.legacy && p.quality.words >= MIN_WORDS_TO_JUDGE);
  const words = judged.reduce((n, p) => n + p.quality.words, 0);
  const pooled = words ? judged.reduce((n, p) => n + p.quality.marked, 0) / words : 1;
  const out: { page: PageText; share: number }[] = [];
  for (const p of judged) {
    const share = p.quality.marked / p.quality.words;
    if (share >= MIN_MARKED_SHARE && pooled >= MIN_MARKED_SHARE) continue;
    // read from the content stream where it can be: pdf.js's operator list needs the document
    // opened again with its images, and decodes the scan's page image (~150 ms a page)
    const covered = p.ref === null ? null : await content().imageCoverage(p.ref, p.width * p.height).catch(() => null);
    if (covered !== null) {
      if (covered >= SCAN_IMAGE_COVERAGE) out.push({ page: p, share });
      continue;
    }
    const page = await (await fullDoc()).getPage(p.page);
    try {
      const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
      if (imageCoverage(ops, lib.OPS, page.view) >= SCAN_IMAGE_COVERAGE) out.push({ page: p, share });
    } finally {
      page.cleanup();
    }
  }
  return out;
}

const ocrProducerRe = new RegExp(`(?:${OCR_PRODUCERS.join("|")})`, "iu");

/** The OCR software a PDF's Producer or Creator names (`Tesseract v5.0.0-alpha.20191010`), or null. */
async function ocrProducer(doc: any): Promise<string | null> {
  const info = (await doc.getMetadata().catch(() => null))?.info ?? {};
  for (const field of [info.Producer, info.Creator]) {
    if (typeof field === "string" && ocrProducerRe.test(field)) return field.trim().slice(0, 80);
  }
  return null;
}

/** Annotation kinds whose appearance is no document text of its own. */
const UNDRAWN_ANNOTATIONS = new Set(["Link", "Popup"]);

/** The share of the page, from the top, where annotations are read (the header and a little more). */
const HEADER_BAND = 0.4;

/**
 * Whether a page has annotations that draw something (a signature widget, a form field, a
 * FreeText) in its upper part, where signing tools stamp the số and the day. Reading them costs
 * the page's operator list (a second pass over the page, images included), so the signature
 * images and stamp boxes lower on the page, which hold no document text, do not count.
 */
async function drawnAnnotations(page: any): Promise<boolean> {
  const annots: any[] = await page.getAnnotations({ intent: "print" }).catch(() => []);
  const [, y0, , y1] = page.view as number[];
  const upper = (a: any) => page.rotate !== 0 || !Array.isArray(a.rect) || a.rect[3] > y1 - HEADER_BAND * (y1 - y0);
  return annots.some((a) => !UNDRAWN_ANNOTATIONS.has(a.subtype) && a.hasAppearance !== false && !a.hidden && !a.noView && upper(a));
}

/**
 * `pages 2 (12%), 3 (8%)`: the bad text layers' pages and their marked shares. Apart from `load`,
 * as are {@link pageNumbers} and {@link layoutWarnings}: a line of `load` that few files reach
 * threw its optimized code away when one did, and `load`, an async function compiled whole,
 * is the costliest function of the PDF path to compile again.
 */
function badPages(bad: { page: PageText; share: number }[]): string {
  return `${bad.length === 1 ? "page" : "pages"} ${bad.map((b) => `${b.page.page} (${Math.round(b.share * 100)}%)`).join(", ")}`;
}

/** `1, 4`: the pages' numbers. */
const pageNumbers = (pages: PageText[]) => pages.map((p) => p.page).join(", ");

/** The warnings the laid-out lines give: a signing tool's stamp left out, letter-spaced lines, no text. */
function layoutWarnings(laid: LayoutResult, warnings: Warning[]): void {
  if (laid.stamps.length) warnings.push({ code: "signature-stamp", message: `digital-signature stamp left out: ${[...new Set(laid.stamps)].slice(0, 4).join(" | ")}` });
  // `c ñ a T h ñ t­í n g`: a title set with wide letter spacing, where pdf.js gives a space
  // between every two letters and the word breaks are lost
  // (8 tokens or more, 80% single letters, always hold three single letters in a row)
  const spaced = laid.lines.filter((l) => {
    if (!/(?:^| )\p{L} \p{L} \p{L}(?= |$)/u.test(l.text)) return false;
    const tokens = l.text.split(" ");
    return tokens.length >= 8 && tokens.filter((t) => /^\p{L}$/u.test(t)).length >= tokens.length * 0.8;
  });
  if (spaced.length) warnings.push({ code: "letter-spaced", message: `${spaced.length} lines in letter-spaced type (page ${spaced[0].page}: "${spaced[0].text.slice(0, 40)}…"): word breaks lost` });
  if (!laid.lines.some((l) => /\p{L}/u.test(l.text))) warnings.push({ code: "no-text", message: "no text found in the PDF" });
}

/** An unexpected failure inside pdf.js → an error naming the file (as `corrupt()` in `./index.ts`, which imports this module). */
function corrupt(format: string, err: unknown, file: string | null): CorruptFileError {
  // pdf.js passes its own failures on as plain errors (a stack overflow on nested arrays arrives
  // as a message): a reason is kept only when it reads as one
  const message = err instanceof Error ? err.message : String(err);
  const reason = readableReason(err) ?? (/call stack/i.test(message) ? "its objects are nested too deeply" : "its structure is damaged");
  return new CorruptFileError("corrupt-file", `cannot read this ${format} file: ${reason}`, file, { cause: err });
}

/** pdf.js's failures → errors that name the file. */
function openError(err: unknown, file: string | null): VanbanError {
  const name = (err as { name?: string })?.name;
  if (name === "PasswordException") {
    return new CorruptFileError("encrypted-file", "the PDF is encrypted and needs a password to open", file, { cause: err });
  }
  if (name === "InvalidPDFException") {
    return new CorruptFileError("corrupt-file", `not a readable PDF: ${readableReason(err) ?? "its structure is damaged"}`, file, { cause: err });
  }
  return corrupt("pdf", err, file);
}

/** True when the file ends like a PDF should (`%%EOF` near its end). */
function hasEof(bytes: Uint8Array): boolean {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes("%%EOF");
}

/**
 * Page images drawn by pdf.js (with `@napi-rs/canvas`, which pdf.js brings), without annotations
 * (signature stamps), for when pdftoppm is not installed: handed to the engine as a grey PGM with
 * the seals washed out, as pdftoppm's are (and a PGM costs nothing to encode, a PNG a second a page).
 */
async function pdfjsRenderer(doc: any, lib: PdfJs) {
  return async (pageNo: number, dpi: number): Promise<Uint8Array> => {
    const page = await doc.getPage(pageNo);
    const vp = page.getViewport({ scale: dpi / 72 });
    const w = Math.ceil(vp.width), h = Math.ceil(vp.height);
    const { canvas, context } = doc.canvasFactory.create(w, h);
    await page.render({ canvas, viewport: vp, background: "white", annotationMode: lib.AnnotationMode.DISABLE }).promise;
    const pgm = rgbaToPgmWithoutSeals(context.getImageData(0, 0, w, h).data, w, h);
    page.cleanup();
    doc.canvasFactory.destroy({ canvas, context });
    return pgm;
  };
}

/** An engine's message on one line (engines print several; an error record holds one). */
export const oneLine = (message: string) => message.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)[0]?.slice(0, 300) ?? message;

/** Runs `fn` over `inputs` with at most `n` at once, results in order. */
export async function mapLimit<T, R>(inputs: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await fn(inputs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, inputs.length)) }, worker));
  return out;
}

/** A PDF loader; `deps` lets tests choose the OCR engine. */
export function createPdfLoaderFor(platform: PdfPlatform, deps: PdfLoaderDeps = {}): Loader {
  const findOcrEngine = deps.findOcrEngine ?? platform.findOcrEngine;
  const { requireOcrEngine, wordsToItems, ocrInstallHint: OCR_INSTALL_HINT } = platform;
  return {
    format: "pdf",
    async load(bytes: Uint8Array, options: LoadOptions): Promise<LoadedDocument> {
      const file = options.path ?? null;
      const lib = await platform.pdfjs();
      const warnings: Warning[] = [];
      const open = (maxImageSize: number) => lib.getDocument({
        // pdf.js may transfer (detach) the buffer it is given: hand it a copy
        data: new Uint8Array(bytes),
        ...platform.dataUrls(),
        cMapPacked: true,
        isEvalSupported: false,
        disableFontFace: true,
        useSystemFonts: false,
        stopAtErrors: false,
        verbosity: 0,
        maxImageSize,
      });
      // the text needs no image: the document is read with none decoded (an operator list would
      // decode every image of the page and of its annotations, and a signing tool's seal alone costs
      // more than the page's text); what looks at images (a scan under a text layer, pages
      // rendered for OCR) opens it again in full
      const task = open(0);
      let full: any = null;
      const fullDoc = async () => {
        if (!full) {
          const t = open(-1);
          full = await t.promise.catch(async (err: unknown) => {
            await t.destroy().catch(() => undefined);
            throw err;
          });
        }
        return full;
      };
      let doc: any;
      try {
        doc = await task.promise;
      } catch (err) {
        await task.destroy().catch(() => undefined);
        throw openError(err, file);
      }
      try {
        const pages: PageText[] = [];
        let reader: ContentReader | null = null;
        const seen: FontsSeen = { showsAd: new Set(), judged: new Map(), fontNames: new Map(), content: () => (reader ??= new ContentReader(new RawPdf(bytes, binaryString(bytes)))) };
        const annotated = !withoutAnnotations(bytes);
        for (let p = 1; p <= doc.numPages; p++) {
          try {
            pages.push(await readPage(lib, doc, p, warnings, seen, annotated, options.fonts === true));
          } catch (err) {
            if (!hasEof(bytes)) throw new CorruptFileError("truncated-file", `the PDF is truncated (page ${p} of ${doc.numPages} cannot be read)`, file, { cause: err });
            throw corrupt("pdf", err, file);
          }
        }
        if (pages.length === 0) throw new CorruptFileError("corrupt-file", "the PDF has no pages", file);
        if (!hasEof(bytes)) warnings.push({ code: "truncated-file", message: "the PDF does not end with %%EOF (truncated?); every page could still be read" });
        const rotated = pages.reduce((n, p) => n + p.rotatedItems, 0);
        if (rotated) warnings.push({ code: "rotated-text", message: `${rotated} pieces of rotated (vertical) text left out` });

        const empty = pages.filter((p) => p.letters < MIN_PAGE_LETTERS);
        const bad = await badTextLayers(lib, fullDoc, seen.content, pages.filter((p) => !empty.includes(p)));
        const scanned = empty.length > 0 && empty.length * 2 >= pages.length;
        let ocr = false;
        let ocrEngine: string | undefined;
        let engine: OcrEngine | null = null;
        if (bad.length) {
          const what = `the text layer of ${badPages(bad)} is not real text: too few of its words carry Vietnamese marks, under a scanned image`;
          if (options.ocr !== false && !scanned) engine = await findOcrEngine();
          if (options.ocr === false || (!scanned && !engine)) {
            warnings.push({ code: "bad-text-layer", message: `${what}; kept as it is (${options.ocr === false ? "OCR was disabled" : `no OCR engine: ${OCR_INSTALL_HINT}`})` });
            bad.length = 0;
          } else {
            warnings.push({ code: "bad-text-layer", message: `${what}; OCRed instead` });
          }
        }
        // pages to OCR: the bad layers, and the empty pages once the file is a scan or OCR runs anyway
        const toOcr = scanned || bad.length ? pages.filter((p) => empty.includes(p) || bad.some((b) => b.page === p)) : [];
        if (toOcr.length) {
          const why = scanned ? `the PDF is scanned (no text layer on ${empty.length} of ${pages.length} pages)` : "the text layer is not real text";
          if (options.ocr === false) throw new InputError("ocr-disabled", `${why} and OCR was disabled`, file);
          const eng = engine ?? (await requireOcrEngine(findOcrEngine, file, why));
          const external = deps.renderWithPdfjs ? null : platform.externalRenderer(bytes);
          const render = external ?? (await pdfjsRenderer(await fullDoc(), lib));
          try {
            const concurrency = Math.min(eng.concurrency, platform.parallelism());
            let read = 0;
            options.onOcrProgress?.({ done: 0, pages: toOcr.length });
            const results = await mapLimit(toOcr, concurrency, async (p) => {
              const png = await render(p.page, OCR_DPI);
              const items = wordsToItems(await eng.recognize(png, OCR_DPI), OCR_DPI);
              options.onOcrProgress?.({ done: ++read, pages: toOcr.length });
              return items;
            });
            // OCR replaces the page's text; a stamp's text layer, if any, goes (the stamp is left out anyway)
            toOcr.forEach((p, i) => {
              const inStamp = (it: PdfItem) => p.stampBoxes.some(([x0, y0, x1, y1]) => {
                const cx = it.x + it.width / 2, cy = it.y - it.size / 2;
                return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
              });
              p.items = results[i].filter((it) => !inStamp(it));
              p.rows = groupRows(p.items, p.page);
            });
          } catch (err) {
            throw new VanbanError("ocr-failed", `OCR failed (${eng.name}): ${oneLine((err as Error).message)}`, file, { cause: err });
          } finally {
            await eng.close().catch(() => undefined);
            await (external as any)?.dispose?.().catch(() => undefined);
          }
          ocr = true;
          ocrEngine = eng.name;
          warnings.push({ code: "ocr", message: `text read by OCR (${eng.name}) on ${toOcr.length} of ${pages.length} pages; check it` });
        } else if (empty.length > 0) {
          warnings.push({ code: "page-without-text", message: `pages ${pageNumbers(empty)} have little or no text (blank, or scanned) and were not OCRed` });
        }

        // the text layer a scanner's or an OCR tool's software wrote is OCR output too
        if (!ocr && pages.some((p) => p.letters >= MIN_PAGE_LETTERS)) {
          const producer = infoMayPass(bytes, (value) => ocrProducerRe.test(value)) ? await ocrProducer(doc) : null;
          if (producer) {
            ocr = true;
            ocrEngine = `text layer (${producer})`;
            warnings.push({ code: "ocr-text-layer", message: `the text layer was written by OCR software (${producer}): read as OCR text; check it` });
          }
        }
        const ocrPages = new Set(ocr ? toOcr.map((p) => p.page) : []);
        const pageRows: PageRows[] = pages.map((p) => ({ page: p.page, width: p.width, height: p.height, rows: p.rows, ocr: ocrPages.has(p.page) }));
        const laid = layoutPages(pageRows);
        layoutWarnings(laid, warnings);
        const signed = await readPdfSignatures(bytes, doc, { trustRoots: options.trustRoots }).catch((err: Error) => {
          warnings.push({ code: "signatures-unreadable", message: `digital signatures could not be read: ${err.message}` });
          return { signatures: [], warnings: [] };
        });
        warnings.push(...signed.warnings);
        const layout = { pages: pages.map((p) => ({ width: p.width, height: p.height })), pageNumberOnFirstPage: laid.pageNumberOnFirstPage };
        return { format: "pdf", pages: pages.length, lines: laid.lines, ocr, ocrEngine, warnings, digitalSignatures: signed.signatures, layout };
      } catch (err) {
        if (err instanceof VanbanError) throw err;
        throw corrupt("pdf", err, file);
      } finally {
        await doc.destroy().catch(() => undefined);
        await full?.destroy().catch(() => undefined);
      }
    },
  };
}

