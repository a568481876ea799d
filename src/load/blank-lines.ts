import type { SourceLine } from "./types.js";

/** Runs of empty lines made one, and none left at either end. */
export function collapseBlankLines<T extends Pick<SourceLine, "text">>(lines: T[]): T[] {
  const out: T[] = [];
  for (const l of lines) {
    if (!l.text.trim() && (!out.length || !out[out.length - 1].text.trim())) continue;
    out.push(l);
  }
  while (out.length && !out[out.length - 1].text.trim()) out.pop();
  return out;
}
