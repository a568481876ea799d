import type { LoadedDocument, SourceLine } from "../load/types.js";
import type { Encoding, Warning } from "../record/schema.js";
import { decodeLegacyLines } from "./encoding.js";
import { MappedText } from "./mapped.js";

/** A logical line of the normalized text. */
export interface NormalizedLine {
  text: string;
  /** [start, end) in the normalized text */
  start: number;
  end: number;
  /** the loader's facts about the first source line it came from (page, block, bold, …) */
  meta: Omit<SourceLine, "text" | "runs">;
  /** side of a two-column layout the line was split from, where the text showed one */
  column?: "left" | "right";
}

export interface NormalizedDocument {
  /** the text every later stage sees and every span points into */
  text: string;
  lines: NormalizedLine[];
  encoding: Encoding;
  warnings: Warning[];
  /** the decoded source text (the loader's lines joined by newlines, after encoding conversion) */
  source: string;
  /** maps an offset in `text` back to `source` */
  toSource(offset: number): number;
}

export function normalize(doc: LoadedDocument): NormalizedDocument {
  const decoded = decodeLegacyLines(doc.lines);
  const source = decoded.lines.map((l) => l.text).join("\n");
  const lines: NormalizedLine[] = [];
  let offset = 0;
  for (const l of decoded.lines) {
    lines.push({ text: l.text, start: offset, end: offset + l.text.length, meta: l });
    offset += l.text.length + 1;
  }
  const mapped = MappedText.of(source);
  return { text: source, lines, encoding: decoded.encoding, warnings: [...doc.warnings, ...decoded.warnings], source, toSource: (o) => mapped.toSource(o) };
}
