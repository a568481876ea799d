/** Every error vanban raises names the file (when there is one) and what is wrong with it. */
export class VanbanError extends Error {
  /** machine-readable: goes into error records of bulk conversion */
  readonly code: string;
  readonly file: string | null;
  constructor(code: string, message: string, file: string | null = null, options?: { cause?: unknown }) {
    super(file ? `${file}: ${message}` : message, options);
    this.name = new.target.name;
    this.code = code;
    this.file = file;
  }
}

/** The file cannot be read at all: missing, unreadable, empty. */
export class InputError extends VanbanError {}

/** The bytes are not a format vanban reads, or not the format they claim to be. */
export class UnsupportedFormatError extends VanbanError {}

/** The file is in a known format but damaged, encrypted or truncated. */
export class CorruptFileError extends VanbanError {}

/** The file needs a tool that is not installed (an OCR engine for a scanned PDF). */
export class MissingDependencyError extends VanbanError {}

/** The produced record does not satisfy the schema: a bug in vanban, never the user's fault. */
export class SchemaError extends VanbanError {}

/** The output cannot be written: disk full, no permission. */
export class OutputError extends VanbanError {}

/** A limit that keeps one file from taking the machine: size, nesting, decompressed bytes, lines. */
export class LimitError extends VanbanError {}

/** Something vanban did not expect: a bug, never the user's fault. The message says where to report it. */
export class InternalError extends VanbanError {}

/** Where an `internal-error` message points the user. */
export const REPORT_HINT = "this is a bug in vanban: please report it on the vanban issue tracker (with the file, if you may share it); VANBAN_DEBUG=1 prints the details";

/**
 * Every code an error (or an error record of `vanban convert`) can carry, with what it means.
 * docs/errors.md is the same catalogue for users; a test keeps the two, and the codes used in
 * src/, in step.
 */
export const ERROR_CODES = {
  // the file
  "no-input": "no document was given (standard input is a terminal)",
  "no-match": "a glob pattern matched no file",
  "no-such-input": "a file or folder named on the command line (or to convert()) does not exist",
  "unreadable-file": "the file cannot be opened: missing, no permission, or a name the system cannot read",
  "is-directory": "a folder was named where a file was expected",
  "not-a-file": "not a regular file: a FIFO, a device, a socket; it is never read",
  "outside-input": "a symbolic link in an input folder that points out of it (not followed without --follow-symlinks)",
  "is-output": "the file is the output of the same run (a path given on standard input); not read",
  "empty-file": "the file has no bytes (or a zip archive has no files)",
  "too-large": "the file, or what it decompresses to, is larger than a limit (the message names it)",
  "limit": "the file is within the size limit but its structure is beyond one (nesting depth, lines, entries); the message names it",
  // its content
  "unsupported-format": "not a format vanban reads (PDF, Word, Excel, PowerPoint, RTF, HTML, text, scans as images); the message names the kind when it is known (a program, another archive, a database)",
  "corrupt-file": "a known format, but damaged",
  "truncated-file": "a known format, cut short",
  "encrypted-file": "the PDF needs a password",
  "encrypted": "a legacy Office file (XLS, PPT) or a zip archive that is password-protected",
  "no-text": "no document text found",
  // OCR
  "ocr-disabled": "a scanned PDF, and OCR was turned off (--no-ocr)",
  "ocr-unavailable": "a scanned PDF, and no OCR engine is installed",
  "ocr-failed": "the OCR engine failed on the page images",
  // a batch (vanban convert) stopping a worker
  "timeout": "the file took longer than --timeout",
  "out-of-memory": "the file needed more memory than --max-memory",
  "worker-crashed": "the worker thread reading the file died",
  // options and output
  "bad-option": "an option or a combination of options that cannot work",
  "bad-output": "an existing output that --resume cannot continue",
  "bad-trust-roots": "the --trust-roots file holds no PEM certificate",
  "output-failed": "the output cannot be written (disk full, no permission, not a folder)",
  // vanban's own faults
  "schema-violation": "the record does not fit the schema (a bug)",
  "internal-error": "an unexpected failure inside vanban (a bug): the message says where to report it",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Library errors whose own words are fit for a user (pdf.js says `Invalid PDF structure.`); JavaScript's are not. */
const RAW_JS = /Cannot read propert|Cannot set propert|is not a function|is not defined|is not iterable|is not a constructor|Invalid (string|array|typed array) length|out of range|Maximum call stack|undefined|\bnull\b|\[object |Unexpected token|ERR_[A-Z_]+/;

/** A third-party error's message when it reads as a reason (one short line, no JavaScript), else null. */
export function readableReason(err: unknown): string | null {
  if (!(err instanceof Error) && typeof err !== "string") return null;
  if (err instanceof TypeError || err instanceof RangeError || err instanceof ReferenceError || err instanceof SyntaxError) return null;
  const text = (typeof err === "string" ? err : err.message).trim().replace(/\.$/, "");
  if (!text || text.length > 200 || text.includes("\n") || RAW_JS.test(text)) return null;
  return text;
}

/** A JavaScript engine limit: deep recursion, a string or buffer too long to make, memory exhausted. */
export function isEngineLimit(err: unknown): boolean {
  if (!(err instanceof RangeError) && !(err instanceof Error && /allocation failed|out of memory/i.test(err.message))) return false;
  return /Maximum call stack|Invalid (string|array|typed array) length|allocation failed|out of memory|Array buffer|too large/i.test((err as Error).message);
}

/**
 * Any failure → a {@link VanbanError} that names the file: kept as is when it is one, a
 * `limit` error for an engine limit (stack, string length), else `internal-error` with a report pointer.
 */
export function toVanbanError(err: unknown, file: string | null, doing = "reading this file"): VanbanError {
  if (err instanceof VanbanError) {
    if (err.file !== null || file === null) return err;
    // raised where the file was not known (a helper shared by loaders): the same error, named
    const named = new (err.constructor as new (code: string, message: string, file: string | null, options?: { cause?: unknown }) => VanbanError)(err.code, err.message, file, { cause: err.cause });
    return named;
  }
  if (isEngineLimit(err)) {
    const what = /call stack/i.test((err as Error).message) ? "nested too deeply" : "too large";
    return new LimitError("limit", `the file is ${what} to read (a limit of the JavaScript engine was reached while ${doing})`, file, { cause: err });
  }
  const kind = err instanceof Error ? err.name : typeof err;
  return new InternalError("internal-error", `an unexpected ${kind} while ${doing}: ${REPORT_HINT}`, file, { cause: err });
}
