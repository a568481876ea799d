import { describe, expect, it } from "vitest";
import { extractDates, findDates, scanDates } from "../../src/extract/dates.js";
import { ctxOf } from "./tree.js";

const YEAR = { year: 2026 };

describe("findDates: what is a date", () => {
  it.each([
    // [text, value, kind, the mention's text]
    ["Hà Nội, ngày 20 tháng 5 năm 2025", "2025-05-20", "date", "ngày 20 tháng 5 năm 2025"],
    ["ký ban hành ngày 05/01/2020.", "2020-01-05", "date", "ngày 05/01/2020"],
    ["hết hạn 20/5/2025, không gia hạn", "2025-05-20", "date", "20/5/2025"],
    ["kể từ 20-5-2025", "2025-05-20", "date", "20-5-2025"],
    ["áp dụng từ 20.5.2025", "2025-05-20", "date", "20.5.2025"],
    ["Chương trình công tác tháng 5/2026 của UBND tỉnh", "2026-05", "date", "tháng 5/2026"],
    ["trong tháng 5 năm 2026", "2026-05", "date", "tháng 5 năm 2026"],
    ["các nhiệm vụ trọng tâm năm 2026;", "2026", "date", "năm 2026"],
    ["kết quả quý IV/2025", "2025-10/2025-12", "period", "quý IV/2025"],
    ["trong quý I năm 2026", "2026-01/2026-03", "period", "quý I năm 2026"],
    ["vào 08 giờ 00 phút", "T08:00", "time", "08 giờ 00 phút"],
    ["bắt đầu lúc 8 giờ 30", "T08:30", "time", "8 giờ 30"],
    ["khai mạc 8h30", "T08:30", "time", "8h30"],
    ["gửi trước 11h00 ngày 26/5/2026", "2026-05-26T11:00", "deadline", "trước 11h00 ngày 26/5/2026"],
    ["họp lúc 14h", "T14:00", "time", "14h"],
    ["Thời gian: 01 buổi, từ 08 giờ 00 phút, ngày 27/5/2026 (thứ Tư).", "2026-05-27T08:00", "datetime", "08 giờ 00 phút, ngày 27/5/2026"],
    ["từ ngày 20/5/2025 đến ngày 30/5/2025", "2025-05-20/2025-05-30", "period", "từ ngày 20/5/2025 đến ngày 30/5/2025"],
    ["phát triển giai đoạn 2026 - 2035;", "2026/2035", "period", "giai đoạn 2026 - 2035"],
    ["kế hoạch 5 năm 2021-2025", "2021/2025", "period", "năm 2021-2025"],
    ["chiến lược 2021-2030 của ngành", "2021/2030", "period", "chiến lược 2021-2030"],
    ["nhiệm vụ 05 tháng đầu năm 2026", "2026-01/2026-05", "period", "05 tháng đầu năm 2026"],
    ["phương hướng 6 tháng cuối năm", "2026-07/2026-12", "period", "6 tháng cuối năm"],
    ["báo cáo chậm nhất ngày 30/6/2026", "2026-06-30", "deadline", "chậm nhất ngày 30/6/2026"],
    ["hoàn thành trong tháng 6/2026", "2026-06", "deadline", "hoàn thành trong tháng 6/2026"],
    ["Lạng Sơn, ngày    tháng 5 năm 2026", "2026-05", "date", "ngày tháng 5 năm 2026"],
    ["tổ chức vào ngày 15/8", "2026-08-15", "date", "ngày 15/8"],
    ["ngày 01/ 7 /2004 của ủy ban", "2004-07-01", "date", "ngày 01/ 7 /2004"],
    ["lúc 2 giờ chiều ngày 3/6/2026", "2026-06-03T14:00", "datetime", "2 giờ chiều ngày 3/6/2026"],
    ["ngày 27/5/2026, lúc 14 giờ 30", "2026-05-27T14:30", "datetime", "ngày 27/5/2026, lúc 14 giờ 30"],
    ["từ 8h00 đến 11h30 ngày 27/5/2026", "2026-05-27T08:00/2026-05-27T11:30", "period", "từ 8h00 đến 11h30 ngày 27/5/2026"],
    ["tập huấn ngày 20 - 25/5/2026", "2026-05-20/2026-05-25", "period", "ngày 20 - 25/5/2026"],
    ["kế hoạch thời gian năm học 2024-2025", "2024/2025", "period", "năm học 2024-2025"],
    ["Ngày 29/02/2024 (thứ Năm)", "2024-02-29", "date", "Ngày 29/02/2024"],
    ["ngày 18 tháng 02 năm 2004 của Thủ tướng", "2004-02-18", "date", "ngày 18 tháng 02 năm 2004"],
    ["Hà Nội, ngày …… tháng …… năm 2025", "2025", "date", "ngày …… tháng …… năm 2025"],
    ["trong nửa đầu năm 2026", "2026-01/2026-06", "period", "nửa đầu năm 2026"],
    ["ký ban hành trước ngày 31 tháng 12 năm 2014.", "2014-12-31", "deadline", "trước ngày 31 tháng 12 năm 2014"],
    ["ngày **27/5/2026** (thứ Tư)", "2026-05-27", "date", "ngày 27/5/2026"],
    ["Thứ Tư, ngày 27/5/2026", "2026-05-27", "date", "ngày 27/5/2026"],
    ["các năm 2005-2006", "2005/2006", "period", "các năm 2005-2006"],
    ["hoàn thành trong quý III/2026", "2026-07/2026-09", "deadline", "hoàn thành trong quý III/2026"],
    ["từ tháng 3/2026 đến tháng 6/2026", "2026-03/2026-06", "period", "từ tháng 3/2026 đến tháng 6/2026"],
  ])("%s → %s (%s)", (text, value, kind, written) => {
    const dates = findDates(text, 0, YEAR);
    expect(dates.map((d) => [d.value, d.kind, d.text])).toContainEqual([value, kind, written]);
    const d = dates.find((x) => x.value === value)!;
    expect(text.slice(d.span![0], d.span![1]).replace(/\*/g, "").replace(/\s+/g, " ")).toBe(written);
  });
});

