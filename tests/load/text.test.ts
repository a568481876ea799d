import { describe, expect, it } from "vitest";
import { textToLines } from "../../src/load/text.js";

describe("plain text cut into lines", () => {
  it("cuts at \\n, \\r\\n and a lone \\r alike", () => {
    const lines = ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "", "Số: 2/UBND-VX"];
    for (const end of ["\n", "\r\n", "\r"]) {
      const read = textToLines(lines.join(end));
      expect(read.lines.map((l) => l.text)).toEqual(lines);
      expect(read.lines.every((l) => l.page === 1)).toBe(true);
      expect(read.pages).toBe(1);
    }
  });

  it("starts a page at each form feed, the text after it on a line of the new page (none where nothing follows)", () => {
    const read = textToLines("Nơi nhận:\r\n- Như trên;\f\r\nKT. CHỦ TỊCH\n\fTrang 3\fPHÓ CHỦ TỊCH");
    expect(read.lines.map((l) => [l.text, l.page])).toEqual([
      ["Nơi nhận:", 1],
      ["- Như trên;", 1],
      ["KT. CHỦ TỊCH", 2],
      ["", 2],
      ["Trang 3", 3],
      ["PHÓ CHỦ TỊCH", 4],
    ]);
    expect(read.pages).toBe(4);
  });
});

describe("a zeroed block inside a text file", () => {
  it("ends a line wherever a run of 16 NULs or more falls, and a shorter run is left as it is", async () => {
    const { decodeText } = await import("../../src/load/text.js");
    const enc = new TextEncoder();
    for (let lead = 0; lead < 20; lead++) {
      for (const run of [15, 16, 17, 40]) {
        const before = "Số: 12/UBND-VX " + "a".repeat(lead);
        const bytes = new Uint8Array([...enc.encode(before), ...new Uint8Array(run), ...enc.encode("Kính gửi")]);
        expect(decodeText(bytes)).toBe(`${before}${run >= 16 ? "\n" : "\0".repeat(run)}Kính gửi`);
      }
    }
  });
});
