import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { Agency, DateMention, DigitalSignature, DocumentRecord, IsoDay, Person, Reference, Signature, Task } from "../record/schema.js";
import { BufferedFile, jsonlLines } from "./journal.js";
import type { ErrorRecord } from "./protocol.js";

/**
 * `--format csv`: related tables for analytics, one row per document in `documents.csv` and one
 * row per item in the others, joined by `doc_id` (the file's sha256). The columns come from the
 * zod schema: nested objects flatten to `parent_child`, spans to `span_start`/`span_end`, lists
 * of strings join with "; ", deeper lists stay JSON.
 */

type AnySchema = z.ZodType & { def: { type: string; innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> }; shape?: Record<string, AnySchema> };

/**
 * A column's one type in every table format (the DuckDB name; Parquet stores the same): ISO days
 * are DATE, integers BIGINT, lists joined with "; " and nested values as JSON are VARCHAR.
 */
export type ColumnType = "VARCHAR" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "DATE";

interface Column {
  name: string;
  type: ColumnType;
  get(value: unknown): unknown;
}

function scalarType(schema: AnySchema): ColumnType {
  const t = schema.def.type;
  if (t === "boolean") return "BOOLEAN";
  if (t === "number" || t === "int") return (schema as unknown as { isInt?: boolean }).isInt || t === "int" ? "BIGINT" : "DOUBLE";
  return schema === (IsoDay as unknown) ? "DATE" : "VARCHAR";
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
        cols.push({ name: `${name}_start`, type: "BIGINT", get: (o) => (at(o, key) as number[] | null)?.[0] });
        cols.push({ name: `${name}_end`, type: "BIGINT", get: (o) => (at(o, key) as number[] | null)?.[1] });
      }
    } else if (SCALARS.has(type)) {
      cols.push({ name, type: scalarType(inner), get: (o) => at(o, key) });
    } else if (type === "object") {
      for (const c of columnsOf(inner, { prefix: `${name}_`, spans })) cols.push({ name: c.name, type: c.type, get: (o) => c.get(at(o, key)) });
    } else if (type === "array" && SCALARS.has(unwrap(inner.def.element!).def.type)) {
      cols.push({ name, type: "VARCHAR", get: (o) => (at(o, key) as unknown[] | undefined)?.join(LIST_SEPARATOR) });
    } else {
      cols.push({ name, type: "VARCHAR", get: (o) => (at(o, key) === undefined ? undefined : JSON.stringify(at(o, key))) });
    }
  }
  return cols;
}

const TMP = `.tmp-${process.pid}`;

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection"): it begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Numbers are never text here, so `-5` stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. With `guard`
 * (the default), a text that a spreadsheet would take for a formula gets a leading `'`, which
 * Excel and LibreOffice show as text and do not evaluate.
 */