describe("findDates: look-alikes that are not dates", () => {
  it.each([
    "Công văn số 1227-CV/TU",
    "Nghị định số 45/2026/NĐ-CP",
    "Số: 01 / 2005 /TT-BKH",
    "Quyết định số 153/2004/ QĐ-TTg",
    "Điều 5. Hiệu lực thi hành",
    "theo khoản 2 Điều 3",
    "ngày 31/2/2026",
    "ngày 29/02/2025",
    "ngày 32/5/2026",
    "tăng 12,5% so với cùng kỳ",
    "mức hỗ trợ 1.500.000 đồng",
    "trả lời trong vòng 24 giờ kể từ khi nhận",
    "làm việc 8 giờ/ngày",
    "làm việc liên tục từ 06 giờ trở lên",
    "Trước 12 giờ so với thời điểm bắt đầu",
    "1.2.1. Mục tiêu phát triển",
    "đã công bố 744 văn bản, 35 tuần thực học",
    "Số 50 đường Đinh Tiên Hoàng",
    "kiểm tra mỗi tháng 2 lần",
    "cử 5.318 cán bộ đi học",
    "mã 13/2025 trong danh mục",
    "Luật số 80/2015/QH13",
  ])("%s", (text) => {
    expect(findDates(text, 0, YEAR)).toEqual([]);
  });
});

describe("findDates: contract for other extractors", () => {
  it("gives spans as offset + position in the text", () => {
    const text = "nộp trước ngày 30/6/2026";
    const [d] = findDates(text, 1000, YEAR);
    expect(d.span).toEqual([1000 + text.indexOf("trước"), 1000 + text.length]);
  });

  it("writes a day without any known year as --MM-DD", () => {
    expect(findDates("vào ngày 15/8", 0, { year: null }).map((d) => d.value)).toEqual(["--08-15"]);
  });
});

describe("weekday check", () => {
  it("warns when the weekday disagrees with the date", () => {
    const { warnings } = scanDates("Thời gian: 8 giờ ngày 27/5/2026 (thứ Năm)", 0, YEAR);
    expect(warnings.map((w) => w.code)).toEqual(["weekday-mismatch"]);
  });

  it.each(["ngày 27/5/2026 (thứ Tư)", "Thứ Tư, ngày 27/5/2026", "ngày 26/8/2024 (thứ 2)", "ngày 31/5/2026 (Chủ nhật)"])(
    "stays quiet when it agrees: %s",
    (text) => {
      expect(scanDates(text, 0, YEAR).warnings).toEqual([]);
    },
  );
});

