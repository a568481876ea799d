import { createHash } from "node:crypto";
import { toVanbanError } from "./errors.js";
import { loadDocument } from "./load/index.js";
import type { LoadedDocument, LoadOptions } from "./load/types.js";
import type { NormalizedDocument } from "./normalize/index.js";
import type { DocumentRecord } from "./record/schema.js";
import { runStages, type TextLimits } from "./stages.js";
import type { SectionTree } from "./segment/tree.js";

/**
 * The Node pipeline without the schema check: bytes → loaded document → stages → record. Apart
 * from ./pipeline.js, which adds the zod check, because zod is a third of a `convert` worker's
 * start-up (~70 ms CPU of ~220) and a worker checks its records with the compiled check of
 * record/exact.ts, loading zod only for a record that is not exactly in the schema's form.
 */

/** Every stage's output, for stages that read more than the record (`check`). */
export interface ParsedStages {
  loaded: LoadedDocument;
  normalized: NormalizedDocument;
  tree: SectionTree;
  record: DocumentRecord;
}

/** Loads a file's bytes and runs the stages; whatever fails, a VanbanError naming the file. */
export async function runBytes(bytes: Uint8Array, options: LoadOptions & TextLimits = {}): Promise<ParsedStages> {
  try {
    const loaded = await loadDocument(bytes, options);
    return runLoaded(loaded, { ...options, sha256: sha256(bytes) });
  } catch (err) {
    throw toVanbanError(err, options.path ?? null);
  }
}

/** Runs the stages after loading: normalize → segment → extract → record. */
export function runLoaded(loaded: LoadedDocument, options: TextLimits & { path?: string | null; sha256: string }): ParsedStages {
  const { normalized, tree, record } = runStages(loaded, options.path ?? null, options.sha256, options);
  return { loaded, normalized, tree, record };
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
