import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { documentDates, extractDates } from "../../src/extract/dates.js";
import { extractEvents } from "../../src/extract/events.js";
import { parseText } from "../../src/parse-text.js";
import type { Event } from "../../src/record/schema.js";
import { ctxOf } from "./tree.js";

function eventsOf(text: string, year = 2026): Event[] {
  const ctx = ctxOf(text, year);
  return extractEvents(ctx, extractDates(ctx).dates);
}

interface Parts {
  time?: string;
  place?: string;
  chair?: string;
  participants?: string;
  agenda?: string;
}

/** A giấy mời with its labelled parts; the one under test replaced. */
function giayMoi(p: Parts): string {
  return [
    "GIẤY MỜI",
    "Ủy ban nhân dân tỉnh tổ chức cuộc họp nghe báo cáo tiến độ giải ngân vốn đầu tư công, cụ thể như sau:",
    `1. Chủ trì: ${p.chair ?? "Đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh."}`,
    `2. Thành phần mời:\n${p.participants ?? "- Lãnh đạo Sở Tài chính;\n- Lãnh đạo Sở Xây dựng."}`,
    `3. Thời gian: ${p.time ?? "14 giờ 00, ngày 22/6/2026 (thứ Hai)."}`,
    `4. Địa điểm: ${p.place ?? "Phòng họp số 2, trụ sở UBND tỉnh."}`,
    `5. Nội dung: ${p.agenda ?? "nghe báo cáo tình hình giải ngân."}`,
    "Trân trọng kính mời./.",
    "Nơi nhận:",
    "- Như thành phần mời;",
    "- Lưu: VT.",
  ].join("\n\n");
}

describe("meetings: start and end from the Thời gian line", () => {
  it.each<[string, string, string | null]>([
    ["01 buổi, từ 08 giờ 00 phút, ngày 27/5/2026 (thứ Tư).", "2026-05-27T08:00", null],
    ["14 giờ 00, ngày 22/6/2026 (thứ Hai).", "2026-06-22T14:00", null],
    ["8h30 ngày 05/6/2026.", "2026-06-05T08:30", null],
    ["lúc 14h ngày 10/6/2026", "2026-06-10T14:00", null],
    ["từ 14 giờ 00 đến 16 giờ 30, ngày 22/6/2026 (thứ Hai).", "2026-06-22T14:00", "2026-06-22T16:30"],
    ["từ 8h00 đến 11h30 ngày 27/5/2026", "2026-05-27T08:00", "2026-05-27T11:30"],
    ["ngày 27/5/2026, lúc 14 giờ 30", "2026-05-27T14:30", null],
    ["2 giờ chiều ngày 3/6/2026", "2026-06-03T14:00", null],
    ["vào 07 giờ 30 phút, thứ Sáu, ngày 12/6/2026", "2026-06-12T07:30", null],
    ["ngày 15/6/2026 (cả ngày).", "2026-06-15", null],
    ["từ ngày 20/7/2026 đến ngày 22/7/2026", "2026-07-20", "2026-07-22"],
    ["08 giờ 00 ngày 20 tháng 7 năm 2026", "2026-07-20T08:00", null],
    ["buổi sáng, 8 giờ 00 ngày 01/7", "2026-07-01T08:00", null],
  ])("%s", (time, start, end) => {
    const [ev] = eventsOf(giayMoi({ time }));
    expect(ev).toMatchObject({ kind: "meeting", start, end });
  });
});

