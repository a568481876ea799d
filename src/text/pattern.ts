/**
 * Building regular expressions from the word lists in `grammars/`: escaping, alternations
 * longest first (so `phối hợp với` wins over `phối hợp`), and written forms that let any run of
 * whitespace stand for a space, any dash for a hyphen, with tone placement folded.
 */
import { foldTone } from "./tone.js";

/** A word's characters escaped for a regex source (`Đ/c` → `Đ\/c`, `TP.` → `TP\.`). */
export function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

const longestFirst = (xs: readonly string[]) => [...new Set(xs)].sort((a, b) => b.length - a.length);

/** Plain words as one group, escaped, longest first: `["họp", "cuộc họp"]` → `(?:cuộc họp|họp)`. */
export function alt(words: readonly string[]): string {
  return `(?:${longestFirst(words).map(esc).join("|")})`;
}

/** Regex fragments (already regex source) as one group, longest first. */
export function altSource(fragments: readonly string[]): string {
  return `(?:${longestFirst(fragments).join("|")})`;
}

function ciChar(c: string): string {
  const lo = c.toLowerCase();
  const up = c.toUpperCase();
  return lo === up || lo.length !== 1 || up.length !== 1 ? esc(c) : `[${lo}${up}]`;
}

/** How strictly a form's capitals must be matched: any case, the first letter as written, or exactly. */
export type Casing = "any" | "cap" | "exact";

/**
 * A regex source for a written form: words joined by any whitespace, a dash by any dash,
 * tone placement folded (match against `foldTone(text)`), case per `casing`.
 */
export function formSource(form: string, casing: Casing): string {
  const folded = foldTone(form.normalize("NFC"));
  let out = "";
  let first = true;
  for (const ch of folded) {
    if (ch === " ") out += "\\s+";
    else if (ch === "-" || ch === "–" || ch === "—") out += "\\s*[-–—]\\s*";
    else if (ch === ",") out += "\\s*,";
    else if (ch === "&") out += "\\s*&\\s*";
    else if (casing === "exact" || (casing === "cap" && first)) out += esc(ch);
    else out += ciChar(ch);
    if (/\p{L}/u.test(ch)) first = false;
  }
  return out.replace(/(\\s\*)+\\s\+/g, "\\s+").replace(/\\s\+\\s\*/g, "\\s+");
}

/** An alternation of written forms (see `formSource`), longest first. */
export function alternation(forms: readonly string[], casing: Casing): string {
  return longestFirst(forms)
    .map((f) => formSource(f, casing))
    .join("|");
}
