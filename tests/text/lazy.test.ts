import { describe, expect, it } from "vitest";
import { lazily } from "../../src/text/lazy.js";

describe("lazily", () => {
  it("makes the value on first use, once, and keeps it (a falsy value too)", () => {
    let made = 0;
    const table = lazily(() => {
      made++;
      return new Map([["sở", 1]]);
    });
    expect(made).toBe(0);
    expect(table().get("sở")).toBe(1);
    expect(table()).toBe(table());
    expect(made).toBe(1);
    let zeros = 0;
    const zero = lazily(() => (zeros++, 0));
    expect([zero(), zero()]).toEqual([0, 0]);
    expect(zeros).toBe(1);
  });
});
