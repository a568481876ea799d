import { InputError } from "../errors.js";
import type { TextLimits } from "../limits.js";
import type { SourceFormat } from "../record/schema.js";
// html imported up front here: an HTML string is read synchronously (parseText); the loaders
// by bytes (./index.js) import it when the first HTML file comes
import { htmlToDocument } from "./html.js";
import { markdownToDocument, textToDocument } from "./text.js";
import type { LoadedDocument } from "./types.js";

/** The formats a document given as a string can be in. */
export const TEXT_FORMATS = ["txt", "md", "html"] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

/** A document already decoded to a string, read as the format the caller names (default plain text). */
export function loadText(text: string, format: SourceFormat = "txt", file: string | null = null, limits: TextLimits = {}): LoadedDocument {
  if (format === "md") return markdownToDocument(text);
  if (format === "html") return htmlToDocument(text, file, limits);
  if (format === "txt") return textToDocument(text);
  throw new InputError("bad-option", `text given as a string can be read as ${TEXT_FORMATS.join(", ")}, not ${format} (give a ${format} file's bytes to parseBytes)`, file);
}
