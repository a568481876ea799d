import { describe, expect, it } from "vitest";
import { PARSERS } from "../../src/extract/dates/parsers.js";
import { unnamedGroups } from "../../src/text/pattern.js";

// unnamedGroups takes a pattern's group names out: its matches read by number must give what the
// named pattern's `groups` give, at the same places.

/** every match of `source` and of its unnamed copy, the groups of each read by name */
function bothWays(source: string, flags: string, text: string): [unknown[], unknown[]] {
  const { source: plain, numbers } = unnamedGroups(source);
  const named = [...text.matchAll(new RegExp(source, flags + "g"))].map((m) => [m.index, m[0], { ...m.groups }]);
  const read = [...text.matchAll(new RegExp(plain, flags + "g"))].map((m) => [m.index, m[0], Object.fromEntries(Object.entries(numbers).map(([k, n]) => [k, m[n]]))]);
  return [named, read];
}

describe("text/pattern unnamedGroups", () => {
  it("numbers named and plain groups in order, leaving lookarounds, classes and escapes", () => {
    expect(unnamedGroups("(?<d>\\d+)/(\\d+)/(?<y>\\d{4})")).toEqual({ source: "(\\d+)/(\\d+)/(\\d{4})", numbers: { d: 1, y: 3 } });
    expect(unnamedGroups("(?<=a)(?<!b)(?:c)[(?<x>]\\(?<z>(?<w>e)")).toEqual({ source: "(?<=a)(?<!b)(?:c)[(?<x>]\\(?<z>(e)", numbers: { w: 1 } });
    expect(() => unnamedGroups("(?<a>x)\\k<a>")).toThrow();
  });

  it("every date parser's matches read by number as by name", () => {
    const text = "ngày 20 tháng 5 năm 2025, 20/5/2025, quý IV/2025, 05 tháng đầu năm 2026, từ ngày 20 - 25/5/2026, 8h30 sáng, 8g15, 14 giờ 30 phút chiều, giai đoạn 2021-2025, nửa cuối năm 2024, tháng 6/2026, ngày … tháng … năm 2025";
    let groups = 0;
    for (const p of PARSERS) {
      const [named, read] = bothWays(p.pattern.source, "u", text);
      expect(read).toEqual(named);
      groups += named.length;
    }
    expect(groups).toBeGreaterThan(15);
  });
});