describe("extractDates", () => {
  it("leaves out the header's own date and number", () => {
    const text = "Số: 12/2026/QĐ-UBND\nLạng Sơn, ngày 20 tháng 5 năm 2026\nHọp ngày 22/5/2026.";
    const dateAt = text.indexOf("ngày 20");
    const ctx = ctxOf(text, 2026, {
      number: { raw: "Số: 12/2026/QĐ-UBND", value: "12/2026", symbol: "QĐ-UBND", span: [0, 19] },
      date: { raw: "ngày 20 tháng 5 năm 2026", value: "2026-05-20", span: [dateAt, dateAt + 24] },
    });
    expect(extractDates(ctx).dates.map((d) => d.value)).toEqual(["2026-05-22"]);
  });

  it("lists a day-to-day period, then its two days (each a date the document names)", () => {
    const text = "Nghị quyết này có hiệu lực từ ngày 15 tháng 3 năm 2026 đến hết ngày 31 tháng 12 năm 2027.";
    const dates = extractDates(ctxOf(text, 2026)).dates;
    expect(dates.map((d) => [d.value, d.kind])).toEqual([
      ["2026-03-15/2027-12-31", "period"],
      ["2026-03-15", "date"],
      ["2027-12-31", "date"],
    ]);
    expect(text.slice(dates[2].span![0], dates[2].span![1])).toBe("ngày 31 tháng 12 năm 2027");
  });

  it("keeps a period between months as one period", () => {
    const text = "Thực hiện từ tháng 3/2026 đến tháng 6/2026.";
    expect(extractDates(ctxOf(text, 2026)).dates.map((d) => d.value)).toEqual(["2026-03/2026-06"]);
  });
});

describe("dates/refiners dropOverlaps", () => {
  it("keeps what the longest-first choice over the whole list keeps, run of overlapping tokens by run", async () => {
    const { dropOverlaps } = await import("../../src/extract/dates/refiners.js");
    const { dropOverlaps: overAll } = await import("../../src/extract/overlaps.js");
    const env = { key: "", text: "", offset: 0, warnings: [] };
    // a seeded walk: runs of one to twenty tokens, some apart, some nested, some side by side
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    // (each token named: of two alike, the one kept is told apart; a run where the longest overlaps every other is settled without the choice over it)
    for (let round = 0; round < 3000; round++) {
      const tokens = Array.from({ length: 1 + rand(20) }, (_, k) => {
        const start = rand(60);
        return { start, end: start + 1 + rand(12), parser: `t${k}` };
      }).sort((a, b) => a.start - b.start || b.end - a.end);
      expect(dropOverlaps(tokens, env)).toEqual(overAll(tokens));
      // the same objects, not copies
      expect(dropOverlaps(tokens, env).every((t) => tokens.includes(t))).toBe(true);
    }
  });

  it("keeps a full date over the year and the day inside it, and a date apart as it is", () => {
    const dates = findDates("ngày 20 tháng 5 năm 2025 và năm 2026, ngày 1/6/2026", 0, YEAR);
    expect(dates.map((d) => d.value)).toEqual(["2025-05-20", "2026", "2026-06-01"]);
  });
});

describe("dates/refiners: a cue before a date", () => {
  it.each([
    ["hoàn thành trước ngày 30/6/2026", "deadline", "trước ngày 30/6/2026"],
    ["chậm nhất là ngày 30/6/2026", "deadline", "chậm nhất là ngày 30/6/2026"],
    // a cue's word glued to a letter before it is no cue
    ["Ctrước ngày 30/6/2026", "date", "ngày 30/6/2026"],
    ["xchậm nhất ngày 30/6/2026", "date", "ngày 30/6/2026"],
  ])("%j is read as a %s: %j", (text, kind, mention) => {
    const [d] = findDates(text, 0, YEAR);
    expect([d.kind, d.text]).toEqual([kind, mention]);
  });

  it("checks the weekday written before a date, and not one glued to a word", () => {
    expect(scanDates("thứ Hai, ngày 25/5/2026", 0, YEAR).warnings).toEqual([]);
    expect(scanDates("thứ Ba, ngày 25/5/2026", 0, YEAR).warnings.map((w) => w.code)).toEqual(["weekday-mismatch"]);
    expect(scanDates("Xthứ Ba, ngày 25/5/2026", 0, YEAR).warnings).toEqual([]);
  });
});
