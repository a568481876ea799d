import type { DateMention, Event } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractEvents(_ctx: ExtractContext, _dates: DateMention[]): Event[] {
  return [];
}
