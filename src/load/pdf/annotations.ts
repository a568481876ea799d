/**
 * Text drawn by annotations' appearance streams (signature widgets, form fields, FreeText,
 * stamps). E-office signing tools stamp the số and the day of a document into such appearances,
 * over blanks left in the page (`Số:      /UBND-KGVX`), and pdf.js's `getTextContent` reads only
 * the page's own content. The page's operator list, built with annotations, holds the
 * appearances' drawing operators between `beginAnnotation` and `endAnnotation`: this module follows
 * their text state (matrices, font size, spacing) far enough to place each shown string on the page.
 */
import { pdfItem, type PdfItem } from "./lines.js";

type Matrix = [number, number, number, number, number, number];

/** The pdf.js operator codes this module reads (`pdfjs.OPS`). */
export interface TextOps {
  beginAnnotation: number;
  endAnnotation: number;
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  beginText: number;
  setFont: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  setLeading: number;
  nextLine: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
  showSpacedText: number;
  nextLineShowText: number;
  nextLineSetSpacingShowText: number;
}

/** A piece of text an annotation draws, placed on the page (PDF user space, y up). */
export interface AnnotationText {
  /** pdf.js's id of the annotation (`"621R"`) */
  annotation: string;
  text: string;
  /** baseline start and end, in PDF user space */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** font size as drawn (points) */
  size: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `a × b`, PDF's row-vector convention: a point goes through `a` first. */
export function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
const asMatrix = (v: unknown): Matrix | null => {
  if (!v || typeof v !== "object") return null;
  const a = v as ArrayLike<number>;
  const m = [0, 1, 2, 3, 4, 5].map((i) => Number(a[i]));
  return m.every(Number.isFinite) ? (m as Matrix) : null;
};

interface State {
  ctm: Matrix;
  font: string;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
}

/**
 * The strings drawn inside annotations of an operator list built with annotations
 * (`page.getOperatorList({ annotationMode: AnnotationMode.ENABLE_FORMS })`). `fontMatrix` gives a
 * pdf.js font id's matrix where it is known (Type 3 fonts); others use the standard 1/1000.
 */
export function annotationTexts(
  ops: { fnArray: number[]; argsArray: any[] },
  OPS: TextOps,
  fontMatrix: (font: string) => ArrayLike<number> | null = () => null,
): AnnotationText[] {
  const out: AnnotationText[] = [];
  let depth = 0;
  let annotation = "";
  let st: State = { ctm: IDENTITY, font: "", size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 };
  const stack: State[] = [];
  let tm: Matrix = IDENTITY, tlm: Matrix = IDENTITY;
  const moveText = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (glyphs: unknown) => {
    if (!Array.isArray(glyphs) || st.size === 0) return;
    const fm = fontMatrix(st.font)?.[0] ?? 0.001;
    const start = tm;
    let text = "", adv = 0;
    for (const g of glyphs) {
      if (typeof g === "number") {
        adv -= (g * st.size) / 1000;
        continue;
      }
      if (!g || typeof g !== "object") continue;
      const unicode = typeof g.unicode === "string" ? g.unicode : "";
      text += unicode;
      adv += (Number(g.width) || 0) * fm * st.size + st.charSpacing + (g.isSpace ? st.wordSpacing : 0);
    }
    adv *= st.hScale;
    tm = multiply([1, 0, 0, 1, adv, 0], tm);
    if (!/\S/.test(text)) return;
    const m = multiply(start, st.ctm);
    const [x0, y0] = apply(m, 0, st.rise);
    const [x1, y1] = apply(m, adv, st.rise);
    const size = Math.hypot(m[2], m[3]) * st.size;
    out.push({ annotation, text, x0, y0, x1, y1, size });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.beginAnnotation) {
      if (depth++ === 0) {
        annotation = String(args?.[0] ?? "");
        const transform = asMatrix(args?.[2]) ?? IDENTITY;
        const matrix = asMatrix(args?.[3]) ?? IDENTITY;
        st = { ctm: multiply(matrix, transform), font: "", size: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, rise: 0, leading: 0 };
        stack.length = 0;
        tm = tlm = IDENTITY;
      }
      continue;
    }
    if (fn === OPS.endAnnotation) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) continue;
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform: {
        const m = asMatrix(args);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = asMatrix(args?.[0]);
        if (m) st.ctm = multiply(m, st.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.beginText:
        tm = tlm = IDENTITY;
        break;
      case OPS.setFont:
        st.font = String(args?.[0] ?? "");
        st.size = Number(args?.[1]) || 0;
        break;
      case OPS.setTextMatrix: {
        const m = asMatrix(Array.isArray(args) && args.length === 1 ? args[0] : args);
        if (m) tm = tlm = m;
        break;
      }
      case OPS.moveText:
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.setLeadingMoveText:
        st.leading = -(Number(args?.[1]) || 0);
        moveText(Number(args?.[0]) || 0, Number(args?.[1]) || 0);
        break;
      case OPS.setLeading:
        st.leading = Number(args?.[0]) || 0;
        break;
      case OPS.nextLine:
        moveText(0, -st.leading);
        break;
      case OPS.setCharSpacing:
        st.charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        st.wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setHScale:
        st.hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        st.rise = Number(args?.[0]) || 0;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        show(args?.[0]);
        break;
      case OPS.nextLineShowText:
        moveText(0, -st.leading);
        show(args?.[0]);
        break;
      case OPS.nextLineSetSpacingShowText:
        st.wordSpacing = Number(args?.[0]) || 0;
        st.charSpacing = Number(args?.[1]) || 0;
        moveText(0, -st.leading);
        show(args?.[2]);
        break;
    }
  }
  return out;
}

/**
 * Annotation texts → items in the page's coordinates (`toPage` maps PDF user space to the page as
 * shown, origin top left). Upright text only; a string is split at runs of two or more spaces so
 * that a stamp's columns stay apart.
 */
export function annotationItems(texts: AnnotationText[], toPage: (x: number, y: number) => [number, number]): PdfItem[] {
  const items: PdfItem[] = [];
  for (const t of texts) {
    const [x0, y0] = toPage(t.x0, t.y0);
    const [x1, y1] = toPage(t.x1, t.y1);
    // rotated or vertical text is left out, as for the page's own text
    if (!(x1 > x0) || Math.abs(y1 - y0) > 0.2 * (x1 - x0)) continue;
    const width = x1 - x0;
    const chars = [...t.text];
    let pos = 0;
    for (const part of t.text.split(/(\s{2,})/)) {
      const n = [...part].length;
      if (/\S/.test(part)) {
        const lead = part.length - part.trimStart().length;
        items.push(pdfItem(part.trim(), x0 + (width * (pos + lead)) / chars.length, y0, (width * [...part.trim()].length) / chars.length, t.size, undefined, t.annotation));
      }
      pos += n;
    }
  }
  return items;
}