export function csvField(value: unknown, guard = true): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (guard && typeof value !== "number" && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRowOf = (fields: unknown[], guard = true) => fields.map((f) => csvField(f, guard)).join(",") + "\r\n";
export const csvRow = (fields: unknown[]) => csvRowOf(fields);

interface Table {
  name: string;
  header: string[];
  /** the type of each column of `header` */
  types: ColumnType[];
  /** rows of one document (for child tables: once per distinct doc_id) */
  rows(rec: DocumentRecord, docId: string): unknown[][];
}

function childTable(name: string, key: keyof DocumentRecord, schema: AnySchema): Table {
  const cols = columnsOf(schema);
  return {
    name,
    header: ["doc_id", "seq", ...cols.map((c) => c.name)],
    types: ["VARCHAR", "BIGINT", ...cols.map((c) => c.type)],
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
  types: [
    "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR",
    ...sourceCols.map((c) => c.type), ...docCols.map((c) => c.type),
    "BIGINT", "BIGINT", ...LISTED_ELSEWHERE.map((): ColumnType => "BIGINT"), "VARCHAR",
  ],
  rows: (rec, docId) => [[
    docId, rec.source.path, "ok", null, null,
    ...sourceCols.map((c) => c.get(rec.source)), ...docCols.map((c) => c.get(rec)),
    rec.body?.text.length ?? 0, rec.body?.items.length ?? 0,
    ...LISTED_ELSEWHERE.map((k) => ((rec as Record<string, unknown>)[k] as unknown[] | undefined)?.length ?? 0),
    [...new Set(rec.warnings.map((w) => w.code))].join(LIST_SEPARATOR),
  ]],
  errorRow: (err) => [err.source.sha256 ?? null, err.source.path, "error", err.error.code, err.error.message, ...sourceCols.map((c) => (c.name === "format" ? err.source.format : null))],
};

export const CHILD_TABLES: Table[] = [
  childTable("tasks", "tasks", Task as unknown as AnySchema),
  childTable("dates", "dates", DateMention as unknown as AnySchema),
  childTable("references", "references", Reference as unknown as AnySchema),
  childTable("agencies", "agencies", Agency as unknown as AnySchema),
  childTable("people", "people", Person as unknown as AnySchema),
  childTable("signatures", "signatures", Signature as unknown as AnySchema),
  childTable("digital_signatures", "digitalSignatures", DigitalSignature as unknown as AnySchema),
  taskAssigneesTable(),
  {
    name: "distribution",
    header: ["doc_id", "seq", "text"],
    types: ["VARCHAR", "BIGINT", "VARCHAR"],
    rows: (rec, docId) => rec.distribution.map((text, i) => [docId, i + 1, text]),
  },
];

export const CSV_TABLES = ["documents", ...CHILD_TABLES.map((t) => t.name)];

/** Tables written only on request. */
export interface TableOptions {
  /** `convert --check`: the records carry `checks` */
  checks?: boolean;
}

const allTables = (options: TableOptions): Table[] => [documentsTable, ...CHILD_TABLES, ...(options.checks ? [checksTable] : [])];

/** `convert --check --format csv`: one row per message of the thể thức check. */
const CHECK_COLUMNS = ["rule", "severity", "part", "message", "gloss", "page"] as const;
const checksTable: Table = {
  name: "checks",
  header: ["doc_id", "seq", ...CHECK_COLUMNS, "span_start", "span_end"],
  types: ["VARCHAR", "BIGINT", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "BIGINT", "BIGINT", "BIGINT"],
  rows: (rec, docId) =>
    (((rec as { checks?: Record<string, unknown>[] }).checks) ?? []).map((m, i) => [docId, i + 1, ...CHECK_COLUMNS.map((c) => m[c]), (m.span as number[] | null)?.[0], (m.span as number[] | null)?.[1]]),
};

/**
 * task_assignees: one row per assignee of a task (`doc_id`, `task_seq` join to tasks' `doc_id`,
 * `seq`), with its canonical spelling, so tasks can be counted per body without splitting lists.
 */
function taskAssigneesTable(): Table {
  return {
    name: "task_assignees",
    header: ["doc_id", "task_seq", "seq", "assignee", "canonical"],
    types: ["VARCHAR", "BIGINT", "BIGINT", "VARCHAR", "VARCHAR"],
    rows: (rec, docId) =>
      rec.tasks.flatMap((t, i) => t.assignee.map((a, j) => [docId, i + 1, j + 1, a, t.assigneeCanonical?.[j] ?? null])),
  };
}

/** Every table, `documents` first, with its columns and their types. */
export function tableSchemas(options: TableOptions = {}): { name: string; header: string[]; types: ColumnType[] }[] {
  return allTables(options).map(({ name, header, types }) => ({ name, header, types }));
}

/**
 * The rows of every table from a journal, as [table index (in tableSchemas order), row].
 * `documents` has one row per input file (an identical copy under another path gets its own row
 * with the same doc_id); the item tables hold each distinct document once.
 */
export function* tableRows(journal: string, options: TableOptions = {}): Generator<[number, unknown[]]> {
  const tables = allTables(options);
  const seen = new Set<string>();
  for (const line of jsonlLines(journal)) {
    if (!line.complete || !line.text.trim()) continue;
    let rec: DocumentRecord | ErrorRecord;
    try {
      rec = JSON.parse(line.text);
    } catch {
      continue;
    }
    if ((rec as { error?: unknown }).error) {
      const row = documentsTable.errorRow(rec as ErrorRecord);
      while (row.length < documentsTable.header.length) row.push(null);
      yield [0, row];
      continue;
    }
    const docId = (rec as DocumentRecord).source.sha256;
    const first = !seen.has(docId);
    seen.add(docId);
    for (let i = 0; i < tables.length; i++) {
      if (i > 0 && !first) continue;
      for (const row of tables[i].rows(rec as DocumentRecord, docId)) yield [i, row];
    }
  }
}

/** Builds the CSV tables from a journal. Returns the rows written per table. */
export function writeCsvTables(journal: string, outDir: string, options: { excel?: boolean; formulaGuard?: boolean } & TableOptions = {}): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const guard = options.formulaGuard !== false;
  const tables = tableSchemas(options);
  // each table is written beside its place and renamed in at the end: a full disk leaves the old
  // tables (or none), never a truncated one
  const files: BufferedFile[] = [];
  const counts: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, 0]));
  try {
    for (const t of tables) {
      const f = new BufferedFile(join(outDir, `${t.name}.csv${TMP}`));
      files.push(f);
      if (options.excel) f.write("\uFEFF");
      f.write(csvRowOf(t.header, guard));
    }
    for (const [i, row] of tableRows(journal, options)) {
      files[i].write(csvRowOf(row, guard));
      counts[tables[i].name]++;
    }
    for (const f of files) f.close();
  } catch (err) {
    for (const f of files) f.discard();
    throw err;
  }
  for (const f of files) renameSync(f.path, f.path.slice(0, -TMP.length));
  writeFileSync(join(outDir, "duckdb.sql"), duckdbScript("csv", options));
  return counts;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * `duckdb.sql` beside the tables: one `CREATE TABLE` a file with every column's declared type,
 * so DuckDB loads them with no guessing and queries need no casts. Paths are relative: run it
 * in the folder (`duckdb vanban.db < duckdb.sql`) or after `SET file_search_path = 'DIR'`.
 */
export function duckdbScript(format: "csv" | "parquet", options: TableOptions = {}): string {
  const out = ["-- vanban tables: load them into DuckDB with their declared types (run in this folder)"];
  for (const t of tableSchemas(options)) {
    const file = sqlString(`${t.name}.${format}`);
    if (format === "parquet") {
      out.push(`CREATE OR REPLACE TABLE "${t.name}" AS SELECT * FROM read_parquet(${file});`);
      continue;
    }
    const columns = t.header.map((h, i) => `${sqlString(h)}: ${sqlString(t.types[i])}`).join(", ");
    out.push(`CREATE OR REPLACE TABLE "${t.name}" AS SELECT * FROM read_csv(${file}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}});`);
  }
  return out.join("\n") + "\n";
}
