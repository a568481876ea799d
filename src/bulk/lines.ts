import { createRequire } from "node:module";
import type { DocumentRecord, SourceFormat } from "../record/schema.js";
import type { ErrorRecord } from "./protocol.js";
import { utf16ToUtf8 } from "../load/utf8.js";

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
 * Where a record's JSON is written as UTF-16 before ICU makes it UTF-8 (load/utf8
 * `utf16ToUtf8`): kept from line to line, grown up to WIDE_MAX bytes; a line's JSON and the keys
 * after it are copied in, the record's closing `}` written over (not spliced into a new string
 * first: that copy of a two-byte string twice the line's size was flattened again by the encoder).
 */
let wide = Buffer.allocUnsafeSlow(1 << 17);
/** Larger lines have a buffer of their own, dropped with them. */
const WIDE_MAX = 1 << 21;

/**
 * The line written for a finished file's record: the record with `"error":null` after its keys,
 * and `checks` before it when given (`convert --check`). The keys are written after the record's
 * own JSON, not into a copy of the record: the copy (26 keys, spread) cost more than the JSON of
 * a short document and V8 kept it in the old generation, ~700 bytes a file for the collector.
 */
export function recordLine(record: DocumentRecord, checks?: unknown): Uint8Array {
  const json = JSON.stringify(record);
  const more = checks === undefined ? ERROR_NULL : `,"checks":${JSON.stringify(checks)}${ERROR_NULL}`;
  // the record's JSON ends with its `}`, one code unit: the rest is written over it
  const bytes = 2 * (json.length - 1 + more.length);
  const units = bytes <= wide.length ? wide : bytes <= WIDE_MAX ? (wide = Buffer.allocUnsafeSlow(Math.min(WIDE_MAX, Math.max(bytes, 2 * wide.length)))) : Buffer.allocUnsafeSlow(bytes);
  units.write(json, 0, "ucs2");
  units.write(more, 2 * (json.length - 1), "ucs2");
  return utf16ToUtf8(units.subarray(0, bytes)) ?? lineBytes(`${json.slice(0, -1)}${more}`);
}

/** The line written for a file that gave no record: the full error record. */
export function errorLine(err: ErrorRecord & { checks?: null }): Uint8Array {
  return lineBytes(JSON.stringify(fullErrorRecord(err)));
}
