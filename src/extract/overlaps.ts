/** Overlapping mentions (agencies, people, dates): which to keep. */

/**
 * Below this many spans, each is compared with the ones kept (at most this many tests each); from
 * it on, the characters the kept cover are marked. A document's people or a line's dates are a
 * handful: the marks, a typed array as long as the text, cost more to make than the comparisons.
 */
const FEW_SPANS = 32;

/**
 * Of spans in the order they are to be preferred, the ones that overlap none kept before them.
 * The kept spans are disjoint: marking the characters they cover makes each test as long as the
 * span, not the number kept so far (100,000 matches on a long line took minutes). An empty span
 * is kept unless it lies inside a kept one.
 */
export function keepDisjoint<T extends { start: number; end: number }>(preferred: readonly T[]): T[] {
  if (preferred.length < FEW_SPANS) return keepDisjointFew(preferred);
  let from = Infinity;
  let size = 0;
  for (const it of preferred) {
    if (it.end > size) size = it.end;
    if (it.start < from) from = it.start;
  }
  // the marks span the spans only (offset by the first start), not the text before them
  const covered = new Uint8Array(size - from + 1);
  const kept: T[] = [];
  next: for (const it of preferred) {
    if (it.start < it.end) {
      // a loop, not covered.subarray(…).includes(1): a view object a span was most of the cost
      for (let i = it.start - from; i < it.end - from; i++) if (covered[i]) continue next;
      covered.fill(1, it.start - from, it.end - from);
    } else if (kept.some((k) => it.start < k.end && k.start < it.end)) continue;
    kept.push(it);
  }
  return kept;
}

/** {@link keepDisjoint} for a few spans: each compared with the kept ones. */
function keepDisjointFew<T extends { start: number; end: number }>(preferred: readonly T[]): T[] {
  const kept: T[] = [];
  next: for (const it of preferred) {
    // a kept empty span covers nothing (it is not marked above); an empty one is tested as above
    for (const k of kept) if (k.start < k.end && it.start < k.end && k.start < it.end) continue next;
    kept.push(it);
  }
  return kept;
}

/** Overlapping spans: the longest kept (the earliest on a tie), in text order. */
export function dropOverlaps<T extends { start: number; end: number }>(items: readonly T[]): T[] {
  const longestFirst = [...items].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return keepDisjoint(longestFirst).sort((a, b) => a.start - b.start);
}
