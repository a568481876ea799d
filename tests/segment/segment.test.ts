import { describe, expect, it } from "vitest";
import { markdownLoader } from "../../src/load/text.js";
import { normalize } from "../../src/normalize/index.js";
import { segment } from "../../src/segment/index.js";
import { parseNumber } from "../../src/segment/header.js";
import { readFixture, segmentText } from "../helpers.js";

describe("số and ký hiệu", () => {
  it.each([
    ["1227-CV/TU", "1227", "CV/TU", null],
    ["123/QĐ-UBND", "123", "QĐ-UBND", null],
    ["/UBND-NCVX", null, "UBND-NCVX", null],
    ["837 / QĐ - BKH", "837", "QĐ-BKH", null],
    ["45/2026/NĐ-CP", "45", "NĐ-CP", "2026"],
    ["01 / 2005 /TT-BKH", "01", "TT-BKH", "2005"],
    ["1141-TC/QĐ/CĐKT", "1141", "TC/QĐ/CĐKT", null],
    ["/TTr- BLĐTBXH", null, "TTr-BLĐTBXH", null],
  ])("%s → %s, %s", (raw, value, symbol, year) => {
    expect(parseNumber(raw)).toEqual({ value, symbol, year });
  });

  it("a trích yếu run onto the số line (OCR lost its V/v) is the subject, not part of the ký hiệu", () => {
    const t = segmentText([
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "TỈNH PHÚ YÊN Độc lập - Tự do - Hạnh phúc",
      "Số: 2207/UBND-KT hướng dẫn quyết toán kinh phí năm 2025",
      "Phú Yên, ngày 03 tháng 12 năm 2025",
      "Kính gửi: Sở Tài chính",
      "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính hướng dẫn các đơn vị quyết toán.",
    ].join("\n"));
    expect(t.number).toMatchObject({ value: "2207", symbol: "UBND-KT" });
    expect(t.subject?.text).toBe("hướng dẫn quyết toán kinh phí năm 2025");
    expect(t.text.slice(t.subject!.span[0], t.subject!.span[1])).toBe("hướng dẫn quyết toán kinh phí năm 2025");
  });
});

describe("header", () => {
  it("reads a two-level issuer, urgency, type, a wrapped trích yếu and the preamble of a decision", () => {
    const t = segmentText(readFixture("segment/quyet-dinh-so-tai-chinh.txt"));
    expect(t.issuer).toMatchObject({ name: "SỞ TÀI CHÍNH", parent: "UBND TỈNH KHÁNH HÒA" });
    expect(t.nationalTitle?.text).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(t.number).toMatchObject({ value: "215", symbol: "QĐ-STC" });
    expect(t.place?.text).toBe("Khánh Hòa");
    expect(t.date?.value).toBe("2025-04-03");
    expect(t.urgency?.text).toBe("Hỏa tốc");
    expect(t.type).toMatchObject({ code: "QĐ", name: "Quyết định" });
    expect(t.subject?.text).toBe("Về việc thành lập Tổ công tác rà soát định mức chi thường xuyên năm 2025");
    expect(t.preamble.map((p) => p.text.slice(0, 12))).toEqual(["GIÁM ĐỐC SỞ ", "Căn cứ Luật ", "Căn cứ Quyết", "Theo đề nghị"]);
  });

  it("takes a V/v wrapped over two lines as the trích yếu of a công văn, and a one-line kính gửi", () => {
    const t = segmentText(readFixture("segment/cong-van-nested-signature.txt"));
    expect(t.type).toMatchObject({ code: "CV" });
    expect(t.subject?.text).toBe("hướng dẫn tuyển dụng công chức cấp xã năm 2025");
    expect(t.recipients.map((r) => r.text)).toEqual(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]);
  });

  it("splits columns set side by side with spaces, in a Party document", () => {
    const t = segmentText(readFixture("segment/ke-hoach-side-by-side.txt"));
    expect(t.nationalTitle?.text).toBe("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(t.issuer).toMatchObject({ name: "TỈNH ỦY", parent: "ĐẢNG BỘ TỈNH QUẢNG NGÃI" });
    expect(t.number).toMatchObject({ value: "45", symbol: "KH/TU" });
    expect(t.date?.value).toBe("2026-01-10");
    expect(t.type?.code).toBe("KH");
  });

  it("reads a draft date with blank day and month", () => {
    const t = segmentText("BỘ Y TẾ\nSố:      /BYT-KH\nHà Nội, ngày      tháng      năm 2026\nV/v góp ý dự thảo\nKính gửi: Bộ Tư pháp\nBộ Y tế đề nghị góp ý.");
    expect(t.date).toMatchObject({ value: "2026" });
    expect(t.number).toMatchObject({ value: null, symbol: "BYT-KH" });
  });
});

