/**
 * pdf.js's text content leaves out every glyph whose Unicode value is an invisible format mark
 * (`\p{Cf}`), and a TCVN3 font's `ư` (byte 0xAD) maps to U+00AD, the soft hyphen: `người` comes
 * out as `ngêi` instead of `ng\u00ADêi`. The page's operator list still has every glyph, in the
 * same order as the text content, so the dropped marks are put back by walking both at once.
 */
import { isSpaceCode } from "../../text/letters.js";
import { unitsToString } from "../../text/units.js";

/**
 * The glyphs a page draws, in drawing order: their text (each glyph's code points, one after
 * the other) and the pdf.js id or resource name of the font of each stretch of it. One string
 * for a page instead of an object a glyph: a TCVN3 page draws thousands.
 */
export interface GlyphText {
  text: string;
  /** where each font's stretch of `text` ends (exclusive), in order */
  runs: { end: number; font: string }[];
}

/**
 * Collects a page's glyphs as they are drawn; `done()` gives them as one {@link GlyphText}. The
 * code units go into one buffer, made a string once: a TCVN3 page draws each glyph with its own
 * `(x) Tj`, and a string appended to a glyph at a time cost more than reading the stream.
 */
export class GlyphTextBuilder {
  private units = new Uint16Array(4096);
  private size = 0;
  private readonly runs: { end: number; font: string }[] = [];
  private font: string | null = null;

  /** Opens a stretch of `font` where the glyphs so far are in another (asked before a glyph's first unit). */
  private to(font: string): void {
    if (font === this.font) return;
    if (this.font !== null && this.size > 0) this.runs.push({ end: this.size, font: this.font });
    this.font = font;
  }

  /** Appends one code unit in `font`. */
  unit(u: number, font: string): void {
    this.to(font);
    if (this.size === this.units.length) {
      const grown = new Uint16Array(2 * this.size);
      grown.set(this.units);
      this.units = grown;
    }
    this.units[this.size++] = u;
  }

  add(text: string, font: string): void {
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i), font);
  }

  done(): GlyphText {
    if (this.font !== null && this.size > 0) this.runs.push({ end: this.size, font: this.font });
    return { text: unitsToString(this.units, this.size), runs: this.runs };
  }
}

/** The glyphs a page draws, in drawing order (from `page.getOperatorList()`). */
export function glyphStream(
  ops: { fnArray: number[]; argsArray: any[] },
  OPS: { setFont: number; showText: number; showSpacedText: number; nextLineShowText: number; nextLineSetSpacingShowText: number; beginAnnotation?: number; endAnnotation?: number },
): GlyphText {
  const out = new GlyphTextBuilder();
  let font = "";
  let inAnnotation = 0;
  const shows = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    // annotations' appearances are not in the text content this stream is matched against
    if (fn === OPS.beginAnnotation) inAnnotation++;
    else if (fn === OPS.endAnnotation) inAnnotation = Math.max(0, inAnnotation - 1);
    else if (inAnnotation) continue;
    else if (fn === OPS.setFont) font = String(args?.[0] ?? "");
    else if (shows.has(fn)) {
      const glyphs = args?.[args.length - 1];
      if (!Array.isArray(glyphs)) continue;
      for (const g of glyphs) {
        if (g && typeof g === "object" && typeof g.unicode === "string") out.add(g.unicode, font);
      }
    }
  }
  return out.done();
}

/**
 * Whether a code point is a format mark (`\p{Cf}`), kept for the code units below U+10000 as they
 * are asked (0: not asked yet, 1: no, 2: yes): a regex a glyph would cost more than the page.
 * ASCII holds none.
 */
let cfCodes: Uint8Array | null = null;
function isCf(c: number): boolean {
  if (c < 0x80) return false;
  if (c > 0xffff) return /\p{Cf}/u.test(String.fromCodePoint(c));
  cfCodes ??= new Uint8Array(0x10000);
  if (cfCodes[c] === 0) cfCodes[c] = /\p{Cf}/u.test(String.fromCharCode(c)) ? 2 : 1;
  return cfCodes[c] === 2;
}

/** The width in code units of the code point at `i` of `s` (a lone surrogate counts as one, as `for…of` has it). */
const widthAt = (c: number) => (c > 0xffff ? 2 : 1);

/**
 * Puts the format marks pdf.js dropped back into the item texts. Returns how many were put back,
 * or -1 when the two sequences do not line up (the texts are then left as they were).
 */
