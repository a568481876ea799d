import JSZip from "jszip";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, SoftHyphen } from "docx";
import { describe, expect, it } from "vitest";
import { CorruptFileError, UnsupportedFormatError } from "../../src/errors.js";
import { docxLoader } from "../../src/load/docx.js";
import { loadDocument } from "../../src/load/index.js";
import { bytesOf, inBlock, line, runsConsistent, texts } from "./helpers.js";

const load = (p: string) => docxLoader.load(bytesOf(p), { path: p });

describe("DOCX: the công văn fixture", async () => {
  const doc = await load("cong-van-ubnd.docx");

  it("reads the header table as two columns, left then right", () => {
    expect(inBlock(doc, "header-left")).toEqual([
      "ỦY BAN NHÂN DÂN", "TỈNH BÌNH ĐỊNH", "Số: 1842/UBND-VX", "V/v triển khai Nghị quyết số 72-NQ/TW", "về chăm sóc sức khỏe Nhân dân",
    ]);
    expect(inBlock(doc, "header-right")).toEqual([
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bình Định, ngày 20 tháng 10 năm 2025",
    ]);
    // the header lines come first
    expect(doc.lines.slice(0, 8).every((l) => l.block?.startsWith("header-"))).toBe(true);
  });

  it("joins a V/v line that continues in lower case into its paragraph", () => {
    expect(line(doc, "V/v")?.paragraphEnd).toBe(false);
    expect(line(doc, "Số:")?.paragraphEnd).toBe(true);
  });

  it("reads the signature table: Nơi nhận on the left, the signature on the right", () => {
    const left = inBlock(doc, "footer-left");
    expect(left[0]).toBe("Nơi nhận:");
    expect(left.at(-1)).toBe("- Lưu: VT, K20.");
    expect(left).toHaveLength(8);
    expect(inBlock(doc, "footer-right")).toEqual(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Khoa"]);
  });

  it.each([
    ["1. Giao Sở Y tế:"],
    ["- Chủ trì, phối hợp"],
    ["2. Các sở, ban, ngành"],
    ["a) Chỉ đạo UBND cấp xã"],
    ["b) Rà soát, đề xuất"],
    ["5. Giao Văn phòng UBND tỉnh"],
  ])("writes Word's computed list label: %s", (start) => {
    expect(line(doc, start), texts(doc.lines).join("\n")).toBeDefined();
  });

  it("keeps the footnote mark after its word and puts the note last, mark first", () => {
    expect(doc.lines.some((l) => l.text.includes("Nghị quyết số 72-NQ/TW¹ về một số"))).toBe(true);
    const notes = doc.lines.filter((l) => l.block === "footnote");
    expect(notes).toHaveLength(1);
    expect(notes[0].text).toMatch(/^¹ Nghị quyết số 72-NQ\/TW ngày 09\/9\/2025 của Bộ Chính trị/);
    expect(doc.lines.at(-1)).toBe(notes[0]);
  });

  it("gives paragraphs their alignment, bold and fonts", () => {
    expect(line(doc, "TỈNH BÌNH ĐỊNH")).toMatchObject({ bold: true, align: "center", paragraphEnd: true });
    expect(line(doc, "ỦY BAN NHÂN DÂN")).toMatchObject({ bold: false });
    expect(line(doc, "Thực hiện Công văn")).toMatchObject({ align: "justify", bold: false });
    expect(line(doc, "Thực hiện Công văn")?.runs?.some((r) => r.font === "Times New Roman")).toBe(true);
    expect(runsConsistent(doc)).toEqual([]);
  });
});

describe("DOCX: the quyết định fixture", async () => {
  const doc = await load("load/quyet-dinh-so-noi-vu.docx");
  it("computes Điều labels and restarts a) under each numbered item", () => {
    const labelled = texts(doc.lines).filter((t) => /^(Điều \d+\.|\d+\.|[a-z]\)) /.test(t)).map((t) => t.split(" ").slice(0, t.startsWith("Điều") ? 2 : 1).join(" "));
    expect(labelled).toEqual(["Điều 1.", "Điều 2.", "1.", "a)", "b)", "2.", "Điều 3."]);
  });
  it("reads a two-line issuer into the left column", () => {
    expect(inBlock(doc, "header-left").slice(0, 3)).toEqual(["UBND TỈNH BÌNH ĐỊNH", "SỞ NỘI VỤ", "Số: 356/QĐ-SNV"]);
    expect(inBlock(doc, "footer-right")).toEqual(["GIÁM ĐỐC", "Võ Thanh Tùng"]);
  });
});

