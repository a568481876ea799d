import type { DateMention, Warning } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractDates(_ctx: ExtractContext): { dates: DateMention[]; warnings: Warning[] } {
  return { dates: [], warnings: [] };
}
