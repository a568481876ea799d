/**
 * The formal parts of a document (thể thức, NĐ 30/2020/NĐ-CP Điều 8–16 and Phụ lục I;
 * HD 36-HD/VPTW for Party bodies), as patterns over one normalized line. Patterns are matched
 * against the line's match key (tone placement folded, lower case: see `matchKey`), so they are
 * written in lower case with new-style placement (`hòa`, `ủy`). An example above each.
 */

/** Quốc hiệu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"; the Party's "ĐẢNG CỘNG SẢN VIỆT NAM"; pre-1976 "VIỆT NAM DÂN CHỦ CỘNG HÒA". */
export const NATIONAL_TITLES: readonly string[] = ["cộng hòa xã hội chủ nghĩa việt nam", "đảng cộng sản việt nam", "việt nam dân chủ cộng hòa"];
export const NATIONAL_TITLE = `^(?:${NATIONAL_TITLES.join("|")})\\s*$`;

/** The tiêu ngữ's last word, which its pattern ends with (before a closing stop). */
export const MOTTO_LAST = "hạnh phúc";
/** Tiêu ngữ: "Độc lập - Tự do - Hạnh phúc". */
export const MOTTO = `^độc lập\\s*[-–—]\\s*tự do\\s*[-–—]\\s*${MOTTO_LAST}\\s*[.]?$`;

/**
 * Số, ký hiệu: "Số: 1227-CV/TU", "SỐ : 837 / QĐ - BKH", "Luật số: 45/2019/QH14", "Số: /UBND-NCVX";
 * OCR's misread marks, with their colon: "Só: 4039/QĐ-TTg", "Sô: 223/QĐ-TTg".
 */
// NUMBER_LABEL, the label alone, also finds the số inside a header line a scrape flattened.
export const NUMBER_LABEL = "(?:(?:bộ luật|luật|pháp lệnh|nghị quyết|lệnh)\\s+)?(?:số\\s*[:.]?|s[óôòồốơớờỏõọ]\\s*:)";
export const NUMBER_LINE = `^${NUMBER_LABEL}\\s*(.*)$`;
/** The first words a number line opens with (its key's first run of letters), for the segmenter's dispatch: the label's leading types; `s` opens "số" and OCR's "só", run on or not ("Số:12/QĐ"). */
export const NUMBER_LINE_OPENS = { words: ["bộ", "luật", "pháp", "nghị", "lệnh"], runOn: ["s"] };

/**
 * Địa danh và ngày tháng: "Bình Định, ngày 20 tháng 5 năm 2025", "Hà Nội, ngày    tháng    năm 2015",
 * "TP.Cần Thơ, ngày 01 tháng 7 năm 2004", place names with a number ("Phường 1, ngày …", "Quận 3, ngày …"),
 * blanks left for the day written with dots or underscores ("Hà Nội, ngày ..... tháng ..... năm .......",
 * "ngày ___ tháng ___ năm 2025"), the year itself blank in a draft ("Hà Nội, ngày tháng năm").
 */
// (OCR: "Hà Nội ngày 0? tháng 2# năm 2026", "ngày †† tháng 10", "ngày.#4 tháng 12", "tháng Š năm 2018": the
// comma lost, marks or a misread letter in the blanks — a handwritten day or month the reader could not make out)
// DATE_PHRASE, the date part alone, also finds the date inside a header line a scrape flattened.
export const DATE_PHRASE =
  "ngày[\\s._…]*(?<day>\\d{1,2})?(?<dayJunk>[^\\d\\s/._…-]{0,3}\\d{0,2})[\\s._…]*(?:tháng[\\s._…]*(?<month>\\d{1,2})?(?<monthJunk>[^\\d\\s/._…-]{0,3}\\d{0,2})[\\s._…]*năm\\s*(?:(?<year>\\d{4})|[._…]*)|[/.-]\\s*(?<month2>\\d{1,2})\\s*[/.-]\\s*(?<year2>\\d{4}))";
/** The date phrase and what may close its line after it: how a place-and-date line ends. */
export const DATE_LINE_END = `${DATE_PHRASE}\\s*[.]?`;
export const PLACE_DATE_LINE = `^(?<place>[^,\\d]{2,40}?(?:\\s\\d{1,2})?)\\s*,?\\s*${DATE_LINE_END}$`;

/** A date line without a place: "ngày 20 tháng 5 năm 2025" standing alone in the header. */
export const DATE_ONLY_LINE = "^ngày\\s*(?<day>\\d{1,2})?\\s*tháng\\s*(?<month>\\d{1,2})?\\s*năm\\s*(?<year>\\d{4})\\s*[.]?$";

