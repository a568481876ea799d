import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractReferences, referencesIn } from "../../src/extract/references.js";
import { ctxOf } from "./tree.js";

type Want = { type: string; number: string | null; symbol: string | null; date?: string | null; issuer?: string | null; subject?: string | null };

describe("referencesIn: citations", () => {
  it.each<[string, Want]>([
    [
      "triển khai Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá",
      { type: "Nghị quyết", number: "72", symbol: "NQ/TW", date: "2025-09-09", issuer: "Bộ Chính trị", subject: "một số giải pháp đột phá" },
    ],
    [
      "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;",
      { type: "Nghị định", number: "30", year: 2020, symbol: "NĐ-CP", date: "2020-03-05", issuer: "Chính phủ", subject: "công tác văn thư" },
    ],
    [
      "Thực hiện ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 1227-CV/TU ngày 20/5/2025 về việc tiếp tục đẩy mạnh công tác",
      { type: "Công văn", number: "1227", symbol: "CV/TU", date: "2025-05-20", issuer: "Ban Thường vụ Tỉnh ủy", subject: "tiếp tục đẩy mạnh công tác" },
    ],
    ["theo Quyết định 123/QĐ-UBND của UBND tỉnh", { type: "Quyết định", number: "123", symbol: "QĐ-UBND", issuer: "UBND tỉnh" }],
    [
      "theo đề nghị của Sở Kế hoạch và Đầu tư tại Công văn số 2310/SKH&ĐT-ĐKKD ngày 04/11/2025 về việc cấp phép",
      { type: "Công văn", number: "2310", symbol: "SKH&ĐT-ĐKKD", date: "2025-11-04", issuer: "Sở Kế hoạch và Đầu tư" },
    ],
    [
      "Ngày 14/3/2024, Bộ Giáo dục và Đào tạo ban hành Công văn số 1102/BGDĐT-GDTrH về việc hướng dẫn ôn tập",
      { type: "Công văn", number: "1102", symbol: "BGDĐT-GDTrH", date: "2024-03-14", issuer: "Bộ Giáo dục và Đào tạo", subject: "hướng dẫn ôn tập" },
    ],
    [
      "Ngày 02/8/2025, Sở Tài chính có Văn bản số 845/STC-QLNS đề nghị bổ sung kinh phí",
      { type: "Văn bản", number: "845", symbol: "STC-QLNS", date: "2025-08-02", issuer: "Sở Tài chính" },
    ],
    [
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;",
      { type: "Luật", number: null, symbol: null, date: "2025-02-19", subject: "Tổ chức chính quyền địa phương" },
    ],
    [
      "Căn cứ Thông tư Liên tịch số 03/2006/TTLT-BTC-BNV ngày 17/01/2006 của Bộ Tài chính và Bộ Nội Vụ hướng dẫn thực hiện",
      { type: "Thông tư liên tịch", number: "03", year: 2006, symbol: "TTLT-BTC-BNV", date: "2006-01-17", issuer: "Bộ Tài chính và Bộ Nội Vụ", subject: "hướng dẫn thực hiện" },
    ],
    [
      "Căn cứ Kết luận số 06-KL/TU, ngày 19/5/2004 của Ban Thường vụ Thành ủy về Kết luận",
      { type: "Kết luận", number: "06", symbol: "KL/TU", date: "2004-05-19", issuer: "Ban Thường vụ Thành ủy" },
    ],
    ["ban hành kèm theo Quyết định số 1141-TC/QĐ/CĐKT ngày 01/11/1995", { type: "Quyết định", number: "1141", symbol: "TC/QĐ/CĐKT", date: "1995-11-01" }],
    [
      "Căn cứ Quyết định số 153/2004/ QĐ-TTg ngày 17 tháng 8 năm 2004 của Thủ tướng Chính phủ",
      { type: "Quyết định", number: "153", year: 2004, symbol: "QĐ-TTg", date: "2004-08-17", issuer: "Thủ tướng Chính phủ" },
    ],
    ["thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", { type: "Chỉ thị", number: "05", symbol: "CT/TW", date: "2016-05-15", issuer: "Bộ Chính trị" }],
    [
      "Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn thể thức và kỹ thuật trình bày",
      { type: "Thông tư", number: "01", year: 2011, symbol: "TT-BNV", issuer: "Bộ Nội vụ", subject: "hướng dẫn thể thức và kỹ thuật trình bày" },
    ],
    ["Công điện số 12/CĐ-TTg ngày 20/5/2026 của Thủ tướng Chính phủ", { type: "Công điện", number: "12", symbol: "CĐ-TTg", issuer: "Thủ tướng Chính phủ" }],
    ["Pháp lệnh Ưu đãi người có công với cách mạng số 02/2020/UBTVQH14", { type: "Pháp lệnh", number: "02", year: 2020, symbol: "UBTVQH14", subject: "Ưu đãi người có công với cách mạng" }],
    ["Bộ luật Lao động số 45/2019/QH14", { type: "Bộ luật", number: "45", year: 2019, symbol: "QH14", subject: "Lao động" }],
    ["Kế hoạch số 45/KH-UBND ngày 10/3/2026 của UBND tỉnh về đẩy nhanh", { type: "Kế hoạch", number: "45", symbol: "KH-UBND", date: "2026-03-10", issuer: "UBND tỉnh" }],
    ["Thông báo số 123-TB/TU ngày 01/6/2026", { type: "Thông báo", number: "123", symbol: "TB/TU", date: "2026-06-01" }],
    ["Hướng dẫn số 36-HD/VPTW ngày 03/4/2018 của Văn phòng Trung ương Đảng", { type: "Hướng dẫn", number: "36", symbol: "HD/VPTW", issuer: "Văn phòng Trung ương Đảng" }],
    ["đề nghị của Giám đốc Sở Giáo dục và Đào tạo tại Tờ trình số 107/TTr-SGDĐT ngày 09/8/2024", { type: "Tờ trình", number: "107", symbol: "TTr-SGDĐT", issuer: "Giám đốc Sở Giáo dục và Đào tạo" }],
    ["Báo cáo số 15/BC-UBND ngày 12/01/2026", { type: "Báo cáo", number: "15", symbol: "BC-UBND", date: "2026-01-12" }],
    [
      "Xét đề nghị của Ủy ban nhân dân tỉnh Nghệ An (Công văn số 5969/UBND-TM ngày 19 tháng 8 năm 2014)",
      { type: "Công văn", number: "5969", symbol: "UBND-TM", date: "2014-08-19", issuer: "Ủy ban nhân dân tỉnh Nghệ An" },
    ],
    ["Văn bản số 8424/VPCP-KTTH ngày 27/10/2014", { type: "Văn bản", number: "8424", symbol: "VPCP-KTTH", date: "2014-10-27" }],
    ["thực hiện Nghị quyết số 38/CP ngày 04/5/1994 của Chính phủ", { type: "Nghị quyết", number: "38", symbol: "CP", date: "1994-05-04", issuer: "Chính phủ" }],
    ["Căn cứ công văn số 1808/CP-ĐP ngày 29 tháng 11 năm 2004 của Chính phủ", { type: "Công văn", number: "1808", symbol: "CP-ĐP", date: "2004-11-29", issuer: "Chính phủ" }],
    ["Quy định số 08-QĐi/TW ngày 25/10/2018 của Ban Chấp hành Trung ương", { type: "Quy định", number: "08", symbol: "QĐi/TW", issuer: "Ban Chấp hành Trung ương" }],
    ["Chương trình số 05-CTr/TU ngày 02/02/2026", { type: "Chương trình", number: "05", symbol: "CTr/TU", date: "2026-02-02" }],
    ["Luật số 80/2015/QH13", { type: "Luật", number: "80", year: 2015, symbol: "QH13" }],
    ["Sắc lệnh số 102-SL/L.004", { type: "Sắc lệnh", number: "102", symbol: "SL/L.004" }],
    ["Luật số 21-LCT/HĐNN8", { type: "Luật", number: "21", symbol: "LCT/HĐNN8" }],
    ["Số: 837 / QĐ - BKH theo Quyết định số 837 / QĐ - BKH", { type: "Quyết định", number: "837", symbol: "QĐ-BKH" }],
    // an en dash in the symbol made a hyphen; a symbol mostly in small letters is none
    ["theo Công văn số 12/UBND – VX của UBND tỉnh", { type: "Công văn", number: "12", symbol: "UBND-VX", issuer: "UBND tỉnh" }],
    ["Căn cứ Quyết định số 15/QĐ-UBND ngày 02/3/2026 về việc phê duyệt kế hoạch, , ;", { symbol: "QĐ-UBND", subject: "phê duyệt kế hoạch" }],
    ["theo quy định của Bộ Luật Lao động và các văn bản hướng dẫn", { type: "Bộ luật", number: null, symbol: null, subject: "Lao động" }],
    ["Căn cứ Luật Giáo dục ngày 14/6/2019;", { type: "Luật", number: null, symbol: null, date: "2019-06-14", subject: "Giáo dục" }],
    ["(Ban hành kèm theo Quyết định số    /QĐ.BQL-VP ngày    /    /2007)", { type: "Quyết định", number: null, symbol: "QĐ.BQL-VP", date: "2007" }],
  ])("%s", (text, want) => {
    const refs = referencesIn(text, 2026);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs[0]).toMatchObject(want);
    expect(text.slice(refs[0].span![0], refs[0].span![1]).replace(/\s+/g, " ").trim()).toBe(refs[0].text);
  });

  it("reads a list of numbers under one type", () => {
    const refs = referencesIn("thay thế các quyết định số 101/QĐ.BQL-TC ngày 21/7/2005 và 41/QĐ.BQL-TC ngày 30/3/2006", 2026);
    expect(refs.map((r) => [r.type, r.number, r.symbol, r.date])).toEqual([
      ["Quyết định", "101", "QĐ.BQL-TC", "2005-07-21"],
      ["Quyết định", "41", "QĐ.BQL-TC", "2006-03-30"],
    ]);
  });

  it("takes no number whose symbol is mostly small letters", () => {
    expect(referencesIn("theo Quyết định số 5/Chính phủ ban hành").filter((r) => r.number === "5")).toEqual([]);
  });

  it("does not take a footnote mark into the symbol", () => {
    expect(referencesIn("thực hiện Nghị quyết số 72-NQ/TW¹; tiến độ")[0].symbol).toBe("NQ/TW");
  });
});

