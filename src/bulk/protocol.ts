/** What the main thread and the workers of `vanban convert` say to each other. */

export interface TaskMessage {
  id: number;
  path: string;
}

/** One file's outcome: the JSON line to write, plus what the summary counts. */
export interface TaskResult {
  /**
   * the line to write (the record with `"error":null`, or the full error record), UTF-8, without
   * the newline: encoded in the worker and moved to the main thread (transferred, not copied), so
   * the main thread never builds a document's JSON as a string — a record of a 1 MB text is
   * ~10 MB of JSON, and as strings it was copied four times on the way to the disk
   */
  bytes: Uint8Array;
  ok: boolean;
  path: string;
  sha256: string | null;
  format: string | null;
  encoding?: string;
  /** document type code (`CV`, `QĐ`, …), null when not found */
  type?: string | null;
  pages?: number | null;
  /** for failures: machine-readable code and the reason */
  code?: string;
  message?: string;
}

/** The line written for a file that gave no record. */
export interface ErrorRecord {
  source: { path: string; sha256?: string; format?: string };
  error: { code: string; message: string };
}

export function errorRecord(path: string, code: string, message: string, sha256?: string, format?: string): ErrorRecord {
  const source: ErrorRecord["source"] = { path };
  if (sha256) source.sha256 = sha256;
  if (format) source.format = format;
  return { source, error: { code, message } };
}
