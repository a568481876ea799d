import { InputError, SchemaError, UnsupportedFormatError } from "../errors.js";
import { detectFormatWith, warnIfMislabelled } from "../load/detect.js";
import { markdownLoader, markdownToDocument, textLoader, textToDocument } from "../load/text.js";
import type { LoadedDocument, Loader, LoadOptions } from "../load/types.js";
import type { DocumentRecord, SourceFormat } from "../record/schema.js";
import { runStages, type TextLimits } from "../stages.js";

/**
 * vanban in a browser (`import { parse } from "vanban/browser"`): the same stages as in Node, with
 * no Node built-in. Text and Markdown are read at once; HTML, RTF, DOCX, XLSX, PPTX and PDF
 * loaders (pdf.js in a web worker) are fetched the first time a file of their kind comes, so
 * text-only use stays small. Word/Excel/PowerPoint 97–2003 files and OCR are Node-only.
 * Every function is async, `parseText` too (sha256 comes from Web Crypto).
 */

export { setPdfAssets } from "./pdf-assets.js";
export * from "../errors.js";
export type * from "../record/schema.js";

export interface ParseOptions extends Pick<LoadOptions, "path" | "maxBytes" | "trustRoots">, TextLimits {
  /** validate the record against the zod schema before returning it (default true; loads zod on demand) */
  validate?: boolean;
}

/** A record and the normalized text its spans (`span: [start, end]`) point into. */
export interface ParsedDocument {
  record: DocumentRecord;
  text: string;
}

const LOADERS: Partial<Record<SourceFormat, () => Promise<Loader>>> = {
  txt: async () => textLoader,
  md: async () => markdownLoader,
  html: async () => (await import("../load/html.js")).htmlLoader,
  rtf: async () => (await import("../load/rtf.js")).rtfLoader,
  docx: async () => (await import("../load/docx.js")).docxLoader,
  xlsx: async () => (await import("../load/xlsx.js")).xlsxLoader,
  pptx: async () => (await import("../load/pptx.js")).pptxLoader,
  pdf: async () => (await import("./pdf.js")).browserPdfLoader,
};

const NODE_ONLY = "is read by vanban in Node only (the browser build has no reader for Office 97–2003 files or OCR)";

function nodeOnly(what: string, file: string | null): never {
  throw new UnsupportedFormatError("unsupported-format", `${what} ${NODE_ONLY}`, file);
}

type Input = Uint8Array | ArrayBuffer | Blob;

async function bytesOf(input: Input, options: ParseOptions): Promise<{ bytes: Uint8Array; options: ParseOptions }> {
  if (input instanceof Uint8Array) return { bytes: input, options };
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input), options };
  const name = (input as File).name;
  return { bytes: new Uint8Array(await input.arrayBuffer()), options: name && !options.path ? { ...options, path: name } : options };
}

/** Reads a file's bytes into positioned lines (the browser's loaders). */
export async function loadDocument(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedDocument> {
  const file = options.path ?? null;
  if (options.maxBytes && bytes.length > options.maxBytes) {
    throw new InputError("too-large", `the file is ${bytes.length} bytes, over the limit of ${options.maxBytes}`, file);
  }
  const format = detectFormatWith(bytes, options.path, () => nodeOnly("a Word, Excel or PowerPoint 97–2003 file", file));
  const loader = LOADERS[format];
  if (!loader) nodeOnly(`an image (${format.toUpperCase()}), whose text only OCR can read,`, file);
  const doc = await (await loader()).load(bytes, options);
  warnIfMislabelled(doc, format, options.path);
  return doc;
}

/** A file (its bytes, or a `File`/`Blob`, whose name is taken as `source.path`) → its record and normalized text. */
export async function parseWithText(input: Input, options: ParseOptions = {}): Promise<ParsedDocument> {
  const { bytes, options: opts } = await bytesOf(input, options);
  const loaded = await loadDocument(bytes, opts);
  return finish(loaded, opts, await sha256(bytes));
}

/** A file (its bytes, or a `File`/`Blob`) → its record, as `parse`/`parseBytes` in Node. */
export async function parse(input: Input, options: ParseOptions = {}): Promise<DocumentRecord> {
  return (await parseWithText(input, options)).record;
}

/** The same as {@link parse}: for code shared with Node, where `parseBytes` takes the bytes. */
export const parseBytes = parse;

/** A document given as text → its record (async in the browser: sha256 comes from Web Crypto). */
export async function parseText(text: string, options: ParseOptions & { format?: "txt" | "md" | "html" } = {}): Promise<DocumentRecord> {
  return (await parseTextWithText(text, options)).record;
}

/** A document given as text → its record and normalized text. */
export async function parseTextWithText(text: string, options: ParseOptions & { format?: "txt" | "md" | "html" } = {}): Promise<ParsedDocument> {
  const format = options.format ?? "txt";
  if (format !== "txt" && format !== "md" && format !== "html") throw new InputError("bad-option", `text given as a string can be read as txt, md, html, not ${String(format)}`, options.path ?? null);
  const loaded: LoadedDocument =
    format === "md" ? markdownToDocument(text) : format === "html" ? (await import("../load/html.js")).htmlToDocument(text, options.path ?? null, options) : textToDocument(text);
  return finish(loaded, options, await sha256(new TextEncoder().encode(text)));
}

async function finish(loaded: LoadedDocument, options: ParseOptions, hash: string): Promise<ParsedDocument> {
  const { record, normalized } = runStages(loaded, options.path ?? null, hash, options);
  if (options.validate === false) return { record, text: normalized.text };
  const { DocumentRecord } = await import("../record/schema.js");
  const checked = DocumentRecord.safeParse(record);
  if (!checked.success) {
    throw new SchemaError("schema-violation", `the record does not fit the schema: ${checked.error.message}`, options.path ?? null);
  }
  return { record: checked.data, text: normalized.text };
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