async function build(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

describe("DOCX: legacy fonts and text", () => {
  it("keeps TCVN3 text, its soft hyphens (ư) and the font of each run", async () => {
    // "Cộng hòa" / "Thường" in TCVN3 bytes: the ư of "Thường" is 0xAD, Word's soft hyphen
    const bytes = await build([
      new Paragraph({ children: [
        new TextRun({ text: "Céng hoµ x· héi ", font: ".VnTimeH" }),
        new TextRun({ font: ".VnTime", children: ["Th", new SoftHyphen(), "êng vô"] }),
        // the same letter typed as a character rather than Word's soft-hyphen element
        new TextRun({ text: " Tr\u00adëng", font: ".VnTime" }),
      ] }),
    ]);
    const doc = await docxLoader.load(bytes, { path: "tcvn3.docx" });
    const l = doc.lines[0];
    expect(l.text).toBe("Céng hoµ x· héi Th\u00adêng vô Tr\u00adëng");
    expect(l.runs).toEqual([
      { text: "Céng hoµ x· héi ", font: ".VnTimeH" },
      { text: "Th\u00adêng vô Tr\u00adëng", font: ".VnTime" },
    ]);
  });

  it("reads a data table row by row, without layout blocks", async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const rows = [["STT", "Nội dung", "Thời hạn"], ["1", "Báo cáo kết quả", "15/11/2025"], ["2", "Tổng kết", "30/12/2025"]];
    const bytes = await build([
      new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun("Phụ lục kèm theo Công văn này gồm các nhiệm vụ sau, mỗi nhiệm vụ có thời hạn hoàn thành cụ thể để các cơ quan, đơn vị theo dõi thực hiện và báo cáo kết quả đúng hạn theo quy định hiện hành của Ủy ban nhân dân tỉnh, bảo đảm chất lượng, hiệu quả; trường hợp có khó khăn, vướng mắc thì báo cáo kịp thời để được hướng dẫn, giải quyết.")] }),
      new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) }),
    ]);
    const doc = await docxLoader.load(bytes, { path: "table.docx" });
    expect(texts(doc.lines).slice(1)).toEqual(rows.flat());
    expect(doc.lines.every((l) => l.block === undefined)).toBe(true);
  });
});

describe("DOCX: damaged input", () => {
  it("names the file when the zip is truncated", async () => {
    const good = bytesOf("cong-van-ubnd.docx");
    await expect(docxLoader.load(good.subarray(0, good.length >> 1), { path: "cut.docx" })).rejects.toThrow(CorruptFileError);
    await expect(docxLoader.load(good.subarray(0, good.length >> 1), { path: "cut.docx" })).rejects.toThrow(/^cut\.docx: /);
  });

  it("refuses a zip that is not a Word document", async () => {
    const zip = new JSZip();
    zip.file("word/readme.txt", "không phải văn bản Word");
    const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    await expect(docxLoader.load(bytes, { path: "other.zip" })).rejects.toThrow(UnsupportedFormatError);
    const plain = new JSZip();
    plain.file("a.txt", "x");
    await expect(loadDocument(new Uint8Array(await plain.generateAsync({ type: "uint8array" })), { path: "a.docx" })).rejects.toThrow(UnsupportedFormatError);
  });

  it("reports broken XML as a corrupt file", async () => {
    const zip = await JSZip.loadAsync(bytesOf("cong-van-ubnd.docx"));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.slice(0, xml.length - 200));
    const bytes = new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
    await expect(docxLoader.load(bytes, { path: "broken.docx" })).rejects.toThrow(/broken\.docx: cannot read this docx file: broken XML/);
  });
});
