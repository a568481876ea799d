/**
 * People knowledge: Vietnamese family names, the honorifics and the titles (chức vụ) that stand
 * next to a name, and the capitalised phrases that look like a name but are not one.
 * Forms are plain text matched with tone placement folded; titles match with the first letter
 * as written and the rest in any case (`Phó Chủ tịch`, `Phó chủ tịch`, `PHÓ CHỦ TỊCH` in capitals).
 */

/** Common family names (họ), covering the great majority of names: `Trần Thanh Nhân`, `Vi Thiện Việt`. */
export const SURNAMES: string[] = [
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
  "Vi", "Lâm", "Đinh", "Trịnh", "Đào", "Mai", "Cao", "Lương", "Đoàn", "Tô", "Hà", "Tạ", "Chu", "Lại", "Triệu", "Quách",
  "Thái", "Văn", "Trương", "Lưu", "Kiều", "Khúc", "Nông", "Hứa", "Tăng", "Thân", "Lục", "Âu", "Mạc", "Giáp", "Kim", "Châu",
  "Tôn", "Diệp", "La", "Ninh", "Phùng", "Đàm", "Từ", "Đồng", "Chử", "Nghiêm", "Trình", "Vương", "Hầu", "Lò", "Sầm", "Bế",
  "Hoàng", "Tống", "Mạnh", "Cù", "Lã", "Quan", "Thạch", "Đậu", "Phí", "Khổng", "Doãn", "Hàn", "Ôn", "Viên", "Tiêu", "Yên",
];

/**
 * Words that introduce a person, in lower case; a capital first letter is read too (`Đồng chí`,
 * `Ông`), not all capitals. `đồng chí Trần Thanh Nhân`, `Ông Nguyễn Văn A`, `Đ/c Lê Văn B`, `chị Lò Thị C`.
 */
export const HONORIFICS: string[] = ["đồng chí", "đ/c", "ông", "bà", "anh", "chị"];

/**
 * Chức vụ: the one list of position titles, written as in running text. A signer's title under the
 * authority ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH") and a title before a name or an agency (`Phó Chủ tịch
 * UBND tỉnh`, `Giám đốc Sở Y tế`: a position) are both found by it; matched with tone placement
 * folded, the first letter as written and the rest in any case, longest first.
 */
export const POSITION_TITLES: string[] = [
  // "Phó Chủ tịch Thường trực UBND tỉnh", "Chủ tịch nước"
  "Phó Chủ tịch Thường trực", "Phó Chủ tịch", "Chủ tịch", "Chủ tịch nước", "Phó Chủ tịch nước",
  // "Phó Thủ tướng Vũ Văn Ninh", "Thủ tướng Chính phủ"
  "Phó Thủ tướng Thường trực", "Phó Thủ tướng", "Thủ tướng",
  // "KT. BỘ TRƯỞNG / THỨ TRƯỞNG", "Quyền Bộ trưởng"
  "Bộ trưởng", "Thứ trưởng", "Quyền Bộ trưởng", "Thủ trưởng",
  // "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"
  "Tổng Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư", "Bí thư",
  // "Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy"
  "Chủ nhiệm", "Phó Chủ nhiệm",
  // "Giám đốc Sở Y tế", "PHÓ TỔNG GIÁM ĐỐC"
  "Tổng Giám đốc", "Phó Tổng Giám đốc", "Giám đốc", "Phó Giám đốc",
  // "CHÁNH VĂN PHÒNG"
  "Chánh Văn phòng", "Phó Chánh Văn phòng",
  "Chánh Thanh tra", "Phó Chánh Thanh tra", "Tổng Thanh tra", "Chánh án", "Viện trưởng", "Phó Viện trưởng",
  // "TỔNG CỤC TRƯỞNG", "Phó Cục trưởng Cục Quản lý dược", "Chi cục trưởng"
  "Tổng cục trưởng", "Phó Tổng cục trưởng", "Cục trưởng", "Phó Cục trưởng", "Chi cục trưởng", "Phó Chi cục trưởng",
  "Vụ trưởng", "Phó Vụ trưởng",
  // "Trưởng ban Tuyên giáo", "Phó Trưởng ban Thường trực", "Trưởng phòng", "Trưởng Công an xã"
  "Trưởng ban", "Phó Trưởng ban", "Phó Trưởng ban Thường trực", "Trưởng phòng", "Phó Trưởng phòng", "Trưởng Công an",
  "Trưởng đoàn", "Phó Trưởng đoàn", "Trưởng khoa", "Trưởng trạm",
  "Hiệu trưởng", "Phó Hiệu trưởng",
  // "THỐNG ĐỐC", "TỔNG KIỂM TOÁN", "Tổng Thư ký Quốc hội", "Tổng Biên tập"
  "Thống đốc", "Phó Thống đốc", "Tổng Kiểm toán", "Tổng Thư ký", "Tổng Biên tập",
  // the armed forces: "TƯ LỆNH", "CHÍNH ỦY"
  "Tư lệnh", "Chính ủy",
  // "ỦY VIÊN BAN THƯỜNG VỤ"
  "Ủy viên Ban Thường vụ", "Ủy viên",
];

