import * as z from "zod";
import { SchemaError } from "../errors.js";
import { isExactRecord } from "./exact.js";
import { Body, DocumentRecord } from "./schema.js";

/**
 * The record checked by zod, as the library's `parse` gives it back: the record itself where zod
 * accepts it and it is exact (`record/exact.ts`: the schema's keys and no other, in the schema's
 * order, so its JSON is the JSON of zod's copy), else zod's copy (unknown keys dropped, keys
 * reordered), or a SchemaError naming the file.
 *
 * zod is asked for its verdict alone (`validate`: no copy of the record is built) on everything but
 * the outline, through its compiled validator; the outline refers to itself, which zod's compiler
 * refuses, so it goes through zod's runtime. Before, `safeParse` built a copy of every record: on a
 * 100-page record (69,444 values) the copy outlived a young collection and was copied again, and
 * validation cost ×1.2–2 per character what it cost on two pages. Records from the pipeline are
 * built afresh by each parse and share no object with another's (tests/record/validate).
 */
export function validateRecord(record: DocumentRecord, path: string | null): DocumentRecord {
  if (isExactRecord(record) && zodAccepts(record)) return record;
  const checked = DocumentRecord.safeParse(record);
  if (!checked.success) {
    throw new SchemaError("schema-violation", `the record does not fit the schema: ${checked.error.message}`, path);
  }
  return checked.data;
}

/** The record's schema without its outline, compiled by zod when first asked (not at import: a worker's start-up does not pay for it). */
let withoutOutline: z.ZodType | null = null;

function zodAccepts(record: DocumentRecord): boolean {
  // an object schema ignores keys it does not name: `body` is left to the second check
  withoutOutline ??= z.compile(DocumentRecord.omit({ body: true }));
  return withoutOutline.validate(record) && Body.validate(record.body);
}
