import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { Agency, DateMention, DigitalSignature, DocumentRecord, Person, Reference, Signature, Task } from "../record/schema.js";
import { BufferedFile, jsonlLines } from "./journal.js";
import type { ErrorRecord } from "./protocol.js";

/**
 * `--format csv`: related tables for analytics, one row per document in `documents.csv` and one
 * row per item in the others, joined by `doc_id` (the file's sha256). The columns come from the
 * zod schema: nested objects flatten to `parent_child`, spans to `span_start`/`span_end`, lists
 * of strings join with "; ", deeper lists stay JSON.
 */

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> }; shape?: Record<string, AnySchema> };

interface Column {
  name: string;
  get(value: unknown): unknown;
}

/** Separator of list values inside one cell. */
export const LIST_SEPARATOR = "; ";

const snake = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s.def.type === "nullable" || s.def.type === "optional") s = s.def.innerType!;
  return s;
}

const SCALARS = new Set(["string", "number", "boolean", "enum", "literal", "int"]);

const at = (obj: unknown, key: string): unknown => (obj && typeof obj === "object" ? (obj as Record<string, unknown>)[key] : undefined);

/** The columns of an object schema, flattened. `skip` leaves keys out (e.g. those with their own table). */
export function columnsOf(schema: AnySchema, options: { prefix?: string; skip?: string[]; spans?: boolean } = {}): Column[] {
  const { prefix = "", skip = [], spans = true } = options;
  const shape = unwrap(schema).def.shape ?? {};
  const cols: Column[] = [];
  for (const [key, raw] of Object.entries(shape)) {
    if (skip.includes(key)) continue;
    const inner = unwrap(raw);
    const name = prefix + snake(key);
    const type = inner.def.type;
    if (key === "span" && type === "tuple") {
      if (spans) {
        cols.push({ name: `${name}_start`, get: (o) => (at(o, key) as number[] | null)?.[0] });
        cols.push({ name: `${name}_end`, get: (o) => (at(o, key) as number[] | null)?.[1] });
      }
    } else if (SCALARS.has(type)) {
      cols.push({ name, get: (o) => at(o, key) });
    } else if (type === "object") {
      for (const c of columnsOf(inner, { prefix: `${name}_`, spans })) cols.push({ name: c.name, get: (o) => c.get(at(o, key)) });
    } else if (type === "array" && SCALARS.has(unwrap(inner.def.element!).def.type)) {
      cols.push({ name, get: (o) => (at(o, key) as unknown[] | undefined)?.join(LIST_SEPARATOR) });
    } else {
      cols.push({ name, get: (o) => (at(o, key) === undefined ? undefined : JSON.stringify(at(o, key))) });
    }
  }
  return cols;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (fields: unknown[]) => fields.map(csvField).join(",") + "\r\n";

interface Table {
  name: string;
  header: string[];
  /** rows of one document (for child tables: once per distinct doc_id) */
  rows(rec: DocumentRecord, docId: string): unknown[][];
}

function childTable(name: string, key: keyof DocumentRecord, schema: AnySchema): Table {
  const cols = columnsOf(schema);
  return {
    name,
    header: ["doc_id", "seq", ...cols.map((c) => c.name)],
    rows: (rec, docId) => ((rec[key] as unknown[]) ?? []).map((item, i) => [docId, i + 1, ...cols.map((c) => c.get(item))]),
  };
}

/** documents.csv: the record's header parts; lists of objects are counted here, listed in their own tables. */
const LISTED_ELSEWHERE = ["signatures", "distribution", "footnotes", "appendices", "dates", "agencies", "people", "references", "tasks", "events", "digitalSignatures", "warnings"];
const docSchema = DocumentRecord as unknown as AnySchema;
const sourceCols = columnsOf(docSchema.def.shape!.source, { skip: ["path", "sha256"] });
const docCols = columnsOf(docSchema, { skip: ["schemaVersion", "source", "body", ...LISTED_ELSEWHERE], spans: false });

const documentsTable: Table & { errorRow(err: ErrorRecord): unknown[] } = {
  name: "documents",
  header: [
    "doc_id", "path", "status", "error_code", "error_message",
    ...sourceCols.map((c) => c.name), ...docCols.map((c) => c.name),
    "body_chars", "body_items", ...LISTED_ELSEWHERE.map((k) => `n_${snake(k)}`), "warning_codes",
  ],
  rows: (rec, docId) => [[
    docId, rec.source.path, "ok", null, null,
    ...sourceCols.map((c) => c.get(rec.source)), ...docCols.map((c) => c.get(rec)),
    rec.body?.text.length ?? 0, rec.body?.items.length ?? 0,
    ...LISTED_ELSEWHERE.map((k) => ((rec as Record<string, unknown>)[k] as unknown[] | undefined)?.length ?? 0),
    [...new Set(rec.warnings.map((w) => w.code))].join(LIST_SEPARATOR),
  ]],
  errorRow: (err) => [err.source.sha256 ?? "", err.source.path, "error", err.error.code, err.error.message, ...sourceCols.map((c) => (c.name === "format" ? err.source.format : null))],
};

export const CHILD_TABLES: Table[] = [
  childTable("tasks", "tasks", Task as unknown as AnySchema),
  childTable("dates", "dates", DateMention as unknown as AnySchema),
  childTable("references", "references", Reference as unknown as AnySchema),
  childTable("agencies", "agencies", Agency as unknown as AnySchema),
  childTable("people", "people", Person as unknown as AnySchema),
  childTable("signatures", "signatures", Signature as unknown as AnySchema),
  childTable("digital_signatures", "digitalSignatures", DigitalSignature as unknown as AnySchema),
  {
    name: "distribution",
    header: ["doc_id", "seq", "text"],
    rows: (rec, docId) => rec.distribution.map((text, i) => [docId, i + 1, text]),
  },
];

export const CSV_TABLES = ["documents", ...CHILD_TABLES.map((t) => t.name)];

/**
 * Builds the tables from a journal. `documents.csv` has one row per input file (an identical copy
 * under another path gets its own row with the same doc_id); the item tables hold each distinct
 * document once. Returns the rows written per table.
 */
export function writeCsvTables(journal: string, outDir: string, options: { excel?: boolean } = {}): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const tables = [documentsTable, ...CHILD_TABLES];
  const files = tables.map((t) => {
    const f = new BufferedFile(join(outDir, `${t.name}.csv`));
    if (options.excel) f.write("\uFEFF");
    f.write(csvRow(t.header));
    return f;
  });
  const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
  const seen = new Set<string>();
  try {
    for (const line of jsonlLines(journal)) {
      if (!line.complete || !line.text.trim()) continue;
      let rec: DocumentRecord | ErrorRecord;
      try {
        rec = JSON.parse(line.text);
      } catch {
        continue;
      }
      if ("error" in rec) {
        const row = documentsTable.errorRow(rec);
        while (row.length < documentsTable.header.length) row.push(null);
        files[0].write(csvRow(row));
        counts.documents++;
        continue;
      }
      const docId = rec.source.sha256;
      const first = !seen.has(docId);
      seen.add(docId);
      tables.forEach((t, i) => {
        if (i > 0 && !first) return;
        for (const row of t.rows(rec as DocumentRecord, docId)) {
          files[i].write(csvRow(row));
          counts[t.name]++;
        }
      });
    }
  } finally {
    for (const f of files) f.close();
  }
  return counts;
}
