import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MissingDependencyError } from "../../src/errors.js";
import { defaultOcrLookup, parseTesseractTsv, requireOcrEngine, washOutSeals, wordsToItems } from "../../src/load/ocr.js";
import { createPdfLoader } from "../../src/load/pdf.js";
import { matchKey } from "../../src/text/tone.js";

const TSV = [
  "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
  "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t",
  "4\t1\t1\t1\t1\t0\t170\t150\t500\t50\t-1\t",
  "5\t1\t1\t1\t1\t1\t170\t160\t90\t36\t95.1\tỦY",
  "5\t1\t1\t1\t1\t2\t280\t161\t100\t35\t94.0\tBAN",
  "5\t1\t1\t1\t1\t3\t400\t150\t10\t10\t12.0\t~",
  "4\t1\t1\t1\t2\t0\t170\t220\t500\t48\t-1\t",
  "5\t1\t1\t1\t2\t1\t170\t230\t60\t36\t91.5\tSố:",
  "5\t1\t1\t1\t2\t2\t240\t231\t200\t37\t90.2\t45/UBND-VX",
].join("\n");

describe("seals washed out before OCR", () => {
  it("turns a colour PPM grey, with red gone below the top fifth of the page (the urgency stamp's red stays)", () => {
    // 1 × 10 pixels: red on row 0 (top) and row 5, black on row 6, blue on row 7
    const px: number[][] = Array.from({ length: 10 }, () => [255, 255, 255]);
    px[0] = [220, 30, 40]; px[5] = [220, 30, 40]; px[6] = [0, 0, 0]; px[7] = [20, 30, 200];
    const ppm = new Uint8Array([...Buffer.from("P6\n# pdftoppm\n1 10\n255\n"), ...px.flat()]);
    const pgm = washOutSeals(ppm);
    const head = "P5\n1 10\n255\n";
    expect(Buffer.from(pgm.subarray(0, head.length)).toString()).toBe(head);
    const grey = [...pgm.subarray(head.length)];
    expect(grey[0]).toBeLessThan(120); // red kept at the top
    expect(grey[5]).toBe(255); // a seal's red washed out
    expect(grey[6]).toBe(0);
    expect(grey[7]).toBeLessThan(80); // blue ink (a signature, a handwritten number) kept
  });

  it("rejects what is not a binary PPM", () => {
    expect(() => washOutSeals(new Uint8Array(Buffer.from("P3\n1 1\n255\n0 0 0")))).toThrow(/PPM/);
  });
});

describe("tesseract TSV", () => {
  it("gives words with their line and the line's height", () => {
    const words = parseTesseractTsv(TSV);
    expect(words.map((w) => w.text)).toEqual(["ỦY", "BAN", "~", "Số:", "45/UBND-VX"]);
    expect(words[0]).toMatchObject({ left: 170, top: 160, width: 90, height: 36, line: "1.1.1.1", lineHeight: 50 });
  });

  it("turns words into items in points, one baseline a line, specks left out", () => {
    const items = wordsToItems(parseTesseractTsv(TSV), 200);
    expect(items.map((i) => i.text)).toEqual(["ỦY", "BAN", "Số:", "45/UBND-VX"]);
    expect(items[0].x).toBeCloseTo((170 * 72) / 200, 3);
    expect(items[0].y).toBe(items[1].y);
    expect(items[2].y).toBeGreaterThan(items[0].y);
    expect(new Set(items.map((i) => i.size)).size).toBe(1);
  });
});

describe("finding an engine", () => {
  it("no engine → MissingDependencyError that names the file and what to install", async () => {
    const err = await requireOcrEngine(async () => null, "scan.pdf", "the PDF is scanned").catch((e) => e);
    expect(err).toBeInstanceOf(MissingDependencyError);
    expect(err.code).toBe("ocr-unavailable");
    expect(err.message).toMatch(/^scan\.pdf: the PDF is scanned, and no OCR engine is installed: /);
    expect(err.message).toContain("npm install tesseract.js @tesseract.js-data/vie");
    expect(err.message).toContain("apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils");
  });
});

// A real OCR run over one generated page; skipped where no engine is installed.
const engine = await defaultOcrLookup();
await engine?.close();
describe("OCR with the installed engine", () => {
  it.skipIf(!engine)(`reads a scanned page (${engine ? engine.name : "no OCR engine installed: apt-get install tesseract-ocr tesseract-ocr-vie"})`, async () => {
    const bytes = new Uint8Array(readFileSync(new URL("../../fixtures/pdf/scanned-stamp.pdf", import.meta.url)));
    const doc = await createPdfLoader().load(bytes, { path: "scanned-stamp.pdf" });
    expect(doc.ocr).toBe(true);
    const key = (block: string) => matchKey(doc.lines.filter((l) => l.block === block).map((l) => l.text).join("\n"));
    expect(key("header-left")).toContain("ủy ban nhân dân");
    expect(key("header-left")).toMatch(/số: ?45\/ubnd-vx/);
    expect(key("header-right")).toContain("cộng hòa xã hội");
    expect(key("body")).toContain("thông báo");
    expect(key("body")).toContain("lịch họp");
    expect(matchKey(doc.lines.map((l) => l.text).join("\n"))).not.toContain("người ký");
  }, 120_000);
});
