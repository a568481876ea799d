/**
 * What the PDF loader needs to know beyond geometry: the text of digital-signature stamps (which
 * is not the document's text), the characters that betray a legacy-encoded (TCVN3, VNI) text
 * layer, and how pdf.js spells the bytes of legacy fonts. Patterns are matched case-insensitively
 * with the `u` flag against a line's text (NFC).
 */

/**
 * Lines of a digital-signature stamp (chữ ký số) that a signing tool lays over a scanned page.
 * A page whose only text is such a stamp has no text layer of its own: it is OCRed.
 */
export const SIGNATURE_STAMP_LINES: string[] = [
  // "Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ" (OCR may glue the portal's logo in front: "CHINHPHU.VNNgười ký:")
  "Người\\s+ký\\s*:",
  // "Ký bởi: CỤC THUẾ"
  "Ký\\s+bởi\\s*:",
  // "Email: thongtinchinhphu@chinhphu.vn"
  "^\\s*E-?mail\\s*:",
  // "Cơ quan: VĂN PHÒNG CHÍNH PHỦ"
  "^\\s*Cơ\\s+quan\\s*:",
  // "Địa chỉ: 1A Nguyễn Công Trứ, Hai Bà Trưng, Hà Nội"
  "^\\s*Địa\\s+chỉ\\s*:",
  // "Thời gian ký: 13.09.2024 16:49:11 +07:00", "CHINHPHU.VNThời gian ký: 01.10.2024 16:02:40 +07:00"
  "Thời\\s+gian\\s+ký\\s*:",
  // "Giờ ký: 30/09/2025 17:58:22"
  "^\\s*Giờ\\s+ký\\s*:",
  // "Ngày ký: 13/09/2024"
  "^\\s*Ngày\\s+ký\\s*:",
];

/**
 * Software that writes a scan's text layer by OCR, as a PDF's Producer or Creator names it: the
 * text such a layer holds is OCR output (marks misread, specks, syllables run together) and is
 * read as OCR text. "Tesseract v5.0.0-alpha.20191010", "OCRmyPDF 14.0.1", "ABBYY FineReader 15",
 * "Kodak Alaris Inc." with "Smart Touch 1.9", "Epson Scan 2", "ScanSnap Manager", "NAPS2",
 * "Adobe Acrobat Paper Capture Plug-in", "PaperPort", "OmniPage", "Readiris".
 */
export const OCR_PRODUCERS: string[] = [
  "tesseract", "ocrmypdf", "abbyy", "finereader", "omnipage", "readiris", "paperport", "paper\\s*capture",
  "smart\\s*touch", "epson\\s*scan", "scansnap", "naps2",
];

/**
 * A page with fewer letters than this, once stamp lines are left out, has no text layer.
 * A real page of an official document has hundreds.
 */
export const MIN_PAGE_LETTERS = 40;

/**
 * Characters that a Unicode Vietnamese text almost never holds but a TCVN3 or VNI text layer is
 * full of (`Céng hoµ x· héi`, `Coäng hoøa xaõ hoäi`): the Latin-1 letters and signs that are not
 * Vietnamese letters, and pdf.js's spellings of legacy bytes (`μ` for 0xB5, `−` for 0xAD).
 */
export const LEGACY_MARKER_CHARS =
  "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿμ−∙";

/** Share of letters that must be markers before a page's fonts are looked up (costly). */
export const LEGACY_MARKER_SHARE = 0.03;

/**
 * pdf.js turns a legacy font's bytes into Unicode through glyph names, which for a few bytes gives
 * a character other than the Windows-1252 one that `src/normalize/encoding.ts` expects.
 * Each row: what pdf.js gives → the byte's Windows-1252 character. Applied only to runs in a
 * TCVN3 or VNI font.
 */
// "hoμ" (glyph `mu`) → "hoµ" (0xB5, TCVN3 `à`); "n−íc" (glyph `minus`) → "n\u00ADíc" (0xAD, `ư`)
export const LEGACY_GLYPH_FIXES: [string, string][] = [
  ["\u03BC", "\u00B5"], // μ → µ (0xB5)
  ["\u2212", "\u00AD"], // − → soft hyphen (0xAD)
  ["\u2219", "\u00B7"], // ∙ → · (0xB7)
];

/**
 * Letters with marks that Vietnamese never writes: a text layer that has them in its words was
 * made by an OCR engine or a font that did not know Vietnamese (`cüa` for `của`, `Dñ` for `Đồ`).
 */
// "cüaan Uyb nhân dan" (PaperPort's OCR of "của Ủy ban nhân dân"), "phñc" ("phúc")
export const FOREIGN_LETTERS = "äëïöüÿñçåæøßœþðīūēāšžčřłńśźżőű";

/**
 * A page's text layer is judged only when it has this many words (two letters or more): a short
 * page (a signature page, a title) says too little.
 */
export const MIN_WORDS_TO_JUDGE = 15;

/**
 * Below this share of words with a Vietnamese mark (and no foreign letter), a text layer lying
 * over a scanned image is not real text and the page is OCRed. Real Vietnamese pages measure
 * 0.45–0.9 (TCVN3 layers, before conversion, about 0.4); layers without diacritics 0–0.3.
 */
// "UBND TINH KIEN GIANG SO Y TE" → 0.0; "Ủy ban nhân dân tỉnh Kiên Giang" → 0.83
export const MIN_MARKED_SHARE = 0.3;

/** A page is a scan when one image covers at least this share of it. */
export const SCAN_IMAGE_COVERAGE = 0.5;