/**
 * The titles a signature block may write under the authority: every chức vụ, and the ones it writes
 * with their body, which running text reads as a title and an agency (`Giám đốc` + `Sở Y tế`).
 */
export const SIGNER_TITLES: string[] = [
  ...POSITION_TITLES,
  // a law's signer: "CHỦ TỊCH QUỐC HỘI" over the name; "CHÁNH VĂN PHÒNG TRUNG ƯƠNG"; "GIÁM ĐỐC SỞ"; "CHỦ NHIỆM ỦY BAN"
  "Chủ tịch Quốc hội", "Chánh Văn phòng Trung ương", "Giám đốc Sở", "Chủ nhiệm Ủy ban",
  // a template's placeholder where the signer's title goes: "NGƯỜI KÝ"
  "Người ký",
];

/**
 * Roles that stand before a name in running text but are no chức vụ a signer writes:
 * `Chuyên viên Nguyễn Văn A`, `Thư ký Hội nghị`, `Đại diện lãnh đạo Sở Y tế`, `Người đứng đầu cơ quan`.
 */
export const ROLE_TITLES: string[] = [
  "Người đứng đầu", "Thư ký", "Trợ lý", "Chuyên viên", "Thành viên", "Đại diện lãnh đạo", "Lãnh đạo",
];

/** Capitalised phrases that look like names of people but name a place, a school of thought, a body. */
export const NOT_PEOPLE: string[] = [
  "Hồ Chí Minh", "Lê Quý Đôn", "Trần Hưng Đạo", "Lê Lợi", "Quang Trung", "Hà Nội", "Hà Giang", "Hà Tĩnh", "Hà Nam", "Lâm Đồng",
  "Cao Bằng", "Lý Thường Kiệt", "Nguyễn Huệ", "Võ Thị Sáu", "Phan Bội Châu", "Phan Chu Trinh", "Trần Phú", "Hoàng Sa",
  "Đồng Nai", "Đồng Tháp", "Đồng Việt Nam", "Kim Bảng", "Mai Châu", "Văn Bàn", "Văn Yên", "Văn Chấn", "Văn Lâm", "Văn Giang", "Hà Tiên",
];

/**
 * Words before a capitalised phrase that make it a place, a street, a school, not a person:
 * `phường Lương Văn Tri`, `đường Đinh Tiên Hoàng`, `Trường THPT Lê Quý Đôn`, `tư tưởng Hồ Chí Minh`.
 */
export const NOT_PERSON_BEFORE: string[] = [
  "phường", "xã", "thị trấn", "quận", "huyện", "tỉnh", "thành phố", "TP", "TP.", "đường", "phố", "ngõ", "hẻm", "thôn", "bản",
  "ấp", "khu", "tổ", "làng", "cầu", "chợ", "trường", "Trường", "THPT", "THCS", "Tiểu học", "bệnh viện", "Bệnh viện", "tư tưởng",
  "Tư tưởng", "Cộng sản", "Đoàn", "lăng", "Lăng", "Bảo tàng", "bảo tàng", "giải", "Giải", "quỹ", "Quỹ", "đại lộ", "Đại lộ",
  "số", "Khu", "Thành phố", "Tỉnh", "Huyện", "Phường", "Xã", "Đường", "Phố", "Quận", "Sở", "Bộ",
];
