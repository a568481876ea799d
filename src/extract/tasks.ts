import type { Agency, DateMention, Task } from "../record/schema.js";
import type { ExtractContext } from "./context.js";

// Placeholder until this extractor lands (issue 3).
export function extractTasks(_ctx: ExtractContext, _dates: DateMention[], _agencies: Agency[]): Task[] {
  return [];
}