/** Mức độ khẩn, as a line of its own: "HỎA TỐC", "THƯỢNG KHẨN", "KHẨN". */
export const URGENCY: Record<string, "Hỏa tốc" | "Thượng khẩn" | "Khẩn"> = {
  "hỏa tốc": "Hỏa tốc",
  "thượng khẩn": "Thượng khẩn",
  "khẩn": "Khẩn",
};

/** Mức độ mật: "TUYỆT MẬT", "TỐI MẬT", "MẬT". */
export const CONFIDENTIALITY: Record<string, "Tuyệt mật" | "Tối mật" | "Mật"> = {
  "tuyệt mật": "Tuyệt mật",
  "tối mật": "Tối mật",
  "mật": "Mật",
};

/** Trích yếu of a công văn: "V/v triển khai …", "V/v: trợ cấp …"; OCR's "V/w". */
export const LETTER_SUBJECT = "^v\\s*/\\s*[vw]\\s*[:.]?\\s*";
export const LETTER_SUBJECT_OPENS = { words: ["v"] };

/** Kính gửi: "Kính gửi: Sở Y tế", "Kính gửi:" then a list. */
export const RECIPIENTS = "^kính\\s+gửi\\s*[:.]?\\s*";
export const RECIPIENTS_OPENS = { words: ["kính"] };

/**
 * Nơi nhận: "Nơi nhận:", "Nơi nhận :" (a list follows); OCR's misread first word, with its colon
 * (without it "Mới nhận được …" is a sentence): "Mới nhận:", "Noi nhận:".
 */
export const DISTRIBUTION = "^(?:nơi\\s+nhận\\s*[:.]?|[nm][oơớờởỡợ]i\\s+nhận\\s*:)\\s*";
/** "nơi", and the misread first words the pattern takes ("noi", "mới", …: [nm][oơớờởỡợ]i). */
export const DISTRIBUTION_OPENS = { words: [..."nm"].flatMap((c) => [..."oơớờởỡợ"].map((vowel) => `${c}${vowel}i`)) };

/** The archive copy line that closes nơi nhận: "- Lưu: VT, K20.", "Lưu VT", "Lưu TTLT". */
export const ARCHIVE_COPY = "^[-–+]?\\s*lưu(?![\\p{L}\\p{M}])";
export const ARCHIVE_COPY_OPENS = { words: ["lưu"] };

/**
 * Thẩm quyền ký (NĐ 30/2020 Phụ lục I; HD 36-HD/VPTW for the Party): the one list of authorities,
 * each as the record writes it, its spellings (match keys; a slash or dot inside may be spaced, as
 * in "T / M") and the form HD 36 asks of a Party document. Every pattern for an authority (the
 * signature line, the loaders' signature markers, line breaks in flattened text, the checks) is
 * derived from here.
 */
export const SIGNING_AUTHORITIES = [
  // "TM. ỦY BAN NHÂN DÂN": thay mặt, for a collective body; the Party's "T/M BAN THƯỜNG VỤ"; an old "t.m."
  { authority: "TM.", spellings: ["tm", "t/m", "t.m"], party: "T/M" },
  // "KT. CHỦ TỊCH" over "PHÓ CHỦ TỊCH": ký thay, a deputy signing for the head; the Party's "K/T BÍ THƯ"
  { authority: "KT.", spellings: ["kt", "k/t"], party: "K/T" },
  // "TL. BỘ TRƯỞNG": thừa lệnh; the Party's "T/L"
  { authority: "TL.", spellings: ["tl", "t/l"], party: "T/L" },
  // "TUQ. CHỦ TỊCH": thừa ủy quyền; the Party's "T/UQ"
  { authority: "TUQ.", spellings: ["tuq", "t/uq"], party: "T/UQ" },
  // "Q. GIÁM ĐỐC": quyền, an acting head. "Q." also shortens quận ("Q. Bình Thạnh"), so it is read
  // only where an authority is expected: at the start of a signature line, not in running text.
  { authority: "Q.", spellings: ["q"], party: null, alsoQuan: true },
] as const satisfies readonly { authority: string; spellings: readonly string[]; party: string | null; alsoQuan?: boolean }[];

/**
 * The letters the authorities' spellings open with (`t`, `k`, `q`; lower case, ASCII): a line
 * opening with none of them is no authority line, told before its key is made or searched.
 */
