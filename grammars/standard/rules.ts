/**
 * The thể thức rules `vanban check` applies, one entry a rule: the clause of Nghị định
 * 30/2020/NĐ-CP Phụ lục I (Phần I: `I` general, `II` main parts, `III` other parts) or of
 * Hướng dẫn 36-HD/VPTW it comes from, what it checks, a passing and a failing example, and the
 * message a văn thư reads (Vietnamese, with an English gloss). The code of rule `id` is the
 * function of the same clause in `src/check/rules/`; a test keeps the two lists equal.
 *
 * `scope`: "content" rules read the record and work on every format; "layout" rules read the
 * fonts, sizes and positions a DOCX or PDF holds and are skipped where the file has none.
 * `applies`: "state" — documents under NĐ 30 (quốc hiệu `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`);
 * "party" — documents under HD 36 (quốc hiệu `ĐẢNG CỘNG SẢN VIỆT NAM`); "all" — both.
 */
export type Severity = "error" | "warning" | "info";

export type CheckPart =
  | "page" | "font" | "page-number" | "national-title" | "motto" | "issuer" | "number" | "place-date"
  | "title" | "subject" | "recipients" | "preamble" | "body" | "signature" | "distribution" | "appendix";

export interface StandardRule {
  id: string;
  part: CheckPart;
  severity: Severity;
  scope: "content" | "layout";
  applies: "state" | "party" | "all";
  /** what the rule checks (English) */
  checks: string;
  /** the message shown, in Vietnamese */
  message: string;
  /** the message in English */
  gloss: string;
  pass: string;
  fail: string;
}

