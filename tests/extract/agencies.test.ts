import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractAgencies, issuerAgencies } from "../../src/extract/agencies.js";
import { scanAgencies } from "../../src/extract/agencies/scan.js";
import { makeContext } from "../../src/extract/context.js";
import { documentKeys } from "../../src/text/tone.js";
import { L, tidy, wordAt, WordKind } from "../../src/text/letters.js";
import type { SectionTree } from "../../src/segment/tree.js";

/** A section tree around `text` with only an issuer: what extractAgencies reads. */
function treeOf(text: string, issuer: { name: string; parent: string | null } | null = null): SectionTree {
  return {
    text, keys: documentKeys(text), issuer: issuer && { ...issuer, span: [0, 0] }, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [], body: { span: [0, text.length], text, nodes: [] },
    signatures: [], distribution: [], footnotes: [], appendices: [], warnings: [],
  };
}

const canonicals = (text: string) => scanAgencies(text).map((a) => a.canonical);

describe("agencies: one mention, its text and canonical", () => {
  it.each([
    // [sentence, text as written, canonical, collective]
    ["Thực hiện ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn", "Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", false],
    ["Sở Y tế chuẩn bị nội dung và báo cáo", "Sở Y tế", "Sở Y tế", false],
    ["- Đại diện Lãnh đạo Sở Tài chính;", "Sở Tài chính", "Sở Tài chính", false],
    ["gửi Văn phòng UBND tỉnh 03 bộ tài liệu", "Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", false],
    ["- Lãnh đạo VP UBND tỉnh;", "VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", false],
    ["ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n───", "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH", "Ủy ban nhân dân tỉnh Bình Định", false],
    // a province whose word stops a name elsewhere (`Đồng chí`): read whole, not `tỉnh Lâm`
    ["ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\n───", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng", false],
    ["gửi Sở Y tế tỉnh Đồng Nai để biết", "Sở Y tế tỉnh Đồng Nai", "Sở Y tế tỉnh Đồng Nai", false],
    // a province read whole where the text ends, or before a stop
    ["báo cáo UBND tỉnh Bắc Ninh", "UBND tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh", false],
    ["gửi UBND TỈNH BÀ RỊA - VŨNG TÀU.", "UBND TỈNH BÀ RỊA - VŨNG TÀU", "Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu", false],
    ["Xét đề nghị của Uỷ ban nhân dân tỉnh Nghệ An (Công văn số 5969)", "Uỷ ban nhân dân tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An", false],
    ["ý kiến của Bộ Kế hoạch và Đầu tư về", "Bộ Kế hoạch và Đầu tư", "Bộ Kế hoạch và Đầu tư", false],
    ["Yêu cầu Bộ Lao động - Thương binh và Xã hội khẩn trương", "Bộ Lao động - Thương binh và Xã hội", "Bộ Lao động - Thương binh và Xã hội", false],
    ["BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI\nCỘNG HÒA", "BỘ LAO ĐỘNG – THƯƠNG BINH VÀ XÃ HỘI", "Bộ Lao động - Thương binh và Xã hội", false],
    ["của Bộ Tài chính và Bộ Nội Vụ hướng dẫn", "Bộ Nội Vụ", "Bộ Nội vụ", false],
    ["trình Thủ tướng Chính phủ xem xét", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", false],
    ["- Thủ tướng CP, các PTTg;", "Thủ tướng CP", "Thủ tướng Chính phủ", false],
    ["Nghị quyết số 72-NQ/TW của Bộ Chính trị về", "Bộ Chính trị", "Bộ Chính trị", false],
    ["- Thường trực HĐND tỉnh; (báo cáo)", "Thường trực HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh", false],
    ["- TT.HĐND, UBND TP", "TT.HĐND", "Thường trực Hội đồng nhân dân", false],
    ["- Ban Tuyên giáo Tỉnh uỷ;", "Ban Tuyên giáo Tỉnh uỷ", "Ban Tuyên giáo Tỉnh ủy", false],
    ["- Ủy ban MTTQ và các đoàn thể tỉnh;", "Ủy ban MTTQ", "Ủy ban Mặt trận Tổ quốc", false],
    ["- Đài PTTH tỉnh;", "Đài PTTH tỉnh", "Đài Phát thanh và Truyền hình tỉnh", false],
    ["- Cổng TTĐT tỉnh;", "Cổng TTĐT tỉnh", "Cổng Thông tin điện tử tỉnh", false],
    ["Giao Giám đốc Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", "Sở Giáo dục và Đào tạo", false],
    ["Công an thành phố Cần Thơ phối hợp", "Công an thành phố Cần Thơ", "Công an thành phố Cần Thơ", false],
    ["- UBND tỉnh BR – VT;", "UBND tỉnh BR – VT", "Ủy ban nhân dân tỉnh BR - VT", false],
    ["báo cáo Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội Việt Nam", false],
    ["- Sở TC, KBNN ( b/c).", "Sở TC", "Sở Tài chính", false],
    ["của Bộ trưởngBộ Giáo dục và Đào tạo về việc", "Bộ Giáo dục và Đào tạo", "Bộ Giáo dục và Đào tạo", false],
    ["- Các sở, ngành, hội, đoàn thể tỉnh;", "Các sở, ngành, hội, đoàn thể tỉnh", "các sở, ngành, hội, đoàn thể tỉnh", true],
    ["- UBND các huyện, thị xã, thành phố.", "UBND các huyện, thị xã, thành phố", "Ủy ban nhân dân các huyện, thị xã, thành phố", true],
    ["và UBND các địa phương tiếp tục quán triệt", "UBND các địa phương", "Ủy ban nhân dân các địa phương", true],
    ["phối hợp với các cơ quan, đơn vị, địa phương liên quan đẩy nhanh", "các cơ quan, đơn vị, địa phương liên quan", "các cơ quan, đơn vị, địa phương liên quan", true],
    ["Chủ tịch Ủy ban nhân dân huyện, thành phố; thủ trưởng", "Ủy ban nhân dân huyện, thành phố", "Ủy ban nhân dân huyện, thành phố", true],
    // a complement (known name, level, list of levels) is looked for after whitespace of any kind, in any case, and only there
    ["gửi Sở\tTÀI CHÍNH  tỉnh  Bình Định để biết", "Sở TÀI CHÍNH tỉnh Bình Định", "Sở Tài chính tỉnh Bình Định", false],
    ["gửi UBND \t Các Huyện, THỊ XÃ và thành phố.", "UBND Các Huyện, THỊ XÃ và thành phố", "Ủy ban nhân dân các huyện, thị xã và thành phố", true],
    ["- Sở KH&ĐT, TP. Hà Nội;", "Sở KH&ĐT", "Sở Kế hoạch và Đầu tư", false],
    ["- UBND TP. Hồ Chí Minh;", "UBND TP. Hồ Chí Minh", "Ủy ban nhân dân thành phố Hồ Chí Minh", false],
    ["phối hợp với các Sở, Ban ngành có liên quan triển khai", "các Sở, Ban ngành có liên quan", "các Sở, Ban ngành có liên quan", true],
    ["gửi Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", "Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", "Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", true],
    // each head keeps its own name: a military region is no corps, the border guard no military command
    ["phối hợp với Quân khu 2 thực hiện", "Quân khu 2", "Quân khu 2", false],
    ["phối hợp với Quân đoàn 12 thực hiện", "Quân đoàn 12", "Quân đoàn 12", false],
    ["gửi Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu để biết", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Lai Châu", false],
    ["gửi Bộ Chỉ huy Quân sự tỉnh Lai Châu để biết", "Bộ Chỉ huy Quân sự tỉnh Lai Châu", "Bộ Chỉ huy Quân sự tỉnh Lai Châu", false],
  ])("%s", (sentence, text, canonical, collective) => {
    const found = scanAgencies(sentence);
    const hit = found.find((a) => a.text === text);
    expect(hit, JSON.stringify(found.map((a) => a.text))).toBeDefined();
    expect(hit!.canonical).toBe(canonical);
    expect(hit!.collective).toBe(collective);
    expect(sentence.slice(hit!.start, hit!.end).replace(/\s+/g, " ")).toBe(text);
  });
});

describe("agencies: look-alikes that are not agencies", () => {
  it.each([
    ["Số: 123/QĐ-UBND", "UBND inside a document symbol"],
    ["Công văn số 1227-CV/TU ngày 20/5/2025", "TU inside a symbol"],
    ["Thực hiện theo quy định của Bộ Luật Lao động và các văn bản hướng dẫn", "a code, not a ministry"],
    ["BAN HÀNH KẾ HOẠCH THỜI GIAN NĂM HỌC 2024-2025", "a title in capitals"],
    ["Ban hành kèm theo Quyết định này", "Ban hành: a verb"],
    ["công nhận kết quả xét nghiệm giữa các cơ sở khám, chữa bệnh", "cơ sở: not Sở"],
    ["Tham dự các hội nghị, hội thảo chuyên đề", "các hội nghị: meetings"],
    ["Chuẩn bị phòng họp và các điều kiện cần thiết", "phòng họp: a room"],
    ["rà soát các bộ phận, bộ hồ sơ thủ tục", "các bộ phận: parts"],
    ["Báo cáo kết quả thực hiện về Văn phòng", "Báo cáo: a report"],
    ["hướng dẫn các đơn vị hành chính cấp xã sắp xếp", "đơn vị hành chính: places"],
    ["tăng cường công tác phòng chống dịch bệnh", "phòng chống: lower case"],
    ["Trưởng Ban\nKhông sử dụng thuốc lá", "a line break is not a name"],
    ["ban hành Bộ Tiêu chí quốc gia về xã", "a two-word stopword after the head: a set of criteria"],
  ])("%s (%s)", (sentence) => {
    expect(canonicals(sentence)).toEqual([]);
  });
});

describe("agencies: a head is found in the cases its policy allows, and only there", () => {
  it.each([
    // case "any": a head in small letters too, and with its tone written the old way (`uỷ`)
    ["báo cáo ủy ban nhân dân tỉnh Nam Định", [["ủy ban nhân dân tỉnh Nam Định", "Ủy ban nhân dân tỉnh Nam Định"]]],
    ["uỷ ban nhân dân tỉnh", [["uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"]]],
    ["trình hội đồng nhân dân huyện xem xét", [["hội đồng nhân dân huyện", "Hội đồng nhân dân huyện"]]],
    ["HỘI ĐỒNG NHÂN DÂN TỈNH", [["HỘI ĐỒNG NHÂN DÂN TỈNH", "Hội đồng nhân dân tỉnh"]]],
    // case "cap": its first letter as written; an abbreviation ("exact"): as written
    ["cơ sở Y tế và sở Y tế", []],
    ["gửi SỞ Y TẾ", [["SỞ Y TẾ", "Sở Y tế"]]],
    ["gửi Ubnd tỉnh, ubnd tỉnh", []],
  ])("%s", (sentence, expected) => {
    expect(scanAgencies(sentence).map((a) => [a.text, a.canonical])).toEqual(expected);
  });
});

describe("agencies: heads' and collectives' mentions together, in text order", () => {
  it.each([
    // `các địa phương` is a collective inside the head's mention: the longer is kept
    ["Giao UBND các địa phương và các sở, ngành liên quan; Sở Y tế", [
      [5, 24, "Ủy ban nhân dân các địa phương", true], [28, 51, "các sở, ngành liên quan", true], [53, 60, "Sở Y tế", false]]],
    // none overlaps: all kept, a collective before a head
    ["Giao các sở, ngành, Văn phòng UBND tỉnh", [[5, 18, "các sở, ngành", true], [20, 39, "Văn phòng Ủy ban nhân dân tỉnh", false]]],
  ])("%s", (sentence, expected) => {
    expect(scanAgencies(sentence).map((a) => [a.start, a.end, a.canonical, a.collective])).toEqual(expected);
  });
});

describe("agencies: a mention's canonical is tidy as built (no tidy of the whole)", () => {
  it.each([
    "BỘ LAO ĐỘNG  –  THƯƠNG BINH VÀ XÃ HỘI\nỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH",
    "gửi UBND TỈNH BÀ RỊA-VŨNG TÀU; Uỷ ban nhân dân\ttỉnh Nghệ An và Sở Văn hoá,   Thể thao",
    "Giao UBND các huyện,  thị xã và thành phố; Ban Chỉ đạo cải cách hành chính thành phố; Văn phòng UBND tỉnh",
    "Đài Phát thanh -Truyền hình tỉnh Bình Định, TT.HĐND tỉnh, Phòng Tài chính - Kế hoạch huyện Hoài Nhơn",
  ])("%j", (sentence) => {
    const found = scanAgencies(sentence, { issuerCanonical: "Sở Y tế" });
    expect(found.length).toBeGreaterThan(0);
    for (const a of found) expect(a.canonical).toBe(tidy(a.canonical));
  });
});

describe("agencies: a parent body follows after spaces only", () => {
  it.each([
    ["Giao Văn phòng \n UBND tỉnh theo dõi", [["Văn phòng \n UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"]]],
    ["Giao Văn phòng\u00a0UBND tỉnh", [["Văn phòng\u00a0UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"]]],
    // a new list item, a dash: the issuer's Văn phòng, then another body
    ["Giao Văn phòng;\n- UBND tỉnh theo dõi", [["Văn phòng", "Văn phòng Sở Y tế"], ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]]],
    ["Giao Văn phòng - UBND tỉnh", [["Văn phòng", "Văn phòng Sở Y tế"], ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]]],
  ])("%j", (sentence, expected) => {
    const found = scanAgencies(sentence, { issuerCanonical: "Sở Y tế" });
    expect(found.map((a) => [sentence.slice(a.start, a.end), a.canonical])).toEqual(expected);
  });
});

describe("agencies: where a name stops", () => {
  it.each([
    ["Sở Y tế chuẩn bị nội dung", "Sở Y tế"],
    ["Bộ Tài chính hướng dẫn việc thực hiện", "Bộ Tài chính"],
    ["Ủy ban nhân dân tỉnh Nghệ An chủ động rà soát", "Ủy ban nhân dân tỉnh Nghệ An"],
    ["phối hợp chặt chẽ với Sở Y tế triển khai", "Sở Y tế"],
    // a two-word stopword ends a name
    ["Sở Y tế Đại diện lãnh đạo", "Sở Y tế"],
  ])("%s → %s", (sentence, text) => {
    expect(scanAgencies(sentence).map((a) => a.text)).toEqual([text]);
  });
});

describe("extractAgencies with the issuer", () => {
  it("adds the issuer resolved against its parent, and resolves a bare Văn phòng", () => {
    const text = "Chánh Văn phòng có trách nhiệm thi hành.";
    const ags = extractAgencies(makeContext(treeOf(text, { name: "VĂN PHÒNG", parent: "UBND TỈNH LẠNG SƠN" })));
    const cs = ags.map((a) => a.canonical);
    expect(cs).toContain("Ủy ban nhân dân tỉnh Lạng Sơn");
    expect(cs).toContain("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn");
    expect(ags.find((a) => a.text === "Văn phòng")?.canonical).toBe("Văn phòng Ủy ban nhân dân tỉnh Lạng Sơn");
  });

  it("resolves a header met before the same way, whatever the parent (the issuer is remembered by both names)", () => {
    const text = "Chánh Văn phòng có trách nhiệm thi hành.";
    const under = (parent: string) => extractAgencies(makeContext(treeOf(text, { name: "VĂN PHÒNG", parent }))).map((a) => a.canonical);
    const first = under("UBND TỈNH LẠNG SƠN");
    expect(under("BỘ Y TẾ")).toContain("Văn phòng Bộ Y tế");
    expect(under("UBND TỈNH LẠNG SƠN")).toEqual(first);
    expect(issuerAgencies(makeContext(treeOf(text, { name: "VĂN PHÒNG", parent: "BỘ Y TẾ" })))).toEqual({ issuer: "Văn phòng Bộ Y tế", parent: "Bộ Y tế" });
  });

  it("drops a bare Văn phòng when there is no issuer to resolve it", () => {
    expect(extractAgencies(makeContext(treeOf("Chánh Văn phòng có trách nhiệm thi hành.")))).toEqual([]);
  });

  it.each([
    ["seed-like công văn", "agencies-cong-van-binh-dinh.txt", ["Ủy ban nhân dân tỉnh Bình Định", "Ban Thường vụ Tỉnh ủy", "Sở Y tế", "Ủy ban nhân dân các địa phương"]],
    ["seed-like thông báo", "agencies-thong-bao-lang-son.txt", ["Sở Y tế", "Sở Tài chính", "Văn phòng Ủy ban nhân dân tỉnh", "Bộ Chính trị"]],
  ])("%s: canonicals found", (_name, file, expected) => {
    const text = readFileSync(new URL(`../../fixtures/extract/${file}`, import.meta.url), "utf8");
    const cs = extractAgencies(makeContext(treeOf(text))).map((a) => a.canonical);
    for (const e of expected) expect(cs).toContain(e);
  });
});

describe("text/letters wordAt: a name's words read by code unit", () => {
  // what it replaced, kept as the oracle: the sticky pattern, its gap and its word
  const wordRe = new RegExp(`\\s*([${L}]+(?:&[${L}]+)?|\\d+|[-–—,.;:()&/])`, "uy");
  const patternWordAt = (text: string, pos: number) => {
    wordRe.lastIndex = pos;
    const m = wordRe.exec(text);
    if (!m) return null;
    const gap = m[0].slice(0, m[0].length - m[1].length);
    const start = pos + gap.length;
    return { text: m[1], start, end: start + m[1].length, newline: gap.includes("\n") };
  };
  const same = (t: string) => {
    for (let p = 0; p <= t.length; p++) {
      // the scan reads from a code point's start only (the end of a head or a word)
      if (/[\ud800-\udbff]/.test(t[p - 1] ?? "") && /[\udc00-\udfff]/.test(t[p] ?? "")) continue;
      const w = patternWordAt(t, p);
      const n = wordAt(t, p);
      expect(n && { text: n.text, start: n.start, end: n.end, newline: n.newline }, `${JSON.stringify(t)} at ${p}`).toEqual(w);
      // its make, as the rules' patterns told it
      if (n) expect([n.kind === WordKind.Letters, n.kind === WordKind.Digits]).toEqual([/^[\p{L}\p{M}]+$/u.test(n.text), /^\d+$/.test(n.text)]);
    }
  };
  it("reads what the pattern read, at every place of a fixture", () => {
    same(readFileSync(new URL("../../fixtures/cong-van-ubnd.txt", import.meta.url), "utf8"));
  });
  it("reads what the pattern read, on random strings of letters, marks, digits, signs and spaces", () => {
    const pool = ["Sở", "KH", "&", "ĐT", "12", "-", "–", "—", ",", ".", ";", ":", "(", ")", "/", " ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "e\u0301", "\u0301", "𝐀", "x", "%", "\u2028", "ǅ"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 300; n++) {
      let s = "";
      for (let k = 0; k < 12; k++) s += pool[Math.floor(next() * pool.length)];
      same(s);
    }
  });
});