describe("body outline", () => {
  it("nests khoản and điểm under Điều, and sends the enacting line's preamble away", () => {
    const t = segmentText(readFixture("segment/quyet-dinh-so-tai-chinh.txt"));
    expect(t.body.nodes.map((n) => n.label)).toEqual(["Điều 1.", "Điều 2.", "Điều 3."]);
    const art1 = t.body.nodes[0];
    expect(art1.children.map((c) => c.label)).toEqual(["1.", "2."]);
    expect(art1.children[1].children.map((c) => c.label)).toEqual(["a)", "b)"]);
  });

  it("nests by order of appearance: roman, then numbered", () => {
    const t = segmentText(readFixture("segment/cong-van-nested-signature.txt"));
    const labelled = t.body.nodes.filter((n) => n.label);
    expect(t.body.nodes[0]).toMatchObject({ kind: "paragraph", label: null });
    expect(labelled.map((n) => n.label)).toEqual(["I.", "II."]);
    expect(labelled[0].children.map((c) => c.label)).toEqual(["1.", "2."]);
  });

  it("keeps ranked labels in order after a list of dashes (I. does not nest under -)", () => {
    const t = segmentText(readFixture("segment/cong-dien-dash-list-then-parts.txt"));
    const labelled = t.body.nodes.filter((n) => n.label);
    expect(labelled.map((n) => n.label)).toEqual(["-", "-", "I.", "II.", "III."]);
    const part3 = labelled[4];
    expect(part3.children.map((c) => c.label)).toEqual(["1.", "2."]);
    expect(part3.children[0].children.map((c) => c.label)).toEqual(["-", "-"]);
  });

  it("gives every node the span of its line in the normalized text", () => {
    const t = segmentText(readFixture("segment/quyet-dinh-so-tai-chinh.txt"));
    const n = t.body.nodes[1];
    expect(t.text.slice(n.span[0], n.span[1])).toMatch(/^Điều 2\. Tổ công tác/);
  });
});

