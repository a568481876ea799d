import { describe, expect, it } from "vitest";
import { BoundedMemo } from "../../src/text/memo.js";

describe("BoundedMemo", () => {
  it("keeps answers for short keys, false and 0 included", () => {
    const memo = new BoundedMemo<boolean | number>(10, 8);
    expect(memo.set("hoà", false)).toBe(false);
    expect(memo.set("khoẻ", 0)).toBe(0);
    expect(memo.get("hoà")).toBe(false);
    expect(memo.get("khoẻ")).toBe(0);
    expect(memo.get("thuỷ")).toBeUndefined();
  });

  it("answers a long key but never keeps it: a hostile text's 10,000-letter words pin nothing", () => {
    const memo = new BoundedMemo<string>(8192, 48);
    for (let i = 0; i < 100; i++) {
      const word = String.fromCharCode(0x61 + (i % 26)).repeat(10_000) + i;
      expect(memo.set(word, "x")).toBe("x");
    }
    expect(memo.size).toBe(0);
  });

  it("is emptied when full, so it never holds more than its entries", () => {
    const memo = new BoundedMemo<number>(100, 16);
    for (let i = 0; i < 1_000; i++) memo.set(`từ ${i}`, i);
    expect(memo.size).toBeLessThanOrEqual(100);
    expect(memo.get("từ 999")).toBe(999);
  });
});
