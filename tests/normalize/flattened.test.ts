import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse-text.js";
import { MappedText } from "../../src/normalize/mapped.js";
import { glueSplitSyllables, LINE_SHAPE, lineShape } from "../../src/normalize/unicode.js";
import { normalizeText, readFixture } from "../helpers.js";

const linesOf = (text: string) => normalizeText(text).lines.map((l) => l.text);

describe("flattened header and signature cells of a portal scrape (công văn)", () => {
  const source = readFixture("normalize/portal-cong-van.txt");
  const doc = normalizeText(source);
  const lines = doc.lines.map((l) => l.text);

  it("cuts the header cells back into their parts and drops the rules", () => {
    expect(lines.slice(0, 7)).toEqual([
      "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 1534/UBND-KT",
      "V/v tăng cường quản lý vật liệu xây dựng trên địa bàn tỉnh",
      "Quảng Ngãi, ngày 14 tháng 8 năm 2023",
      "Kính gửi: Sở Xây dựng.",
    ]);
  });

  it("leaves the portal's title line out, with a warning", () => {
    expect(lines.some((l) => l.startsWith("Công văn 1534"))).toBe(false);
    expect(doc.warnings.map((w) => w.code)).toContain("dropped-page-title");
  });

  it("cuts the last nơi nhận item, the authority with its title, and the name apart", () => {
    expect(lines.slice(-3)).toEqual(["- Lưu: VT, KT (2b). Thanh Hà", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH", "Trần Văn Minh"]);
  });

  it("keeps every piece mapped to its place in the source", () => {
    for (const l of doc.lines) {
      expect(doc.source.slice(doc.toSource(l.start), doc.toSource(l.end))).toBe(l.text);
    }
  });

  it("gives the parser the header and the signature", () => {
    const r = parseText(source);
    expect(r.issuer?.name).toBe("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI");
    expect(r.nationalTitle).toBe(true);
    expect([r.number?.value, r.number?.symbol]).toEqual(["1534", "UBND-KT"]);
    expect([r.place, r.date?.value]).toEqual(["Quảng Ngãi", "2023-08-14"]);
    expect(r.type?.code).toBe("CV");
    expect(r.subject).toBe("tăng cường quản lý vật liệu xây dựng trên địa bàn tỉnh");
    expect(r.recipients).toEqual(["Sở Xây dựng"]);
    expect(r.signatures).toMatchObject([{ authority: "KT.", onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Trần Văn Minh" }]);
    expect(r.distribution).toEqual(["Như trên", "CT, các PCT UBND tỉnh", "Lưu: VT, KT (2b). Thanh Hà"]);
  });
});

describe("all header cells on one line, and a signature run into an appendix (quyết định)", () => {
  const source = readFixture("normalize/portal-quyet-dinh.txt");
  const lines = linesOf(source);

  it("cuts parent body from issuing body, and the title from its trích yếu and the enacting body", () => {
    expect(lines.slice(0, 9)).toEqual([
      "BỘ CÔNG THƯƠNG",
      "CỤC XUẤT NHẬP KHẨU",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 87/QĐ-XNK",
      "Hà Nội, ngày 09 tháng 3 năm 2021",
      "QUYẾT ĐỊNH",
      "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC RÀ SOÁT THỦ TỤC HÀNH CHÍNH",
      "CỤC TRƯỞNG CỤC XUẤT NHẬP KHẨU",
    ]);
  });

  it("joins a lone 'KT.' to its title line and cuts the name from the appendix title after it", () => {
    const at = lines.indexOf("KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG");
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(["Lê Thị Thu Hằng", "DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC"]);
  });

  it("gives the parser issuer, parent, signer and the appendix", () => {
    const r = parseText(source);
    expect([r.issuer?.name, r.issuer?.parent]).toEqual(["CỤC XUẤT NHẬP KHẨU", "BỘ CÔNG THƯƠNG"]);
    expect(r.type?.code).toBe("QĐ");
    expect(r.subject).toBe("VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC RÀ SOÁT THỦ TỤC HÀNH CHÍNH");
    expect(r.signatures).toMatchObject([{ authority: "KT.", onBehalfOf: "CỤC TRƯỞNG", title: "PHÓ CỤC TRƯỞNG", name: "Lê Thị Thu Hằng" }]);
    expect(r.appendices.map((a) => a.title)).toEqual(["DANH SÁCH THÀNH VIÊN TỔ CÔNG TÁC"]);
  });
});

describe("what is not a flattened cell", () => {
  it("leaves a header already on its own lines as it is", () => {
    const text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 12/UBND-VX\nV/v họp ngày 5 tháng 3 năm 2024\nBình Định, ngày 20 tháng 5 năm 2025";
    expect(linesOf(text)).toEqual(text.split("\n"));
  });

  it.each([
    // a date inside the trích yếu has no place before it
    ["Số: 12/UBND-VX V/v báo cáo số 5, ngày 4 tháng 3 năm 2020 của Sở", ["Số: 12/UBND-VX", "V/v báo cáo số 5, ngày 4 tháng 3 năm 2020 của Sở"]],
    // "số" in a sentence is not the Số line
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]],
  ])("cuts only at the parts in %j", (text, out) => {
    expect(linesOf(text)).toEqual(out);
  });

  it.each([
    // a part's words glued to a letter, a digit or (for V/v) a bracket before them are not its start
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Mục5số: 12 (V/v họp) XKính gửi: Sở", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc Mục5số: 12 (V/v họp) XKính gửi: Sở"]],
    // the same parts after a space are cut
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 12 V/v họp Kính gửi: Sở", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12", "V/v họp", "Kính gửi: Sở"]],
  ])("finds a header part only where no letter or digit is glued before it: %j", (text, out) => {
    expect(linesOf(text)).toEqual(out);
  });

  it.each(["ỦY BAN KIỂM TRA TỈNH ỦY", "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", "TRƯỜNG ĐẠI HỌC CẦN THƠ", "ỦY BAN THƯỜNG VỤ QUỐC HỘI"])(
    "does not cut the one body %j in two",
    (issuer) => {
      expect(linesOf(`${issuer} ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`)).toEqual([issuer, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]);
    },
  );

  it.each([
    "LUẬT\nCỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỐ 06/2003/QH11",
    "LUẬT\nCƠ QUAN ĐẠI DIỆN NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Ở NƯỚC NGOÀI",
    "LUẬT\nBiên giới quốc gia của nước Cộng hoà xã hội chủ nghĩa Việt Nam là thiêng liêng.",
  ])("does not take the State's name in a title or a sentence for the quốc hiệu: %j", (text) => {
    expect(linesOf(text)).toEqual(text.split("\n"));
  });

  it("does not cut a body sentence that names a title and a body", () => {
    const body = "Ủy ban nhân dân tỉnh\nCăn cứ Luật Tổ chức chính quyền địa phương;\nGiao GIÁM ĐỐC Sở Tài chính chủ trì thực hiện.";
    expect(linesOf(body)).toEqual(body.split("\n"));
  });

  it("keeps a Công báo title-style opening in capitals (no header under it)", () => {
    const text = "QUYẾT ĐỊNH 115/2004/QĐ-TTG NGÀY 25 THÁNG 6 NĂM 2004\nVỀ VIỆC BAN HÀNH QUY CHẾ";
    expect(linesOf(text)[0]).toBe("QUYẾT ĐỊNH 115/2004/QĐ-TTG NGÀY 25 THÁNG 6 NĂM 2004");
  });

  it("keeps a sentence-case title when no quốc hiệu follows it", () => {
    const text = "Quyết định 435/QĐ-UBND năm 2020\nVề việc ban hành chương trình hành động";
    expect(linesOf(text)[0]).toBe("Quyết định 435/QĐ-UBND năm 2020");
  });

  it("does not glue a letter before a slash to the word before it ('để t/h')", () => {
    expect(glueSplitSyllables(MappedText.of("- Cục GSQL (để t/h);")).text).toBe("- Cục GSQL (để t/h);");
  });

  it.each([
    "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Minh",
    "- Lưu: VT, KT (2b). Thanh Hà KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Minh",
    "TM. ỦY BAN NHÂN DÂN Nguyễn A",
    "BỘ TRƯỞNG (KT.) Đỗ Hoàng Anh Tuấn",
  ])("lets a line that may hold a flattened signature through to the word walk: %j", (line) => {
    expect(lineShape(line) & LINE_SHAPE.MAY_SIGN).toBe(LINE_SHAPE.MAY_SIGN);
  });

  it.each([
    "Điều 1. Cử bà TRẦN THỊ KIỀU OANH, viên chức Khoa Dược, tham gia lớp bồi dưỡng.",
    "II. TỔ CHỨC THỰC HIỆN",
    "Ủy ban nhân dân quận trân trọng kính mời đồng chí Chủ tịch Ủy ban nhân dân các phường dự hội nghị.",
    "UBND Tỉnh, Hà Nội",
  ])("tells a body line without a run of capitals before a name in one pass: %j", (line) => {
    expect(lineShape(line) & LINE_SHAPE.MAY_SIGN).toBe(0);
  });
});

