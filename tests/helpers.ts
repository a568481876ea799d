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
  const next = randomFrom(seed);
  let out = "";
  for (let i = 0; i < n; i++) {
    const w = words[next() % words.length];
    const c = next() % 4;
    out += (c === 0 ? w.toUpperCase() : c === 1 ? w.toLowerCase() : w) + glue[next() % glue.length];
  }
  return out;
}

/** A stream of pseudo-random non-negative integers, the same for the same `seed`. */
export function randomFrom(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31), s);
}

/** A random string of one to `most` of `pieces` run together, the same for the same `seed` (the stream's low bits, which repeat soonest, left out). */
export function randomPieces(pieces: readonly string[], seed: number, most: number): string {
  const next = randomFrom(seed);
  let out = "";
  for (let i = (next() >>> 8) % most; i >= 0; i--) out += pieces[(next() >>> 8) % pieces.length];
  return out;
}

/**
 * The positions `lo` to `hi` in four orders of questions: increasing, decreasing, nearly increasing
 * (a fifth stepped back or on by up to 20), shuffled.
 */
export function questionOrders(next: () => number, lo: number, hi: number): number[][] {
  const up = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const nearly = up.map((p) => p + (next() % 5 === 0 ? (next() % 41) - 20 : 0));
  const shuffled = [...up];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  return [up, [...up].reverse(), nearly, shuffled];
}
