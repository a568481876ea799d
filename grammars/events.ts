/**
 * Meetings a document calls (giấy mời, thông báo thay giấy mời, kế hoạch tổ chức hội nghị):
 * the labels of their parts and the words that say a meeting is called. Compared through
 * `matchKey()` (lower case, new tone placement): write them so.
 */

export type EventField = "time" | "place" | "participants" | "chair" | "agenda";

/** Labels in front of a meeting's parts, each followed by `:` in the text: `3. Thời gian: 01 buổi, từ 08 giờ …`. */
export const EVENT_LABELS: { field: EventField; labels: string[] }[] = [
  // "Thời gian: 01 buổi, từ 08 giờ 00 phút, ngày 27/5/2026 (thứ Tư)."
  { field: "time", labels: ["thời gian", "thời gian họp", "thời gian làm việc", "thời gian tổ chức", "thời gian khai mạc", "thời gian dự kiến", "thời điểm"] },
  // "Địa điểm: tại trụ sở Sở Y tế (địa chỉ: …)"
  { field: "place", labels: ["địa điểm", "địa điểm họp", "địa điểm làm việc", "địa điểm tổ chức", "nơi họp"] },
  // "Thành phần: - Đồng chí …", "Thành phần mời:", "Đại biểu mời:"
  { field: "participants", labels: ["thành phần", "thành phần mời", "thành phần tham dự", "thành phần dự họp", "thành phần dự", "đại biểu mời", "đại biểu", "khách mời", "mời dự"] },
  // "Chủ trì: đồng chí Trần Văn A, Phó Chủ tịch UBND tỉnh"
  { field: "chair", labels: ["chủ trì", "chủ trì cuộc họp", "chủ trì hội nghị", "người chủ trì", "chủ trì buổi làm việc"] },
  // "Nội dung: về tình hình triển khai …"
  { field: "agenda", labels: ["nội dung", "nội dung làm việc", "nội dung cuộc họp", "nội dung họp", "nội dung hội nghị", "chương trình làm việc", "chương trình hội nghị"] },
];

/** What may stand before a label on its line: `3.`, `a)`, `-`, `+`, `II.`, `3.1.` */
export const LABEL_PREFIX = "(?:(?:\\d+(?:\\.\\d+)*[.)]|[a-zđ]\\)|[ivx]+[.)]|[-–+•*])\\s*)?";

/** A line that starts the next part of the document and ends a label's value: `5. Phân công …`, `II. …`, `Nơi nhận:`. */
export const VALUE_END = "^\\s*(?:\\d+(?:\\.\\d+)*[.)]\\s|[ivx]+[.)]\\s|nơi nhận|kính gửi|thông báo này|trân trọng|đề nghị|văn phòng .{0,40} (?:thông báo|kính mời))";

/** Words that say the document calls a meeting (in its title, its type or its text). */
export const MEETING_CUES: string[] = [
  "giấy mời", "kính mời", "trân trọng mời", "thay giấy mời", "thay cho giấy mời", "họp", "cuộc họp", "hội nghị",
  "làm việc", "giao ban", "hội thảo", "tọa đàm", "tập huấn", "buổi làm việc", "dự họp", "lễ",
];

/** Document type codes that are meetings by themselves (NĐ 30/2020 Phụ lục III). */
export const MEETING_TYPE_CODES: string[] = ["GM"];

/** The mark beside a participant that makes them the chair: `- Đồng chí A, Phó Chủ tịch UBND tỉnh - Chủ trì;`, `(chủ trì)`. */
export const CHAIR_MARK = "(?:\\s*[-–—,]\\s*|\\s*\\(\\s*)chủ trì(?:\\s+(?:cuộc họp|hội nghị|buổi làm việc))?\\s*\\)?\\s*[;.,]?\\s*$";

/** Words in a prose sentence that call a meeting with its time (no labels): `… tổ chức họp vào lúc 14 giờ … tại …`. */
export const PROSE_MEETING_CUES: string[] = ["tổ chức họp", "tổ chức hội nghị", "tổ chức cuộc họp", "họp", "hội nghị", "làm việc", "giao ban", "dự"];

/** The word before a place in prose: `… ngày 20/5/2026 tại Phòng họp số 2 …`. */
export const PLACE_LEAD = "tại";
