import { describe, expect, it } from "vitest";
import { makeContext } from "../../src/extract/context.js";
import { extractPeople, findPeople } from "../../src/extract/people.js";
import { documentKeys } from "../../src/text/tone.js";
import type { SectionTree } from "../../src/segment/tree.js";

function treeOf(text: string, signatures: SectionTree["signatures"] = []): SectionTree {
  return {
    text, keys: documentKeys(text), issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [], body: { span: [0, text.length], text, nodes: [] },
    signatures, distribution: [], footnotes: [], appendices: [], warnings: [],
  };
}

describe("people: name and position", () => {
  it.each([
    // [text, name, position]
    ["Thực hiện Chương trình công tác, đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh tổ chức làm việc", "Trần Thanh Nhân", "Phó Chủ tịch UBND tỉnh"],
    ["- Đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh - Chủ trì;", "Trần Thanh Nhân", "Phó Chủ tịch UBND tỉnh"],
    ["Phó Thủ tướng Vũ Văn Ninh có ý kiến như sau:", "Vũ Văn Ninh", "Phó Thủ tướng"],
    ["KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nLâm Hải Giang", "Lâm Hải Giang", "PHÓ CHỦ TỊCH"],
    ["KT. CHÁNH VĂN PHÒNG\nPHÓ CHÁNH VĂN PHÒNG\n\nVi Thiện Việt", "Vi Thiện Việt", "PHÓ CHÁNH VĂN PHÒNG"],
    ["KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp |", "Nguyễn Sỹ Hiệp", "PHÓ CHỦ NHIỆM"],
    ["- Ông Nguyễn Văn Hùng, Giám đốc Sở Y tế;", "Nguyễn Văn Hùng", "Giám đốc Sở Y tế"],
    ["- Bà Lê Thị Mai, Phó Giám đốc Sở Tài chính;", "Lê Thị Mai", "Phó Giám đốc Sở Tài chính"],
    ["- ông Phạm Minh Tuấn - Trưởng phòng Giáo dục và Đào tạo;", "Phạm Minh Tuấn", "Trưởng phòng"],
    ["mời đồng chí Phó Chủ tịch UBND tỉnh Hoàng Văn Nam chủ trì", "Hoàng Văn Nam", "Phó Chủ tịch UBND tỉnh"],
    ["Chủ tịch UBND tỉnh Đặng Quốc Khánh đã ký", "Đặng Quốc Khánh", "Chủ tịch UBND tỉnh"],
    ["Bộ trưởng Bộ Tài chính Hồ Đức Phớc ký", "Hồ Đức Phớc", "Bộ trưởng Bộ Tài chính"],
    ["theo đề nghị của Giám đốc Sở Nội vụ Ngô Thị Hạnh,", "Ngô Thị Hạnh", "Giám đốc Sở Nội vụ"],
    ["- Đ/c Bùi Văn Thắng, Chánh Văn phòng UBND tỉnh;", "Bùi Văn Thắng", "Chánh Văn phòng UBND tỉnh"],
    ["1. Nguyễn Thị Lan, Phó Trưởng ban Tuyên giáo Tỉnh ủy;", "Nguyễn Thị Lan", "Phó Trưởng ban"],
    ["- Huỳnh Tấn Việt, Bí thư Tỉnh ủy", "Huỳnh Tấn Việt", "Bí thư Tỉnh ủy"],
    ["Thứ trưởng Đỗ Xuân Tuyên làm việc với", "Đỗ Xuân Tuyên", "Thứ trưởng"],
    ["do đồng chí Dương Văn Thái, Bí thư Tỉnh ủy chủ trì", "Dương Văn Thái", "Bí thư Tỉnh ủy"],
    ["- Ông Đinh Tiến Dũng (Giám đốc Trung tâm Y tế huyện)", "Đinh Tiến Dũng", "Giám đốc Trung tâm Y tế huyện"],
    ["Giao đồng chí Lương Quốc Đoàn, Phó Chủ tịch HĐND tỉnh theo dõi", "Lương Quốc Đoàn", "Phó Chủ tịch HĐND tỉnh"],
    ["Tổng Bí thư Tô Lâm đã", "Tô Lâm", "Tổng Bí thư"],
    ["đồng chí Y Thanh Hà Niê Kđăm", "Y Thanh Hà Niê Kđăm", null],
    ["TRƯỞNG BAN\n\nVõ Thanh Tòng", "Võ Thanh Tòng", "TRƯỞNG BAN"],
    ["- Trần Quốc Nam, Chủ tịch UBND huyện Lộc Bình;", "Trần Quốc Nam", "Chủ tịch UBND huyện Lộc Bình"],
    ["Phó Giám đốc Công an tỉnh Lý Văn Huấn báo cáo", "Lý Văn Huấn", "Phó Giám đốc Công an tỉnh"],
    ["(Đã ký)\n\nPhan Văn Mãi", "Phan Văn Mãi", null],
    ["Điều 1. Nâng bậc lương đối với ông TRẦN VĂN BÌNH, chuyên viên Phòng Tổ chức", "TRẦN VĂN BÌNH", null],
    ["Tham dự có Trần Văn Hải Sở Y tế tỉnh", "Trần Văn Hải", null],
    ["Theo đề nghị của Giám đốc Sở Tài chính Nguyễn Văn An Bình Minh Sáu", "Nguyễn Văn An Bình Minh", "Giám đốc Sở Tài chính"],
    // a name in capitals on the line after a title; a family name after a comma or a bracket
    ["GIÁM ĐỐC\n\n\nNGUYỄN VĂN AN", "Nguyễn Văn An", "GIÁM ĐỐC"],
    ["Tham dự: Sở Y tế,Trần Văn Hải, Phó Giám đốc", "Trần Văn Hải", "Phó Giám đốc"],
    ["(Lê Thị Mai - Trưởng phòng)", "Lê Thị Mai", "Trưởng phòng"],
    ["Chủ tịch UBND huyện Trần Văn Bình ký", "Trần Văn Bình", "Chủ tịch UBND huyện"],
    ["- Bà Lò Thị Cúc, Chuyên viên", "Lò Thị Cúc", "Chuyên viên"],
  ])("%s", (text, name, position) => {
    const found = findPeople(text);
    const hit = found.find((p) => p.name === name);
    expect(hit, JSON.stringify(found)).toBeDefined();
    expect(hit!.position).toBe(position);
  });
});

