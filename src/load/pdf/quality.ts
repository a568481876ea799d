/**
 * Whether a page's text layer is real text. Scanners and PDF tools put an invisible OCR layer
 * over a scanned image; when that OCR knew no Vietnamese it reads `UBND TINH KIEN GIANG` or
 * `0v naN NnAx oAN` for `ỦY BAN NHÂN DÂN`. Such a layer is told by its content, without a
 * dictionary: Vietnamese writes a tone or a vowel mark on about half of its words, and never
 * uses letters such as `ä`, `ü` or `ñ`.
 */
import { FOREIGN_LETTERS } from "../../../grammars/pdf.js";
import { isSpaceCode, LETTER, letterClassesBelow2000 } from "../../text/letters.js";
import { multiply } from "./annotations.js";

export interface TextQuality {
  /** words of two letters or more */
  words: number;
  /** of them, words with a Vietnamese mark (a tone, `ă â ê ô ơ ư`, `đ`) and no foreign letter */
  marked: number;
}

const foreignRe = new RegExp(`[${[...FOREIGN_LETTERS].join("")}]`, "u");
const twoLettersRe = /\p{L}\P{L}*\p{L}/u;
const asciiRe = /^[\x00-\x7f]*$/;

/** 0: no word (fewer than two letters), 1: a word, 2: a word that reads as Vietnamese. */
function judge(token: string): 0 | 1 | 2 {
  if (!twoLettersRe.test(token)) return 0;
  // a plain ASCII word has no mark and no foreign letter (and is its own NFC)
  if (asciiRe.test(token)) return 1;
  const nfc = token.normalize("NFC").toLowerCase();
  return !foreignRe.test(nfc) && /[\u0300-\u036f]|đ/u.test(nfc.normalize("NFD")) ? 2 : 1;
}

/** What {@link judge} reads of one code unit: a letter, a foreign letter once lower-cased, a Vietnamese mark once decomposed. */
const LETTER_BIT = 1, FOREIGN_BIT = 2, MARK_BIT = 4;
/**
 * Those bits for the code units of Latin (to U+024F) and of Latin Extended Additional (the
 * Vietnamese letters, U+1E00–U+1EFF), made on first use; 0x80 for a unit outside them and for
 * one that is not its own NFC or lower-cases to more than one unit (`İ`). A token of the others
 * is its own NFC and lower-cases unit by unit, so it is judged from its units as `judge` would
 * judge it whole, without slicing it.
 */
const OTHER = 0x80;
let unitBits: Uint8Array | null = null;
function bitsOf(c: number): number {
  if (!unitBits) {
    unitBits = new Uint8Array(0x1f00).fill(OTHER);
    const letters = letterClassesBelow2000();
    for (let k = 0; k < 0x1f00; k++) {
      const ch = String.fromCharCode(k);
      if ((k >= 0x250 && k < 0x1e00) || ch.normalize("NFC") !== ch || ch.toLowerCase().length !== 1) continue;
      const lower = ch.toLowerCase();
      unitBits[k] = (letters[k] & LETTER ? LETTER_BIT : 0) | (foreignRe.test(lower) ? FOREIGN_BIT : 0) | (/[\u0300-\u036f]|đ/u.test(lower.normalize("NFD")) ? MARK_BIT : 0);
    }
  }
  return c < 0x1f00 ? unitBits[c] : OTHER;
}

/** Counts the words of `text` and those that read as Vietnamese. */
export function textQuality(text: string, seen = new Map<string, 0 | 1 | 2>()): TextQuality {
  let words = 0, marked = 0;
  // the white-space-separated tokens, walked in place: a token of Latin and Vietnamese letters is
  // judged from its units as it goes by; the others once each, a page (and a document: `seen`
  // may be the document's) saying the same syllables again and again
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (isSpaceCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0, bits = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (isSpaceCode(c)) break;
      const b = bitsOf(c);
      if (b & LETTER_BIT) letters++;
      bits |= b;
    }
    let v: 0 | 1 | 2 | undefined;
    if (!(bits & OTHER)) v = letters < 2 ? 0 : bits & FOREIGN_BIT ? 1 : bits & MARK_BIT ? 2 : 1;
    else {
      const token = text.slice(start, i);
      v = seen.get(token);
      if (v === undefined) seen.set(token, (v = judge(token)));
    }
    if (v) words++;
    if (v === 2) marked++;
  }
  return { words, marked };
}

/** pdf.js operator codes that {@link imageCoverage} reads. */
export interface ImageOps {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

/**
 * The largest share of the page (`view`: [x0, y0, x1, y1] in user space) that one image of the
 * page's operator list covers: a scan's page image covers nearly all of it.
 */
export function imageCoverage(ops: { fnArray: number[]; argsArray: any[] }, OPS: ImageOps, view: number[]): number {
  const area = Math.abs((view[2] - view[0]) * (view[3] - view[1])) || 1;
  let ctm: number[] = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  let best = 0;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (args?.[0]) ctm = multiply(args[0], ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (images.has(fn)) {
      // the unit square drawn through the CTM: |det| is its area
      best = Math.max(best, Math.abs(ctm[0] * ctm[3] - ctm[1] * ctm[2]) / area);
    }
  }
  return Math.min(best, 1);
}