describe("meetings: place, chair, participants, agenda", () => {
  it.each<[Parts, Partial<Event>]>([
    [{ place: "tại trụ sở Sở Y tế (địa chỉ: Số 50 đường Đinh Tiên Hoàng, phường Lương Văn Tri, tỉnh Lạng Sơn)." }, { place: "trụ sở Sở Y tế (địa chỉ: Số 50 đường Đinh Tiên Hoàng, phường Lương Văn Tri, tỉnh Lạng Sơn)" }],
    [{ place: "Phòng họp số 2, trụ sở UBND tỉnh." }, { place: "Phòng họp số 2, trụ sở UBND tỉnh" }],
    [{ place: "Hội trường tầng 3, Văn phòng Tỉnh ủy;" }, { place: "Hội trường tầng 3, Văn phòng Tỉnh ủy" }],
    [{ place: "trực tuyến từ điểm cầu tỉnh đến điểm cầu các xã" }, { place: "trực tuyến từ điểm cầu tỉnh đến điểm cầu các xã" }],
    [{ chair: "Đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh." }, { chair: "Hoàng Nam, Phó Chủ tịch UBND tỉnh" }],
    [{ chair: "ông Nguyễn Văn An, Giám đốc Sở" }, { chair: "Nguyễn Văn An, Giám đốc Sở" }],
    [{ chair: "Lãnh đạo UBND tỉnh" }, { chair: "Lãnh đạo UBND tỉnh" }],
    [
      { chair: "", participants: "- Đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh - Chủ trì;\n- Đại diện Lãnh đạo Sở Tài chính;" },
      { chair: "Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh", participants: ["Đồng chí Trần Thanh Nhân, Phó Chủ tịch UBND tỉnh", "Đại diện Lãnh đạo Sở Tài chính"] },
    ],
    [
      { chair: "", participants: "- Đ/c Lê Hùng, Chánh Văn phòng (chủ trì);\n- Các phòng chuyên môn." },
      { chair: "Lê Hùng, Chánh Văn phòng", participants: ["Đ/c Lê Hùng, Chánh Văn phòng", "Các phòng chuyên môn"] },
    ],
    [{ participants: "Lãnh đạo Sở Tài chính; Lãnh đạo Sở Nội vụ; Kho bạc Nhà nước khu vực XI." }, { participants: ["Lãnh đạo Sở Tài chính", "Lãnh đạo Sở Nội vụ", "Kho bạc Nhà nước khu vực XI"] }],
    [{ participants: "- Lãnh đạo Sở Tài chính;\n\n- Lãnh đạo Sở Xây dựng;\n\n- Chủ tịch UBND các xã." }, { participants: ["Lãnh đạo Sở Tài chính", "Lãnh đạo Sở Xây dựng", "Chủ tịch UBND các xã"] }],
    [{ agenda: "nghe báo cáo tình hình giải ngân vốn đầu tư công;" }, { agenda: "nghe báo cáo tình hình giải ngân vốn đầu tư công" }],
    [{ agenda: "về tình hình triển khai thực hiện nhiệm vụ 05 tháng đầu năm 2026." }, { agenda: "về tình hình triển khai thực hiện nhiệm vụ 05 tháng đầu năm 2026." }],
  ])("%o", (parts, want) => {
    const [ev] = eventsOf(giayMoi(parts));
    expect(ev).toMatchObject(want);
  });
});

describe("meetings told in a sentence of a giấy mời", () => {
  it.each<[string, string, string | null]>([
    ["GIẤY MỜI\nUBND tỉnh tổ chức họp vào lúc 14 giờ 00 ngày 20/5/2026 tại Phòng họp số 1, UBND tỉnh.\nTrân trọng kính mời./.", "2026-05-20T14:00", "Phòng họp số 1, UBND tỉnh"],
    ["Kính mời đồng chí dự hội nghị lúc 8h00 ngày 02/6/2026 tại Hội trường Tỉnh ủy.", "2026-06-02T08:00", "Hội trường Tỉnh ủy"],
    ["GIẤY MỜI\nSở Nội vụ tổ chức giao ban vào 15 giờ 30 ngày 09/6/2026.", "2026-06-09T15:30", null],
  ])("%s", (text, start, place) => {
    const [ev] = eventsOf(text);
    expect(ev).toMatchObject({ kind: "meeting", start, place });
  });
});

