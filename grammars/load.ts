/**
 * What the loaders (DOCX, DOC, RTF, HTML) need to know about the page layout of an official
 * document: which borderless table is the two-column header (cơ quan ban hành | quốc hiệu) and
 * which is the signature table (nơi nhận | chữ ký). Patterns are matched case-insensitively,
 * with the `u` flag, against a table's text in NFC with tone placement folded (`matchKey`), so
 * write them in lower case with the new tone placement (`hòa`, `ủy`).
 *
 * Legacy documents (TCVN3, VNI) reach the loader before their encoding is converted, so the
 * markers also come in their TCVN3 and VNI byte spellings, as Word shows them in a Unicode font.
 */
import { AUTHORITY } from "./header.js";

/** Quốc hiệu and tiêu ngữ: the column holding one of these is the header's right column. */
export const NATIONAL_TITLE_MARKERS: string[] = [
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
  "cộng\\s+hòa\\s+xã\\s+hội",
  // "ĐẢNG CỘNG SẢN VIỆT NAM" (Party documents)
  "đảng\\s+cộng\\s+sản\\s+việt\\s+nam",
  // "Độc lập - Tự do - Hạnh phúc"
  "độc\\s+lập\\s*[-–—]\\s*tự\\s+do",
  // TCVN3 bytes of "Cộng hòa" (.VnTime, .VnTimeH): "Céng hoµ x· héi", "CéNG HßA"
  "céng\\s+ho[µß]",
  // VNI bytes of "Cộng hòa": "Coäng hoøa"
  "coäng\\s+ho[øa]",
];

/** The số và ký hiệu line: the column holding it is the header's left column. */
export const NUMBER_LINE_MARKERS: string[] = [
  // "Số: 1227/UBND-VX", "Số : 45/2019/QH14", "Bộ luật số: 45/2019/QH14"
  "(?<![\\p{L}])số\\s*:",
  // TCVN3 bytes of "Số:": "Sè:"
  "(?<![\\p{L}])sè\\s*:",
  // VNI bytes of "Số:": "Soá:"
  "(?<![\\p{L}])soá\\s*:",
];

/** Nơi nhận: the column holding it is the signature table's left column. */
export const RECIPIENTS_MARKERS: string[] = [
  // "Nơi nhận:" at the start of a line
  "^\\s*nơi\\s+nhận\\s*:",
  // TCVN3 bytes of "Nơi nhận:": "N¬i nhËn:"
  "^\\s*n¬i\\s+nhËn\\s*:",
  // VNI bytes of "Nơi nhận:": "Nôi nhaän:"
  "^\\s*nôi\\s+nhaän\\s*:",
];

/** A signature block: the column holding it is the signature table's right column. */
export const SIGNATURE_MARKERS: string[] = [
  // "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "TL. BỘ TRƯỞNG", "TUQ. GIÁM ĐỐC", "Q. GIÁM ĐỐC" at the start of a line;
  // the Party's "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ"
  `^\\s*${AUTHORITY}(?:\\s*\\.\\s*|\\s+)\\p{L}`,
  // "CHỦ TỊCH QUỐC HỘI" alone on its line over the name
  "^\\s*chủ\\s+tịch(?![\\p{L}])",
  // TCVN3 bytes of "CHỦ TỊCH" in .VnTimeH: "CHñ TÞCH"
  "^\\s*chñ\\s+tÞch",
];

/**
 * A table is a layout table (read column by column) only when it is this small: bigger tables
 * are data (lists of tasks, budgets) and are read row by row.
 */
export const LAYOUT_TABLE_MAX_CHARS = 1500;

/** … and has at most this many rows (a header built one line per row has 6–8). */
export const LAYOUT_TABLE_MAX_ROWS = 10;

/** How many characters of body text may come before a table that is still "near the top". */
export const HEADER_TABLE_MAX_OFFSET = 600;
