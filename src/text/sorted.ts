/**
 * The first index in `xs` (sorted) whose value is at least `pos`, looked for from `near` (where the
 * list was last asked about): by steps of 1, 2, 4, … towards it, then halving inside the last
 * step. Its callers (the tasks' walk, the openings read back by `opensAt`, the agencies' builds)
 * ask about places in text order, most a few entries on from the last: halving the whole list,
 * each question cost ~12 steps on a 100-page document's (thousands of verbs, stops, bodies,
 * openings), ~7 on a two-page one's, most of them a branch mispredicted. Any `near` gives the same
 * answer; a far one only costs more steps.
 */
export function seek(xs: readonly number[], pos: number, near: number): number {
  const n = xs.length;
  let lo: number, hi: number;
  if (near > n) near = n;
  if (near > 0 && xs[near - 1] >= pos) {
    // before `near`: back while the entry is still at or past `pos`
    hi = near - 1;
    lo = hi - 1;
    for (let step = 1; lo >= 0 && xs[lo] >= pos; step += step) (hi = lo), (lo -= step);
    lo = lo < 0 ? 0 : lo + 1;
  } else {
    lo = hi = near;
    for (let step = 1; hi < n && xs[hi] < pos; step += step) (lo = hi + 1), (hi = lo + step);
    if (hi > n) hi = n;
  }
  // the answer is in [lo, hi]
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
