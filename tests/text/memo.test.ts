import { describe, expect, it } from "vitest";
import { BoundedMemo, SpanMemo } from "../../src/text/memo.js";

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

describe("SpanMemo", () => {
  const text = "Sở Y tế, Ủy ban nhân dân tỉnh Bình Định và Sở Y tế; UBND tỉnh, ỦY BAN NHÂN DÂN";

  it("answers a span by its words wherever they are written, null and 0 included", () => {
    const memo = new SpanMemo<string | number | null>(64, 40);
    const first = text.indexOf("Sở Y tế");
    const again = text.indexOf("Sở Y tế", first + 1);
    expect(memo.set(text, first, first + 7, "y tế")).toBe("y tế");
    expect(memo.get(text, again, again + 7)).toBe("y tế");
    expect(memo.get("Sở Y tế", 0, 7)).toBe("y tế");
    expect(memo.get(text, first, first + 6)).toBeUndefined();
    memo.set(text, 0, 2, null);
    memo.set("UBND", 0, 4, 0);
    expect(memo.get(text, 0, 2)).toBeNull();
    expect(memo.get(text, text.indexOf("UBND"), text.indexOf("UBND") + 4)).toBe(0);
  });

  it("gives what a Map of the sliced strings gives, at every span of a text", () => {
    const memo = new SpanMemo<string>(100_000, 40);
    const map = new Map<string, string>();
    for (let start = 0; start < text.length; start++) {
      for (let end = start; end <= Math.min(text.length, start + 40); end++) {
        const piece = text.slice(start, end);
        expect(memo.get(text, start, end)).toBe(map.get(piece));
        if (!map.has(piece)) {
          map.set(piece, `${start}:${end}`);
          memo.set(text, start, end, `${start}:${end}`);
        }
      }
    }
    expect(memo.size).toBe(map.size);
  });

  it("answers a long span but never keeps it, and is emptied when full", () => {
    const memo = new SpanMemo<number>(100, 8);
    expect(memo.set(text, 0, 20, 1)).toBe(1);
    expect(memo.get(text, 0, 20)).toBeUndefined();
    expect(memo.size).toBe(0);
    for (let i = 0; i < 1_000; i++) {
      const word = `từ ${i}`;
      memo.set(word, 0, word.length, i);
    }
    expect(memo.size).toBeLessThanOrEqual(100);
    expect(memo.get("từ 999", 0, 6)).toBe(999);
  });
});
