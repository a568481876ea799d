import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CorruptFileError, InputError, MissingDependencyError } from "../../src/errors.js";
import { parse, parseLoaded } from "../../src/index.js";
import { createPdfLoader, legacyShare, pdfLoader, stripSubset } from "../../src/load/pdf.js";
import { annotationTexts } from "../../src/load/pdf/annotations.js";
import { glyphStream, restoreDroppedMarks } from "../../src/load/pdf/glyphs.js";
import { isStampText, layoutPages, rowText, stampRows } from "../../src/load/pdf/layout.js";
import { imageCoverage, textQuality } from "../../src/load/pdf/quality.js";
import { FOREIGN_LETTERS, LEGACY_MARKER_CHARS } from "../../grammars/pdf.js";
import { ContentReader, contentImageCoverage } from "../../src/load/pdf/content.js";
import { binaryString, RawPdf } from "../../src/load/pdf/raw.js";
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

  it("trims a line and its runs alike, drops the runs left empty, and ends it at its furthest item", () => {
    const items: PdfItem[] = [
      { text: " \u00A0", x: 90, y: 100, width: 6, size: 12, font: "Arial" },
      { text: " Điều 1. ", x: 100, y: 100, width: 60, size: 12, font: "Times-Bold" },
      { text: "Phạm vi\u2003", x: 150, y: 100, width: 80, size: 12, font: "Times" },
      { text: "\t", x: 240, y: 100, width: 4, size: 12, font: "Times-Italic" },
    ];
    const line = buildLine(items, { y: 100, size: 12 });
    expect(line.text).toBe("Điều 1. Phạm vi");
    expect(line.runs).toEqual([{ text: "Điều 1. ", font: "Times-Bold" }, { text: "Phạm vi", font: "Times" }]);
    expect([line.x, line.x1]).toEqual([90, 244]);
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

  it("splits a header whose issuer stands one space from the quốc hiệu, in one piece of text", () => {
    const doc = layoutPages([page([
      item("VĂN PHÒNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 95, 69, 13, 445),
      item("Độc lập - Tự do - Hạnh phúc", 320, 85, 14, 170),
      item("Số: 2003/CĐ-VPCP", 120, 115, 14, 108), item("Hà Nội, ngày 07 tháng 10 năm 2025", 319, 115, 14, 200),
      item("CÔNG ĐIỆN", 273, 163, 14, 78),
    ])]);
    expect(doc.lines.map((l) => [l.block, l.text])).toEqual([
      ["header-left", "VĂN PHÒNG CHÍNH PHỦ"], ["header-left", "Số: 2003/CĐ-VPCP"],
      ["header-right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["header-right", "Độc lập - Tự do - Hạnh phúc"],
      ["header-right", "Hà Nội, ngày 07 tháng 10 năm 2025"],
      ["body", "CÔNG ĐIỆN"],
    ]);
  });

  it("ends the header above Kính gửi, even when the addressees stand in the right column", () => {
    const doc = layoutPages([page([
      item("UBND TỈNH LÂM ĐỒNG", 95, 69, 13, 130), item("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 287, 69, 13, 250),
      item("Số: 644/TTXT-ĐTDN", 102, 122, 14, 110), item("Lâm Đồng, ngày 06 tháng 11 năm 2025", 310, 122, 14, 220),
      item("V/v báo cáo tình hình cải thiện môi", 78, 140, 12, 180),
      item("trường đầu tư", 110, 154, 12, 70),
      item("Kính gửi:", 210, 200, 14, 55),
      item("- Ủy ban nhân dân tỉnh;", 275, 216, 14, 140),
    ])]);
    expect(doc.lines.map((l) => [l.block, l.text])).toEqual([
      ["header-left", "UBND TỈNH LÂM ĐỒNG"], ["header-left", "Số: 644/TTXT-ĐTDN"],
      ["header-left", "V/v báo cáo tình hình cải thiện môi"], ["header-left", "trường đầu tư"],
      ["header-right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["header-right", "Lâm Đồng, ngày 06 tháng 11 năm 2025"],
      ["body", "Kính gửi:"], ["body", "- Ủy ban nhân dân tỉnh;"],
    ]);
  });

  it("keeps the quốc hiệu of the first page when every letter of a bundle repeats it", () => {
    const letter = (n: number) => page([
      item("BỘ TƯ PHÁP", 110, 64, 14, 86), item("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 245, 66, 14, 292),
      item(`Nội dung của trang ${n} được trình bày ở đây cho đủ dài một dòng.`, 85, 200, 13, 420),
    ], n);
    const doc = layoutPages([letter(1), letter(2), letter(3), letter(4)]);
    expect(doc.lines.filter((l) => l.page === 1).map((l) => [l.block, l.text]).slice(0, 2)).toEqual([
      ["header-left", "BỘ TƯ PHÁP"], ["header-right", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ]);
  });

  it("reads a row's text with its spaces as one, and tells a stamp's rows by any of the stamp lines", () => {
    const rows = groupRows([item("Người  ký:", 100, 100), item("\u00a0Sở Nội vụ", 160, 100), item("Email: vp@x.gov.vn", 100, 120), item("Thư điện tử gửi", 100, 140)], 1);
    expect(rows.map(rowText)).toEqual(["Người ký: Sở Nội vụ", "Email: vp@x.gov.vn", "Thư điện tử gửi"]);
    expect([...stampRows(rows)].map(rowText)).toEqual(["Người ký: Sở Nội vụ", "Email: vp@x.gov.vn"]);
    expect(["Ký bởi: Cục Thuế", "  E-mail: a@b", "Địa chỉ email:"].map(isStampText)).toEqual([true, true, false]);
  });

  it("drops a stamp box drawn by an annotation whole, with its unlabelled lines, and keeps the page's text on its rows", () => {
    const stamp = (t: string, y: number): PdfItem => ({ ...item(t, 400, y, 7), annotation: "9R" });
    const doc = layoutPages([page([
      item("Nội dung của công văn được trình bày ở đây.", 85, 300, 13, 300),
      stamp("Ký bởi: Văn phòng", 470), stamp("UBND tỉnh Lâm Đồng", 478), stamp("Thời gian ký: 12.05.2025", 486),
      { ...item("(đã ký)", 400, 520, 11), annotation: "10R" },
    ])]);
    expect(doc.lines.map((l) => l.text)).toEqual(["Nội dung của công văn được trình bày ở đây.", "(đã ký)"]);
    expect(doc.stamps).toEqual(["Ký bởi: Văn phòng", "UBND tỉnh Lâm Đồng", "Thời gian ký: 12.05.2025"]);
  });

  it("marks a footnote that fills most of a page from its raised mark, and its unmarked items", () => {
    const body = Array.from({ length: 5 }, (_, i) => item(`Dòng thứ ${i + 1} của báo cáo về công tác cải cách hành chính năm 2025.`, 85, 80 + i * 20, 14, 440));
    const doc = layoutPages([page([
      ...body,
      item("triển khai các nhiệm vụ trên địa bàn tỉnh", 85, 182, 14, 260), item("2", 345.5, 177, 8, 4),
      item("2", 85, 210, 6.5, 3.5), item("Trước sáp nhập tỉnh:", 90, 215, 10, 100),
      ...Array.from({ length: 40 }, (_, i) => item(`- UBND tỉnh đã ban hành Quyết định số ${100 + i}/QĐ-UBND ngày 30/12/2024 về kế hoạch.`, 85, 227 + i * 12, 10, 420)),
    ]), page(Array.from({ length: 40 }, (_, i) => item(`Nội dung thứ ${i + 1} của báo cáo về công tác cải cách hành chính năm 2025, trình bày ở cỡ chữ thân bài.`, 85, 80 + i * 18, 14, 440)), 2)]);
    const notes = doc.lines.filter((l) => l.block === "footnote");
    expect(notes[0].text).toBe("² Trước sáp nhập tỉnh:");
    expect(notes).toHaveLength(41);
    expect(doc.lines.find((l) => l.text.startsWith("triển khai"))?.block).toBe("body");
  });

  it("does not take a page of small type (an annex table numbered 1, 2, 3) for footnotes", () => {
    const doc = layoutPages([page(Array.from({ length: 40 }, (_, i) => item(`${i + 1} Sở Nội vụ tỉnh Lâm Đồng 120 người`, 85, 80 + i * 15, 10, 300)))]);
    expect(doc.lines.some((l) => l.block === "footnote")).toBe(false);
  });

  it("marks a page with only a signing tool's stamp: the stamp is left out", () => {
    const doc = layoutPages([page([item("Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ", 360, 20, 6), item("Thời gian ký: 13.09.2024 16:49:11 +07:00", 360, 28, 6)])]);
    expect(doc.lines).toEqual([]);
    expect(doc.stamps).toHaveLength(2);
  });
});

describe("a text layer that OCR software wrote", async () => {
  const doc = await load(fixture("ocr-text-layer.pdf"), "ocr-text-layer.pdf");

  it("is read as OCR text, and says which software wrote it", () => {
    expect(doc.ocr).toBe(true);
    expect(doc.ocrEngine).toBe("text layer (Tesseract v5.0.0-alpha.20191010)");
    expect(doc.warnings.map((w) => w.code)).toContain("ocr-text-layer");
  });

  it("gets the OCR fixes: a misread mark, a tilde for a dash, glued syllables, a comma for a period", async () => {
    const { parse } = await import("../../src/index.js");
    const record = await parse(fixture("ocr-text-layer.pdf"), { path: "ocr-text-layer.pdf" });
    expect(record.issuer?.parent).toBe("UBND THÀNH PHỐ ĐÀ NẴNG");
    expect(record.distribution).toEqual(["Như trên", "Lưu: VT, TTBCXB"]);
    expect(record.signatures.map((s) => [s.authority, s.onBehalfOf, s.title, s.name])).toEqual([["KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Quang Thanh"]]);
    expect(record.source).toMatchObject({ ocr: true, ocrEngine: "text layer (Tesseract v5.0.0-alpha.20191010)" });
  });

  it("leaves a born-digital PDF's text alone", async () => {
    const born = await load(fixture("decision-3-pages.pdf"), "decision-3-pages.pdf");
    expect(born.ocr).toBe(false);
    expect(born.warnings.map((w) => w.code)).not.toContain("ocr-text-layer");
  });
});

describe("the closing block's columns", () => {
  const page = (rows: PdfItem[]) => ({ page: 1, width: 595, height: 842, rows: groupRows(rows, 1) });

  it("spaces a drafter's initial in small type, though the row's baseline comes from the signature column", () => {
    const doc = layoutPages([page([
      item("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", 85, 300, 13, 420),
      item("Nơi nhận:", 85, 400, 12, 55), item("KT. CHỦ TỊCH", 380, 400, 13, 90),
      item("- Như trên;", 85, 413, 11, 55),
      // "Lưu: VT, TH(2)." in 11 pt and the drafter's "H" in 8 pt on its baseline
      item("- Lưu: VT, TH(2).", 85, 426, 11, 80), item("H", 168, 426, 8, 5.8), item("PHÓ CHỦ TỊCH", 375, 431, 13, 95),
      item("Trần Văn Bình", 380, 480, 13, 90),
    ])]);
    expect(texts(doc, "footer-left")).toEqual(["Nơi nhận:", "- Như trên;", "- Lưu: VT, TH(2). H"]);
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

describe("footnotes in the record", () => {
  it("keeps a footnote's unmarked paragraphs (its items, its part on the next page) with it", () => {
    const l = (text: string, block: LoadedDocument["lines"][number]["block"], page = 1) => ({ text, block, page });
    const loaded: LoadedDocument = {
      format: "pdf", pages: 2, ocr: false, warnings: [],
      lines: [
        l("ỦY BAN NHÂN DÂN", "header-left"), l("TỈNH LÂM ĐỒNG", "header-left"), l("Số: 329/BC-UBND", "header-left"),
        l("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "header-right"), l("Độc lập - Tự do - Hạnh phúc", "header-right"),
        l("Lâm Đồng, ngày 19 tháng 12 năm 2025", "header-right"), l("BÁO CÁO", "body"), l("Kết quả cải cách hành chính năm 2025", "body"),
        l("I. KẾT QUẢ THỰC HIỆN", "body"), l("1. Công tác chỉ đạo, điều hành", "body"),
        l("Ủy ban nhân dân tỉnh đã ban hành các văn bản chỉ đạo, điều hành về cải cách hành chính.", "body"),
        l("Tỉnh đã triển khai các nhiệm vụ cải cách hành chính².", "body"),
        l("² Trước sáp nhập tỉnh:", "footnote"), l("- UBND tỉnh Lâm Đồng đã ban hành Kế hoạch số 11555/KH-UBND;", "footnote"),
        l("Sau sáp nhập tỉnh: UBND tỉnh ban hành Quyết định số 787/QĐ-UBND.", "footnote", 2),
        l("Năm 2026, tỉnh tiếp tục đẩy mạnh cải cách hành chính³.", "body", 2),
        l("³ Kế hoạch số 20/KH-UBND ngày 05/01/2026.", "footnote", 2),
      ],
    };
    const r = parseLoaded(loaded, { sha256: "0".repeat(64) });
    expect(r.footnotes.map((f) => f.mark)).toEqual(["2", "3"]);
    expect(r.footnotes[0].text).toContain("Sau sáp nhập tỉnh");
  });
});

describe("annotation appearances", () => {
  it("places the strings an annotation draws through its form matrices and text state", () => {
    const OPS = { beginAnnotation: 1, endAnnotation: 2, save: 3, restore: 4, transform: 5, paintFormXObjectBegin: 6, paintFormXObjectEnd: 7, beginText: 8, setFont: 9, setTextMatrix: 10, moveText: 11, setLeadingMoveText: 12, setLeading: 13, nextLine: 14, setCharSpacing: 15, setWordSpacing: 16, setHScale: 17, setTextRise: 18, showText: 19, showSpacedText: 20, nextLineShowText: 21, nextLineSetSpacingShowText: 22 };
    const glyphs = (s: string) => [...s].map((c) => ({ unicode: c, width: 500, isSpace: c === " " }));
    const list: [number, unknown][] = [
      [OPS.showText, [glyphs("page text")]], // outside any annotation: not read
      [OPS.beginAnnotation, ["621R", [141, 712, 177, 742], [1, 0, 0, 1, 141, 712], [1, 0, 0, 1, 0, 0], false]],
      [OPS.save, null], [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 0, 0], [0, 0, 36, 30]]],
      [OPS.beginText, null], [OPS.setTextMatrix, [[1, 0, 0, 1, 0.5, 14.5]]], [OPS.setFont, ["f1", 13]],
      [OPS.showText, [glyphs("2003")]],
      [OPS.setLeading, [10]], [OPS.nextLine, null], [OPS.showText, [[...glyphs("A"), -1000, ...glyphs("B")]]],
      [OPS.paintFormXObjectEnd, []], [OPS.restore, null], [OPS.endAnnotation, []],
    ];
    const texts = annotationTexts({ fnArray: list.map((l) => l[0]), argsArray: list.map((l) => l[1]) }, OPS);
    expect(texts.map((t) => [t.annotation, t.text, +t.x0.toFixed(1), +t.y0.toFixed(1), +t.x1.toFixed(1), t.size])).toEqual([
      ["621R", "2003", 141.5, 726.5, 167.5, 13],
      ["621R", "AB", 141.5, 716.5, 167.5, 13], // 6.5 + 13 (a TJ gap of 1000) + 6.5
    ]);
  });
});

describe("generated công văn signed in an e-office system", async () => {
  const doc = await load(fixture("signed-widgets.pdf"), "signed-widgets.pdf");

  it("merges the số and the day stamped in signature widgets into the header where they stand", () => {
    expect(texts(doc, "header-left")).toContain("Số: 507 /VP-TH");
    expect(texts(doc, "header-right")).toContain("Lâm Đồng, ngày 12 tháng 5 năm 2025");
  });

  it("splits the issuer from the quốc hiệu one space away and keeps the long V/v on the left", () => {
    expect(texts(doc, "header-left")).toEqual([
      "VĂN PHÒNG UBND TỈNH LÂM ĐỒNG", "Số: 507 /VP-TH", "V/v tuyển dụng viên chức", "năm 2025 của các đơn vị", "Sở Y tế tỉnh Lâm Đồng",
    ]);
    expect(texts(doc, "header-right")[0]).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  });

  it("gives the record its số, day, issuer and the whole V/v (a wrapped line may begin with a capital)", async () => {
    const r = await parse(fixture("signed-widgets.pdf"), { path: "signed-widgets.pdf" });
    expect(r.number).toMatchObject({ value: "507", symbol: "VP-TH" });
    expect(r.date?.value).toBe("2025-05-12");
    expect(r.issuer?.name).toBe("VĂN PHÒNG UBND TỈNH LÂM ĐỒNG");
    expect(r.nationalTitle).toBe(true);
    expect(r.subject).toBe("tuyển dụng viên chức năm 2025 của các đơn vị Sở Y tế tỉnh Lâm Đồng");
  });

  it("leaves the signing tool's stamp box out of the signature and says so; keeps a FreeText", () => {
    expect(texts(doc, "footer-right")).toEqual(["CHÁNH VĂN PHÒNG", "(đã ký)", "Trần Văn Bình"]);
    expect(doc.lines.some((l) => /Ký bởi|Email|Thời gian ký/.test(l.text))).toBe(false);
    expect(doc.warnings.find((w) => w.code === "signature-stamp")?.message).toContain("Ký bởi: Văn phòng UBND tỉnh");
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
    // a grey PGM at 200 dpi (this page is 595 × 842 points: 1653 × 2339 pixels), as pdftoppm's pages are handed to the engine
    expect(new TextDecoder().decode(png!.subarray(0, 17))).toBe("P5\n1653 2339\n255\n");
    expect(texts(doc, "header-left")).toEqual(["ỦY BAN", "Số: 45/UBND-VX"]);
    expect(texts(doc, "header-right")).toEqual(["CỘNG HÒA", "Độc lập"]);
    expect(texts(doc, "body")).toEqual(["THÔNG BÁO", "Ủy ban nhân dân tỉnh thông báo lịch họp ngày 27/5."]);
    expect(doc.warnings.map((x) => x.code)).toContain("ocr");
    // the stamp of the text layer is not the document's text
    expect(texts(doc).join("\n")).not.toContain("Người ký");
  });
});

describe("text layers that are not real text", () => {
  it.each([
    ["Ủy ban nhân dân tỉnh Kiên Giang thông báo lịch họp của các sở, ban, ngành", 0.7, 1],
    ["UBND TINH KIEN GIANG SO Y TE Ye vic thanh lip Hoi dong Sang kien", 0, 0.05],
    ["Can cir Quyt djnh st 1675 cüaan Uyb nhân dan tinh phñc cüa", 0, 0.25], // Latin-1 marks of an OCR without Vietnamese
    ["0v naN NnAx oAN riNn r,Avr DoNG s6.l1JW", 0, 0.05],
  ])("%s → a share of Vietnamese words in [%d, %d]", (text, lo, hi) => {
    const q = textQuality(text);
    expect(q.marked / q.words).toBeGreaterThanOrEqual(lo);
    expect(q.marked / q.words).toBeLessThanOrEqual(hi);
  });

  it("counts words as the white-space tokens of two letters or more, Latin and Vietnamese ones read in place", () => {
    const seen = new Map<string, 0 | 1 | 2>();
    // `a`, `1`, `-` are no words; `UBND`, `so` are; `Ủy`, `nhân`, `dân` carry marks, and so does
    // `Ủy` typed decomposed; `cüa` has a foreign letter; `Москва` is a word without a mark
    expect(textQuality("  a UBND\tỦy ban\nnhân dân 1 - so cüa U\u0309y Москва ", seen)).toEqual({ words: 9, marked: 4 });
    // only the tokens beyond those letters are kept for the next page
    expect([...seen.keys()].sort()).toEqual(["U\u0309y", "Москва"].sort());
  });

  it("judges a token of Latin and Vietnamese letters unit by unit as the whole token is judged", () => {
    // the rule read on the whole token: two letters, then (beyond ASCII) no foreign letter and a mark once in NFC, lower case
    const foreign = new RegExp(`[${FOREIGN_LETTERS}]`, "u");
    const whole = (t: string) => {
      if (!/\p{L}\P{L}*\p{L}/u.test(t)) return 0;
      if (/^[\x00-\x7f]*$/.test(t)) return 1;
      const nfc = t.normalize("NFC").toLowerCase();
      return !foreign.test(nfc) && /[\u0300-\u036f]|đ/u.test(nfc.normalize("NFD")) ? 2 : 1;
    };
    const verdict = (t: string) => {
      const q = textQuality(t);
      return q.marked ? 2 : q.words;
    };
    const units = [...Array(0x250).keys(), ...Array.from({ length: 0x100 }, (_, k) => 0x1e00 + k)].map((c) => String.fromCharCode(c)).filter((ch) => /\S/.test(ch));
    const bad = [];
    for (const ch of units) for (const t of [ch, `a${ch}`, `${ch}${ch}`, `Đ${ch}b`, `ng${ch}`]) if (verdict(t) !== whole(t)) bad.push(t);
    expect(bad).toEqual([]);
  });


  it("measures how much of the page one image covers, through the graphics state", () => {
    const OPS = { save: 1, restore: 2, transform: 3, paintFormXObjectBegin: 4, paintFormXObjectEnd: 5, paintImageXObject: 6, paintInlineImageXObject: 7, paintImageMaskXObject: 8 };
    const list: [number, unknown][] = [
      [OPS.save, null], [OPS.transform, [100, 0, 0, 50, 10, 10]], [OPS.paintImageXObject, ["img1"]], [OPS.restore, null], // a logo
      [OPS.save, null], [OPS.paintFormXObjectBegin, [[595, 0, 0, 842, 0, 0], [0, 0, 1, 1]]], [OPS.paintImageXObject, ["img2"]], [OPS.paintFormXObjectEnd, []], [OPS.restore, null],
    ];
    const ops = { fnArray: list.map((l) => l[0]), argsArray: list.map((l) => l[1]) };
    expect(imageCoverage(ops, OPS, [0, 0, 595, 842])).toBeCloseTo(1, 3);
    expect(imageCoverage({ fnArray: ops.fnArray.slice(0, 4), argsArray: ops.argsArray.slice(0, 4) }, OPS, [0, 0, 595, 842])).toBeCloseTo(5000 / (595 * 842), 5);
  });

  it("reads the same coverage from the content stream, forms and inline images included, without pdf.js", () => {
    const A4 = 595 * 842;
    const image = { image: true as const };
    const form = (content: string, matrix = [1, 0, 0, 1, 0, 0]) => ({ image: false as const, matrix, content, xobjects: new Map([["Im0", image]]) });
    // a logo, then the page image
    expect(contentImageCoverage("q 100 0 0 50 10 10 cm /Im0 Do Q", new Map([["Im0", image]]), A4)).toBeCloseTo(5000 / A4, 5);
    expect(contentImageCoverage("q 100 0 0 50 10 10 cm /Im0 Do Q q 595 0 0 842 0 0 cm /Im0 Do Q", new Map([["Im0", image]]), A4)).toBeCloseTo(1, 5);
    // Q restores the matrix: the second image is drawn at 1 × 1
    expect(contentImageCoverage("q 595 0 0 842 0 0 cm Q /Im0 Do", new Map([["Im0", image]]), A4)).toBeCloseTo(1 / A4, 8);
    // a form scaled by its /Matrix and by the page's cm
    expect(contentImageCoverage("q 0.5 0 0 0.5 0 0 cm /Fm0 Do Q", new Map([["Fm0", form("q 595 0 0 842 0 0 cm /Im0 Do Q", [2, 0, 0, 2, 0, 0])]]), A4)).toBeCloseTo(1, 5);
    // an inline image, its binary data skipped (an "EI" inside the data is not its end)
    expect(contentImageCoverage("q 595 0 0 421 0 0 cm BI /W 2 /H 2 /BPC 8 /CS /G ID \x00EI\xff\x10 EI Q BT (x) Tj ET", new Map(), A4)).toBeCloseTo(0.5, 2);
    // text alone covers nothing; a cm that cannot be read leaves it to pdf.js
    expect(contentImageCoverage("BT /F1 12 Tf 72 700 Td (Số: 12) Tj ET", new Map(), A4)).toBe(0);
    expect(contentImageCoverage("q 595 0 cm /Im0 Do Q", new Map([["Im0", image]]), A4)).toBeNull();
  });

  it("gives the fixtures' scan and stamp pages the coverage pdf.js's operator list gives", async () => {
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const seen: number[] = [];
    for (const name of ["bad-text-layer.pdf", "scanned-stamp.pdf", "ocr-text-layer.pdf"]) {
      const bytes = fixture(name);
      const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
      const reader = new ContentReader(new RawPdf(bytes, binaryString(bytes)));
      for (let p = 1; p <= doc.numPages; p++) {
        const page = await doc.getPage(p);
        const ops = await page.getOperatorList({ annotationMode: lib.AnnotationMode.DISABLE });
        const [x0, y0, x1, y1] = page.view;
        const ours = await reader.imageCoverage(page.ref.num, (x1 - x0) * (y1 - y0));
        expect(ours, `${name} page ${p}`).toBeCloseTo(imageCoverage(ops, lib.OPS, page.view), 5);
        seen.push(ours!);
      }
      await doc.destroy();
    }
    // the scans' page images are among them
    expect(Math.max(...seen)).toBeGreaterThan(0.9);
  }, 60_000);

  const bad = fixture("bad-text-layer.pdf");
  const ocrWords = [
    { text: "ỦY", left: 83, top: 70, width: 40, height: 20, conf: 95, line: "1" }, { text: "BAN", left: 130, top: 70, width: 50, height: 20, conf: 95, line: "1" },
    { text: "Ủy", left: 118, top: 170, width: 30, height: 20, conf: 95, line: "2" }, { text: "ban", left: 152, top: 170, width: 40, height: 20, conf: 95, line: "2" },
  ];

  it("OCRs a page whose invisible layer lacks Vietnamese marks, and says why", async () => {
    let calls = 0;
    const loader = createPdfLoader({ findOcrEngine: async () => ({ name: "fake", concurrency: 1, recognize: async () => { calls++; return ocrWords; }, close: async () => undefined }), renderWithPdfjs: true });
    const doc = await loader.load(bad, { path: "bad.pdf" });
    expect(calls).toBe(1);
    expect(doc.ocr).toBe(true);
    expect(texts(doc).join(" ")).not.toContain("NHAN");
    expect(texts(doc)).toContain("Ủy ban");
    expect(doc.warnings.find((w) => w.code === "bad-text-layer")?.message).toMatch(/page 1 \(0%\).*OCRed instead/);
  });

  it("keeps the bad layer, with a warning, when OCR is disabled or no engine is installed", async () => {
    const off = await load(bad, "bad.pdf", false);
    expect(texts(off)).toContain("Uy ban nhan dan tinh thong bao lich hop ngay 27 thang 5 nam 2025.");
    expect(off.warnings.find((w) => w.code === "bad-text-layer")?.message).toContain("OCR was disabled");
    const none = await createPdfLoader({ findOcrEngine: async () => null }).load(bad, { path: "bad.pdf" });
    expect(none.ocr).toBe(false);
    expect(none.warnings.find((w) => w.code === "bad-text-layer")?.message).toContain("no OCR engine");
  });

  it("leaves a born-digital page alone whatever its language (no page image under it)", async () => {
    const doc = await load(fixture("decision-3-pages.pdf"), "decision-3-pages.pdf");
    expect(doc.warnings.map((w) => w.code)).not.toContain("bad-text-layer");
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

  it("counts markers and letters as a character-by-character count does, astral letters and lone surrogates too", () => {
    const markers = new Set(LEGACY_MARKER_CHARS);
    const oracle = (text: string) => {
      let letters = 0, marks = 0;
      for (const ch of text) {
        if (markers.has(ch)) marks++;
        else if (/\p{L}/u.test(ch)) letters++;
      }
      return marks >= 5 ? marks / (letters + marks) : 0;
    };
    const pieces = ["Céng hoµ x· héi", "Cộng hòa", "µ¸ø", "𝐀𝐁", "\ud835", "\udc00", "ĐƯ", " ", "1", "−∙μ", "ア", "\u2212"];
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
    for (let k = 0; k < 1000; k++) {
      const text = Array.from({ length: 1 + (k % 30) }, () => pieces[next()]).join("");
      expect(legacyShare(text), text).toBeCloseTo(oracle(text), 12);
    }
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
    expect(glyphs).toEqual({ text: "ng\u00ADêi n\u00ADíc", runs: [{ end: 10, font: "g_d0_f1" }] });
    expect(restoreDroppedMarks(["ngêi ", "níc"], glyphs)).toEqual({ texts: ["ng\u00ADêi ", "n\u00ADíc"], restored: 2 });
    // sequences that do not line up are left alone
    expect(restoreDroppedMarks(["hoµn toµn kh¸c"], glyphs).restored).toBe(-1);
  });
});
