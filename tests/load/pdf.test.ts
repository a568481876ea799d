import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CorruptFileError, InputError, MissingDependencyError } from "../../src/errors.js";
import { createPdfLoader, legacyShare, pdfLoader, stripSubset } from "../../src/load/pdf.js";
import { glyphStream, restoreDroppedMarks } from "../../src/load/pdf/glyphs.js";
import { layoutPages } from "../../src/load/pdf/layout.js";
import { buildLine, groupRows, type PdfItem } from "../../src/load/pdf/lines.js";
import type { LoadedDocument } from "../../src/load/types.js";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/pdf/${name}`, import.meta.url)));
const load = (bytes: Uint8Array, path = "test.pdf", ocr?: boolean) => pdfLoader.load(bytes, { path, ocr });
const texts = (doc: LoadedDocument, block?: string) => doc.lines.filter((l) => !block || l.block === block).map((l) => l.text);

/** An item of `text` at `x`, baseline `y`, whose width is about half an em a character. */
const item = (text: string, x: number, y: number, size = 12, width = text.length * size * 0.5): PdfItem => ({ text, x, y, width, size });

describe("items → rows → lines", () => {
  it("groups items by baseline and sorts them left to right", () => {
    const rows = groupRows([item("thứ hai", 100, 120.4), item("dòng", 50, 100), item("một", 80, 100.8), item("dòng", 50, 120)], 1);
    expect(rows.map((r) => buildLine(r.items, r).text)).toEqual(["dòng một", "dòng thứ hai"]);
  });

  it.each([
    // [pieces as [text, x, width], expected]
    [[["n", 100, 6], ["\u00AD", 106, 6], ["íc", 112, 12]], "n\u00ADíc"], // fallback font split a word: no gap, no space
    [[["Nghị", 100, 24], ["quyết", 127, 30]], "Nghị quyết"], // a gap of a quarter em: a space
    [[["Hà Nội,", 100, 40], [" ngày", 140, 30]], "Hà Nội, ngày"], // the space is already there
  ] as [string, number, number][][])("joins pieces by their gaps: %j", (pieces, expected) => {
    const items = (pieces as unknown as [string, number, number][]).map(([t, x, w]) => item(t, x, 100, 12, w));
    expect(buildLine(items, { y: 100, size: 12 }).text).toBe(expected);
  });

  it("keeps a superscript footnote mark as a superscript digit attached to its word", () => {
    const items = [item("72-NQ/TW", 100, 100, 13, 60), item("12", 160.5, 95, 8, 8), item("ngày 09/9/2025", 172, 100, 13, 90)];
    const [row] = groupRows(items, 1);
    expect(buildLine(row.items, row).text).toBe("72-NQ/TW¹² ngày 09/9/2025");
  });

  it("keeps lines of tight leading apart when they overlap horizontally", () => {
    const items = [item("- Các Bộ, cơ quan ngang Bộ (để phối", 85, 610.4, 11, 170), item("(đã ký)", 370, 616.2, 14, 40), item("hợp);", 85, 622.7, 11, 25)];
    const rows = groupRows(items, 1);
    expect(rows.flatMap((r) => r.items.map((i) => i.text)).length).toBe(3);
    expect(rows.some((r) => r.items.some((i) => i.text === "hợp);") && r.items.some((i) => i.text.startsWith("- Các")))).toBe(false);
  });

  it("drops a piece drawn twice over itself (fake bold)", () => {
    const [row] = groupRows([item("QUYẾT ĐỊNH", 200, 100), item("QUYẾT ĐỊNH", 200.3, 100)], 1);
    expect(buildLine(row.items, row).text).toBe("QUYẾT ĐỊNH");
  });

  it("keeps runs with fonts whose texts add up to the line, and sets bold from font names", () => {
    const items = [{ ...item("céng hoµ", 100, 100), font: "VnTimeHBold" }, { ...item("x· héi", 160, 100), font: "VnTimeH" }];
    const line = buildLine(items, { y: 100, size: 12 });
    expect(line.runs.map((r) => r.text).join("")).toBe(line.text);
    expect(line.runs.map((r) => r.font)).toEqual(["VnTimeHBold", "VnTimeH"]);
  });
});

describe("layout", () => {
  const page = (rows: PdfItem[], n = 1) => ({ page: n, width: 595, height: 842, rows: groupRows(rows, n) });

  it("separates the two header columns even when their baselines differ a little", () => {
    const doc = layoutPages([page([
      item("ỦY BAN NHÂN DÂN", 100, 61.5), item("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 300, 60, 12, 250),
      item("TỈNH BÌNH ĐỊNH", 105, 76.5), item("Độc lập - Tự do - Hạnh phúc", 330, 75),
      item("Số: 123/QĐ-UBND", 95, 106.5), item("Bình Định, ngày 20 tháng 5 năm 2025", 310, 105),
      item("QUYẾT ĐỊNH", 265, 150, 14, 65),
      item("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 85, 180, 13, 420),
    ])]);
    expect(doc.lines.map((l) => [l.block, l.text])).toEqual([
      ["header-left", "ỦY BAN NHÂN DÂN"], ["header-left", "TỈNH BÌNH ĐỊNH"], ["header-left", "Số: 123/QĐ-UBND"],
      ["header-right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["header-right", "Độc lập - Tự do - Hạnh phúc"],
      ["header-right", "Bình Định, ngày 20 tháng 5 năm 2025"],
      ["body", "QUYẾT ĐỊNH"], ["body", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"],
    ]);
  });

  it("reads a document without a header (title first) as body", () => {
    const doc = layoutPages([page([item("QUYẾT ĐỊNH", 265, 95, 16, 65), item("Căn cứ Luật Tổ chức Chính phủ ngày 25 tháng 12 năm 2001;", 85, 130, 12, 400)])]);
    expect(doc.lines.every((l) => l.block === "body")).toBe(true);
  });

  it("marks a page with only a signing tool's stamp: the stamp is left out", () => {
    const doc = layoutPages([page([item("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", 360, 20, 6), item("Thời gian ký: 13.09.2024 16:49:11 +07:00", 360, 28, 6)])]);
    expect(doc.lines).toEqual([]);
    expect(doc.stamps).toHaveLength(2);
  });
});

describe("generated quyết định (3 pages)", async () => {
  const doc = await load(fixture("decision-3-pages.pdf"), "decision-3-pages.pdf");

  it("reads every page, not OCRed", () => {
    expect(doc.pages).toBe(3);
    expect(doc.ocr).toBe(false);
    expect(doc.format).toBe("pdf");
  });

  it("gives the header's left column, then its right column", () => {
    expect(texts(doc, "header-left")).toEqual(["ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 123/QĐ-UBND"]);
    expect(texts(doc, "header-right")).toEqual(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 20 tháng 5 năm 2025"]);
    const first = doc.lines.findIndex((l) => l.block === "header-right");
    expect(doc.lines.slice(0, first).every((l) => l.block === "header-left")).toBe(true);
  });

  it("gives nơi nhận and the signature as separate blocks", () => {
    expect(texts(doc, "footer-left")).toEqual(["Nơi nhận:", "- Như Điều 3;", "- Thường trực Tỉnh ủy;", "- Lưu: VT, K20."]);
    expect(texts(doc, "footer-right")).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Hải Giang"]);
  });

  it("keeps the footnote mark and marks the footnote", () => {
    expect(texts(doc)).toContain("Căn cứ Nghị quyết số 72-NQ/TW¹ ngày 09/9/2025 của Bộ Chính trị;");
    expect(texts(doc, "footnote")).toEqual(["¹ Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá."]);
  });

  it("joins a word split over two fonts", () => {
    expect(texts(doc)).toContain("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.");
  });

  it("drops page numbers and the running footer", () => {
    expect(texts(doc).filter((t) => /^\d+$/.test(t))).toEqual([]);
    expect(texts(doc).filter((t) => t.includes("Văn phòng UBND tỉnh"))).toEqual([]);
  });

  it("sets positions and sizes", () => {
    const title = doc.lines.find((l) => l.text === "QUYẾT ĐỊNH")!;
    expect(title).toMatchObject({ page: 1, block: "body", align: "center", size: 14 });
    expect(title.y).toBeCloseTo(150, 0);
  });
});

describe("bad input", () => {
  it.each([
    ["not really a PDF", new TextEncoder().encode("%PDF-1.7\nthis is not a pdf at all\n")],
    ["truncated to a third", fixture("decision-3-pages.pdf").subarray(0, 10000)],
    ["only a header", new TextEncoder().encode("%PDF-1.4\n")],
  ])("%s → CorruptFileError naming the file", async (_, bytes) => {
    const err = await load(bytes, "broken.pdf").catch((e) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect(err.message).toContain("broken.pdf");
  });

  it("an encrypted PDF → CorruptFileError that says it needs a password", async () => {
    const err = await load(fixture("encrypted.pdf"), "secret.pdf").catch((e) => e);
    expect(err).toBeInstanceOf(CorruptFileError);
    expect(err.code).toBe("encrypted-file");
    expect(err.message).toMatch(/secret\.pdf: .*password/);
  });
});

describe("scanned PDFs", () => {
  const scanned = fixture("scanned-stamp.pdf");

  it("with OCR disabled → an error that says so", async () => {
    const err = await load(scanned, "scan.pdf", false).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.code).toBe("ocr-disabled");
    expect(err.message).toContain("scan.pdf");
  });

  it("with no OCR engine installed → MissingDependencyError naming what to install", async () => {
    const loader = createPdfLoader({ findOcrEngine: async () => null });
    const err = await loader.load(scanned, { path: "scan.pdf" }).catch((e) => e);
    expect(err).toBeInstanceOf(MissingDependencyError);
    expect(err.message).toContain("tesseract-ocr-vie");
    expect(err.message).toContain("@tesseract.js-data/vie");
  });

  it("OCR words become positioned lines with the column logic applied (injected engine)", async () => {
    // words in pixels at 200 dpi, as tesseract gives them; the header in two columns on one line
    const w = (text: string, left: number, top: number, line: string) => ({ text, left, top, width: text.length * 20, height: 36, conf: 90, line });
    const words = [
      w("ỦY", 170, 160, "1.1.1.1"), w("BAN", 240, 160, "1.1.1.1"), w("CỘNG", 900, 158, "1.1.1.1"), w("HÒA", 1010, 158, "1.1.1.1"),
      w("Số:", 170, 230, "1.1.1.2"), w("45/UBND-VX", 240, 230, "1.1.1.2"), w("Độc", 900, 228, "1.1.1.2"), w("lập", 980, 228, "1.1.1.2"),
      w("THÔNG", 700, 400, "1.2.1.1"), w("BÁO", 840, 400, "1.2.1.1"),
      w("Ủy", 170, 550, "1.3.1.1"), w("ban", 230, 550, "1.3.1.1"), w("nhân", 310, 550, "1.3.1.1"), w("dân", 410, 550, "1.3.1.1"),
      w("tỉnh", 490, 550, "1.3.1.1"), w("thông", 590, 550, "1.3.1.1"), w("báo", 710, 550, "1.3.1.1"), w("lịch", 800, 550, "1.3.1.1"),
      w("họp", 900, 550, "1.3.1.1"), w("ngày", 990, 550, "1.3.1.1"), w("27/5.", 1100, 550, "1.3.1.1"),
    ];
    let closed = false;
    let png: Uint8Array | null = null;
    const loader = createPdfLoader({
      findOcrEngine: async () => ({ name: "fake", concurrency: 1, recognize: async (img) => { png = img; return words; }, close: async () => { closed = true; } }),
      // pdf.js renders the page (no poppler needed)
      renderWithPdfjs: true,
    });
    const doc = await loader.load(scanned, { path: "scan.pdf" });
    expect(doc.ocr).toBe(true);
    expect(closed).toBe(true);
    expect([...png!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(texts(doc, "header-left")).toEqual(["ỦY BAN", "Số: 45/UBND-VX"]);
    expect(texts(doc, "header-right")).toEqual(["CỘNG HÒA", "Độc lập"]);
    expect(texts(doc, "body")).toEqual(["THÔNG BÁO", "Ủy ban nhân dân tỉnh thông báo lịch họp ngày 27/5."]);
    expect(doc.warnings.map((x) => x.code)).toContain("ocr");
    // the stamp of the text layer is not the document's text
    expect(texts(doc).join("\n")).not.toContain("Người ký");
  });
});

describe("legacy (TCVN3) text layers", () => {
  it.each([
    ["Céng hoµ x· héi chñ nghÜa ViÖt Nam", true],
    ["Cộng hòa xã hội chủ nghĩa Việt Nam", false],
    ["Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", true],
  ])("%s looks legacy: %s", (text, legacy) => {
    expect(legacyShare(text) >= 0.03).toBe(legacy);
  });

  it("strips a subset prefix from font names", () => {
    expect(stripSubset("FBHPFO+VnTimeHBold")).toBe("VnTimeHBold");
    expect(stripSubset(".VnTime")).toBe(".VnTime");
  });

  it("puts back the soft hyphens (TCVN3 ư) pdf.js drops, from the glyph stream", () => {
    const OPS = { setFont: 1, showText: 2, showSpacedText: 3, nextLineShowText: 4, nextLineSetSpacingShowText: 5 };
    const glyphs = glyphStream({
      fnArray: [1, 2, 2],
      argsArray: [["g_d0_f1", 12], [[..."ng\u00ADêi"].map((unicode) => ({ unicode })).concat([{ unicode: " " } as any])], [[..."n\u00ADíc"].map((unicode) => ({ unicode }))]],
    }, OPS);
    expect(glyphs.map((g) => g.font)).toEqual(Array(glyphs.length).fill("g_d0_f1"));
    expect(restoreDroppedMarks(["ngêi ", "níc"], glyphs)).toEqual({ texts: ["ng\u00ADêi ", "n\u00ADíc"], restored: 2 });
    // sequences that do not line up are left alone
    expect(restoreDroppedMarks(["hoµn toµn kh¸c"], glyphs).restored).toBe(-1);
  });
});
