/**
 * Dates and times in Vietnamese official documents: the words and number shapes the date parser
 * (`src/extract/dates/`) builds its regular expressions from.
 *
 * Every fragment is matched against the text's match key (`matchKey()`: NFC, tone placement folded,
 * lower-cased), so write them in lower case with the new tone placement (`hòa`, `ủy`).
 * Fragments are regex source strings, used with the `u` flag.
 */

/** A day of the month, 1–31, with or without a leading zero: `5`, `05`, `27`. */
export const DAY = "(?:0?[1-9]|[12]\\d|3[01])";
/** A month, 1–12: `5`, `05`, `12`. */
export const MONTH = "(?:0?[1-9]|1[0-2])";
/** A four-digit year from 1900 to 2099: `2025`. */
export const YEAR = "(?:19\\d\\d|20\\d\\d)";
/** An hour, 0–23: `8`, `08`, `14`. */
export const HOUR = "(?:[01]?\\d|2[0-3])";
/** Minutes, 00–59: `00`, `30`. */
export const MINUTE = "(?:[0-5]\\d)";

/** A field left blank in a draft (`ngày    tháng 5 năm 2026`, `ngày …… tháng …… năm 2025`, `ngày ___/___/2007`). */
export const BLANK = "[\\s.…_]*";

/** The word before a day: `ngày 20`. */
export const DAY_WORD = "ngày";
/** The word before a month: `tháng 5`. */
export const MONTH_WORD = "tháng";
/** The word before a year: `năm 2025`. */
export const YEAR_WORD = "năm";

/** The word after an hour: `08 giờ 00 phút`, `14 giờ` (the glued `8h30`, `8g30` are a number shape, in the parser). */
export const HOUR_WORD = "giờ";
/** Minute words: `00 phút`, `30'`. */
export const MINUTE_WORDS = ["phút", "'"];

/** Parts of the day after a time; the afternoon ones move an hour below 12 by 12: `2 giờ chiều` → 14:00. */
export const DAY_PARTS: { word: string; pm: boolean }[] = [
  // "8 giờ sáng"
  { word: "sáng", pm: false },
  // "12 giờ trưa"
  { word: "trưa", pm: false },
  // "2 giờ chiều" → 14:00
  { word: "chiều", pm: true },
  // "7 giờ tối" → 19:00
  { word: "tối", pm: true },
];

/** Weekdays as written after or before a date, with their ISO number (Monday 1 … Sunday 7). */
export const WEEKDAYS: { words: string[]; iso: number }[] = [
  // "(thứ Hai)", "thứ 2"
  { words: ["thứ hai", "thứ 2"], iso: 1 },
  { words: ["thứ ba", "thứ 3"], iso: 2 },
  // "ngày 27/5/2026 (thứ Tư)"
  { words: ["thứ tư", "thứ 4"], iso: 3 },
  { words: ["thứ năm", "thứ 5"], iso: 4 },
  { words: ["thứ sáu", "thứ 6"], iso: 5 },
  { words: ["thứ bảy", "thứ 7"], iso: 6 },
  { words: ["chủ nhật", "chủ nhựt"], iso: 7 },
];

/** Roman numerals for quarters: `quý IV/2025`. */
export const QUARTER_NUMERALS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
/** The word for a quarter: `quý I năm 2026`. */
export const QUARTER_WORD = "quý";
/** Half-years: `6 tháng đầu năm`, `6 tháng cuối năm 2025`, `nửa đầu năm`. */
export const HALF_FIRST = ["đầu"];
export const HALF_LAST = ["cuối", "sau"];

/** Words that open a span of years: `giai đoạn 2026 - 2035`, `năm học 2024-2025`, `thời kỳ 2021-2030`. */
export const YEAR_RANGE_LEADS = ["giai đoạn", "thời kỳ", "năm học", "niên độ", "nhiệm kỳ", "các năm", "năm", "từ năm", "kế hoạch", "chiến lược"];

