import { describe, expect, it } from "vitest";
import { unitsToString } from "../../src/text/units.js";

/** The oracle: one `String.fromCharCode` a unit, every unit kept as it is. */
const oneByOne = (buf: Uint16Array, n: number) => {
  let s = "";
  for (let i = 0; i < n; i++) s += String.fromCharCode(buf[i]);
  return s;
};

describe("unitsToString", () => {
  it("keeps every code unit, lone surrogates and a BOM included, at every length (Buffer's way and apply's)", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const special = [0xfeff, 0xfffe, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0, 0xad, 0x2212, 0x1ec7];
    for (const n of [0, 1, 2, 63, 64, 65, 200, 8192, 8193, 20000]) {
      const buf = new Uint16Array(n + 5);
      for (let i = 0; i < buf.length; i++) buf[i] = next() % 3 === 0 ? special[next() % special.length] : next() % 0x10000;
      expect(unitsToString(buf, n)).toBe(oneByOne(buf, n));
      // a view that does not start at its buffer's first byte
      const view = buf.subarray(3);
      expect(unitsToString(view, Math.min(n, view.length))).toBe(oneByOne(view, Math.min(n, view.length)));
    }
  });
});
