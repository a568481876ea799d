// Hostile input (issue 16) in the normalize stage: each input is made here, at a size where the
// quadratic code it replaced took minutes; linear, these take well under a second. The test's own
// time limit is what fails them should that come back.
import { describe, expect, it } from "vitest";
import { normalizeText } from "../helpers.js";

describe("flattened header cells on hostile lines", () => {
  it("a first line of 30,000 place-and-date phrases: each place is found from the words just before its date", () => {
    // placeStart read every word before each date (and `,\s*$` over the whole prefix): quadratic
    const line = "Hà Nội, ngày 05 tháng 04 năm 2019 ".repeat(30_000);
    const lines = normalizeText(line).lines.map((l) => l.text);
    expect(lines.length).toBeGreaterThan(1_000);
    expect(lines.slice(0, 2)).toEqual(["Hà Nội, ngày 05 tháng 04 năm 2019", "Hà Nội, ngày 05 tháng 04 năm 2019"]);
  });

  it("a first line of 20,000 quốc hiệu: the look-arounds after each one are bounded", () => {
    const line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ".repeat(20_000);
    const lines = normalizeText(line).lines.map((l) => l.text);
    expect(lines.slice(0, 2)).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]);
  });

  it("a first line of 50,000 inline rules between words: cut in one sweep, rules dropped", () => {
    const line = "Số: 12/UBND ------ ".repeat(50_000);
    const lines = normalizeText(line).lines.map((l) => l.text);
    expect(lines.every((l) => !/^-+$/.test(l))).toBe(true);
    expect(lines[0]).toBe("Số: 12/UBND");
  });

  it("a place cut by nothing but a long word before the date is not read as a place", () => {
    const line = `${"Â".repeat(5_000)}, ngày 05 tháng 04 năm 2019`;
    const lines = normalizeText(`${line}\nKính gửi: Sở Y tế`).lines.map((l) => l.text);
    expect(lines[0]).toBe(line);
  });

  it("a line of 50,000 no-break spaces before its text: trailing space counted from the end (/\\s*$/ took 30 s)", () => {
    const lines = normalizeText(`Kính gửi: Sở Y tế\n${"\u00a0".repeat(50_000)}Nội dung  \u00a0`).lines.map((l) => l.text);
    expect(lines).toContain("Nội dung");
  });
});
