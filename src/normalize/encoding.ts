import type { Encoding, Warning } from "../record/schema.js";
import type { SourceLine } from "../load/types.js";

/**
 * Legacy Vietnamese encodings → Unicode, per document and, where a loader knows fonts, per run.
 * Placeholder until the encoding tables land: text passes through as Unicode.
 */
export function decodeLegacyLines(lines: SourceLine[]): { lines: SourceLine[]; encoding: Encoding; warnings: Warning[] } {
  return { lines, encoding: "unicode", warnings: [] };
}
