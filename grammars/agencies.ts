/**
 * Agency knowledge: the names of the bodies of the State, the Party and the mass organisations,
 * their abbreviations and how a name is built (head + name + place + parent body).
 *
 * Every form below is plain text, not a regex: the code escapes it, lets any run of whitespace
 * stand for a space and any dash for a hyphen, and folds tone placement (Uỷ/Ủy). `case` says how
 * strictly capitalisation is required where the form is found:
 *   "any"  — any case (`UBND`, `ỦY BAN NHÂN DÂN`, `ủy ban nhân dân`);
 *   "cap"  — the first letter as written, the rest any case (`Sở` and `SỞ` but not `sở`: `cơ sở`);
 *   "exact" — exactly as written (abbreviations: `VP`, `CT`).
 */

type CasePolicy = "any" | "cap" | "exact";

/**
 * What must follow a head for it to name a body:
 *   "place"  — a place (`tỉnh Bình Định`, `huyện`, `các huyện, thị xã`) or a parent body; bare when `bare`;
 *   "name"   — a name (`Sở` + `Y tế`): a known name below or capitalised words;
 *   "none"   — the head is a whole name (`Chính phủ`, `Tỉnh ủy`); a place may follow;
 *   "parent" — a parent body must follow (`Văn phòng` + `UBND tỉnh`, `Ban Thường vụ` + `Tỉnh ủy`).
 */
type Complement = "place" | "name" | "none" | "parent";

export interface AgencyHead {
  /** how it is written: full form first */
  forms: string[];
  /** canonical spelling of the head */
  canonical: string;
  case: CasePolicy;
  complement: Complement;
  /** may stand alone when its complement is missing (`Chính phủ`, `Kho bạc Nhà nước`) */
  bare?: boolean;
  /** a sub-unit that takes the issuer as parent when written alone (`Văn phòng` in a UBND document) */
  subUnit?: boolean;
  /** abbreviation forms (exact case) that expand to `canonical` */
  abbr?: string[];
}

