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
export function runStages(loaded: LoadedDocument, path: string | null, sha256: string): { record: DocumentRecord; normalized: NormalizedDocument; tree: SectionTree } {
  const normalized = normalize(loaded);
  const tree = segment(normalized);
  const facts = extractFacts(tree);
  const record = buildRecord({ loaded, normalized, tree, facts, path, sha256 });
  return { record, normalized, tree };
}