describe("referencesIn: a date that opens the sentence", () => {
  it("is not taken from another citation earlier in the sentence", () => {
    const refs = referencesIn("Căn cứ Quyết định số 12/QĐ-UBND ngày 10/01/2025, Ủy ban nhân dân huyện ban hành Kế hoạch số 45/KH-UBND để triển khai", 2026);
    expect(refs.map((r) => [r.number, r.date])).toEqual([["12", "2025-01-10"], ["45", null]]);
  });
});

describe("referencesIn: what is not a citation", () => {
  it.each([
    "Quyết định này có hiệu lực kể từ ngày ký.",
    "Thông tư này hướng dẫn thi hành",
    "QUYẾT ĐỊNH:",
    "Số: 123/QĐ-UBND",
    "theo quy định của pháp luật Việt Nam",
    "Thực hiện Chương trình công tác tháng 5/2026",
    "Ban hành Kế hoạch thời gian năm học 2024-2025",
    "Báo cáo kết quả 6 tháng đầu năm",
    "quy định tại Điều 5 Nghị định này",
    "Công văn này thay thế Công văn trước",
    "Nghị quyết Hội nghị Ban chấp hành Trung ương Đảng lần thứ 8 (khoá VII)",
    "Thông báo kết quả tuyển sinh",
    "Quyết định 2045 học sinh được khen",
    "tổng số 1.500/2.000 hồ sơ",
    "Luật sửa đổi, bổ sung một số điều",
  ])("%s", (text) => {
    expect(referencesIn(text, 2026)).toEqual([]);
  });
});

describe("extractReferences", () => {
  it("completes a short citation from its full citation in a footnote (seed 000)", () => {
    const text = readFileSync(new URL("../../fixtures/extract/thong-bao-footnote.txt", import.meta.url), "utf8");
    const refs = extractReferences(ctxOf(text, 2026));
    expect(refs).toHaveLength(2);
    for (const r of refs) expect(r).toMatchObject({ number: "72", symbol: "NQ/TW", date: "2025-09-09", issuer: "Bộ Chính trị" });
    expect(refs[0].text).toBe("Nghị quyết số 72-NQ/TW");
  });

  it("leaves out the document's own number cited in its appendix", () => {
    const text = "Số: 256/2004/QĐ-UB\n…\n(Ban hành theo Quyết định số: 256/2004/QĐ-UB ngày 01/ 7 /2004)\nCăn cứ Quyết định số 136/2001/QĐ-TTg";
    const ctx = ctxOf(text, 2004, { number: { raw: "Số: 256/2004/QĐ-UB", value: "256", symbol: "QĐ-UB", year: 2004, span: [0, 18] } });
    expect(extractReferences(ctx).map((r) => [r.number, r.year])).toEqual([["136", 2001]]);
  });
});
