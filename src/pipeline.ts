import { readRegularFile } from "./load/file.js";
import type { LoadedDocument, LoadOptions } from "./load/types.js";
import type { DocumentRecord } from "./record/schema.js";
import { validateRecord } from "./record/validate.js";
import { runBytes, runLoaded, type ParsedStages } from "./run.js";
import type { ExplainLine } from "./segment/index.js";
import type { TextLimits } from "./stages.js";

export { sha256, type ParsedStages } from "./run.js";

export interface ParseOptions extends LoadOptions, TextLimits {
  /** validate the record against the zod schema before returning it (default true) */
  validate?: boolean;
  /**
   * also return why each line became what it became, as `record.explain`: every line of the
   * normalized text with its class, the rule that classed it, and the roles rules gave it
   * (the trace `vanban parse --explain` prints). Not part of the record's schema; absent by default.
   */
  explain?: boolean;
}

/** The record, with `explain` when {@link ParseOptions.explain} asked for it. */
export type ParsedRecord = DocumentRecord & { explain?: ExplainLine[] };

/**
 * Parses a document. `input` is a file path, or the file's bytes (give `options.path` so errors
 * and `source.path` can name it). Rejects with a {@link VanbanError} subclass naming the file.
 */
export async function parse(input: string | Uint8Array, options: ParseOptions = {}): Promise<ParsedRecord> {
  if (typeof input === "string") return parseBytes(await readDocumentFile(input, options.maxBytes), { ...options, path: input });
  return parseBytes(input, options);
}

/**
 * A document file's bytes, or an {@link InputError} that names the file and says why not. Only
 * regular files are read (a FIFO or a device is `not-a-file`); `maxBytes` is checked before reading.
 */
export async function readDocumentFile(path: string, maxBytes?: number): Promise<Uint8Array> {
  return readRegularFile(path, { maxBytes });
}

/** Parses a file's bytes. */
export async function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParsedRecord> {
  const stages = checked(await runBytes(bytes, options), options);
  return options.explain ? { ...stages.record, explain: stages.tree.explain() } : stages.record;
}

/** Runs the stages after loading: normalize → segment → extract → record. */
export function parseLoaded(loaded: LoadedDocument, options: ParseOptions & { sha256: string }): ParsedRecord {
  const { tree, record } = parseStages(loaded, options);
  return options.explain ? { ...record, explain: tree.explain() } : record;
}

/** As {@link parseLoaded}, keeping each stage's output. */
export function parseStages(loaded: LoadedDocument, options: ParseOptions & { sha256: string }): ParsedStages {
  return checked(runLoaded(loaded, options), options);
}

function checked(stages: ParsedStages, options: ParseOptions): ParsedStages {
  if (options.validate === false) return stages;
  return { ...stages, record: validateRecord(stages.record, options.path ?? null) };
}