/** Between the two ends of a range: `từ ngày … đến ngày …`, `2026 - 2035`, `… tới …`. */
export const RANGE_FROM = "từ";
export const RANGE_TO = ["đến hết", "đến", "tới", "cho đến"];
/** the dashes between the ends of a range (`2026 - 2035`, `20–25/5`) */
export const RANGE_DASHES = "-–—";
export const RANGE_DASH = `\\s*[${RANGE_DASHES}]\\s*`;

/**
 * Cues in front of a date that make it a deadline (kind `deadline`). Each is a regex fragment that
 * must end right before the date (its own `ngày` belongs to the date).
 */
export const DEADLINE_CUES: string[] = [
  // "trước 11h00 ngày 26/5/2026", "trước ngày 31/12/2014"
  "trước",
  // "chậm nhất ngày 30/6", "chậm nhất là ngày …", "chậm nhất vào ngày …", "chậm nhất trước ngày …"
  "chậm nhất(?:\\s+là)?(?:\\s+vào)?(?:\\s+trước)?",
  // "muộn nhất ngày …"
  "muộn nhất(?:\\s+là)?(?:\\s+vào)?",
  // "hạn chót ngày …", "hạn cuối …", "thời hạn: trước …"
  "hạn (?:chót|cuối)(?:\\s+là)?(?:\\s+vào)?",
  // "không muộn hơn ngày …", "không quá ngày …"
  "không (?:muộn hơn|quá)",
  // "hoàn thành trong tháng 6/2026", "xong trong quý III/2026", "báo cáo trong năm 2026"
  "(?:hoàn thành|hoàn tất|xong|kết thúc|báo cáo|gửi|trình|nộp)(?:\\s+\\p{L}+){0,3}\\s+trong",
  // "hoàn thành trước ngày …" (already covered by "trước"), "hoàn thành vào ngày …", "xong ngày …"
  "(?:hoàn thành|hoàn tất|xong)(?:\\s+vào)?",
];

/** Cues in front of an hour count that make it a duration, not a time of day: `trong vòng 24 giờ`, `48 giờ`. */
export const DURATION_CUES: string[] = [
  "trong",
  "trong vòng",
  "trong thời hạn",
  "thời hạn",
  "trong thời gian",
  "sau",
  "tối đa",
  "tối thiểu",
  "không quá",
  "ít nhất",
  "đủ",
  "thêm",
  "khoảng",
  "mỗi",
  "mất",
  "kéo dài",
];

/** What follows an hour count that makes it a duration: `8 giờ/ngày`, `24 giờ kể từ`, `40 giờ làm việc`, `từ 06 giờ trở lên`, `trước 12 giờ so với thời điểm`. */
export const DURATION_AFTER = "\\s*(?:/|mỗi|một|kể từ|liên tục|làm việc|trong|tín chỉ|học|đồng hồ|trở lên|trở xuống|so với|trước khi|sau khi|tiếp theo)";

/** Words right before a number that say it is not a date: `Điều 5`, `khoản 2`, `Số: 12/5/…`. */
export const NOT_DATE_BEFORE = ["điều", "khoản", "điểm", "mục", "chương", "phần", "phụ lục", "số", "số:", "mẫu", "tiết", "trang"];

/** After `tháng N`, words that make it a count, not a month: `mỗi tháng 2 lần`, `tháng 3 kỳ`. */
export const MONTH_ONLY_NOT_BEFORE = ["lần", "kỳ", "buổi", "đợt", "ngày", "tuần", "giờ", "người", "triệu", "nghìn", "tỷ", "đồng"];

/** After a numeric date, words that make it money or a measure: `1.12.2000 đồng`. */
export const NOT_DATE_AFTER = ["đồng", "vnđ", "usd", "%", "triệu", "tỷ", "nghìn", "ngàn", "m2", "ha", "kg", "tấn", "km"];
