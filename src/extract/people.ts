import type { Person } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractPeople(_ctx: ExtractContext): Person[] {
  return [];
}
