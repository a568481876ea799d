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
