import type { Reference } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractReferences(_ctx: ExtractContext): Reference[] {
  return [];
}
