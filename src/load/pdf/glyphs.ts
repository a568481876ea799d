/**
 * pdf.js's text content leaves out every glyph whose Unicode value is an invisible format mark
 * (`\p{Cf}`), and a TCVN3 font's `ư` (byte 0xAD) maps to U+00AD, the soft hyphen: `người` comes
 * out as `ngêi` instead of `ng\u00ADêi`. The page's operator list still has every glyph, in the
 * same order as the text content, so the dropped marks are put back by walking both at once.
 */

/** One glyph of a page's operator list: its text and the pdf.js id of its font. */
export interface Glyph {
  ch: string;
  font: string;
}

/** The glyphs a page draws, in drawing order (from `page.getOperatorList()`). */
export function glyphStream(
  ops: { fnArray: number[]; argsArray: any[] },
  OPS: { setFont: number; showText: number; showSpacedText: number; nextLineShowText: number; nextLineSetSpacingShowText: number; beginAnnotation?: number; endAnnotation?: number },
): Glyph[] {
  const out: Glyph[] = [];
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
        if (g && typeof g === "object" && typeof g.unicode === "string") {
          for (const ch of g.unicode) out.push({ ch, font });
        }
      }
    }
  }
  return out;
}

// (ASCII has no format mark, and its white space is tab to carriage return and the space)
const isCf = (ch: string) => ch.charCodeAt(0) >= 0x80 && /\p{Cf}/u.test(ch);
const isSpace = (ch: string) => {
  const c = ch.charCodeAt(0);
  return c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : /\s/u.test(ch);
};

/**
 * Puts the format marks pdf.js dropped back into the item texts, in place. Returns how many were
 * put back, or -1 when the two sequences do not line up (the texts are then left as they were).
 */
export function restoreDroppedMarks(texts: string[], glyphs: Glyph[]): { texts: string[]; restored: number } {
  if (!glyphs.some((g) => isCf(g.ch))) return { texts, restored: 0 };
  const out: string[] = [];
  let g = 0, restored = 0, misses = 0, chars = 0;
  for (const text of texts) {
    let s = "";
    for (const c of text) {
      if (isSpace(c)) {
        s += c;
        if (g < glyphs.length && isSpace(glyphs[g].ch)) g++;
        continue;
      }
      chars++;
      // look ahead a few glyphs (runs of spaces, which pdf.js collapses, do not count)
      let k = g, marks = "", seen = 0;
      while (k < glyphs.length && seen < 12 && glyphs[k].ch !== c) {
        if (isCf(glyphs[k].ch)) marks += glyphs[k].ch;
        if (!isSpace(glyphs[k].ch)) seen++;
        k++;
      }
      if (k < glyphs.length && glyphs[k].ch === c) {
        s += marks + c;
        restored += marks.length;
        g = k + 1;
      } else {
        s += c;
        misses++;
      }
    }
    out.push(s);
  }
  if (misses > Math.max(3, chars * 0.05)) return { texts, restored: -1 };
  return { texts: out, restored };
}

/**
 * As {@link restoreDroppedMarks}, for glyphs read without pdf.js (`./content.ts`): only when the
 * two sequences match glyph for glyph (spaces and format marks aside) and every glyph is used, so
 * that the marks land where pdf.js's own glyphs would put them; null otherwise.
 */
export function restoreDroppedMarksExactly(texts: string[], glyphs: Glyph[]): { texts: string[]; restored: number; fonts: (string | null)[] } | null {
  const out: string[] = [];
  // the font of each text's glyphs ("" for none, null for more than one)
  const fonts: (string | null)[] = [];
  let g = 0, restored = 0;
  for (const text of texts) {
    let s = "";
    let font: string | null = "";
    for (const c of text) {
      if (isSpace(c)) {
        s += c;
        if (g < glyphs.length && isSpace(glyphs[g].ch)) g++;
        continue;
      }
      let marks = "";
      while (g < glyphs.length && (isSpace(glyphs[g].ch) || isCf(glyphs[g].ch))) {
        if (isCf(glyphs[g].ch)) marks += glyphs[g].ch;
        g++;
      }
      if (g >= glyphs.length || glyphs[g].ch !== c) return null;
      s += marks + c;
      restored += marks.length;
      if (font === "") font = glyphs[g].font;
      else if (font !== glyphs[g].font) font = null;
      g++;
    }
    out.push(s);
    fonts.push(font);
  }
  for (; g < glyphs.length; g++) if (!isSpace(glyphs[g].ch) && !isCf(glyphs[g].ch)) return null;
  return { texts: out, restored, fonts };
}
