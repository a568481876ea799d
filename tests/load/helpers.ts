import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LoadedDocument, SourceLine } from "../../src/load/types.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (p: string) => join(root, "fixtures", p);
export const bytesOf = (p: string) => new Uint8Array(readFileSync(fixture(p)));

export const texts = (lines: SourceLine[]) => lines.map((l) => l.text);
export const inBlock = (doc: LoadedDocument, block: SourceLine["block"]) => texts(doc.lines.filter((l) => l.block === block));
export const line = (doc: LoadedDocument, start: string) => doc.lines.find((l) => l.text.startsWith(start));

/** Runs, where given, concatenate to the line's text. */
export function runsConsistent(doc: LoadedDocument): string[] {
  return doc.lines.filter((l) => l.runs && l.runs.map((r) => r.text).join("") !== l.text).map((l) => l.text);
}