export const AUTHORITY_INITIALS: readonly string[] = [...new Set(SIGNING_AUTHORITIES.flatMap((a) => a.spellings.map((s) => s[0])))];

/** An authority as the record writes it: "TM.", "KT.", "TL.", "TUQ.", "Q.". */
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number]["authority"];

const spacedAbbreviation = (s: string) => s.replace(/[./]/g, (c) => `\\s*\\${c}\\s*`);
const authorityAlternation = (spellings: string[]) =>
  `(?:${[...spellings].sort((a, b) => b.length - a.length).map(spacedAbbreviation).join("|")})`;

/** Any authority's spelling in lower case (for match keys and case-blind patterns): "kt", "t / m", "tuq". */
export const AUTHORITY = authorityAlternation(SIGNING_AUTHORITIES.flatMap((a) => a.spellings));
/** The same in capitals, for text as printed: "KT", "T/M", "TUQ". */
export const AUTHORITY_CAPS = authorityAlternation(SIGNING_AUTHORITIES.flatMap((a) => a.spellings.map((s) => s.toUpperCase())));

/**
 * A signature line opening with its authority: "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "tm. ủy ban nhân dân";
 * OCR's comma for the period, "KT, THỦ TƯỚNG" (not after Q: "Q, …" is no authority).
 */
export const AUTHORITY_LINE = `^(${AUTHORITY})(?:\\s*[.:/]\\s*|(?<!^q)\\s*,\\s*|\\s+)(?=\\p{L})`;
/** An authority written alone on its line, whom it signs for on the next: "KT." / "TỔNG CỤC TRƯỞNG". */
export const AUTHORITY_ALONE = `^(${AUTHORITY})\\s*[.:]?\\s*$`;

/** Notes standing where the signature and seal are: "(Đã ký)", "(ký, đóng dấu)", "Đã ký", "[daky]". */
export const SIGNATURE_NOTE = "^[(\\[]?\\s*(?:đã\\s+ký|ký\\s*(?:,|và)?\\s*(?:đóng dấu|ghi rõ họ tên)?|đã ký và đóng dấu|daky|chữ ký số|signed)[^)\\]]*[)\\]]?\\s*$";
/** The first words of the notes above; "ký", "daky", "signed" may run on ("ký,đóng dấu"). "đã" opens a name with its note in front too ("Đã ký: Nguyễn Thị Kim Ngân"). */
export const SIGNATURE_NOTE_OPENS = { words: ["đã", "chữ"], runOn: ["ký", "daky", "signed"] };

/** What a nơi nhận line is sent for, in brackets after it: `- Sở Y tế (để thực hiện);`. */
export const DISTRIBUTION_PURPOSES: string[] = [
  "để thực hiện", "để báo cáo", "để biết", "để phối hợp", "để chỉ đạo", "để theo dõi", "để đưa tin", "để thi hành", "để kiểm tra",
];

/** Where the deputy's own title begins when it shares a line with `KT.` ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH"). */
export const DEPUTY_TITLE_START = "(?:phó\\s|thứ trưởng|ủy viên)";

/**
 * Words that open the name of a body (cơ quan) in the issuer lines: every head of AGENCY_HEADS
 * (grammars/agencies.ts), its forms and abbreviations, and these shorter ones, which open a name the
 * agency table knows only in full. A second issuer line that opens with one names the issuing body
 * under the first line's parent body: "BỘ TÀI CHÍNH" / "TỔNG CỤC HẢI QUAN"; "BỘ QUỐC PHÒNG" /
 * "BỘ CHỈ HUY QUÂN SỰ TỈNH"; "UBND TỈNH" / "KHO BẠC …".
 */
export const BODY_HEAD_WORDS: string[] = ["bộ chỉ huy", "kho bạc", "đoàn", "mặt trận", "viện kiểm sát"];

/**
 * Words that open the name of a parent body (cơ quan chủ quản) written before the issuing body.
 * A flattened issuer cell is cut before the issuing body's head word only after one of these:
 * "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN" → "BỘ TÀI CHÍNH" / "TỔNG CỤC HẢI QUAN";
 * "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG SỞ NỘI VỤ" → "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" / "SỞ NỘI VỤ".
 * (Names such as "ỦY BAN KIỂM TRA TỈNH ỦY" or "TỔNG LIÊN ĐOÀN LAO ĐỘNG" are not cut.)
 */
export const PARENT_BODY_HEADS: string[] = ["bộ", "ủy ban nhân dân", "ubnd", "tổng cục"];

