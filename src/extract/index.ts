import type { Agency, DateMention, Event, Person, Reference, Task, Warning } from "../record/schema.js";
import { figure } from "../limits.js";
import type { SectionTree } from "../segment/tree.js";
import { extractAgencies, issuerAgencies } from "./agencies.js";
import { makeContext } from "./context.js";
import { extractDates } from "./dates.js";
import { extractEvents } from "./events.js";
import { extractPeople } from "./people.js";
import { extractReferences } from "./references.js";
import { extractTasks } from "./tasks.js";

export type { ExtractContext } from "./context.js";

/** The facts found inside a document. */
export interface Facts {
  dates: DateMention[];
  agencies: Agency[];
  people: Person[];
  references: Reference[];
  tasks: Task[];
  events: Event[];
  warnings: Warning[];
  /** the issuer and its parent in their canonical spelling (as in `agencies`) */
  issuerCanonical: { issuer: string | null; parent: string | null };
}

/**
 * Runs every extractor over the section tree; later ones may use what earlier ones found.
 * `maxFacts` (0: no limit) is the most entries a list keeps: its first ones in document order,
 * and a `facts-truncated` warning. The dates past the limit are not read at all (nor used as a
 * task's deadline): the count the warning gives for dates is a floor.
 */
export function extractFacts(tree: SectionTree, maxFacts = 0): Facts {
  const ctx = makeContext(tree, maxFacts);
  const { dates, warnings } = extractDates(ctx);
  const agencies = extractAgencies(ctx);
  const people = extractPeople(ctx);
  const references = extractReferences(ctx);
  const tasks = extractTasks(ctx, dates, agencies);
  const events = extractEvents(ctx, dates);
  const facts = { dates, agencies, people, references, tasks, events, warnings, issuerCanonical: issuerAgencies(ctx) };
  if (maxFacts > 0) for (const list of FACT_LISTS) cut(facts, list, maxFacts);
  return facts;
}

const FACT_LISTS = ["dates", "agencies", "people", "references", "tasks", "events"] as const;

/** Keeps the first `max` entries of one list, saying how many there were. */
function cut(facts: Facts, list: (typeof FACT_LISTS)[number], max: number): void {
  const found = facts[list].length;
  if (found <= max) return;
  facts[list].length = max;
  const count = list === "dates" ? `more than ${figure(max)}` : figure(found);
  facts.warnings.push({ code: "facts-truncated", message: `the document gives ${count} ${list}; the first ${figure(max)} are kept (--max-facts)`, span: null });
}
