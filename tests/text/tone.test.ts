import { describe, expect, it } from "vitest";
import { foldTone, matchKey, nfcMatchKey } from "../../src/text/tone.js";

describe("foldTone", () => {
  it.each([
    ["hoà bình", "hòa bình"],
    ["Uỷ ban nhân dân", "Ủy ban nhân dân"],
    ["thuỷ lợi", "thủy lợi"],
    ["sức khoẻ", "sức khỏe"],
    ["CỘNG HOÀ", "CỘNG HÒA"],
    ["Thoả thuận", "Thỏa thuận"],
  ])("folds old placement %s → %s", (input, folded) => {
    expect(foldTone(input)).toBe(folded);
    expect(foldTone(folded)).toBe(folded);
  });

  it.each(["quý", "quỹ", "hoàn thành", "thuyền", "khuyến", "hoạt động", "Quyết định", "toàn"])("leaves %s alone", (word) => {
    expect(foldTone(word)).toBe(word);
  });

  it("keeps the length, so offsets found in folded text hold in the original", () => {
    const s = "Uỷ ban nhân dân tỉnh Khánh Hoà, thuỷ sản";
    expect(foldTone(s)).toHaveLength(s.length);
  });

  it("matchKey folds case too", () => {
    expect(matchKey("UỶ BAN")).toBe(matchKey("ủy ban"));
  });

  it("nfcMatchKey is matchKey of a text in NFC, and asks nothing of one that is not", () => {
    for (const s of ["UỶ BAN NHÂN DÂN tỉnh Khánh Hoà", "Quyết định số 12/QĐ-UBND", "THUỶ LỢI", "quý", ""]) expect(nfcMatchKey(s)).toBe(matchKey(s));
    expect(nfcMatchKey("Hoa\u0300")).toBe("hoa\u0300");
  });
});
