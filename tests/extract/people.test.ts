import { describe, expect, it } from "vitest";
import { makeContext } from "../../src/extract/context.js";
import { extractPeople, findPeople, placeNameStart } from "../../src/extract/people.js";
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

// placeNameStart reads the name of a place ending a position back on the letter table: checked
// against the pattern it stands for (the match ending at the end, its second group), on random
// strings of the pieces that matter, read whole and from an offset.
describe("placeNameStart", () => {
  const PATTERN = /(\s+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường))\s+((?:\p{Lu}[\p{Ll}\p{M}]*[ \t]+){1,4}\p{Lu}[\p{Ll}\p{M}]*)$/u;
  const oracle = (s: string): number => {
    const m = s.match(PATTERN);
    return m ? s.length - m[2].length : -1;
  };
  const PIECES = ["tỉnh", "thành phố", "thị xã", "xã", "phường", "quận", "huyện", "Tỉnh", "Hoàng", "Văn", "Nam", "A", "Ủy", "văn", "UBND", "Xã", "Nguye\u0302\u0303n", "Ǆa", "𝐀b", "Ωμ", "Ab3", "3", "\u0301",
    " ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "-", ","];
  const LEVELS = ["tỉnh", "thành phố", "thị xã", "xã", "phường", "quận", "huyện", "Tỉnh", "thị  xã", "UBND"];
  const WORDS = ["Hoàng", "Văn", "Nam", "A", "Ủy", "Nguye\u0302\u0303n", "Ǆa", "𝐀b", "Ωμ", "Ab3", "văn", "UBND", "Hà\u0301", "Ð"];
  const GAPS = [" ", " ", " ", "  ", "\t", " \t", "\n", "\u00a0", "\u3000", "", "-"];
  /** Half of them pieces at random, half a level and 1–6 words after a prefix (the strings the pattern matches are rare among the first). */
  function randomString(seed: number): string {
    let x = seed;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 8);
    const pick = <T>(xs: T[]): T => xs[next() % xs.length];
    let out = "";
    if (seed % 2) {
      for (let i = next() % 12; i >= 0; i--) out += pick(PIECES);
      return out;
    }
    for (let i = next() % 3; i > 0; i--) out += pick(PIECES);
    out += pick(GAPS) + pick(LEVELS);
    for (let i = next() % 6; i >= 0; i--) out += pick(GAPS) + (next() % 8 ? pick(WORDS.slice(0, 3)) : pick(WORDS));
    return out;
  }
  it("agrees with its pattern on 30,000 random strings", () => {
    const wrong: string[] = [];
    let names = 0;
    for (let seed = 1; seed <= 30000; seed++) {
      const s = randomString(seed);
      if (oracle(s) >= 0) names++;
      if (placeNameStart(s, 0, s.length) !== oracle(s)) wrong.push(JSON.stringify(s));
      // from an offset: the text before it is not read
      const from = seed % (s.length + 1);
      const o = oracle(s.slice(from));
      if (placeNameStart(s, from, s.length) !== (o < 0 ? -1 : from + o)) wrong.push(`${from} ${JSON.stringify(s)}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    // the strings hold names in places enough to tell
    expect(names).toBeGreaterThan(1000);
  });
  it("finds the name after a level, not after other words", () => {
    const at = (s: string) => placeNameStart(s, 0, s.length);
    expect(at("Chủ tịch UBND tỉnh Hoàng Văn Nam")).toBe("Chủ tịch UBND tỉnh ".length);
    expect(at("Chủ tịch UBND thị xã Sơn Tây")).toBe("Chủ tịch UBND thị xã ".length);
    expect(at("Chủ tịch UBND tỉnh Nam")).toBe(-1);
    expect(at("Giám đốc Sở Y Tế")).toBe(-1);
  });
});
