import type { Agency, DateMention, Event, Person, Reference, Task, Warning } from "../record/schema.js";
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

/** Runs every extractor over the section tree; later ones may use what earlier ones found. */
export function extractFacts(tree: SectionTree): Facts {
  const ctx = makeContext(tree);
  const { dates, warnings } = extractDates(ctx);
  const agencies = extractAgencies(ctx);
  const people = extractPeople(ctx);
  const references = extractReferences(ctx);
  const tasks = extractTasks(ctx, dates, agencies);
  const events = extractEvents(ctx, dates);
  return { dates, agencies, people, references, tasks, events, warnings, issuerCanonical: issuerAgencies(ctx) };
}
