import { LimitError } from "./errors.js";
import { figure, MAX_FACTS, MAX_LINES, MAX_TEXT_CHARS, type TextLimits } from "./limits.js";
import { extractFacts } from "./extract/index.js";
import type { LoadedDocument } from "./load/types.js";
import { normalize, type NormalizedDocument } from "./normalize/index.js";
import { buildRecord } from "./record/build.js";
import type { DocumentRecord } from "./record/schema.js";
import { segment } from "./segment/index.js";
import type { SectionTree } from "./segment/tree.js";

export { MAX_FACTS, MAX_LINES, MAX_TEXT_CHARS, type TextLimits } from "./limits.js";

/**
 * The stages after loading — normalize → segment → extract → record — with no Node built-in and
 * no schema validation, shared by the Node pipeline and the browser entry. The normalized text
 * comes back too: every span of the record points into it.
 */
export function runStages(
  loaded: LoadedDocument, path: string | null, sha256: string, limits: TextLimits = {},
): { record: DocumentRecord; normalized: NormalizedDocument; tree: SectionTree } {
  checkTextSize(loaded, path, limits);
  const normalized = normalize(loaded);
  const tree = segment(normalized);
  const facts = extractFacts(tree, limits.maxFacts ?? MAX_FACTS);
  const record = buildRecord({ loaded, normalized, tree, facts, path, sha256 });
  return { record, normalized, tree };
}


function checkTextSize(loaded: LoadedDocument, path: string | null, limits: TextLimits): void {
  const maxLines = limits.maxLines ?? MAX_LINES;
  const maxChars = limits.maxChars ?? MAX_TEXT_CHARS;
  if (maxLines > 0 && loaded.lines.length > maxLines) {
    throw new LimitError("limit", `the document has ${figure(loaded.lines.length)} lines, over the limit of ${figure(maxLines)} (--max-lines; no official document comes near the default)`, path);
  }
  if (maxChars <= 0) return;
  let chars = 0;
  for (const line of loaded.lines) chars += line.text.length;
  if (chars > maxChars) {
    throw new LimitError("limit", `the document's text is ${figure(chars)} characters long, over the limit of ${figure(maxChars)} (--max-chars; no official document comes near the default)`, path);
  }
}