describe("not a meeting", () => {
  it.each([
    "KẾ HOẠCH\nThời gian thực hiện: năm 2026.\nKinh phí: ngân sách tỉnh.",
    "QUYẾT ĐỊNH\nĐiều 1. Nội dung: ban hành quy chế.\nĐiều 2. Thời gian: từ năm 2026.",
    "CÔNG VĂN\nĐề nghị các sở báo cáo trước 11h00 ngày 26/5/2026.",
    "THÔNG BÁO\nKết quả tuyển dụng công chức năm 2026.\nNội dung: danh sách trúng tuyển.",
    "BÁO CÁO\nThời gian qua, công tác cải cách hành chính đạt kết quả.",
    "Kế hoạch thời gian năm học 2024-2025 đối với giáo dục mầm non.",
    "GIẤY MỜI\nTrân trọng kính mời.",
    "QUY CHẾ\nĐịa điểm: không quy định.\nThành phần hồ sơ: đơn đề nghị.",
    "Ngày 14/5/2013, Chính phủ đã ban hành Nghị định số 51/2013/NĐ-CP.",
    "HƯỚNG DẪN\n1. Nội dung: rà soát thủ tục hành chính.\n2. Thời gian: hoàn thành trong quý III/2026.",
    // labels without their colon are no labels; a giấy mời's words without a day and an hour make no meeting in prose
    "GIẤY MỜI\nThời gian 14 giờ ngày 20/5/2026\nĐịa điểm Phòng họp số 2",
    "Kính mời các đồng chí dự họp ngày 20/5/2026 tại Phòng họp số 2.",
  ])("%s", (text) => {
    expect(eventsOf(text)).toEqual([]);
  });
});

describe("whole pipeline on a giấy mời fixture", () => {
  it("reads the meeting, its deadline and its reference", () => {
    const text = readFileSync(new URL("../../fixtures/extract/giay-moi-hop.txt", import.meta.url), "utf8");
    const record = parseText(text);
    expect(record.events).toHaveLength(1);
    expect(record.events[0]).toMatchObject({
      kind: "meeting",
      start: "2026-06-22T14:00",
      end: "2026-06-22T16:30",
      chair: "Hoàng Nam, Phó Chủ tịch UBND tỉnh",
      place: "Phòng họp số 2, trụ sở UBND tỉnh, số 45 đường Hùng Vương, phường Đông Hà",
    });
    expect(record.events[0].participants).toContain("Lãnh đạo Kho bạc Nhà nước khu vực XI");
    expect(record.dates.map((d) => [d.value, d.kind])).toContainEqual(["2026-06-20T16:00", "deadline"]);
    expect(record.references[0]).toMatchObject({ type: "Kế hoạch", number: "45", symbol: "KH-UBND", date: "2026-03-10", issuer: "UBND tỉnh" });
    expect(record.warnings.filter((w) => w.code === "weekday-mismatch")).toEqual([]);
  });
});

describe("meetings: the time read from the document's dates", () => {
  const invitation = (after: string) =>
    ["GIẤY MỜI", "1. Thời gian: 14 giờ 00, ngày 22/6/2026", after, "2. Địa điểm: Phòng họp số 2, trụ sở UBND tỉnh."].join("\n\n");

  it("as the time line read alone gives it", () => {
    expect(eventsOf(invitation("Kính mời các đồng chí đến dự."))[0]).toMatchObject({ start: "2026-06-22T14:00", place: "Phòng họp số 2, trụ sở UBND tỉnh" });
  });

  it("a word after the line that the document's scan reads with the date (`đồng`: a sum) leaves the line read alone", () => {
    // the document's scan drops `ngày 22/6/2026` before `Đồng chí` (`đồng`: a sum's word); the time line alone has it
    expect(eventsOf(invitation("Đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh chủ trì."))[0]).toMatchObject({ start: "2026-06-22T14:00" });
  });

  it("with the document's dates cut (maxFacts), the line is read alone", () => {
    // (maxFacts 1: a parser stops after three tokens, the year parser here)
    const ctx = { ...ctxOf(invitation("Kính mời các đồng chí đến dự, các năm 2021, năm 2022, năm 2023 và năm 2024.")), maxFacts: 1 };
    expect(extractEvents(ctx, extractDates(ctx).dates)[0]).toMatchObject({ start: "2026-06-22T14:00" });
    expect(documentDates(ctx).cut).toBe(true);
  });

  it("with a limit the document's dates do not reach, they are the whole list", () => {
    const ctx = { ...ctxOf(invitation("Kính mời các đồng chí đến dự.")), maxFacts: 1 };
    expect(extractEvents(ctx, extractDates(ctx).dates)[0]).toMatchObject({ start: "2026-06-22T14:00" });
    expect(documentDates(ctx).cut).toBe(false);
  });
});
