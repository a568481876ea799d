import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { textToLines } from "../src/load/text.js";
import type { LoadedDocument, SourceLine } from "../src/load/types.js";
import { normalize } from "../src/normalize/index.js";
import { segment } from "../src/segment/index.js";

export const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
export const readFixture = (path: string) => readFileSync(fixture(path), "utf8");

export function loadedText(text: string, extra: Partial<SourceLine> = {}): LoadedDocument {
  return { format: "txt", pages: null, lines: textToLines(text).lines.map((l) => ({ ...l, ...extra })), ocr: false, warnings: [] };
}

export const normalizeText = (text: string) => normalize(loadedText(text));
export const segmentText = (text: string) => segment(normalizeText(text));
