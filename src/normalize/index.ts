import type { LoadedDocument, SourceLine } from "../load/types.js";
import type { Encoding, Warning } from "../record/schema.js";
import { decodeLegacyLines } from "./encoding/index.js";
import { dropPortalTitle, splitFlattened } from "./flattened.js";
import { dropLitter, joinWrapped, lineMeta, type LineMeta, splitColumns, tidySpaces, WorkLine } from "./layout.js";
import { MappedText } from "./mapped.js";
import { dropOcrSpecks, fixOcrMarks, splitGluedSyllables } from "./ocr-marks.js";
import { cleanInvisible, composeNfc, glueSplitSyllables, LINE_SHAPE, lineShape, stripEmphasis } from "./unicode.js";

/** A logical line of the normalized text. */
export interface NormalizedLine {
  text: string;
  /** [start, end) in the normalized text */
  start: number;
  end: number;
  /** the loader's facts about the first source line it came from (page, block, bold, …); its text and runs are not read through it */
  meta: LineMeta;
  /** side of a two-column layout the line was split from, where the text showed one */
  column?: "left" | "right";
}

export interface NormalizedDocument {
  /** the text every later stage sees and every span points into */
  text: string;
  lines: NormalizedLine[];
  encoding: Encoding;
  /**
   * The text is in NFC, as its lines' code units tell (none that NFC may change: every line the
   * steps read was in NFC whatever surrounds it, and they cut, join and take out, and put in only
   * spaces and line breaks); false where they do not tell (a line with such a code unit, a text read
   * by OCR, whose fixes put words in), not that it is not. Segment then asks no normalization check
   * of the whole text (ICU's, ~72 k instructions a two-page document).
   */
  inNfc: boolean;
  warnings: Warning[];
  /** the decoded source text (the loader's lines joined by newlines, after encoding conversion) */
  source: string;
  /** maps an offset in `text` back to `source` */
  toSource(offset: number): number;
}

/** A line's shape not read yet (a shape is a set of LINE_SHAPE bits, never negative). */
const UNREAD = -1;

/** Character-level steps, applied in order to every line. */
const CHARACTER_STEPS: ((t: MappedText) => MappedText)[] = [cleanInvisible, composeNfc, glueSplitSyllables, stripEmphasis];

/**
 * Encoding, Unicode, whitespace and layout, one small step at a time, keeping for every
 * character of the result the offset in the source it came from.
 */
export function normalize(doc: LoadedDocument): NormalizedDocument {
  const warnings: Warning[] = [...doc.warnings];
  // most lines hold nothing any step changes: one pass over each says so, and whether it holds a
  // mark of legacy text, which the decoding asks before it looks for one itself (it would have
  // read every line of a Unicode document once more); a document in a legacy font is decoded
  // without asking, and its lines' shapes are read only of those it leaves as they were (a TCVN3
  // document's every line is read after its decoding: before, it was read twice)
  // as wide as a shape's bits may grow (LINE_SHAPE): a byte would drop a ninth bit without a word
  const shapes = new Int32Array(doc.lines.length).fill(UNREAD);
  const shapeOf = (i: number) => (shapes[i] !== UNREAD ? shapes[i] : (shapes[i] = lineShape(doc.lines[i].text)));
  const marked = () => {
    let anyShape = 0;
    for (let i = 0; i < doc.lines.length; i++) anyShape |= shapeOf(i);
    return (anyShape & LINE_SHAPE.LEGACY_MARK) !== 0;
  };
  // OCR writes Unicode: its misreadings must not be taken for a legacy encoding
  const decoded = doc.ocr
    ? { lines: doc.lines, encoding: "unicode" as const, warnings: [] }
    : decodeLegacyLines(doc.lines, marked);
  warnings.push(...decoded.warnings);

  let offset = 0;
  // the shapes of the lines the steps read, or-ed
  let read = 0;
  let lines: WorkLine[] = decoded.lines.map((l, i) => {
    const text = l.text;
    // its facts in one shape for every line (an object rest, without text and runs, cost more
    // than all the steps on most lines; fields written out cost one small object)
    const meta = lineMeta(l);
    let t = MappedText.of(text, offset);
    offset += text.length + 1;
    // a line the decoding left as it was (the same object) has its shape already
    const shape = l === doc.lines[i] ? shapeOf(i) : lineShape(text);
    read |= shape;
    if (shape & (LINE_SHAPE.CHANGED | LINE_SHAPE.MAY_SPLIT)) for (const step of CHARACTER_STEPS) t = step(t);
    if (doc.ocr) t = fixOcrMarks(splitGluedSyllables(dropOcrSpecks(t)));
    return new WorkLine(t, meta, undefined, t.text === text && !(shape & LINE_SHAPE.LOOSE_SPACES) ? shape : undefined);
  });

  // the steps below only cut, join and take out: their lines' keys are made without asking NFC's check
  const inNfc = !doc.ocr && !(read & LINE_SHAPE.NFC_UNSURE);
  lines = splitColumns(lines).map(tidySpaces);
  lines = dropPortalTitle(splitFlattened(lines, inNfc), warnings, inNfc);
  lines = dropLitter(lines, warnings);
  lines = joinWrapped(lines, inNfc);

  const out: NormalizedLine[] = [];
  const texts: string[] = [];
  let at = 0;
  for (const l of lines) {
    const text = l.t.text;
    out.push({ text, start: at, end: at + text.length, meta: l.meta, column: l.column });
    texts.push(text);
    at += text.length + 1;
  }
  const text = texts.join("\n");
  // the document's one map, made when an offset is first traced back (the parser itself traces
  // none): most lines map one to one and hold no array until then
  let mapped: MappedText | undefined;
  const pieces = lines.map((l) => l.t);
  const toSource = (o: number) => (mapped ??= MappedText.join(pieces, "\n")).toSource(o);
  const result = { text, lines: out, encoding: decoded.encoding, inNfc, warnings, toSource };
  // the source text, joined when first asked for (tests and tools; the parser never asks)
  Object.defineProperty(result, SOURCE_LINES, { value: { lines: decoded.lines, joined: undefined } satisfies SourceState });
  Object.defineProperty(result, "source", { get: joinedSource, enumerable: true, configurable: true });
  return result as NormalizedDocument;
}

/** Where a normalized document keeps the lines its `source` is joined from (not enumerable: no copy or JSON shows it). */
const SOURCE_LINES = Symbol("source lines");
interface SourceState {
  lines: SourceLine[];
  joined: string | undefined;
}

/**
 * `source`, one getter for every document. A getter written in the returned object literal was a
 * new function each document, and V8 gave each document a hidden class of its own to hold it: the
 * class is made in the old generation, and through the getter's closure it kept the document's
 * lines alive across young collections until the next full one. A worker promoted a document's
 * worth of objects each file (one-line files: 12 MB over 20,000 in one thread against 1.4 without
 * normalize's result), and its old space grew with the batch.
 */
function joinedSource(this: { [SOURCE_LINES]: SourceState }): string {
  const state = this[SOURCE_LINES];
  return (state.joined ??= state.lines.map((l) => l.text).join("\n"));
}
