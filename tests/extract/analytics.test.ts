import { describe, expect, it } from "vitest";
import { dateBounds } from "../../src/extract/dates/range.js";
import { referencesIn } from "../../src/extract/references.js";
import { parseText } from "../../src/parse-text.js";

/** The keys data teams group and filter on: typed date bounds, canonical bodies, a cited document's key. */

describe("dateBounds", () => {
  it.each([
    ["2025-05-20", "2025-05-20", "2025-05-20", "day"],
    ["2026-05-27T08:00", "2026-05-27", "2026-05-27", "day"],
    ["2026-06", "2026-06-01", "2026-06-30", "month"],
    ["2024-02", "2024-02-01", "2024-02-29", "month"],
    ["2026", "2026-01-01", "2026-12-31", "year"],
    ["2004-07/2004-09", "2004-07-01", "2004-09-30", "range"],
    ["2001/2005", "2001-01-01", "2005-12-31", "range"],
    ["2025-05-20/2025-05-30", "2025-05-20", "2025-05-30", "range"],
    ["2026-05-27T08:00/2026-05-27T11:30", "2026-05-27", "2026-05-27", "range"],
    ["1900-02", "1900-02-01", "1900-02-28", "month"],
    ["2000-02-29", "2000-02-29", "2000-02-29", "day"],
  ])("%s → %s … %s (%s)", (value, start, end, precision) => {
    expect(dateBounds(value)).toEqual({ start, end, precision });
  });

  it.each(["T08:30", "--05-20", "2026-13", "2025-02-30", "2026/2020", null, "2026-05-20T", "2026-5", "2026-05-2", "20261", "2026-05-20Z", "2001/2005/2009"])(
    "%s has no bounds",
    (value) => {
      expect(dateBounds(value)).toEqual({ start: null, end: null, precision: null });
    },
  );

  it("gives the same bounds when asked again (the answer is remembered)", () => {
    expect(dateBounds("2026-06")).toEqual(dateBounds("2026-06"));
    expect(dateBounds("2026-06")).toEqual({ start: "2026-06-01", end: "2026-06-30", precision: "month" });
  });
});

describe("a cited document's key", () => {
  it("is the same for every spelling of one number, and the year is a number", () => {
    const [a, b] = referencesIn("căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ và Nghị định 030/2020/NĐ-CP", 2026);
    expect(a).toMatchObject({ number: "30", year: 2020, key: "Nghị định 30/2020/NĐ-CP" });
    expect(b.key).toBe(a.key);
  });

  it("names a law cited without a number by its name, folded, and the year of its date", () => {
    const refs = referencesIn("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015; Luật Đất Đai; Luật Đất đai; Luật Hải quan năm 2014", 2026);
    expect(refs.map((r) => r.key)).toEqual(["Luật Tổ chức chính phủ 2015", "Luật Đất đai", "Luật Đất đai", "Luật Hải quan 2014"]);
  });
});

const DOC = `ỦY BAN NHÂN DÂN
TỈNH BÌNH ĐỊNH
Số: 12/UBND-VX
Bình Định, ngày 20 tháng 5 năm 2025
V/v triển khai kế hoạch
Kính gửi: Sở Y tế
Căn cứ Quyết định số 45/2024/QĐ-UBND ngày 02/01/2024 của UBND tỉnh;
Giao Giám đốc Sở Y tế chủ trì, thực hiện hoàn thành trong tháng 6/2025.
CHỦ TỊCH
Nguyễn Văn A
`;

describe("the record's analytic keys", () => {
  const rec = parseText(DOC);

  it("gives the issuer its canonical spelling, as in agencies", () => {
    expect(rec.issuer).toMatchObject({ canonical: "Ủy ban nhân dân tỉnh Bình Định" });
    expect(rec.agencies.map((a) => a.canonical)).toContain(rec.issuer!.canonical);
  });

  it("types the document's date and a task's deadline as day bounds", () => {
    expect(rec.date).toMatchObject({ value: "2025-05-20", start: "2025-05-20", end: "2025-05-20", precision: "day" });
    const task = rec.tasks.find((t) => t.deadline)!;
    expect(task).toMatchObject({ deadline: "2025-06", deadlineStart: "2025-06-01", deadlineEnd: "2025-06-30", deadlinePrecision: "month" });
    expect(task.assigneeCanonical).toEqual(["Sở Y tế"]);
  });

  it("keys the citation and reads the number's year as a number", () => {
    expect(rec.references[0]).toMatchObject({ key: "Quyết định 45/2024/QĐ-UBND", year: 2024 });
  });
});
