/**
 * Layout knowledge: where a line break belongs in text that lost its lines (cells of a table
 * scraped to Markdown, one paragraph holding a whole header), and which lines are page litter.
 * Each pattern is a fragment matched case-insensitively against text in NFC; an example above each.
 */

/** A new line starts right before these (inside a flattened table cell). */
export const BREAK_BEFORE: string[] = [
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
  "Độc lập\\s*[-–—]\\s*Tự do",
  // "VĂN PHÒNG CHÍNH PHỦ ------- Số: 8424/VPCP-KTTH"
  "Số\\s*:",
  // "Số: 8424/VPCP-KTTH V/v: trợ cấp …"
  "V/v\\b",
  "Về việc\\s*:",
  // "Nơi nhận: - Như trên; - …"
  "Nơi nhận\\s*:",
  // "- Như trên; - Thủ tướng CP" — a list dash after a semicolon, colon or the start
  "(?<=[;:.)]\\s*)[-–+]\\s+(?=\\S)",
  // "- Lưu: VT, KTTH"
  "Lưu\\s*:",
  // "Nơi nhận: … | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM"
  "(?:KT|TM|TL|TUQ|T/M|Q)\\s*\\.\\s*(?=\\p{Lu})",
];

/** Rules that stand for a horizontal line under a header: `-------`, `───`, `*****`, `-*-`. */
export const RULE_LINE = "^[\\s\\-–—_=*─━═~.·•]{3,}$|^-\\*-$";

/** A page number alone on a line: `2`, `- 2 -`, `Trang 2`, `2/5`. */
export const PAGE_NUMBER_LINE = "^\\s*(?:[-–]\\s*\\d{1,3}\\s*[-–]|(?:Trang|trang)\\s+\\d{1,3}(?:\\s*/\\s*\\d{1,3})?|\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)\\s*$";
