/**
 * Citations of other documents (`Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về …`):
 * the words the reference extractor (`src/extract/references.ts`) reads around a number.
 * Word lists are compared through `matchKey()` (lower case, new tone placement): write them so.
 * The document types themselves come from `document-types.ts`, with the extra names below.
 */

/** Type names cited in running text that are not a tên loại of their own (`Văn bản số 12/UBND-VX`). */
export const EXTRA_REFERENCE_TYPES: string[] = [
  // "Văn bản số 1234/BTC-NSNN ngày …"
  "Văn bản",
  // "Thông tư liên bộ số 12/TTLB …" (before 1996)
  "Thông tư liên bộ",
  // "Quyết định liên bộ số …"
  "Quyết định liên bộ",
  // "Chỉ thị liên tịch số …"
  "Chỉ thị liên tịch",
  // "Lệnh số 05/2019/L-CTN" (công bố luật)
  "Lệnh",
  // "Điều lệ Đảng", "Điều lệ Hội …"
  "Điều lệ",
  // "Thông báo kết luận số 123-TB/TU"
  "Thông báo kết luận",
  // "Nghị quyết liên tịch số 09/2008/NQLT-CP-UBTWMTTQVN"
  "Nghị quyết liên tịch",
];

/** Types cited by their name, without a number: `Luật Tổ chức chính quyền địa phương ngày 19/6/2015`, `Bộ luật Lao động`. */
export const NAMED_TYPES: string[] = ["Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Điều lệ"];

/** The word before a number: `Quyết định số 123/QĐ-UBND`, `Bộ luật số: 45/2019/QH14`, `số hiệu …`. */
export const NUMBER_WORDS: string[] = ["số hiệu", "số"];

/** Words right after a type name that make it the document itself, not a citation: `Quyết định này`. */
export const SELF_WORDS: string[] = ["này"];

/** The word that opens the issuer: `… ngày 09/9/2025 của Bộ Chính trị`, `… do Chính phủ ban hành`. */
export const ISSUER_LEADS: string[] = ["của", "do"];

/**
 * Where an issuer's name ends (besides punctuation): the words that begin what is said about the
 * document: `của Chính phủ quy định chức năng …`, `của Bộ Chính trị về một số giải pháp …`.
 */
export const ISSUER_STOPS: string[] = [
  "về", "về việc", "v/v", "quy định", "hướng dẫn", "ban hành", "phê duyệt", "sửa đổi", "bổ sung", "thành lập",
  "đã", "thì", "là", "có", "được", "đối với", "tại", "cho", "nêu", "trong", "ngày", "số", "để", "theo",
  "thực hiện", "triển khai", "giao", "kèm", "và các", "về một", "quy chế", "phân công", "điều chỉnh",
  "tiếp tục", "xử lý", "ủy quyền", "miễn", "giải quyết", "như", "với",
];

/** An issuer written in lower case must begin with one of these: `của ủy ban nhân dân thành phố Cần Thơ`. */
export const ISSUER_HEADS: string[] = [
  "ủy ban", "bộ", "ban", "sở", "hội đồng", "thủ tướng", "chính phủ", "quốc hội", "văn phòng", "tỉnh ủy", "thành ủy",
  "huyện ủy", "chủ tịch", "tổng cục", "cục", "ngân hàng", "tòa án", "viện", "kiểm toán", "bộ trưởng", "giám đốc",
];

/**
 * Words before a citation that name its issuer when the citation does not:
 * `chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số 1227-CV/TU` → Ban Thường vụ Tỉnh ủy;
 * `đề nghị của Ủy ban nhân dân tỉnh Nghệ An (Công văn số 5969/UBND-TM …)`.
 * Each is a regex fragment that ends right before the type name; `ISSUER` stands for the name.
 */
export const CONTEXT_ISSUER_PATTERNS: string[] = [
  // "ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy tại Công văn số …"
  "của\\s+ISSUER\\s+(?:tại|theo|nêu tại|ở)\\s*",
  // "Xét đề nghị của Ủy ban nhân dân tỉnh Nghệ An (Công văn số …"
  "của\\s+ISSUER\\s*\\(\\s*",
];

/** Words that open the subject (trích yếu) and are dropped from it: `về việc …`, `về …`, `V/v …`. */
export const SUBJECT_ABOUT: string[] = ["về việc", "v/v:", "v/v", "về"];
/** Verbs that open the subject and stay in it: `… của Chính phủ quy định chức năng, nhiệm vụ …`. */
export const SUBJECT_VERBS: string[] = ["quy định", "hướng dẫn", "ban hành", "phê duyệt", "sửa đổi", "bổ sung", "thành lập", "phân công", "giao"];

/** Words between a number and its date: `Quyết định số 45/QĐ-UBND, ngày 20/5/2025`, `… ban hành ngày …`. */
export const DATE_GAP = "^[\\s,]*(?:(?:được\\s+)?ban hành\\s*)?$";

/**
 * A date that opens the sentence of a citation without one: `Ngày 27/02/2023, Bộ Thông tin và
 * Truyền thông ban hành Công văn số 624/BTTTT-TTCS …`, `Ngày 05/3/2025, Sở Y tế có Văn bản số …`.
 * Matched on the key text between the date and the type name; `issuer` is the body that issued it.
 */
export const LEADING_DATE_GAP = "^\\s*,\\s*(?<issuer>[^,.;:()\\n]{2,120}?)\\s+(?:đã\\s+)?(?:ban hành|có|ký)\\s*$";

/** Between the items of a list of numbers under one type: `các quyết định số 101/… ngày … và 41/… ngày …`. */
export const LIST_JOINERS: string[] = [",", ";", "và", "hoặc"];

/** Words that end a named law's name when it has no date or number after it: `Luật Đất đai và các văn bản …`. */
export const NAME_STOPS: string[] = ["và", "hoặc", "thì", "đã", "được", "có hiệu lực", "quy định", "này", "hiện hành", "để", "trong", "tại", "theo", "về", "của", "và các", "mà", "khi", "nếu", "nhưng", "đang", "phải", "không", "bị", "thuộc", "đến"];
