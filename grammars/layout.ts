/**
 * Layout knowledge: where a line break belongs in text that lost its lines (cells of a table
 * scraped to Markdown, one paragraph holding a whole header), and which lines are page litter.
 * Each pattern is a fragment matched case-insensitively against text in NFC; an example above each.
 */
import { AUTHORITY, AUTHORITY_CAPS } from "./header.js";

/** A new line starts right before these (inside a flattened table cell). */
export const BREAK_BEFORE: string[] = [
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"
  "Độc lập\\s*[-–—]\\s*Tự do",
  // "VĂN PHÒNG CHÍNH PHỦ ------- Số: 8424/VPCP-KTTH"
  "Số\\s*:",
  // "Số: 8424/VPCP-KTTH V/v: trợ cấp …"
  "V/v(?![\\p{L}\\p{M}])",
  "Về việc\\s*:",
  // "Nơi nhận: - Như trên; - …"
  "Nơi nhận\\s*:",
  // "- Như trên; - Thủ tướng CP" — a list dash after a semicolon, colon or the start
  "(?<=[;:.)]\\s*)[-–+]\\s+(?=\\S)",
  // "- Lưu: VT, KTTH"
  "Lưu\\s*:",
  // "Nơi nhận: … | KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM"
  `${AUTHORITY}\\s*\\.\\s*(?=\\p{Lu})`,
];

/** What a rule under a header is drawn with (a class's inside: the `-` last). */
const RULE_MARKS = "–—_=*─━═~.·•-";
/** Rules that stand for a horizontal line under a header: `-------`, `───`, `*****`, `-*-`, `- o -`. */
export const RULE_LINE = `^[\\s${RULE_MARKS}]{3,}$|^-\\*-$|^\\*+$|^[-–]\\s*[0oO°]+\\s*[-–]$`;

/**
 * A rule standing between two cells of a header table that a scrape flattened onto one line:
 * "VĂN PHÒNG CHÍNH PHỦ -------", "BỘ TÀI CHÍNH ------- CỘNG HÒA …", "… Hạnh phúc ---------------".
 * Dashes only, with a space or the line's edge on both sides (underscores are a draft's blanks).
 */
export const INLINE_RULE = "(?:^|\\s)[-–—─━═]{3,}(?=\\s|$)";

/**
 * A legal portal's own title line, standing above the document's header: a type's name
 * (grammars/document-types.ts) in sentence case, then the number with its ký hiệu, then anything.
 * "Công văn 2739/VPCP-ĐMDN năm 2019 … do Văn phòng Chính phủ ban hành", "Quyết định 435/QĐ-UBND năm 2020",
 * "Nghị quyết số 66.12/2026/NQ-CP Tổ chức và hoạt động …". This is what follows the type's name.
 */
export const PORTAL_TITLE_AFTER_TYPE = "\\s+(?:số\\s*:?\\s*)?\\d[\\d.]*[a-zđ]?(?:\\s*[/-]\\s*[\\p{L}\\d.&-]+)+(?![\\p{L}\\p{M}\\d])";

/** What a rule running into other text is drawn with (a class's inside: the `-` first). */
export const LEADING_RULE_MARKS = "-─━═_=*";
/** A rule that runs into other text on its line ("-------------- H.L300"): the rule part goes. */
export const LEADING_RULE = `^\\s*[${LEADING_RULE_MARKS}]{5,}\\s*`;

/** The word before a page's number (`Trang 2`), as written. */
const PAGE_WORDS = ["Trang", "trang"];
/** A page number alone on a line: `2`, `- 2 -`, `Trang 2`, `2/5`. */
export const PAGE_NUMBER_LINE = `^\\s*(?:[-–]\\s*\\d{1,3}\\s*[-–]|(?:${PAGE_WORDS.join("|")})\\s+\\d{1,3}(?:\\s*/\\s*\\d{1,3})?|\\d{1,3}(?:\\s*/\\s*\\d{1,3})?)\\s*$`;

/**
 * Every character a {@link RULE_LINE} or a {@link PAGE_NUMBER_LINE} is written with, white space
 * aside: the rules' marks, the `o` and `°` of `- o -`, digits, the `/` of `2/5`, the letters of the
 * page word. A line holding any other is neither, and normalize asks it neither pattern
 * (tests/normalize/litter.test.ts checks the two against random lines of these and others).
 */
export const LITTER_CHARACTERS = `${RULE_MARKS}0oO°123456789/${[...new Set(PAGE_WORDS.join(""))].join("")}`;

/**
 * Lines that start a new paragraph even when the line before them looks wrapped: outline labels
 * and the formal parts of a document.
 */
export const PARAGRAPH_START: string[] = [
  // "I. MỤC TIÊU", "IV- Tổ chức"
  "[IVXLC]{1,6}\\s*[.)/-]\\s",
  // "1. Giao Sở Y tế", "1.2.3. Phát triển", "2) …", "1- Các dự án"
  "\\d{1,3}(?:\\.\\d{1,3}){0,3}\\s*(?:[.)](?!\\d)|[/-]\\s)",
  // "a) Rà soát", "đ) …"
  "[a-zđ]\\s*[).]\\s",
  // "- Như trên;", "+ …", "• …"
  "[-–—+•*·]\\s*",
  // "Điều 1.", "Chương II", "Mục 2", "Phần I"
  "(?:Điều|ĐIỀU|Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\\s+[\\dIVXLC]+",
  // the formal parts
  "(?:Số|SỐ|Kính gửi|KÍNH GỬI|Nơi nhận|NƠI NHẬN|V/v|Căn cứ|CĂN CỨ|Xét|Theo đề nghị|Lưu)(?![\\p{L}\\p{M}])",
  // "KT. BỘ TRƯỞNG", "TM. ỦY BAN NHÂN DÂN"
  `${AUTHORITY_CAPS}\\s*\\.`,
  // footnote marks
  "[¹²³⁴⁵⁶⁷⁸⁹⁰]",
];

/** A line ending like this ends its paragraph: `./.`, `.`, `;`, `:`, `!`, `?`. */
export const PARAGRAPH_END = "(?:[.;:!?]|\\./\\.)[\\s\"”’)]*$";

/** `Hà Nội, ngày 20 tháng 5 năm 2025`: a date line never continues into the next. */
export const DATE_LINE_END = "năm\\s*\\d{4}\\s*\\.?$|\\d{1,2}/\\d{1,2}/\\d{4}\\s*$";

/**
 * Words that never end a sentence: a line ending in one continues on the next line, whatever
 * the next begins with (`… tại Công văn số` / `1227-CV/TU ngày 20/5/2025 …`).
 */
export const CONTINUATION_WORDS: string[] = [
  "số", "của", "và", "với", "tại", "về", "ngày", "tháng", "năm", "các", "những", "cho", "theo",
  "trong", "để", "do", "là", "có", "được", "bị", "từ", "đến", "trên", "dưới", "như", "hoặc",
  "nhưng", "mà", "thì", "khi", "nếu", "vì", "bởi", "tới", "qua", "giữa", "sau", "trước", "đối", "thuộc",
];