export function restoreDroppedMarks(texts: string[], glyphs: GlyphText): { texts: string[]; restored: number } {
  const gt = glyphs.text;
  const n = gt.length;
  let any = false;
  for (let k = 0; k < n && !any; k++) any = isCf(gt.codePointAt(k)!);
  if (!any) return { texts, restored: 0 };
  const out: string[] = [];
  let g = 0, restored = 0, misses = 0, chars = 0;
  for (const text of texts) {
    let s = "";
    let from = 0;
    for (let i = 0; i < text.length; ) {
      const c = text.codePointAt(i)!;
      const w = widthAt(c);
      if (isSpaceCode(c)) {
        if (g < n && isSpaceCode(gt.codePointAt(g)!)) g++;
        i += w;
        continue;
      }
      chars++;
      // look ahead a few glyphs (runs of spaces, which pdf.js collapses, do not count)
      let k = g, marks = "", seen = 0;
      while (k < n && seen < 12) {
        const gc = gt.codePointAt(k)!;
        if (gc === c) break;
        if (isCf(gc)) marks += String.fromCodePoint(gc);
        if (!isSpaceCode(gc)) seen++;
        k += widthAt(gc);
      }
      if (k < n && gt.codePointAt(k) === c) {
        if (marks) {
          s += text.slice(from, i) + marks;
          from = i;
          restored += marks.length;
        }
        g = k + w;
      } else misses++;
      i += w;
    }
    out.push(s ? s + text.slice(from) : text);
  }
  if (misses > Math.max(3, chars * 0.05)) return { texts, restored: -1 };
  return { texts: out, restored };
}

/** The code point at `i` of `s` (a lone surrogate as itself), read as a code unit where it is one: `codePointAt` a character cost more than the comparing. */
function codeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? s.codePointAt(i)! : c;
}

/**
 * As {@link restoreDroppedMarks}, for glyphs read without pdf.js (`./content.ts`): only when the
 * two sequences match glyph for glyph (spaces and format marks aside) and every glyph is used, so
 * that the marks land where pdf.js's own glyphs would put them; null otherwise. A text's
 * character that is the next glyph itself (most) is taken at once, the marks and spaces before a
 * glyph looked for only where it is not, and the run of fonts read again only where a glyph
 * passes its end.
 */
export function restoreDroppedMarksExactly(texts: string[], glyphs: GlyphText): { texts: string[]; restored: number; fonts: (string | null)[] } | null {
  const gt = glyphs.text;
  const n = gt.length;
  const runs = glyphs.runs;
  const out: string[] = [];
  // the font of each text's glyphs ("" for none, null for more than one)
  const fonts: (string | null)[] = [];
  let g = 0, r = 0, restored = 0;
  // glyphs before `runEnd` are in run `r`'s font
  let runEnd = -1;
  for (const text of texts) {
    let s = "";
    let from = 0;
    let font: string | null = "";
    // the run whose font `font` has taken in
    let textRun = -1;
    for (let i = 0; i < text.length; ) {
      const c = codeAt(text, i);
      const w = widthAt(c);
      if (isSpaceCode(c)) {
        if (g < n && isSpaceCode(codeAt(gt, g))) g++;
        i += w;
        continue;
      }
      let gc = g < n ? codeAt(gt, g) : -1;
      if (gc !== c || isCf(gc)) {
        let marks = "";
        while (g < n && (isSpaceCode(gc) || isCf(gc))) {
          if (isCf(gc)) marks += String.fromCodePoint(gc);
          g += widthAt(gc);
          gc = g < n ? codeAt(gt, g) : -1;
        }
        if (gc !== c) return null;
        if (marks) {
          s += text.slice(from, i) + marks;
          from = i;
          restored += marks.length;
        }
      }
      if (g >= runEnd) {
        while (runs[r].end <= g) r++;
        runEnd = runs[r].end;
      }
      // a run's font is asked once a text (two names compared a character cost as much as the matching)
      if (r !== textRun) {
        if (font === "") font = runs[r].font;
        else if (font !== runs[r].font) font = null;
        textRun = r;
      }
      g += w;
      i += w;
    }
    out.push(s ? s + text.slice(from) : text);
    fonts.push(font);
  }
  while (g < n) {
    const gc = codeAt(gt, g);
    if (!isSpaceCode(gc) && !isCf(gc)) return null;
    g += widthAt(gc);
  }
  return { texts: out, restored, fonts };
}
