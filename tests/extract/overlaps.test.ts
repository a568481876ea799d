import { describe, expect, it } from "vitest";
import { dropOverlaps, keepDisjoint } from "../../src/extract/overlaps.js";

const span = (start: number, end: number, id = `${start}-${end}`) => ({ start, end, id });

describe("keepDisjoint", () => {
  it("keeps, in order of preference, the spans that overlap none kept before them", () => {
    // `đồng chí Phó Chủ tịch UBND tỉnh Lê Văn B` (honorific rule) over `Phó Chủ tịch … Lê Văn B` (title rule) and `Lê Văn B` (bare name)
    const kept = keepDisjoint([span(0, 40, "honorific"), span(9, 40, "title"), span(32, 40, "name"), span(50, 60, "later")]);
    expect(kept.map((k) => k.id)).toEqual(["honorific", "later"]);
  });

  it("keeps an empty span unless it lies inside a kept one; a kept empty span blocks nothing", () => {
    expect(keepDisjoint([span(10, 20), span(15, 15), span(20, 20), span(5, 5), span(0, 8)]).map((k) => k.id)).toEqual(["10-20", "20-20", "5-5", "0-8"]);
  });

  it("gives the same spans for a few as for many (the marks of what the kept cover)", () => {
    // a deterministic spread of overlapping spans, taken a few and many at a time
    const all = Array.from({ length: 400 }, (_, i) => {
      const start = (i * 7919) % 1000;
      return span(start, start + ((i * 31) % 17));
    });
    const pairwise = (xs: typeof all) => {
      const kept: typeof all = [];
      for (const it of xs) if (!kept.some((k) => k.start < k.end && it.start < k.end && k.start < it.end)) kept.push(it);
      return kept;
    };
    for (const n of [3, 20, 31, 32, 33, 100, 400]) expect(keepDisjoint(all.slice(0, n))).toEqual(pairwise(all.slice(0, n)));
  });
});

describe("dropOverlaps", () => {
  it("keeps the longest of overlapping spans (the earliest on a tie), in text order", () => {
    // `ngày 20 tháng 5 năm 2025` over its `năm 2025`
    expect(dropOverlaps([span(0, 24), span(16, 24), span(30, 34), span(32, 36)]).map((k) => k.id)).toEqual(["0-24", "30-34"]);
  });
});
