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

/** Words that introduce a person: `đồng chí Trần Thanh Nhân`, `ông Nguyễn Văn A`, `Đ/c Lê Văn B`. */
export const HONORIFICS: string[] = ["đồng chí", "đ/c", "ông", "bà", "anh", "chị", "Đồng chí", "Đ/c", "Ông", "Bà", "Anh", "Chị"];

/**
 * Titles (chức vụ), longest first when matched: `Phó Chủ tịch UBND tỉnh`, `Phó Thủ tướng`,
 * `Giám đốc Sở Y tế`. A title followed by an agency makes a position.
 */
export const TITLES: string[] = [
  // "Phó Chủ tịch Thường trực UBND tỉnh"
  "Phó Chủ tịch Thường trực", "Phó Chủ tịch", "Chủ tịch nước", "Chủ tịch",
  // "Phó Thủ tướng Vũ Văn Ninh", "Thủ tướng Chính phủ"
  "Phó Thủ tướng Thường trực", "Phó Thủ tướng", "Thủ tướng",
  "Bộ trưởng", "Thứ trưởng", "Quyền Bộ trưởng",
  "Tổng Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư", "Bí thư",
  "Phó Tổng Giám đốc", "Tổng Giám đốc", "Phó Giám đốc", "Giám đốc",
  "Phó Chánh Văn phòng", "Chánh Văn phòng", "Chánh Thanh tra", "Phó Chánh Thanh tra", "Chánh án", "Viện trưởng", "Phó Viện trưởng",
  "Phó Trưởng ban Thường trực", "Phó Trưởng ban", "Trưởng ban", "Phó Trưởng phòng", "Trưởng phòng", "Trưởng Công an",
  "Phó Tổng cục trưởng", "Tổng cục trưởng", "Phó Cục trưởng", "Cục trưởng", "Phó Chi cục trưởng", "Chi cục trưởng",
  "Phó Vụ trưởng", "Vụ trưởng", "Hiệu trưởng", "Phó Hiệu trưởng", "Phó Chủ nhiệm", "Chủ nhiệm",
  "Thủ trưởng", "Người đứng đầu", "Tổng Thư ký", "Thư ký", "Trợ lý", "Ủy viên Ban Thường vụ", "Ủy viên", "Chuyên viên",
  "Trưởng đoàn", "Phó Trưởng đoàn", "Thành viên", "Đại diện lãnh đạo", "Lãnh đạo",
];

/** Short forms of titles (exact case): `CT, các PCT UBND tỉnh`, `PCVP`. */
export const TITLE_ABBREVIATIONS: Record<string, string> = {
  CT: "Chủ tịch",
  PCT: "Phó Chủ tịch",
  CVP: "Chánh Văn phòng",
  PCVP: "Phó Chánh Văn phòng",
  GĐ: "Giám đốc",
  PGĐ: "Phó Giám đốc",
  TTg: "Thủ tướng",
  PTTg: "Phó Thủ tướng",
};

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
