/** Overlapping mentions (agencies, people, dates): which to keep. */

/**
 * Of spans in the order they are to be preferred, the ones that overlap none kept before them.
 * The kept spans are disjoint: marking the characters they cover makes each test as long as the
 * span, not the number kept so far (100,000 matches on a long line took minutes). An empty span
 * is kept unless it lies inside a kept one.
 */
export function keepDisjoint<T extends { start: number; end: number }>(preferred: readonly T[]): T[] {
  let size = 0;
  for (const it of preferred) if (it.end > size) size = it.end;
  const covered = new Uint8Array(size + 1);
  const kept: T[] = [];
  next: for (const it of preferred) {
    if (it.start < it.end) {
      // a loop, not covered.subarray(…).includes(1): a view object a span was most of the cost
      for (let i = it.start; i < it.end; i++) if (covered[i]) continue next;
      covered.fill(1, it.start, it.end);
    } else if (kept.some((k) => it.start < k.end && k.start < it.end)) continue;
    kept.push(it);
  }
  return kept;
}

/** Overlapping spans: the longest kept (the earliest on a tie), in text order. */
export function dropOverlaps<T extends { start: number; end: number }>(items: readonly T[]): T[] {
  const longestFirst = [...items].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  return keepDisjoint(longestFirst).sort((a, b) => a.start - b.start);
}
