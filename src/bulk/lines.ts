import { createRequire } from "node:module";
import type { DocumentRecord, SourceFormat } from "../record/schema.js";
import type { ErrorRecord } from "./protocol.js";

/**
 * The lines `vanban convert` writes all have the same top-level keys, whatever the data, so a
 * query over several part files (DuckDB, Spark, pandas) sees one schema: a record carries
 * `"error": null`; an error record carries every key of a record, lists empty and the rest null,
 * with its `source` (path, and sha256 and format when known) and `error` ({code, message}).
 */

/** A record as `convert` writes it. */
export type ConvertedRecord = DocumentRecord & { error: null };

type Blank<T> = { [K in keyof T]: T[K] extends unknown[] ? [] : null };

/** A file that gave no record, as `convert` writes it. */
export type ConvertError = Blank<Omit<DocumentRecord, "schemaVersion" | "source">> & {
  schemaVersion: DocumentRecord["schemaVersion"];
  source: { path: string; format: SourceFormat | null; sha256: string | null; pages: null; encoding: null; ocr: null };
  error: { code: string; message: string };
};

/** One line of `convert`'s output: `error` is null for a record. */
export type ConvertLine = ConvertedRecord | ConvertError;

/**
 * The keys of a record besides `schemaVersion` and `source`, blank: lists empty, the rest null.
 * Read from the published JSON Schema (generated from the zod schema; a test keeps the two equal),
 * not from zod itself: the main thread of `convert` writes error records and need not load zod.
 */
const BLANK: Record<string, unknown> = Object.fromEntries(
  Object.entries((createRequire(import.meta.url)("vanban/schema.json") as { properties: Record<string, { type?: unknown }> }).properties)
    .filter(([key]) => key !== "schemaVersion" && key !== "source")
    .map(([key, schema]) => [key, schema.type === "array" ? [] : null]),
);

/** An error record with every top-level key of a record. */
export function fullErrorRecord(err: ErrorRecord): ConvertError {
  const { path, format, sha256, ...moreSource } = err.source as ErrorRecord["source"] & { sha256?: string | null; format?: string | null };
  const { code, message, ...moreError } = err.error;
  return {
    schemaVersion: "1",
    // anything else the error record says (in `source` or `error`) is kept, after the fixed keys
    source: { path, format: (format ?? null) as SourceFormat | null, sha256: sha256 ?? null, pages: null, encoding: null, ocr: null, ...moreSource },
    ...(BLANK as Blank<Omit<DocumentRecord, "schemaVersion" | "source">>),
    // `convert --check`: records carry `checks`, so error records do too
    ...("checks" in err ? { checks: null } : {}),
    error: { code, message, ...moreError },
  };
}

const encoder = new TextEncoder();

/**
 * The bytes of a line, in a buffer of their own (never a slice of a shared pool), so they can be
 * transferred to another thread.
 */
function lineBytes(json: string): Uint8Array {
  return encoder.encode(json);
}

/** What a record's line ends with, after the record's own keys. */
const ERROR_NULL = ',"error":null}';

/**
 * Where a record's JSON is encoded before its bytes are copied out: kept from line to line (grown
 * up to SCRATCH_MAX), so a line costs one encoding and one copy of exactly its bytes — the string
 * spliced first (`json.slice(0, -1) + …`) was a second copy of a two-byte string twice the line's
 * size, flattened again by the encoder (encoding 49 → 21 µs a two-page record, 29 KB)
 */
let scratch = new Uint8Array(1 << 16);
/** Larger records are encoded from the spliced string: their parse costs far more than the copy. */
const SCRATCH_MAX = 1 << 20;

/**
 * The line written for a finished file's record: the record with `"error":null` after its keys,
 * and `checks` before it when given (`convert --check`). The keys are written after the record's
 * own JSON, not into a copy of the record: the copy (26 keys, spread) cost more than the JSON of
 * a short document and V8 kept it in the old generation, ~700 bytes a file for the collector.
 */
export function recordLine(record: DocumentRecord, checks?: unknown): Uint8Array {
  const json = JSON.stringify(record);
  const more = checks === undefined ? ERROR_NULL : `,"checks":${JSON.stringify(checks)}${ERROR_NULL}`;
  // UTF-8 takes at most three bytes a UTF-16 unit
  const most = 3 * (json.length + more.length);
  if (most > SCRATCH_MAX) return lineBytes(`${json.slice(0, -1)}${more}`);
  if (most > scratch.length) scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(most, 2 * scratch.length)));
  // the record's JSON ends with its `}`, one byte: the rest is written over it
  const end = encoder.encodeInto(json, scratch).written - 1;
  return scratch.slice(0, end + encoder.encodeInto(more, scratch.subarray(end)).written);
}

/** The line written for a file that gave no record: the full error record. */
export function errorLine(err: ErrorRecord & { checks?: null }): Uint8Array {
  return lineBytes(JSON.stringify(fullErrorRecord(err)));
}
