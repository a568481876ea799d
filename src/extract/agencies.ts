import type { Agency } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractAgencies(_ctx: ExtractContext): Agency[] {
  return [];
}
