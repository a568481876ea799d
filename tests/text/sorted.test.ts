import { describe, expect, it } from "vitest";
import { seek } from "../../src/text/sorted.js";
import { questionOrders, randomFrom } from "../helpers.js";

// `seek` looks for a position from where the list was last asked about (galloping); the oracle
// halves the whole list. Same answers for every hint, every list, every order of questions.

/** The first index whose value is at least `pos`, by halving the whole list (the oracle). */
function firstAtLeast(xs: readonly number[], pos: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A sorted list of `n` distinct numbers (gaps of 1 to `gap`) from `start`. */
function sortedList(next: () => number, n: number, gap: number, start: number): number[] {
  const xs: number[] = [];
  for (let i = 0, v = start; i < n; i++) xs.push((v += 1 + (next() % gap)));
  return xs;
}

describe("seek", () => {
  it("finds what halving the whole list finds, from every hint", () => {
    const next = randomFrom(7);
    for (let r = 0; r < 60; r++) {
      const xs = sortedList(next, next() % 40, 1 + (next() % 6), (next() % 9) - 4);
      const top = xs.length ? xs[xs.length - 1] : 0;
      for (let pos = -3; pos <= top + 3; pos++) for (let near = 0; near <= xs.length + 2; near++) expect(seek(xs, pos, near)).toBe(firstAtLeast(xs, pos));
    }
  });

  it("answers a run of questions in any order as halving does, each from the last answer", () => {
    const next = randomFrom(11);
    for (let r = 0; r < 40; r++) {
      const xs = sortedList(next, 1 + (next() % 2000), 1 + (next() % 30), 0);
      for (const order of questionOrders(next, -5, xs[xs.length - 1] + 5)) {
        let near = next() % (xs.length + 1);
        const wrong: number[] = [];
        for (const p of order) {
          near = seek(xs, p, near);
          if (near !== firstAtLeast(xs, p)) wrong.push(p);
        }
        expect(wrong).toEqual([]);
      }
    }
  });

  it("answers on an empty list", () => {
    expect([0, 1, 5].map((near) => seek([], 3, near))).toEqual([0, 0, 0]);
  });
});
