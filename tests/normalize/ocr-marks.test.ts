import { describe, expect, it } from "vitest";
import { MappedText } from "../../src/normalize/mapped.js";
import { dropOcrSpecks, fixOcrMarks, splitGluedSyllables } from "../../src/normalize/ocr-marks.js";
import { normalize } from "../../src/normalize/index.js";

const fix = (s: string) => fixOcrMarks(MappedText.of(s)).text;

describe("OCR tone marks respelled from the grammars' phrases", () => {
  it.each([
    ["UBND THÀNH PHÓ ĐÀ NẴNG", "UBND THÀNH PHỐ ĐÀ NẴNG"],
    ["GIÁM ĐÓC", "GIÁM ĐỐC"],
    ["SỞ Y TÉ KIÊN GIANG", "SỞ Y TẾ KIÊN GIANG"],
    ["TRƯỜNG ĐẠI HỌC CÀN THƠ", "TRƯỜNG ĐẠI HỌC CẦN THƠ"],
    ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐÒNG", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"],
    ["Tp. Hô Chí Minh, ngày 22 tháng 01 năm 2013", "Tp. Hồ Chí Minh, ngày 22 tháng 01 năm 2013"],
    ["Lâm Đông, ngày 30 tháng 9 năm 2025", "Lâm Đồng, ngày 30 tháng 9 năm 2025"],
    ["- Các phòng, khoa (đẻ thực hiện);", "- Các phòng, khoa (để thực hiện);"],
  ])("%s → %s", (ocr, want) => {
    expect(fix(ocr)).toBe(want);
  });

  it.each([
    ["a word alone is left: Phó is a word too", "PHÓ", "PHÓ"],
    ["words already right", "PHÓ GIÁM ĐỐC SỞ Y TẾ", "PHÓ GIÁM ĐỐC SỞ Y TẾ"],
    ["words that are no phrase of the grammars", "giám sát trong phòng thì", "giám sát trong phòng thì"],
    ["words apart across columns", "THÀNH   PHÓ", "THÀNH   PHÓ"],
    ["a misread letter, not a mark (Hè for Hồ)", "Tp. Hè Chí Minh", "Tp. Hè Chí Minh"],
  ])("%s", (_why, ocr, want) => {
    expect(fix(ocr)).toBe(want);
  });

  it("keeps every character's origin (same length respelling)", () => {
    const t = fixOcrMarks(MappedText.of("SỞ Y TÉ", 100));
    expect(t.text).toBe("SỞ Y TẾ");
    expect(Array.from(t.origin)).toEqual([100, 101, 102, 103, 104, 105, 106, 107]);
  });

  it("runs on OCR text only: a typed document keeps its own spelling", () => {
    const lines = [{ text: "UBND THÀNH PHÓ ĐÀ NẴNG" }];
    expect(normalize({ format: "pdf", pages: 1, lines, ocr: true, warnings: [] }).text).toBe("UBND THÀNH PHỐ ĐÀ NẴNG");
    expect(normalize({ format: "pdf", pages: 1, lines, ocr: false, warnings: [] }).text).toBe("UBND THÀNH PHÓ ĐÀ NẴNG");
  });
});

describe("OCR specks at the edges of a line", () => {
  it.each([
    ["~ Như trên;", "- Như trên;"],
    ["~- Lưu: VT, TH.", "- Lưu: VT, TH."],
    ["-..CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG"],
    ["— UBND TỈNH KIÊN GIANG", "UBND TỈNH KIÊN GIANG"],
    ["- Lưu: VT, CTSV. ị", "- Lưu: VT, CTSV."],
    [". TRƯỜNG ĐẠI HỌC", "TRƯỜNG ĐẠI HỌC"],
    [". - Ban Dân vận Tỉnh ủy;", "- Ban Dân vận Tỉnh ủy;"],
    [". Tổ chức thực hiện", ". Tổ chức thực hiện"],
    ["- Như trên;", "- Như trên;"],
    ["- UBND các huyện;", "- UBND các huyện;"],
    ["Điều 2. Quyết định có hiệu lực từ ngày ký.", "Điều 2. Quyết định có hiệu lực từ ngày ký."],
  ])("%s → %s", (ocr, want) => {
    expect(dropOcrSpecks(MappedText.of(ocr)).text).toBe(want);
  });
});

describe("syllables OCR ran together", () => {
  it.each([
    ["KT, THỦTƯỚNG", "KT, THỦ TƯỚNG"],
    ["Chínhphủ quy định", "Chính phủ quy định"],
    ["HĐKHCN ngànhY tế", "HĐKHCN ngành Y tế"],
    ["Căn cứLuật Giáo dục", "Căn cứ Luật Giáo dục"],
    ["nhànước", "nhà nước"],
    ["đápứng yêu cầu", "đáp ứng yêu cầu"],
    ["triểnứng dụng", "triển ứng dụng"],
  ])("%s → %s", (ocr, want) => {
    expect(splitGluedSyllables(MappedText.of(ocr)).text).toBe(want);
  });

  it.each(["CNVCLĐ, KTTH", "SởVH,TT&DL", "Email, laptop", "Nguyễn Quyết Hoàng khuỷu nghiêng", "QĐ-TTg UBND", "DUYÉT ĐỊNH"])("leaves %s as it is", (text) => {
    expect(splitGluedSyllables(MappedText.of(text)).text).toBe(text);
  });

  it("keeps every character's origin", () => {
    const t = splitGluedSyllables(MappedText.of("về việc Chínhphủ", 100));
    expect(t.text).toBe("về việc Chính phủ");
    expect(t.toSource(t.text.indexOf("phủ"))).toBe(100 + "về việc Chính".length);
  });
});
