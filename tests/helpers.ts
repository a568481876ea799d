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

/** A random string of `words` (as written, in capitals or in lower case) joined by pieces of `glue`, the same for the same `seed`. */
export function randomWords(words: readonly string[], glue: readonly string[], seed: number, n: number): string {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
  let out = "";
  for (let i = 0; i < n; i++) {
    const w = words[next() % words.length];
    const c = next() % 4;
    out += (c === 0 ? w.toUpperCase() : c === 1 ? w.toLowerCase() : w) + glue[next() % glue.length];
  }
  return out;
}
