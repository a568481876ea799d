import { toVanbanError } from "./errors.js";
import { loadText } from "./load/text-input.js";
import { parseLoaded, sha256, type ParsedRecord, type ParseOptions } from "./pipeline.js";

/**
 * Parses a document given as text (already decoded to a JavaScript string): plain text unless
 * `options.format` says Markdown (`md`) or HTML (`html`). Apart from ./pipeline.js because an HTML
 * string is read synchronously, so its parser is imported with this module: a `convert` worker,
 * which reads bytes, imports it only when its first HTML file comes.
 */
export function parseText(text: string, options: ParseOptions = {}): ParsedRecord {
  try {
    const loaded = loadText(text, options.format, options.path ?? null, options);
    return parseLoaded(loaded, { ...options, sha256: sha256(new TextEncoder().encode(text)) });
  } catch (err) {
    throw toVanbanError(err, options.path ?? null);
  }
}