describe("people: look-alikes that are not people", () => {
  it.each([
    ["Số 50 đường Đinh Tiên Hoàng, phường Lương Văn Tri, tỉnh Lạng Sơn", "streets and wards"],
    ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "a mass organisation"],
    ["Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "a school of thought"],
    ["thành phố Hồ Chí Minh và tỉnh Bà Rịa – Vũng Tàu", "places"],
    ["Ủy ban nhân dân tỉnh Lâm Đồng", "a province"],
    ["Trường THPT Lê Quý Đôn tổ chức", "a school"],
    ["Các Ông Chánh văn phòng, Trưởng các phòng nghiệp vụ", "a title after Ông"],
    ["Sở Kế Hoạch Và Đầu Tư", "an agency in title case"],
    ["đề nghị của ông GIÁM ĐỐC SỞ NỘI VỤ", "a title in capitals after ông"],
    ["Chủ tịch UBND tỉnh có ý kiến như sau", "a title with no name"],
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "the national title"],
    ["huyện Văn Yên, tỉnh Yên Bái", "a district"],
    ["Trụ sở tại số 12 đường  \n Nguyễn Văn Cừ, phường 4", "a street across a line break"],
    ["Trụ sở tại thị   trấn Nguyễn Văn Linh, huyện A", "a town named by two words"],
    ["Trụ sở tại TP.Nguyễn Trãi Văn", "a city abbreviated with a dot"],
    ["Công văn số 12/Nguyễn Thanh An Bình", "a family name after a slash"],
    ["mã số 3Nguyễn Thanh An Bình", "a family name after a digit"],
    ["khu Nguyễn2 Thanh An Bình", "a family name followed by a digit"],
    ["tại tỉnh Bà Rịa Vũng Tàu", "Bà mid-sentence: a place"],
    ["Trụ sở tại thị trấn Nguyễn Văn Linh", "a two-word place before a name"],
    ["tại thành phố Hồ Thanh Tùng Bình", "a two-word place before a name"],
  ])("%s (%s)", (text) => {
    expect(findPeople(text)).toEqual([]);
  });
});

describe("extractPeople", () => {
  it("merges mentions of one person, keeping the first position, and adds signers", () => {
    const text = "đồng chí Trần Thanh Nhân chủ trì. Đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh kết luận.\n\nLâm Hải Giang";
    const sig = { authority: "KT." as const, onBehalfOf: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Lâm Hải Giang", chain: [], span: [text.length - 13, text.length] as [number, number] };
    const people = extractPeople(makeContext(treeOf(text, [sig])));
    expect(people.map((p) => p.name)).toEqual(["Trần Thanh Nhân", "Lâm Hải Giang"]);
    expect(people[0].position).toBe("Phó Chủ tịch UBND tỉnh");
    expect(people[1].position).toBe("PHÓ CHỦ TỊCH");
  });
});