export const STANDARD_RULES: StandardRule[] = [
  // ---------------------------------------------------------------- Phần I, I: the page
  {
    id: "nd30.pl1.I.1.paper", part: "page", severity: "error", scope: "layout", applies: "all",
    checks: "the page is A4 (210 × 297 mm), portrait or landscape",
    message: "Khổ giấy không phải A4 (210 mm x 297 mm)", gloss: "the paper is not A4 (210 × 297 mm)",
    pass: "210 × 297 mm", fail: "216 × 279 mm (Letter)",
  },
  {
    id: "nd30.pl1.I.3.margins", part: "page", severity: "warning", scope: "layout", applies: "all",
    checks: "margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm (read from the section in DOCX, from where the text stands in PDF)",
    message: "Lề trang không đúng quy định (trên, dưới 20-25 mm; trái 30-35 mm; phải 15-20 mm)",
    gloss: "margins outside the ranges (top, bottom 20–25 mm; left 30–35 mm; right 15–20 mm)",
    pass: "top 20, bottom 20, left 30, right 20 mm", fail: "left 25 mm",
  },
  {
    id: "nd30.pl1.I.4.font", part: "font", severity: "error", scope: "layout", applies: "all",
    checks: "the text is set in Times New Roman (Unicode)",
    message: "Phông chữ không phải Times New Roman", gloss: "the font is not Times New Roman",
    pass: "Times New Roman", fail: "Arial",
  },
  {
    id: "nd30.pl1.I.7.page-number", part: "page-number", severity: "warning", scope: "layout", applies: "all",
    checks: "page numbers: none on the first page",
    message: "Trang thứ nhất không hiển thị số trang", gloss: "the first page shows a page number",
    pass: "numbers from page 2, centred in the top margin", fail: "1 printed at the top of page 1",
  },
  // ---------------------------------------------------------------- II.1 quốc hiệu, tiêu ngữ
  {
    id: "nd30.pl1.II.1.national-title-format", part: "national-title", severity: "warning", scope: "layout", applies: "state",
    checks: "quốc hiệu in capitals, 12–13 pt, bold, upright",
    message: "Quốc hiệu phải in hoa, cỡ chữ 12-13, đứng, đậm", gloss: "the national title must be capitals, 12–13 pt, bold, upright",
    pass: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (12 pt bold)", fail: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM (12 pt regular)",
  },
  {
    id: "nd30.pl1.II.1.motto-format", part: "motto", severity: "warning", scope: "layout", applies: "state",
    checks: "tiêu ngữ 13–14 pt, bold, upright",
    message: "Tiêu ngữ phải cỡ chữ 13-14, đứng, đậm", gloss: "the motto must be 13–14 pt, bold, upright",
    pass: "Độc lập - Tự do - Hạnh phúc (13 pt bold)", fail: "Độc lập - Tự do - Hạnh phúc (12 pt bold)",
  },
  // ---------------------------------------------------------------- II.2 cơ quan ban hành
  {
    id: "nd30.pl1.II.2.issuer-format", part: "issuer", severity: "warning", scope: "layout", applies: "state",
    checks: "issuer in capitals, 12–13 pt, bold; its parent body (chủ quản) in capitals, 12–13 pt, not bold",
    message: "Tên cơ quan ban hành phải in hoa, cỡ chữ 12-13, đậm (cơ quan chủ quản: in hoa, không đậm)",
    gloss: "the issuer must be capitals, 12–13 pt, bold (its parent body capitals, not bold)",
    pass: "UBND TỈNH BÌNH ĐỊNH / SỞ Y TẾ (bold)", fail: "SỞ Y TẾ (regular)",
  },
  // ---------------------------------------------------------------- II.3 số, ký hiệu
  {
    id: "nd30.pl1.II.3.number-leading-zero", part: "number", severity: "error", scope: "content", applies: "all",
    checks: "a number below 10 is written with a leading 0",
    message: "Số nhỏ hơn 10 phải ghi thêm số 0 phía trước", gloss: "a number below 10 needs a leading 0",
    pass: "Số: 05/TTr-SYT", fail: "Số: 5/TTr-SYT",
  },
  {
    id: "nd30.pl1.II.3.symbol-form", part: "number", severity: "error", scope: "content", applies: "state",
    checks: "`Số:` then the number, `/`, and the ký hiệu: groups of capitals joined by `-`, no spaces",
    message: "Số, ký hiệu không đúng dạng “Số: 05/TTr-SYT” (gạch chéo giữa số và ký hiệu, gạch nối giữa các nhóm chữ, không cách chữ)",
    gloss: "number and symbol not in the form `Số: 05/TTr-SYT` (slash after the number, hyphens between groups, no spaces)",
    pass: "Số: 05/TTr-SYT", fail: "Số: 05/TTr - SYT",
  },
  {
    id: "nd30.pl1.II.3.symbol-type", part: "number", severity: "error", scope: "content", applies: "state",
    checks: "a named type's ký hiệu opens with the type's code (Phụ lục III); a công văn's opens with the issuer's abbreviation, not a type code",
    message: "Ký hiệu không khớp với tên loại văn bản", gloss: "the symbol does not agree with the document type",
    pass: "TỜ TRÌNH, Số: 05/TTr-SYT", fail: "TỜ TRÌNH, Số: 05/BC-SYT",
  },
  {
    id: "nd30.pl1.II.3.symbol-issuer", part: "number", severity: "warning", scope: "content", applies: "state",
    checks: "the issuer group of the ký hiệu abbreviates the issuer's name (or its parent body's)",
    message: "Chữ viết tắt tên cơ quan trong ký hiệu không khớp với tên cơ quan ban hành",
    gloss: "the issuer abbreviation in the symbol does not match the issuer",
    pass: "SỞ Y TẾ, Số: 05/TTr-SYT", fail: "SỞ Y TẾ, Số: 05/TTr-STC",
  },
  {
    id: "nd30.pl1.II.3.number-format", part: "number", severity: "warning", scope: "layout", applies: "state",
    checks: "`Số:` and the ký hiệu in 13 pt, upright",
    message: "Số, ký hiệu phải cỡ chữ 13, kiểu chữ đứng", gloss: "the number line must be 13 pt, upright",
    pass: "Số: 05/TTr-SYT (13 pt)", fail: "Số: 05/TTr-SYT (13 pt italic)",
  },
  // ---------------------------------------------------------------- II.4 địa danh, ngày
  {
    id: "nd30.pl1.II.4.place-date-missing", part: "place-date", severity: "error", scope: "content", applies: "all",
    checks: "the place–date line (`Bình Định, ngày 05 tháng 01 năm 2026`) is present (laws, dated by their adoption, aside)",
    message: "Thiếu địa danh và thời gian ban hành văn bản", gloss: "the place and date line is missing",
    pass: "Bình Định, ngày 05 tháng 01 năm 2026", fail: "(no such line)",
  },
  {
    id: "nd30.pl1.II.4.date-leading-zero", part: "place-date", severity: "error", scope: "content", applies: "state",
    checks: "days below 10 and the months 1 and 2 are written with a leading 0",
    message: "Ngày nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước", gloss: "days below 10 and months 1 and 2 need a leading 0",
    pass: "ngày 05 tháng 01 năm 2026", fail: "ngày 5 tháng 1 năm 2026",
  },
  {
    id: "nd30.pl1.II.4.place-date-format", part: "place-date", severity: "warning", scope: "layout", applies: "state",
    checks: "the place–date line in 13–14 pt italic",
    message: "Địa danh và ngày tháng phải cỡ chữ 13-14, kiểu chữ nghiêng", gloss: "the place and date must be 13–14 pt italic",
    pass: "Bình Định, ngày 05 tháng 01 năm 2026 (13 pt italic)", fail: "the same, upright",
  },
  // ---------------------------------------------------------------- II.5 tên loại, trích yếu
  {
    id: "nd30.pl1.II.5.letter-subject", part: "subject", severity: "error", scope: "content", applies: "state",
    checks: "a công văn's trích yếu begins `V/v`; a document with a type name has none",
    message: "Trích yếu công văn phải bắt đầu bằng “V/v”; văn bản có tên loại thì không ghi “V/v”",
    gloss: "a công văn's subject begins `V/v`; a named type's does not",
    pass: "TỜ TRÌNH / Về việc …", fail: "TỜ TRÌNH / V/v …",
  },
  {
    id: "nd30.pl1.II.5.title-format", part: "title", severity: "warning", scope: "layout", applies: "state",
    checks: "the type name in capitals 13–14 pt bold; the trích yếu under it 13–14 pt bold (a công văn's `V/v` line 12–13 pt, not bold)",
    message: "Tên loại phải in hoa, cỡ chữ 13-14, đậm; trích yếu cỡ chữ 13-14, đậm (trích yếu công văn: 12-13, không đậm)",
    gloss: "type name capitals 13–14 pt bold; subject 13–14 pt bold (a công văn's V/v: 12–13 pt, not bold)",
    pass: "TỜ TRÌNH (14 pt bold)", fail: "TỜ TRÌNH (14 pt regular)",
  },
  // ---------------------------------------------------------------- II.6 nội dung
  {
    id: "nd30.pl1.II.6.preamble-punctuation", part: "preamble", severity: "error", scope: "content", applies: "all",
    checks: "each căn cứ line ends with `;`, the last with `.` (or `,` before the enacting line)",
    message: "Mỗi căn cứ kết thúc bằng dấu chấm phẩy (;), căn cứ cuối cùng bằng dấu chấm (.)",
    gloss: "each căn cứ line ends with `;`, the last with `.`",
    pass: "Căn cứ Luật …;", fail: "Căn cứ Luật …",
  },
  {
    id: "nd30.pl1.II.6.citation-full", part: "body", severity: "warning", scope: "content", applies: "all",
    checks: "a document cited for the first time is cited in full: type, số/ký hiệu, date and issuer (laws and ordinances by name alone; the issuer may go unnamed when the ký hiệu is the citing issuer's own or the Quốc hội's)",
    message: "Viện dẫn lần đầu phải ghi đầy đủ tên loại, số, ký hiệu, thời gian ban hành, cơ quan ban hành",
    gloss: "a first citation must give type, number, date and issuer",
    pass: "Quyết định số 25/2025/QĐ-UBND ngày 15/3/2025 của UBND tỉnh", fail: "Quyết định số 25/2025/QĐ-UBND (first citation)",
  },
  {
    id: "nd30.pl1.II.6.weekday", part: "body", severity: "error", scope: "content", applies: "all",
    checks: "a weekday written beside a date is that date's weekday",
    message: "Thứ trong tuần không khớp với ngày", gloss: "the weekday does not match the date",
    pass: "thứ Năm, ngày 15/01/2026", fail: "thứ Hai, ngày 15/01/2026",
  },
  {
    id: "nd30.pl1.II.6.preamble-format", part: "preamble", severity: "warning", scope: "layout", applies: "state",
    checks: "căn cứ lines in italic",
    message: "Căn cứ ban hành phải trình bày kiểu chữ nghiêng", gloss: "the căn cứ lines must be italic",
    pass: "Căn cứ Luật … (italic)", fail: "Căn cứ Luật … (upright)",
  },
  {
    id: "nd30.pl1.II.6.body-format", part: "body", severity: "warning", scope: "layout", applies: "state",
    checks: "body text 13–14 pt, upright",
    message: "Nội dung văn bản phải cỡ chữ 13-14, kiểu chữ đứng", gloss: "the body must be 13–14 pt upright",
    pass: "13 pt", fail: "12 pt",
  },
  {
    id: "nd30.pl1.II.6.body-indent", part: "body", severity: "info", scope: "layout", applies: "state",
    checks: "a body paragraph's first line is indented 1–1.27 cm",
    message: "Chữ đầu dòng của đoạn văn phải lùi vào 1 cm hoặc 1,27 cm", gloss: "paragraphs' first lines are indented 1 or 1.27 cm",
    pass: "first-line indent 1 cm", fail: "no first-line indent",
  },
  // ---------------------------------------------------------------- II.7 thẩm quyền ký
  {
    id: "nd30.pl1.II.7.authority-kt", part: "signature", severity: "error", scope: "content", applies: "state",
    checks: "a deputy signs `KT.` before the head's title; `KT.` is followed by a deputy's own title",
    message: "Cấp phó ký thay người đứng đầu phải ghi “KT.” trước chức vụ của người đứng đầu",
    gloss: "a deputy signing for the head writes `KT.` before the head's title",
    pass: "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", fail: "PHÓ GIÁM ĐỐC (no KT.)",
  },
  {
    id: "nd30.pl1.II.7.authority-tm", part: "signature", severity: "error", scope: "content", applies: "state",
    checks: "`TM.` stands before a collective body (ỦY BAN NHÂN DÂN, BAN THƯỜNG VỤ), not before a title",
    message: "“TM.” phải ghi trước tên tập thể lãnh đạo hoặc tên cơ quan, tổ chức",
    gloss: "`TM.` stands before a collective body, not a title",
    pass: "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", fail: "TM. CHỦ TỊCH",
  },
  {
    id: "nd30.pl1.II.7.authority-q", part: "signature", severity: "error", scope: "content", applies: "state",
    checks: "an acting head signs `Q.` before the head's title (not `QUYỀN` written out, not before a deputy's title)",
    message: "Người được giao quyền cấp trưởng phải ghi “Q.” trước chức vụ của người đứng đầu",
    gloss: "an acting head writes `Q.` before the head's title",
    pass: "Q. GIÁM ĐỐC", fail: "QUYỀN GIÁM ĐỐC",
  },
  {
    id: "nd30.pl1.II.7.academic-title", part: "signature", severity: "warning", scope: "content", applies: "all",
    checks: "no học hàm or học vị before the signer's name (sectors may allow them: armed forces, education, health, science)",
    message: "Trước họ tên người ký không ghi học hàm, học vị", gloss: "no academic title before the signer's name",
    pass: "Nguyễn Văn An", fail: "TS. Nguyễn Văn An",
  },
  {
    id: "nd30.pl1.II.7.signature-format", part: "signature", severity: "warning", scope: "layout", applies: "state",
    checks: "authority and title in capitals 13–14 pt bold; the signer's name 13–14 pt bold",
    message: "Quyền hạn, chức vụ người ký in hoa, cỡ chữ 13-14, đậm; họ tên người ký cỡ chữ 13-14, đậm",
    gloss: "authority and title capitals 13–14 pt bold; the name 13–14 pt bold",
    pass: "KT. GIÁM ĐỐC (bold)", fail: "Nguyễn Văn An (regular)",
  },
  // ---------------------------------------------------------------- II.9 nơi nhận
  {
    id: "nd30.pl1.II.9.recipients-form", part: "recipients", severity: "error", scope: "content", applies: "state",
    checks: "`Kính gửi:` with its colon; one recipient on the same line; several as `- …;` lines, the last ending `.`",
    message: "“Kính gửi:” trình bày không đúng (có dấu hai chấm; nhiều nơi nhận thì mỗi nơi một dòng “- …;”, dòng cuối kết thúc bằng dấu chấm)",
    gloss: "`Kính gửi:` malformed (colon; several recipients one a line `- …;`, the last ending `.`)",
    pass: "Kính gửi: Ủy ban nhân dân tỉnh Bình Định.", fail: "Kính gửi Ủy ban nhân dân tỉnh Bình Định.",
  },
  {
    id: "nd30.pl1.II.9.distribution-missing", part: "distribution", severity: "error", scope: "content", applies: "all",
    checks: "the nơi nhận list is present",
    message: "Thiếu nơi nhận", gloss: "the distribution list (nơi nhận) is missing",
    pass: "Nơi nhận: / - Như trên; / - Lưu: VT, NVY.", fail: "(no Nơi nhận)",
  },
  {
    id: "nd30.pl1.II.9.archive-copy", part: "distribution", severity: "error", scope: "content", applies: "state",
    checks: "the last line of nơi nhận is `- Lưu: VT, <drafting unit>…` ending with `.`; the other lines end with `;`",
    message: "Dòng cuối nơi nhận phải là “- Lưu: VT, (đơn vị soạn thảo).”, các dòng trên kết thúc bằng dấu chấm phẩy",
    gloss: "nơi nhận must end with `- Lưu: VT, <unit>.`, the lines above ending `;`",
    pass: "- Lưu: VT, NVY.", fail: "- Lưu: NVY.",
  },
  {
    id: "nd30.pl1.II.9.distribution-format", part: "distribution", severity: "warning", scope: "layout", applies: "state",
    checks: "`Nơi nhận:` 12 pt bold italic; the list 11 pt upright",
    message: "“Nơi nhận:” cỡ chữ 12, nghiêng, đậm; phần liệt kê cỡ chữ 11, kiểu chữ đứng",
    gloss: "`Nơi nhận:` 12 pt bold italic; the list 11 pt upright",
    pass: "Nơi nhận: (12 pt bold italic)", fail: "Nơi nhận: (12 pt bold)",
  },
  // ---------------------------------------------------------------- III.1 phụ lục
  {
    id: "nd30.pl1.III.1.appendix-numbering", part: "appendix", severity: "error", scope: "content", applies: "all",
    checks: "two or more phụ lục are numbered in Roman numerals, in order (Phụ lục I, Phụ lục II)",
    message: "Văn bản có từ hai phụ lục trở lên thì phụ lục đánh số thứ tự bằng chữ số La Mã",
    gloss: "two or more appendices are numbered I, II, … in order",
    pass: "Phụ lục I, Phụ lục II", fail: "Phụ lục 1, Phụ lục 2",
  },
  // ---------------------------------------------------------------- HD 36: Party documents
  {
    id: "hd36.number-form", part: "number", severity: "error", scope: "content", applies: "party",
    checks: "a Party document's number: the number, `-`, the type code, `/`, the issuer (`Số 36-HD/VPTW`)",
    message: "Số, ký hiệu văn bản của Đảng phải có dạng “Số 36-HD/VPTW” (gạch nối giữa số và tên loại)",
    gloss: "a Party document's number reads `36-HD/VPTW` (hyphen between number and type)",
    pass: "Số 12-TB/ĐU", fail: "Số: 12/TB-ĐU",
  },
  {
    id: "hd36.authority-form", part: "signature", severity: "error", scope: "content", applies: "party",
    checks: "a Party document writes its authorities `T/M`, `K/T`, `T/L`, `T/UQ`",
    message: "Thẩm quyền ký văn bản của Đảng ghi “T/M”, “K/T”, “T/L”, “T/UQ”",
    gloss: "a Party document writes `T/M`, `K/T`, `T/L`, `T/UQ`",
    pass: "T/M ĐẢNG ỦY", fail: "TM. ĐẢNG ỦY",
  },
];
