/**
 * `map` and `map(…).join(…)` written as loops, for arrays and strings that optimized code reads.
 *
 * Why not the builtins: an array `Array.prototype.map` made has another elements kind where the
 * optimizing compiler inlined the `map` than where the builtin ran, and every function reading it
 * threw its optimized code away on meeting the other ("wrong map" in `node --trace-deopt`) and was
 * compiled again — segment, the header and footer, the extractors and the record's check each
 * did, over and over in a batch (src/segment/index.ts, `classes`, tells how it was found).
 *
 *     mapped(tree.recipients, (r) => squash(r.text))   // as tree.recipients.map(…)
 *     joined(group, (l) => l.text, " ")                // as group.map((l) => l.text).join(" ")
 */
export function mapped<T, U>(items: readonly T[], f: (x: T) => U): U[] {
  const out: U[] = [];
  for (let k = 0; k < items.length; k++) out.push(f(items[k]));
  return out;
}

/** What `items.map(part).join(sep)` gives (see {@link mapped}). */
export function joined<T>(items: readonly T[], part: (x: T) => string, sep: string): string {
  let s = "";
  for (let k = 0; k < items.length; k++) s += k ? sep + part(items[k]) : part(items[k]);
  return s;
}
