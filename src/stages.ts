import { LimitError } from "./errors.js";
import { extractFacts } from "./extract/index.js";
import type { LoadedDocument } from "./load/types.js";
import { normalize, type NormalizedDocument } from "./normalize/index.js";
import { buildRecord } from "./record/build.js";
import type { DocumentRecord } from "./record/schema.js";
import { segment } from "./segment/index.js";
import type { SectionTree } from "./segment/tree.js";

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
  const facts = extractFacts(tree);
  const record = buildRecord({ loaded, normalized, tree, facts, path, sha256 });
  return { record, normalized, tree };
}

/**
 * The most text a document may hold: ten times the longest official document we have seen
 * (a law with its appendices, about 100,000 characters; 400 pages). Every stage is linear, but a
 * file of millions of characters (a 5 MB line, 200,000 list labels) would still take the time of
 * hundreds of documents: it gets a `limit` error instead.
 */
export const MAX_TEXT_CHARS = 1_000_000;
/**
 * The most lines a document may hold: a 400-page document has about 16,000. Each line carries
 * its offsets through the stages (about a kilobyte of working memory): 200,000 one-word lines
 * took 400 MB.
 */
export const MAX_LINES = 50_000;

/**
 * The two limits above, for a caller whose documents are larger (a budget's appendix tables of a
 * thousand pages): a number raises or lowers a limit, 0 lifts it.
 */
export interface TextLimits {
  /** the most characters of text a document may hold (default {@link MAX_TEXT_CHARS}; 0: no limit) */
  maxChars?: number;
  /** the most lines a document may hold (default {@link MAX_LINES}; 0: no limit) */
  maxLines?: number;
}

const figure = (n: number) => n.toLocaleString("en-US");

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