/** Words that go on a body's name on the next line: the place or level it serves ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH ĐỊNH"). */
export const NAME_CONTINUATION_WORDS: string[] = [
  "tỉnh", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu",
  "trung ương", "việt nam", "các", "và", "khu", "vùng",
];

/** The enacting line between preamble and body: "QUYẾT ĐỊNH:", "QUYẾT NGHỊ:", "NGHỊ ĐỊNH:", "BAN HÀNH:". */
export const ENACTING_WORDS: readonly string[] = ["quyết định", "quyết nghị", "nghị định", "nghị quyết", "ban hành", "chỉ thị", "thông tư", "quy định", "ra quyết định"];
export const ENACTING_LINE = `^(?:${ENACTING_WORDS.join("|")})\\s*(:?)\\s*$`;

/** Preamble lines: "Căn cứ …", "Theo đề nghị …", "Xét đề nghị …", "Xét …". */
export const PREAMBLE_OPENERS: readonly string[] = ["căn cứ", "theo đề nghị", "xét đề nghị", "xét tờ trình", "xét báo cáo", "theo ý kiến", "xét"];
export const PREAMBLE_LINE = `^[-–]?\\s*(?:${PREAMBLE_OPENERS.join("|")})(?![\\p{L}\\p{M}])`;

/** Words that open a body paragraph, so they end a mixed-case trích yếu: "Thực hiện …", "Ngày …". */
export const BODY_OPENERS: string[] = [
  "thực hiện", "căn cứ", "theo", "xét", "để", "nhằm", "ngày", "vừa qua", "tiếp theo", "trong", "sau khi",
  "hiện nay", "qua", "trên cơ sở", "trả lời", "phúc đáp", "nhận được", "được sự", "kính gửi", "ủy ban",
  "chủ tịch", "sở", "bộ", "văn phòng", "tôi", "chúng tôi",
];

/** Phụ lục and other attachments after the signature: "PHỤ LỤC I", "Phụ lục", "DANH MỤC", "QUY CHẾ" (ban hành kèm theo). */
export const APPENDIX_START = "^(?:phụ lục|danh mục|biểu mẫu|mẫu số|quy chế|quy định|điều lệ|chương trình|kế hoạch|hướng dẫn|danh sách)(?![\\p{L}\\p{M}])";

/** The superscript digits a footnote's mark is written in: "¹", "²³". */
const FOOTNOTE_MARK_DIGITS = "¹²³⁴⁵⁶⁷⁸⁹⁰";
/** What a footnote line opens with, its first code unit: a superscript digit, or the `[` of "[1]". */
export const FOOTNOTE_OPENS = `${FOOTNOTE_MARK_DIGITS}[`;
/** A footnote line: "¹ Nghị quyết số …", "[1] …", "(1) …" at the foot. */
export const FOOTNOTE_LINE = `^(?:([${FOOTNOTE_MARK_DIGITS}]+)|\\[(\\d{1,3})\\])\\s*(.+)$`;

/**
 * A law or resolution of the National Assembly has no date line in its header: its date is the
 * day it was passed, said in its closing line. "Luật này đã được Quốc hội … thông qua ngày 20 tháng 11 năm 2019."
 */
export const ADOPTION_DATE = "^(?:luật|bộ luật|nghị quyết|pháp lệnh|hiến pháp)\\s+này\\s+(?:đã\\s+)?được\\s.{0,200}?thông qua\\s+(ngày\\s*(\\d{1,2})\\s*tháng\\s*(\\d{1,2})\\s*năm\\s*(\\d{4}))";

/**
 * The title-style opening of documents printed in the Công báo, with issuer, number and date
 * inside the title: "Nghị định / của Chính phủ số 29/1998/NĐ-CP ngày 11 tháng 5 năm 1998 / về việc …",
 * "THÔNG TƯ / LIÊN TỊCH CỦA BỘ TÀI CHÍNH - … SỐ 176/1998/TTLT-BTC-BCN-TCHQ NGÀY 25 THÁNG 12 NĂM1998 HƯỚNG DẪN …".
 */
export const TITLE_STYLE_OPENING =
  "^(?:của\\s+(?<issuer>.+?)\\s+)?số\\s*:?\\s*(?<number>\\S+?(?:\\s*[/-]\\s*\\S+?)*)\\s*,?\\s+(?<date>ngày\\s*(?<day>\\d{1,2})\\s*tháng\\s*(?<month>\\d{1,2})\\s*năm\\s*(?<year>\\d{4}))\\s*(?<rest>.*)$";