export const AGENCY_HEADS: AgencyHead[] = [
  // ---- the State, central ----
  // "Ủy ban Thường vụ Quốc hội"
  { forms: ["Ủy ban Thường vụ Quốc hội"], canonical: "Ủy ban Thường vụ Quốc hội", case: "any", complement: "none" },
  // "Quốc hội"
  { forms: ["Quốc hội"], canonical: "Quốc hội", case: "cap", complement: "none" },
  // "Thủ tướng Chính phủ", "Thủ tướng CP", "TTgCP"
  { forms: ["Thủ tướng Chính phủ", "Thủ tướng CP"], abbr: ["TTgCP"], canonical: "Thủ tướng Chính phủ", case: "cap", complement: "none" },
  // "Văn phòng Chính phủ", "VPCP"
  { forms: ["Văn phòng Chính phủ"], abbr: ["VPCP"], canonical: "Văn phòng Chính phủ", case: "cap", complement: "none" },
  // "Chính phủ"
  { forms: ["Chính phủ"], canonical: "Chính phủ", case: "cap", complement: "none" },
  // "Chủ tịch nước"
  { forms: ["Văn phòng Chủ tịch nước"], canonical: "Văn phòng Chủ tịch nước", case: "cap", complement: "none" },
  // "Ngân hàng Nhà nước Việt Nam", "NHNN"
  { forms: ["Ngân hàng Nhà nước"], abbr: ["NHNN"], canonical: "Ngân hàng Nhà nước", case: "cap", complement: "place", bare: true },
  // "Kho bạc Nhà nước tỉnh", "KBNN"
  { forms: ["Kho bạc Nhà nước"], abbr: ["KBNN"], canonical: "Kho bạc Nhà nước", case: "cap", complement: "place", bare: true },
  // "Kiểm toán Nhà nước"
  { forms: ["Kiểm toán Nhà nước"], abbr: ["KTNN"], canonical: "Kiểm toán Nhà nước", case: "cap", complement: "place", bare: true },
  // "Bảo hiểm xã hội tỉnh", "BHXH Việt Nam"
  { forms: ["Bảo hiểm xã hội"], abbr: ["BHXH"], canonical: "Bảo hiểm xã hội", case: "cap", complement: "place", bare: false },
  // "Tòa án nhân dân tối cao", "TAND tỉnh"
  { forms: ["Tòa án nhân dân"], abbr: ["TAND"], canonical: "Tòa án nhân dân", case: "cap", complement: "place" },
  // "Viện kiểm sát nhân dân tỉnh", "VKSND"
  { forms: ["Viện kiểm sát nhân dân"], abbr: ["VKSND"], canonical: "Viện kiểm sát nhân dân", case: "cap", complement: "place" },
  // "Bộ Chỉ huy Quân sự tỉnh"
  { forms: ["Bộ Chỉ huy Quân sự"], canonical: "Bộ Chỉ huy Quân sự", case: "cap", complement: "place", bare: true },
  // "Bộ Chỉ huy Bộ đội Biên phòng tỉnh" (another command than the military one of the same province)
  { forms: ["Bộ Chỉ huy Bộ đội Biên phòng"], canonical: "Bộ Chỉ huy Bộ đội Biên phòng", case: "cap", complement: "place", bare: true },
  // "Bộ Tư lệnh Quân khu 2"
  { forms: ["Bộ Tư lệnh"], canonical: "Bộ Tư lệnh", case: "cap", complement: "name" },
  // "Quân đoàn 12"
  { forms: ["Quân đoàn"], canonical: "Quân đoàn", case: "cap", complement: "name" },
  // "Quân khu 3" (a military region, not a corps)
  { forms: ["Quân khu"], canonical: "Quân khu", case: "cap", complement: "name" },

  // ---- the Party ----
  // "Ban Chấp hành Trung ương Đảng"
  { forms: ["Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương", "BCH Trung ương", "BCHTW"], canonical: "Ban Chấp hành Trung ương", case: "cap", complement: "none" },
  // "Bộ Chính trị"
  { forms: ["Bộ Chính trị"], abbr: ["BCT"], canonical: "Bộ Chính trị", case: "cap", complement: "none" },
  // "Ban Bí thư"
  { forms: ["Ban Bí thư"], canonical: "Ban Bí thư", case: "cap", complement: "none" },
  // "Văn phòng Trung ương Đảng"
  { forms: ["Văn phòng Trung ương Đảng"], abbr: ["VPTW"], canonical: "Văn phòng Trung ương Đảng", case: "cap", complement: "none" },
  // "Ban Thường vụ Tỉnh ủy", "BTV Thành ủy"
  { forms: ["Ban Thường vụ"], abbr: ["BTV"], canonical: "Ban Thường vụ", case: "cap", complement: "parent" },
  // "Ban Chấp hành Đảng bộ tỉnh"
  { forms: ["Ban Chấp hành"], abbr: ["BCH"], canonical: "Ban Chấp hành", case: "cap", complement: "parent" },
  // "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh", "TT.HĐND"
  { forms: ["Thường trực"], abbr: ["TT."], canonical: "Thường trực", case: "cap", complement: "parent" },
  // "Tỉnh ủy", "Thành ủy Cần Thơ", "Huyện ủy", "Đảng ủy xã", "TU"
  { forms: ["Tỉnh ủy"], abbr: ["TU"], canonical: "Tỉnh ủy", case: "cap", complement: "none" },
  { forms: ["Thành ủy"], canonical: "Thành ủy", case: "cap", complement: "none" },
  { forms: ["Huyện ủy"], canonical: "Huyện ủy", case: "cap", complement: "none" },
  { forms: ["Quận ủy"], canonical: "Quận ủy", case: "cap", complement: "none" },
  { forms: ["Thị ủy"], canonical: "Thị ủy", case: "cap", complement: "none" },
  { forms: ["Đảng ủy"], canonical: "Đảng ủy", case: "cap", complement: "none" },
  { forms: ["Đảng đoàn"], canonical: "Đảng đoàn", case: "cap", complement: "parent" },
  { forms: ["Ban cán sự đảng"], canonical: "Ban cán sự đảng", case: "cap", complement: "parent" },
  // "Ủy ban Kiểm tra Tỉnh ủy"
  { forms: ["Ủy ban Kiểm tra"], abbr: ["UBKT"], canonical: "Ủy ban Kiểm tra", case: "cap", complement: "parent", bare: true },
  // "Ban Tuyên giáo Tỉnh ủy", "Ban Tổ chức Trung ương", "Ban Dân vận", "Ban Nội chính"
  { forms: ["Ban Tuyên giáo và Dân vận", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận", "Ban Nội chính", "Ban Kinh tế", "Ban Đối ngoại"], canonical: "", case: "cap", complement: "place", bare: true },

  // ---- mass organisations ----
  // "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban MTTQ", "UBMTTQ"
  { forms: ["Ủy ban Mặt trận Tổ quốc Việt Nam", "Ủy ban Mặt trận Tổ quốc", "Ủy ban MTTQ"], abbr: ["UBMTTQ", "UB MTTQ"], canonical: "Ủy ban Mặt trận Tổ quốc", case: "cap", complement: "place", bare: true },
  // "Mặt trận Tổ quốc Việt Nam", "MTTQ"
  { forms: ["Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc"], abbr: ["MTTQ"], canonical: "Mặt trận Tổ quốc", case: "cap", complement: "place", bare: true },
  // "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Tỉnh đoàn"
  { forms: ["Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên"], abbr: ["ĐTN"], canonical: "Đoàn Thanh niên Cộng sản Hồ Chí Minh", case: "cap", complement: "place", bare: true },
  { forms: ["Tỉnh đoàn", "Thành đoàn", "Huyện đoàn"], canonical: "", case: "cap", complement: "none" },
  // "Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN"
  { forms: ["Hội Liên hiệp Phụ nữ Việt Nam", "Hội Liên hiệp Phụ nữ", "Hội LHPN"], canonical: "Hội Liên hiệp Phụ nữ", case: "cap", complement: "place", bare: true },
  // "Hội Nông dân", "Hội Cựu chiến binh", "Hội Chữ thập đỏ"
  { forms: ["Hội Nông dân", "Hội Cựu chiến binh", "Hội Chữ thập đỏ", "Hội Người cao tuổi", "Hội Khuyến học"], canonical: "", case: "cap", complement: "place", bare: true },
  // "Liên đoàn Lao động tỉnh", "Tổng Liên đoàn Lao động Việt Nam"
  { forms: ["Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động"], canonical: "Tổng Liên đoàn Lao động Việt Nam", case: "cap", complement: "none" },
  { forms: ["Liên đoàn Lao động"], abbr: ["LĐLĐ"], canonical: "Liên đoàn Lao động", case: "cap", complement: "place", bare: true },
  // "Công đoàn ngành Y tế", "Công đoàn Viên chức"
  { forms: ["Công đoàn"], canonical: "Công đoàn", case: "cap", complement: "name" },

  // ---- the State, local and by branch ----
  // "Ủy ban nhân dân tỉnh Bình Định", "UBND các huyện", "ỦY BAN NHÂN DÂN"
  { forms: ["Ủy ban nhân dân"], abbr: ["UBND"], canonical: "Ủy ban nhân dân", case: "any", complement: "place", bare: true },
  // "Hội đồng nhân dân tỉnh", "HĐND"
  { forms: ["Hội đồng nhân dân"], abbr: ["HĐND"], canonical: "Hội đồng nhân dân", case: "any", complement: "place", bare: true },
  // "Trạm Y tế xã", "Trung tâm Y tế huyện"
  { forms: ["Trạm Y tế", "Trạm y tế"], canonical: "Trạm Y tế", case: "cap", complement: "place", bare: true },
  { forms: ["Trung tâm Y tế", "Trung tâm y tế"], canonical: "Trung tâm Y tế", case: "cap", complement: "place", bare: true },
  // "Đài Phát thanh và Truyền hình tỉnh", "Đài PTTH"
  { forms: ["Đài Phát thanh và Truyền hình", "Đài Phát thanh - Truyền hình"], abbr: ["Đài PTTH"], canonical: "Đài Phát thanh và Truyền hình", case: "cap", complement: "place", bare: true },
  // "Cổng Thông tin điện tử tỉnh", "Cổng TTĐT"
  { forms: ["Cổng Thông tin điện tử"], abbr: ["Cổng TTĐT"], canonical: "Cổng Thông tin điện tử", case: "cap", complement: "place", bare: true },
  // "Công an tỉnh", "Công an các xã"
  { forms: ["Công an"], canonical: "Công an", case: "cap", complement: "place" },
  // "Thanh tra Chính phủ", "Thanh tra tỉnh", "Thanh tra Sở Y tế"
  { forms: ["Thanh tra"], canonical: "Thanh tra", case: "cap", complement: "place" },
  // "Ban Quản lý các Khu công nghiệp", "BQL"
  { forms: ["Ban Quản lý"], abbr: ["BQL"], canonical: "Ban Quản lý", case: "cap", complement: "name" },
  // "Ban Chỉ đạo Trung ương", "BCĐ"
  { forms: ["Ban Chỉ đạo"], abbr: ["BCĐ"], canonical: "Ban Chỉ đạo", case: "cap", complement: "name", bare: true },
  // "Văn phòng UBND tỉnh", "VP UBND tỉnh", "Văn phòng Tỉnh ủy", "Văn phòng" (the issuer's)
  { forms: ["Văn phòng"], abbr: ["VP"], canonical: "Văn phòng", case: "cap", complement: "parent", subUnit: true },
  // "Tổng cục Thuế", "Chi cục Thuế", "Cục Quản lý dược", "Vụ Pháp chế"
  { forms: ["Tổng cục"], canonical: "Tổng cục", case: "cap", complement: "name" },
  { forms: ["Chi cục"], canonical: "Chi cục", case: "cap", complement: "name" },
  { forms: ["Cục"], canonical: "Cục", case: "cap", complement: "name" },
  { forms: ["Vụ"], canonical: "Vụ", case: "cap", complement: "name" },
  // "Bộ Y tế", "Bộ Kế hoạch và Đầu tư"
  { forms: ["Bộ"], canonical: "Bộ", case: "cap", complement: "name" },
  // "Sở Y tế", "Sở Tài chính", "Sở GD&ĐT"
  { forms: ["Sở"], canonical: "Sở", case: "cap", complement: "name" },
  // "Phòng Giáo dục và Đào tạo huyện"
  { forms: ["Phòng"], canonical: "Phòng", case: "cap", complement: "name" },
  // "Trung tâm Phục vụ hành chính công", "Bệnh viện Đa khoa tỉnh", "Viện Chiến lược phát triển"
  { forms: ["Trung tâm"], canonical: "Trung tâm", case: "cap", complement: "name" },
  { forms: ["Bệnh viện"], canonical: "Bệnh viện", case: "cap", complement: "name" },
  { forms: ["Học viện"], canonical: "Học viện", case: "cap", complement: "name" },
  { forms: ["Viện"], canonical: "Viện", case: "cap", complement: "name" },
  { forms: ["Đại học"], canonical: "Đại học", case: "cap", complement: "name" },
  { forms: ["Trường"], canonical: "Trường", case: "cap", complement: "name" },
  // "Báo Tuyên Quang", "Báo Nhân Dân"
  { forms: ["Báo"], canonical: "Báo", case: "cap", complement: "name" },
  // "Ủy ban Dân tộc", "Hội đồng Thi đua - Khen thưởng", "Ban Thi đua - Khen thưởng Trung ương"
  { forms: ["Ủy ban"], canonical: "Ủy ban", case: "cap", complement: "name" },
  { forms: ["Hội đồng"], canonical: "Hội đồng", case: "cap", complement: "name" },
  { forms: ["Ban"], canonical: "Ban", case: "cap", complement: "name" },
  { forms: ["Hội"], canonical: "Hội", case: "cap", complement: "name" },
  // "Tổ công tác về chuyển đổi số", "Tổ giúp việc"
  { forms: ["Tổ công tác", "Tổ giúp việc"], canonical: "", case: "cap", complement: "place", bare: true },
  // "Đảng bộ tỉnh Quảng Ngãi", "Chi bộ Văn phòng"
  { forms: ["Đảng bộ", "Chi bộ"], canonical: "", case: "cap", complement: "place" },
  // "Liên đoàn Luật sư Việt Nam", "Tòa án quân sự", "Trạm Kiểm lâm", "Đài Tiếng nói Việt Nam", "Cảng vụ Hàng hải"
  { forms: ["Liên đoàn", "Tòa án", "Trạm", "Đài", "Cảng vụ"], canonical: "", case: "cap", complement: "name" },
  // "Tổng công ty Điện lực", "Công ty Cổ phần …", "Ngân hàng Chính sách xã hội", "Chi nhánh …", "Quỹ Đầu tư phát triển"
  { forms: ["Tổng công ty", "Công ty", "Ngân hàng", "Chi nhánh", "Quỹ"], canonical: "", case: "cap", complement: "name" },
];

/**
 * Known names that follow a head (`Bộ`, `Sở`, `Phòng`, `Cục`…), in their canonical spelling,
 * with abbreviations. Matched in any case (`Bộ Nội Vụ`, `SỞ TÀI CHÍNH`) and canonicalised.
 */
export const KNOWN_NAMES: { name: string; abbr?: string[] }[] = [
  // "Bộ Lao động - Thương binh và Xã hội", "Sở LĐTBXH"
  { name: "Lao động - Thương binh và Xã hội", abbr: ["LĐTBXH", "LĐ-TB&XH", "LĐTB&XH"] },
  { name: "Kế hoạch và Đầu tư", abbr: ["KH&ĐT", "KHĐT"] },
  { name: "Giáo dục và Đào tạo", abbr: ["GD&ĐT", "GDĐT"] },
  { name: "Nông nghiệp và Phát triển nông thôn", abbr: ["NN&PTNT", "NNPTNT"] },
  { name: "Nông nghiệp và Môi trường", abbr: ["NN&MT", "NNMT"] },
  { name: "Tài nguyên và Môi trường", abbr: ["TN&MT", "TNMT"] },
  { name: "Văn hóa, Thể thao và Du lịch", abbr: ["VHTTDL", "VH-TT&DL", "VHTT&DL"] },
  { name: "Văn hóa - Thông tin" },
  { name: "Thông tin và Truyền thông", abbr: ["TT&TT", "TTTT"] },
  { name: "Khoa học và Công nghệ", abbr: ["KH&CN", "KHCN"] },
  { name: "Giao thông vận tải", abbr: ["GTVT"] },
  { name: "Dân tộc và Tôn giáo" },
  { name: "Tài chính", abbr: ["TC"] },
  { name: "Nội vụ", abbr: ["NV"] },
  { name: "Tư pháp" },
  { name: "Y tế", abbr: ["YT"] },
  { name: "Xây dựng", abbr: ["XD"] },
  { name: "Công Thương" },
  { name: "Thương mại" },
  { name: "Công nghiệp" },
  { name: "Ngoại giao" },
  { name: "Ngoại vụ" },
  { name: "Quốc phòng" },
  { name: "Công an" },
  { name: "Thuế" },
  { name: "Hải quan" },
  { name: "Thống kê" },
  { name: "Dân tộc" },
  { name: "Thi đua - Khen thưởng" },
  { name: "Tổ chức cán bộ" },
  { name: "Pháp chế" },
  { name: "Quản lý thị trường" },
];

/**
 * Levels of administration that follow a body (`UBND tỉnh`, `Sở Y tế tỉnh Lạng Sơn`), their
 * canonical spelling, and whether a proper name may follow (`tỉnh Bình Định`).
 */
export const PLACE_LEVELS: { forms: string[]; canonical: string; proper: boolean; abbr?: string[] }[] = [
  // "thành phố Cần Thơ", "TP Cần Thơ", "TP. Hồ Chí Minh"
  { forms: ["thành phố"], abbr: ["TP.", "TP", "Tp.", "Tp"], canonical: "thành phố", proper: true },
  // "tỉnh Bình Định", "TỈNH LẠNG SƠN"
  { forms: ["tỉnh"], canonical: "tỉnh", proper: true },
  { forms: ["huyện"], canonical: "huyện", proper: true },
  { forms: ["quận"], canonical: "quận", proper: true },
  { forms: ["thị xã"], canonical: "thị xã", proper: true },
  { forms: ["thị trấn"], canonical: "thị trấn", proper: true },
  { forms: ["xã"], canonical: "xã", proper: true },
  { forms: ["phường"], canonical: "phường", proper: true },
  { forms: ["đặc khu"], canonical: "đặc khu", proper: true },
  // "Ủy ban nhân dân cấp tỉnh"
  { forms: ["cấp tỉnh"], canonical: "cấp tỉnh", proper: false },
  { forms: ["cấp huyện"], canonical: "cấp huyện", proper: false },
  { forms: ["cấp xã"], canonical: "cấp xã", proper: false },
  // "Ban Chỉ đạo Trung ương", "TW"
  { forms: ["Trung ương"], abbr: ["TW", "TƯ"], canonical: "Trung ương", proper: false },
  // "Tòa án nhân dân tối cao"
  { forms: ["tối cao"], canonical: "tối cao", proper: false },
  // "Mặt trận Tổ quốc Việt Nam"
  { forms: ["Việt Nam"], canonical: "Việt Nam", proper: false },
];

/** Nouns a collective mention is made of: `các sở, ngành, hội, đoàn thể tỉnh`, `các cơ quan, đơn vị liên quan`. */
export const COLLECTIVE_NOUNS: string[] = [
  "cơ quan ngang bộ", "cơ quan thuộc Chính phủ", "cơ quan chuyên môn", "cơ quan", "đơn vị sự nghiệp", "đơn vị",
  "địa phương", "ban ngành", "ban, ngành", "sở ngành", "sở, ban, ngành", "sở", "ban", "ngành", "bộ", "hội", "đoàn thể",
  "tổ chức chính trị - xã hội", "tổ chức đoàn thể", "phòng ban", "phòng", "Ban của Đảng", "cơ sở y tế",
];

/**
 * Words after a collective noun that make it something else: `các hội nghị`, `các bộ phận`,
 * `các phòng họp` are no agencies. Keyed by the noun as written in {@link COLLECTIVE_NOUNS}.
 */
export const COLLECTIVE_NOUN_NOT_BEFORE: Record<string, string[]> = {
  hội: ["nghị", "thảo", "viên", "đồng", "chợ", "diễn", "thi", "đủ"],
  ngành: ["nghề", "hàng", "học"],
  bộ: ["phận", "hồ sơ", "đội", "máy", "luật", "tài liệu", "chỉ số", "tiêu chí", "công cụ", "câu hỏi", "sách"],
  phòng: ["họp", "chống", "ngừa", "khám", "thí nghiệm", "trọ", "bệnh", "học", "làm việc"],
  ban: ["hành", "đầu", "đêm", "ngày"],
  "đơn vị": ["hành chính", "tính", "đo"],
  "cơ quan": ["báo chí", "thông tấn", "hành chính", "quản lý nhà nước", "nhà nước"],
  sở: ["hữu", "dữ liệu", "thích"],
};

/** Level nouns after a body in a collective: `UBND các huyện, thị xã, thành phố`. */
export const COLLECTIVE_LEVELS: string[] = ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "đặc khu", "địa phương"];

/** What may close a collective mention: `liên quan`, `tỉnh`, `trực thuộc Trung ương`. */
export const COLLECTIVE_QUALIFIERS: string[] = [
  "trực thuộc Trung ương", "thuộc Trung ương", "trực thuộc", "thuộc tỉnh", "thuộc thành phố", "có liên quan", "liên quan",
  "trên địa bàn tỉnh", "trên địa bàn", "cấp tỉnh", "cấp huyện", "cấp xã", "Trung ương", "tỉnh", "thành phố", "huyện", "chuyên môn", "các cấp",
];

/** Capitalised words that never begin an agency's name (after `Bộ`, `Ban`, `Hội`, …). */
export const NAME_STOPWORDS: string[] = [
  // "Bộ Luật Lao động" is a code, "Ban hành kèm theo", "Hội nghị", "Báo cáo"
  "Luật", "luật", "Hành", "hành", "Nghị", "Cáo", "cáo", "Quy tắc", "Tiêu chí", "Tiêu chuẩn", "Chỉ số", "Hồ sơ", "Tài liệu", "Câu hỏi",
  "Công cụ", "Đề", "Sách", "Không", "Nay", "Mọi", "Tất", "Những", "Được", "Trưởng", "trưởng", "Tư lệnh", "Phó", "Giám", "Chủ", "Thứ", "Chánh", "Tổng", "Thủ",
];

/**
 * Words that end a capitalised run (a name or a place name) even when capitalised: sentence
 * openers and titles (the heads above stop a run too). `UBND tỉnh Bình Định Căn cứ …` stops before `Căn`.
 */
export const PROPER_STOPWORDS: string[] = [
  "Chủ", "Phó", "Giám", "Thủ", "Chánh", "Trưởng", "Bí", "Căn", "Theo", "Xét", "Về", "Số", "Kính", "Nơi", "Lưu", "Như", "Các", "Điều", "Giao", "Đề", "Yêu", "Thực", "Quyết",
  "Trong", "Tại", "Đồng", "Và", "Của", "Chương", "Mục", "Phần", "Ngày", "Đ/c", "Lãnh", "Đại diện",
];

/**
 * Lower-case words that never continue a name (`Sở Y tế chuẩn bị`): function words and the levels.
 * A name takes at most one lower-case syllable after each capitalised one, and not these.
 */
export const NAME_TAIL_STOPWORDS: string[] = [
  "của", "và", "với", "các", "về", "tại", "trong", "để", "theo", "có", "là", "được", "đã", "sẽ", "thuộc", "cho", "do", "từ", "đến",
  "tỉnh", "huyện", "quận", "xã", "phường", "thị", "thành", "cấp", "nhằm", "khi", "thì", "mà", "này", "đó", "ban", "chủ", "phối",
  "gửi", "trình", "báo", "chỉ", "giao", "tổ", "thực", "triển", "chuẩn", "tiếp", "khẩn", "rà", "hướng", "đề", "xem", "kiểm", "tham",
];

/**
 * Words that end a name written in capitals (`SỞ Y TẾ VỀ VIỆC …`, `BAN CHỈ ĐẠO CỦA TỈNH`): in a
 * capitals line the case tells nothing, so these function words stop the run.
 */
export const CAPITALS_NOT_IN_NAME: string[] = ["của", "các", "về", "tại", "trong", "năm", "số", "ngày", "theo", "đối", "với", "thuộc", "cho", "quy", "ban hành"];

/**
 * Abbreviations expanded when a mention or a position is written canonically
 * (`CT, các PCT UBND tỉnh` → `Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh`). Exact case.
 */
export const ABBREVIATIONS: Record<string, string> = {
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  UBMTTQ: "Ủy ban Mặt trận Tổ quốc",
  MTTQ: "Mặt trận Tổ quốc",
  VPCP: "Văn phòng Chính phủ",
  VP: "Văn phòng",
  BHXH: "Bảo hiểm xã hội",
  KBNN: "Kho bạc Nhà nước",
  NHNN: "Ngân hàng Nhà nước",
  BQL: "Ban Quản lý",
  BTV: "Ban Thường vụ",
  BCĐ: "Ban Chỉ đạo",
  TTgCP: "Thủ tướng Chính phủ",
  CP: "Chính phủ",
  TU: "Tỉnh ủy",
  TAND: "Tòa án nhân dân",
  VKSND: "Viện kiểm sát nhân dân",
  PTTH: "Phát thanh và Truyền hình",
  TTĐT: "Thông tin điện tử",
  KCN: "Khu công nghiệp",
  // heads of a body: "CT UBND tỉnh", "các PCT UBND tỉnh"
  CT: "Chủ tịch",
  PCT: "Phó Chủ tịch",
  TP: "thành phố",
  TW: "Trung ương",
};

/**
 * Provinces and centrally-run cities (before and after the 2025 merger), so that a place is not
 * read as a person's name after a position: `Chủ tịch UBND tỉnh Lâm Đồng` is a place,
 * `Chủ tịch UBND tỉnh Hoàng Văn Nam` a person.
 */
export const PROVINCES: string[] = [
  "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước",
  "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
  "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa",
  "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
  "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
  "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
  "Yên Bái",
];
