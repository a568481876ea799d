/**
 * The measures of the thể thức (NĐ 30/2020/NĐ-CP Phụ lục I, Phần I; HD 36-HD/VPTW), as data
 * the check rules read. Sizes in points, lengths in millimetres.
 */

/** Khổ giấy: A4, 210 × 297 mm, either way up; `tolerance` absorbs rounding in the file. */
export const PAPER = { width: 210, height: 297, tolerance: 2 };

/** Định lề trang (mm): NĐ 30 gives ranges; HD 36 fixes 20 / 20 / 30 / 15. */
export const MARGINS = {
  state: { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] },
  party: { top: [20, 20], bottom: [20, 20], left: [30, 30], right: [15, 15] },
  /** slack for margins read from where text stands in a PDF (glyph side bearings, rounding) */
  pdfSlack: 2,
} as const;

/** Phông chữ: Times New Roman, as files name it (`Times New Roman`, `TimesNewRomanPS-BoldMT`). */
export const FONT_FAMILY = "^times\\s*new\\s*roman";
/** Share of the text's letters that may be in another font (symbols, a stray run) before the rule fires. */
export const OTHER_FONT_SHARE = 0.05;

/** How a part is set: size range (pt), and bold, italic, capitals where the decree says. */
export interface PartFormat {
  size?: [number, number];
  bold?: boolean;
  italic?: boolean;
  capitals?: boolean;
}

/** Cỡ chữ, kiểu chữ of each part (Phụ lục I, Phần I, II and III). */
export const PART_FORMATS: Record<string, PartFormat> = {
  // II.1.a "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": in hoa, 12–13, đứng, đậm
  nationalTitle: { size: [12, 13], bold: true, italic: false, capitals: true },
  // II.1.b "Độc lập - Tự do - Hạnh phúc": 13–14, đứng, đậm
  motto: { size: [13, 14], bold: true, italic: false },
  // II.2.b the issuer: in hoa, 12–13, đứng, đậm
  issuer: { size: [12, 13], bold: true, italic: false, capitals: true },
  // II.2.b the parent body: in hoa, 12–13, đứng
  issuerParent: { size: [12, 13], bold: false, italic: false, capitals: true },
  // II.3.c "Số: 05/TTr-SYT": 13, đứng
  number: { size: [13, 13], italic: false },
  // II.4.c "Bình Định, ngày 05 tháng 01 năm 2026": 13–14, nghiêng
  placeDate: { size: [13, 14], italic: true },
  // II.5.b "TỜ TRÌNH": in hoa, 13–14, đứng, đậm
  typeName: { size: [13, 14], bold: true, italic: false, capitals: true },
  // II.5.b the trích yếu under the type name: 13–14, đứng, đậm
  subject: { size: [13, 14], bold: true, italic: false },
  // II.5.b a công văn's "V/v …": 12–13, đứng
  letterSubject: { size: [12, 13], bold: false, italic: false },
  // II.6.a căn cứ: nghiêng, 13–14
  preamble: { size: [13, 14], italic: true },
  // II.6.e the body: 13–14, đứng
  body: { size: [13, 14], italic: false },
  // II.7.đ "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC": in hoa, 13–14, đứng, đậm
  signatureTitle: { size: [13, 14], bold: true, italic: false, capitals: true },
  // II.7.đ the signer's name: 13–14, đứng, đậm
  signatureName: { size: [13, 14], bold: true, italic: false },
  // II.9.d "Nơi nhận:": 12, nghiêng, đậm
  distributionLabel: { size: [12, 12], bold: true, italic: true },
  // II.9.d the list: 11, đứng
  distributionList: { size: [11, 11], italic: false },
};

/** Sizes are compared after rounding to this step (PDF sizes come from a text matrix: 12.96 is 13). */
export const SIZE_STEP = 0.5;

/** II.6.e first-line indent of a body paragraph: 1 cm or 1.27 cm (mm, with slack). */
export const BODY_INDENT = { min: 9, max: 13.5 };

/**
 * Học hàm, học vị that may not stand before the signer's name (II.7.c), as written:
 * "GS.TS. Nguyễn Văn A", "PGS. TS Lê B", "ThS. Trần C", "Tiến sĩ Phạm D".
 */
export const ACADEMIC_TITLES: string[] = [
  "GS", "PGS", "TS", "TSKH", "ThS", "Ths", "KS", "BS", "CN", "DS", "Giáo sư", "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ", "Kỹ sư", "Bác sĩ", "Cử nhân",
];

/** II.9.d the archive line of nơi nhận: "Lưu: VT, NVY.", "Lưu: VT, KT(2).", "Lưu VT, TCHC." */
export const ARCHIVE_LINE = "^lưu\\s*:\\s*vt(?:\\s*[,;]\\s*\\S.*)?$";

/** II.7.b `Q.` is the acting head's; written out it is `QUYỀN` (matched in lower case). */
export const ACTING_WORD = "quyền";

/** III.1.a Roman numerals of phụ lục. */
export const ROMAN_NUMERALS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** HD 36: a Party document's number, "36-HD/VPTW", "12-TB/ĐU", "1227-CV/TU". */
export const PARTY_NUMBER = "^\\d+-[\\p{Lu}\\p{Ll}]+\\/[\\p{Lu}\\d]+(?:-[\\p{Lu}\\d]+)*$";