describe("signature and nơi nhận", () => {
  it.each([
    ["segment/quyet-dinh-so-tai-chinh.txt", { authority: null, onBehalfOf: null, title: "GIÁM ĐỐC", name: "Nguyễn Văn Hùng" }],
    ["segment/cong-van-nested-signature.txt", { authority: "TL.", onBehalfOf: "BỘ TRƯỞNG", title: "PHÓ VỤ TRƯỞNG", name: "Trần Thị Mai" }],
    ["segment/ke-hoach-side-by-side.txt", { authority: "TM.", onBehalfOf: "BAN THƯỜNG VỤ", title: "PHÓ BÍ THƯ", name: "Lê Văn Minh" }],
  ])("%s", (file, expected) => {
    const t = segmentText(readFixture(file));
    expect(t.signatures).toHaveLength(1);
    expect(t.signatures[0]).toMatchObject(expected);
  });

  it("keeps the nested authority chain", () => {
    const t = segmentText(readFixture("segment/cong-van-nested-signature.txt"));
    expect(t.signatures[0].chain).toEqual([
      { authority: "TL.", onBehalfOf: "BỘ TRƯỞNG" },
      { authority: "KT.", onBehalfOf: "VỤ TRƯỞNG VỤ CÔNG CHỨC - VIÊN CHỨC" },
    ]);
  });

  it("reads nơi nhận interleaved with the signature column", () => {
    const t = segmentText(readFixture("segment/ke-hoach-side-by-side.txt"));
    expect(t.distribution.map((d) => d.text)).toEqual(["Ban Bí thư Trung ương (b/c)", "Các đồng chí Tỉnh ủy viên", "Lưu Văn phòng Tỉnh ủy"]);
  });

  it("reads a header and signature flattened into Markdown table cells", async () => {
    const loaded = await markdownLoader.load(new TextEncoder().encode(readFixture("segment/thong-bao-flattened.md")), {});
    const t = segment(normalize(loaded));
    expect(t.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN");
    expect(t.number).toMatchObject({ value: "77", symbol: "TB-UBND" });
    expect(t.subject?.text).toBe("Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng cháy");
    expect(t.body.nodes.map((n) => n.label)).toEqual(["1.", "2."]);
    expect(t.signatures[0]).toMatchObject({ authority: "TL.", onBehalfOf: "CHỦ TỊCH", title: "CHÁNH VĂN PHÒNG", name: "Phạm Quốc Khánh" });
    expect(t.distribution.map((d) => d.text)).toEqual(["Như trên", "Lưu: VT, NC"]);
  });

  it("warns instead of failing silently when there is no signature", () => {
    const t = segmentText("Số: 12/TB-UBND\nHà Nội, ngày 1 tháng 2 năm 2026\nTHÔNG BÁO\nLịch tiếp công dân\nỦy ban nhân dân thông báo lịch tiếp công dân.");
    expect(t.signatures).toEqual([]);
    expect(t.warnings.map((w) => w.code)).toContain("no-signature");
  });
});

describe("old layouts", () => {
  const t = segmentText(readFixture("segment/nghi-dinh-interleaved-footer.txt"));

  it("drops ornaments and a rule that runs into a filing code, and keeps reading the header", () => {
    expect(t.issuer?.name).toBe("CHÍNH PHỦ");
    expect(t.number).toMatchObject({ value: "31", symbol: "NĐ-CP", year: "2003" });
    expect(t.date?.value).toBe("2003-06-04");
  });

  it("continues a trích yếu on a line that starts with a lower-case body opener", () => {
    expect(t.subject?.text).toBe("Sửa đổi một số điều của Nghị định số 30/1998/NĐ-CP ngày 13 tháng 5 năm 1998 của Chính phủ");
  });

  it("reads KT/ with a slash, a name followed by 'đã ký', and nơi nhận interleaved and wrapped", () => {
    expect(t.signatures[0]).toMatchObject({ authority: "KT.", onBehalfOf: "THỦ TƯỚNG", title: "PHÓ THỦ TƯỚNG", name: "Nguyễn Tấn Dũng" });
    expect(t.distribution.map((d) => d.text)).toEqual([
      "Ban Bí thư Trung ương Đảng",
      "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ",
      "Công báo",
      "Lưu : KTTH (5), VT",
    ]);
  });
});

describe("laws", () => {
  const law = [
    "QUỐC HỘI",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Luật số: 30/2023/QH15",
    "LUẬT",
    "LỰC LƯỢNG THAM GIA BẢO VỆ AN NINH, TRẬT TỰ Ở CƠ SỞ",
    "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
    "Quốc hội ban hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.",
    "Điều 1. Phạm vi điều chỉnh",
    "Luật này quy định về lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.",
    "Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 6 thông qua ngày 28 tháng 11 năm 2023.",
  ];

  it("takes a law's date from the day it was passed, and its number from `Luật số:`", () => {
    const t = segmentText([...law, "CHỦ TỊCH QUỐC HỘI", "Đã ký: Vương Đình Huệ"].join("\n"));
    expect(t.number).toMatchObject({ value: "30", symbol: "QH15", year: "2023" });
    expect(t.date).toMatchObject({ raw: "ngày 28 tháng 11 năm 2023", value: "2023-11-28" });
    expect(t.text.slice(t.date!.span[0], t.date!.span[1])).toBe("ngày 28 tháng 11 năm 2023");
    expect(t.type?.code).toBe("L");
    expect(t.signatures[0]).toMatchObject({ title: "CHỦ TỊCH QUỐC HỘI", name: "Vương Đình Huệ" });
  });

  it("reads a signer's name standing alone at the end", () => {
    const t = segmentText([...law, "Nông Đức Mạnh", "(Đã ký)"].join("\n"));
    expect(t.signatures[0]).toMatchObject({ name: "Nông Đức Mạnh" });
  });
});

describe("more header forms", () => {
  it.each([
    [
      "segment/thong-bao-ket-luan-tinh-uy.txt",
      {
        issuer: "TỈNH ỦY LÂM ĐỒNG", national: "ĐẢNG CỘNG SẢN VIỆT NAM", value: "215", symbol: "TB/TU", date: "2025-06-05", type: "TB",
        subject: "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY về tình hình kinh tế - xã hội 5 tháng đầu năm 2025",
      },
    ],
    [
      "segment/giay-moi-phong-gd.txt",
      {
        issuer: "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", national: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", value: "245", symbol: "GM-PGDĐT", date: "2026-03-12", type: "GM",
        subject: "Dự Hội nghị triển khai công tác tuyển sinh năm học 2026 - 2027",
      },
    ],
  ])("%s", (file, e) => {
    const t = segmentText(readFixture(file));
    expect(t.issuer?.name).toBe(e.issuer);
    expect(t.nationalTitle?.text).toBe(e.national);
    expect(t.number).toMatchObject({ value: e.value, symbol: e.symbol });
    expect(t.date?.value).toBe(e.date);
    expect(t.type?.code).toBe(e.type);
    expect(t.subject?.text).toBe(e.subject);
  });
});

describe("lines that text extraction shares or splits", () => {
  const t = segmentText(readFixture("segment/cong-van-shared-lines.txt"));

  it("joins a V/v split around the date line", () => {
    expect(t.subject?.text).toBe("rà soát, báo cáo tình hình giải ngân vốn đầu tư công");
    expect(t.date?.value).toBe("2026-04-08");
    expect(t.recipients.map((r) => r.text)).toEqual(["Sở Tài chính"]);
  });

  it("takes the signature's lines off the nơi nhận lines they share", () => {
    expect(t.signatures).toHaveLength(1);
    expect(t.signatures[0]).toMatchObject({ authority: "KT.", onBehalfOf: "CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG", name: "Hoàng Văn Bình" });
    expect(t.distribution.map((d) => d.text)).toEqual(["Như trên", "Lãnh đạo VP", "Lưu: VT, KT"]);
  });
});

describe("OCR text", () => {
  const t = segmentText(
    [
      "THỦ TƯỚNG CHÍNHPHỦ",
      "Số: 1009/QĐ-TTg",
      "2n ke. ke",
      "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆTNAM -",
      "Độc lập — Tự do -Hạnh phúc",
      "Hà Nội ngày 1? tháng 9 năm 2024",
      "QUYÉT ĐỊNH",
      "Phê duyệt nhiệm vụ điều chỉnh quy hoạch chung",
      "THỦ TƯỚNG CHÍNH PHỦ",
      "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
      "QUYẾT ĐỊNH:",
      "Điều 1. Phê duyệt nhiệm vụ.",
    ].join("\n"),
  );

  it("knows the national title, the motto and a title whose marks OCR misread", () => {
    expect(t.nationalTitle).not.toBeNull();
    expect(t.type?.code).toBe("QĐ");
    expect(t.subject?.text).toBe("Phê duyệt nhiệm vụ điều chỉnh quy hoạch chung");
  });

  it("reads a date line that lost its comma and has marks in its blanks, past a scrap of noise", () => {
    expect(t.place?.text).toBe("Hà Nội");
    expect(t.date?.value).toBe("2024-09");
    expect(t.number).toMatchObject({ value: "1009", symbol: "QĐ-TTg" });
  });
});

describe("the Công báo's title-style opening", () => {
  it("takes issuer, number and date from inside the title", () => {
    const t = segmentText(readFixture("segment/nghi-dinh-title-style.txt"));
    expect(t.type?.code).toBe("NĐ");
    expect(t.issuer?.name).toBe("Chính phủ");
    expect(t.number).toMatchObject({ value: "29", symbol: "NĐ-CP", year: "1998" });
    expect(t.date).toMatchObject({ raw: "ngày 11 tháng 5 năm 1998", value: "1998-05-11" });
    expect(t.subject?.text).toBe("về việc ban hành Quy chế thực hiện dân chủ ở xã");
    expect(t.body.nodes.map((n) => n.label)).toEqual(["Điều 1.", "Điều 2."]);
    expect(t.signatures[0]).toMatchObject({ authority: "TM.", onBehalfOf: "Chính phủ", title: "Thủ tướng", name: "Phan Văn Khải" });
  });

  it("reads a type name that runs onto the next line, and an upper-case title", () => {
    const t = segmentText(
      "THÔNG TƯ\nLIÊN TỊCH CỦA BỘ TÀI CHÍNH - CÔNG NGHIỆP SỐ 176/1998/TTLT-BTC-BCN\nNGÀY 25 THÁNG 12 NĂM1998 HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ\nCăn cứ ý kiến của Thủ tướng Chính phủ;\n1- Đối tượng áp dụng.",
    );
    expect(t.type).toMatchObject({ code: "TTLT", name: "Thông tư liên tịch" });
    expect(t.issuer?.name).toBe("BỘ TÀI CHÍNH - CÔNG NGHIỆP");
    expect(t.number).toMatchObject({ value: "176", symbol: "TTLT-BTC-BCN", year: "1998" });
    expect(t.date?.value).toBe("1998-12-25");
    expect(t.subject?.text).toBe("HƯỚNG DẪN THỰC HIỆN CHÍNH SÁCH THUẾ");
  });
});

describe("a plan as PDF text leaves it (blank lines, signature before nơi nhận)", () => {
  const t = segmentText(readFixture("segment/ke-hoach-pdf-text.txt"));

  it("ends the trích yếu at the first outline label and nests the outline", () => {
    expect(t.subject?.text).toBe(
      "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    );
    expect(t.body.nodes.map((n) => n.label)).toEqual(["I.", "II.", "III."]);
    expect(t.body.nodes[1].children.map((c) => c.label)).toEqual(["1.", "2."]);
  });

  it("reads the signature and the nơi nhận that follows it", () => {
    expect(t.signatures[0]).toMatchObject({ authority: "TM.", onBehalfOf: "ỦY BAN NHÂN DÂN", title: "PHÓ CHỦ TỊCH", name: "Hoàng Nam" });
    expect(t.signatures[0].chain.map((c) => c.authority)).toEqual(["TM.", "KT."]);
    expect(t.distribution.map((d) => d.text)).toEqual(["Bộ Khoa học và Công nghệ", "TT Tỉnh ủy, TT HĐND tỉnh", "Các sở, ban, ngành", "Lưu: VT, KGVX"]);
  });
});

describe("urgency and recipients without dashes", () => {
  it("reads KHẨN and a kính gửi list whose items have lost their dashes", () => {
    const t = segmentText(readFixture("segment/cong-van-khan-recipients.txt"));
    expect(t.urgency?.text).toBe("Khẩn");
    expect(t.recipients.map((r) => r.text)).toEqual(["Sở Y tế các tỉnh, thành phố trực thuộc Trung ương", "Các công ty đăng ký, sản xuất thuốc"]);
    expect(t.body.nodes.filter((n) => n.label).map((n) => n.label)).toEqual(["1.", "2."]);
  });

  it.each([
    ["MẬT", "confidentiality", "Mật"],
    ["TỐI MẬT", "confidentiality", "Tối mật"],
    ["THƯỢNG KHẨN", "urgency", "Thượng khẩn"],
    ["HỎA TỐC", "urgency", "Hỏa tốc"],
  ] as const)("reads the mark %s", (mark, key, value) => {
    const t = segmentText(`BỘ CÔNG AN\nSố: 12/BCA-V01\n${mark}\nHà Nội, ngày 1 tháng 2 năm 2026\nV/v bảo vệ bí mật nhà nước\nKính gửi: Công an các tỉnh\nBộ Công an đề nghị thực hiện.`);
    expect(t[key]?.text).toBe(value);
  });
});

describe("joint documents (liên tịch)", () => {
  const t = segmentText(readFixture("segment/ke-hoach-lien-tich.txt"));

  it("names both issuers, neither the parent of the other", () => {
    expect(t.issuer).toMatchObject({ name: "TỈNH ĐOÀN BÌNH ĐỊNH - SỞ GIÁO DỤC VÀ ĐÀO TẠO", parent: null });
  });

  it("reads two signature blocks side by side, left to right", () => {
    expect(t.signatures.map((s) => [s.authority, s.onBehalfOf, s.title, s.name])).toEqual([
      ["TM.", "BAN THƯỜNG VỤ TỈNH ĐOÀN", "BÍ THƯ", "Nguyễn Văn An"],
      ["TM.", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "GIÁM ĐỐC", "Trần Thị Bích"],
    ]);
    expect(t.distribution.map((d) => d.text)).toEqual(["Trung ương Đoàn", "Lưu: VT"]);
  });
});

describe("number lines as OCR reads them", () => {
  it.each([
    ["Só: 4039/QĐ-TTg", "4039", "QĐ-TTg"],
    ["Sô: 223/QĐ-TTg", "223", "QĐ-TTg"],
    ["SỐ : 40 /2000/TT/BTC", "40", "TT/BTC"],
  ])("%s", (line, value, symbol) => {
    const t = segmentText(`THỦ TƯỚNG CHÍNH PHỦ\n${line}\nHà Nội, ngày 18 tháng 9 năm 2024\nQUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\nCăn cứ Luật Tổ chức Chính phủ;`);
    expect(t.number).toMatchObject({ value, symbol });
  });

  it("does not take a sentence that starts with 'So' for a number line", () => {
    const t = segmentText("BỘ Y TẾ\nSo sánh năm 2024 với năm 2023\nHà Nội, ngày 18 tháng 9 năm 2024");
    expect(t.number).toBeNull();
  });
});

describe("more OCR misreadings in the header", () => {
  it("reads V/w as V/v and a date whose blank day holds letters", () => {
    const t = segmentText(
      "THỦ TƯỚNG CHÍNH PHỦ\nSố: 41/TTg-CĐS\nV/w triển khai các Nghị quyết cắt giảm thủ tục hành chính\n97-\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày dỗ tháng 4 năm 2026\nKính gửi: Các Bộ, cơ quan ngang Bộ\nThủ tướng Chính phủ yêu cầu thực hiện.",
    );
    expect(t.subject?.text).toBe("triển khai các Nghị quyết cắt giảm thủ tục hành chính");
    expect(t.type?.code).toBe("CV");
    expect(t.date?.value).toBe("2026-04");
    expect(t.recipients.map((r) => r.text)).toEqual(["Các Bộ, cơ quan ngang Bộ"]);
  });
});

describe("a header column that lost its capitals", () => {
  it("still reads the issuer from the left column (a short line, not noise)", () => {
    const t = segmentText(
      "ủy Ban Nhân Dân \t         Cộng hòa xã hội chủ nghĩa việt nam\nthành phố cần thơ \t         Độc lập - Tự do - Hạnh phúc\n  Số:  256 /2004/QĐ-UB  \t     TP.Cần Thơ, ngày  01 tháng  7 năm 2004\nQUYẾT ĐỊNH\nV/v ban hành Chương trình cải cách hành chính\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;",
    );
    expect(t.issuer?.name).toBe("ủy Ban Nhân Dân thành phố cần thơ");
    expect(t.number).toMatchObject({ value: "256", symbol: "QĐ-UB", year: "2004" });
    expect(t.date?.value).toBe("2004-07-01");
  });
});

describe("signature and nơi nhận interleaved line by line (two footer columns read across)", () => {
  const head =
    "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 12/UBND-VX\nBình Định, ngày 3 tháng 3 năm 2026\nV/v tăng cường phòng chống dịch\nKính gửi: Sở Y tế\nỦy ban nhân dân tỉnh yêu cầu Sở Y tế triển khai ngay./.\n";
  it.each([
    ["nơi nhận first", "Nơi nhận:\nKT. CHÁNH VĂN PHÒNG\n- Như trên;\nPHÓ CHÁNH VĂN PHÒNG\n- Chủ tịch, các PCT UBND tỉnh;\n- Lưu: VT.\nVi Thiện Việt",
      ["KT.", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Vi Thiện Việt"], ["Như trên", "Chủ tịch, các PCT UBND tỉnh", "Lưu: VT"]],
    ["authority first", "KT. CHỦ TỊCH\nNơi nhận:\nPHÓ CHỦ TỊCH\n- Như trên;\n- Lưu: VT.\nLâm Hải Giang",
      ["KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lâm Hải Giang"], ["Như trên", "Lưu: VT"]],
  ])("%s", (_, foot, signature, distribution) => {
    const t = segmentText(head + foot);
    expect(t.signatures.map((s) => [s.authority, s.onBehalfOf, s.title, s.name])).toEqual([signature]);
    expect(t.distribution.map((d) => d.text)).toEqual(distribution);
    expect(t.body.text).toBe("Ủy ban nhân dân tỉnh yêu cầu Sở Y tế triển khai ngay./.");
  });
});

describe("body text", () => {
  const head = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 12/UBND-VX\nBình Định, ngày 3 tháng 3 năm 2026\nV/v tăng cường phòng chống dịch\nKính gửi: Sở Y tế\n";
  const foot = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLâm Hải Giang";

  it("is the body's stretch of the text where its lines follow one another", () => {
    const t = segmentText(`${head}Ủy ban nhân dân tỉnh yêu cầu:\n- Sở Y tế triển khai ngay;\n- Sở Tài chính bố trí kinh phí./.\n${foot}`);
    expect(t.body.text).toBe("Ủy ban nhân dân tỉnh yêu cầu:\n- Sở Y tế triển khai ngay;\n- Sở Tài chính bố trí kinh phí./.");
    expect(t.text.slice(t.body.span[0], t.body.span[1])).toBe(t.body.text);
  });

  it("leaves out a footnote standing between body lines", () => {
    const t = segmentText(`${head}Ủy ban nhân dân tỉnh yêu cầu:\n¹ Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị.\n- Sở Y tế triển khai ngay./.\n${foot}`);
    expect(t.body.text).toBe("Ủy ban nhân dân tỉnh yêu cầu:\n- Sở Y tế triển khai ngay./.");
    expect(t.footnotes.map((f) => f.text)).toEqual(["Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị."]);
  });
});

describe("signing-authority lines", () => {
  const line = (text: string, column?: "left" | "right") => ({ text, start: 0, end: text.length, meta: {}, column });
  it.each([
    ["KT. CHỦ TỊCH", undefined, "authority"],
    ["T/M BAN THƯỜNG VỤ", undefined, "authority"],
    ["KT/BỘ TRƯỞNG BỘ TÀI CHÍNH", undefined, "authority"],
    ["tm . ubnd thành phố Cần Thơ", "right", "authority"],
    // judged on what follows the authority word, not on the word itself
    ["tm . ubnd thành phố Cần Thơ", undefined, "text"],
    ["Tl. bộ trưởng các bộ", undefined, "text"],
  ] as const)("%s (%s) → %s", async (text, column, cls) => {
    const { classify } = await import("../../src/segment/classify.js");
    expect(classify(line(text, column))).toBe(cls);
  });
});

describe("the authorities of grammars/header.ts, each spelling read as the record writes it", () => {
  it.each([
    ["TM. ỦY BAN NHÂN DÂN", "TM.", "ỦY BAN NHÂN DÂN"],
    ["T/M BAN THƯỜNG VỤ", "TM.", "BAN THƯỜNG VỤ"],
    ["t.m. ủy ban nhân dân", "TM.", "ủy ban nhân dân"],
    ["K/T BÍ THƯ", "KT.", "BÍ THƯ"],
    ["TL. BỘ TRƯỞNG", "TL.", "BỘ TRƯỞNG"],
    ["T/L BỘ TRƯỞNG", "TL.", "BỘ TRƯỞNG"],
    ["TUQ. CHỦ TỊCH", "TUQ.", "CHỦ TỊCH"],
    // HD 36's own form of thừa ủy quyền
    ["T/UQ BÍ THƯ", "TUQ.", "BÍ THƯ"],
    ["Q. GIÁM ĐỐC", "Q.", "GIÁM ĐỐC"],
  ])("%s → %s", async (text, authority, rest) => {
    const { readAuthority } = await import("../../src/segment/classify.js");
    expect(readAuthority(text)).toEqual({ authority, rest });
  });

  it("a nested authority inside a line is cut out of the line before it", () => {
    const t = segmentText("Nơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH\nHoàng Nam");
    expect(t.signatures[0]?.chain.map((c) => c.authority)).toEqual(["TM.", "KT."]);
  });
});

describe("a date line whose handwritten day or month OCR could not read", () => {
  it.each([
    ["Kiên Giang, ngày 05 tháng Š năm 2018", "Kiên Giang", "2018"],
    ["Kiên Giang, ngày.#4 tháng 12 năm 2017", "Kiên Giang", "2017-12"],
    ["Cần Thơ, ngày tháng JO năm 2023", "Cần Thơ", "2023"],
    ["An Giang, ngày2ổ tháng 4 năm 2017", "An Giang", "2017-04"],
  ])("%s", (line, place, value) => {
    const t = segmentText(`SỞ Y TẾ KIÊN GIANG\nSố: 42/QĐ-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n${line}\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng\nCăn cứ Luật Viên chức;`);
    expect(t.place?.text).toBe(place);
    expect(t.date?.value).toBe(value);
  });

  it("keeps a day written in figures", () => {
    const t = segmentText("SỞ Y TẾ\nSố: 42/QĐ-SYT\nKiên Giang, ngày 05 tháng 3 năm 2018\nQUYẾT ĐỊNH\nVề việc thành lập Hội đồng");
    expect(t.date?.value).toBe("2018-03-05");
  });
});

describe("nơi nhận as OCR reads it", () => {
  it("takes 'Mới nhận:' for the distribution heading, not 'Mới nhận được …' in the body", () => {
    const t = segmentText([
      "UBND TỈNH AN GIANG", "Số: 15/KH-UBND", "An Giang, ngày 2 tháng 4 năm 2017", "KẾ HOẠCH", "Phối hợp tổ chức các hoạt động văn hóa",
      "Mới nhận được văn bản của Bộ, Ủy ban nhân dân tỉnh ban hành kế hoạch này.",
      "CHỦ TỊCH", "Nguyễn Thiện Phú",
      "Mới nhận:", "- Thường trực Tỉnh ủy;", "- Lưu: VP, TG.",
    ].join("\n"));
    expect(t.distribution.map((d) => d.text)).toEqual(["Thường trực Tỉnh ủy", "Lưu: VP, TG"]);
  });
});

describe("the signing authority as OCR reads it", () => {
  it("takes 'KT,' for 'KT.'", () => {
    const t = segmentText("THỦ TƯỚNG CHÍNH PHỦ\nSố: 01/2025/QĐ-TTg\nHà Nội, ngày 03 tháng 01 năm 2025\nQUYẾT ĐỊNH\nBãi bỏ Quyết định số 78/2010/QĐ-TTg\nĐiều 1. Bãi bỏ toàn bộ Quyết định số 78/2010/QĐ-TTg.\nNơi nhận:\n- Văn phòng Quốc hội;\n- Lưu: VT, KTTH.\nKT, THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nHồ Đức Phớc");
    expect(t.signatures.map((s) => [s.authority, s.onBehalfOf, s.title, s.name])).toEqual([["KT.", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Hồ Đức Phớc"]]);
  });
});

describe("a trích yếu in brackets", () => {
  it("reads '(V/v …)' under the title as the subject, without its brackets", () => {
    const t = segmentText("TRƯỜNG ĐẠI HỌC CÔNG NGHỆ THÔNG TIN\nSố: 01/TB-BGH\nTp. Hồ Chí Minh, ngày 22 tháng 01 năm 2013\nTHÔNG BÁO\n(V/v Tăng cường giám sát trong phòng thi)\nHiện nay Phòng Công tác Sinh viên đã nhận được 3 bản tường trình.");
    expect(t.subject?.text).toBe("Tăng cường giám sát trong phòng thi");
    expect(t.type?.code).toBe("TB");
  });
});