describe("the place before a flattened date", () => {
  it.each([
    ["Số: 12/UBND-VP Thành phố Hồ Chí Minh, ngày 4 tháng 3 năm 2020", ["Số: 12/UBND-VP", "Thành phố Hồ Chí Minh, ngày 4 tháng 3 năm 2020"]],
    ["Số: 12/UBND-VP TP. Hồ Chí Minh , ngày 4 tháng 3 năm 2020", ["Số: 12/UBND-VP", "TP. Hồ Chí Minh , ngày 4 tháng 3 năm 2020"]],
    // five words at most, read back from the comma; the first of them with a capital opens the place
    ["Số: 12/UBND-VP phố Huế Phường 1, ngày 4 tháng 3 năm 2020", ["Số: 12/UBND-VP phố", "Huế Phường 1, ngày 4 tháng 3 năm 2020"]],
    ["Số: 12/UBND-VP họp tại phố 12, ngày 4 tháng 3 năm 2020", ["Số: 12/UBND-VP họp tại phố 12, ngày 4 tháng 3 năm 2020"]],
    ["Số: 12/UBND-VP Cần Thơ ngày 4 tháng 3 năm 2020", ["Số: 12/UBND-VP Cần Thơ ngày 4 tháng 3 năm 2020"]],
  ])("cuts %j where its place opens", (line, pieces) => {
    expect(linesOf(line)).toEqual(pieces);
  });
});
