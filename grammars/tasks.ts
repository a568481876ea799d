/**
 * Task knowledge: the words that hand out an assignment and the verbs that start one.
 * Forms are plain text matched with tone placement folded; a capital first letter also matches
 * its lower-case form (`Giao`/`giao`) unless noted.
 */

/**
 * Words before the assignee (`Giao Sở Y tế: …`, `Đề nghị UBND các huyện …`, `Yêu cầu Bộ … khẩn trương …`).
 * Only at the start of an item or a clause: `dự án giao Sở Y tế thực hiện` is not an assignment.
 */
export const TRIGGERS: string[] = [
  "Giao cho", "Giao", "Kính đề nghị", "Đề nghị", "Yêu cầu", "Chỉ đạo", "Ủy quyền cho", "Ủy quyền", "Phân công cho", "Phân công", "Ủy ban nhân dân tỉnh giao",
];

/**
 * Verbs that open the action after the assignee (`Sở Y tế chuẩn bị …`, `X chủ trì, phối hợp với Y …`,
 * `… chịu trách nhiệm thi hành Quyết định này`). Longest first when matched.
 */
export const ACTION_VERBS: string[] = [
  "chịu trách nhiệm", "có trách nhiệm", "chủ trì", "phối hợp", "chuẩn bị", "tiếp tục", "khẩn trương", "chủ động", "tổ chức",
  "thực hiện", "triển khai", "tham mưu", "báo cáo", "rà soát", "hướng dẫn", "xây dựng", "theo dõi", "kiểm tra", "căn cứ",
  "nghiên cứu", "đôn đốc", "quán triệt", "bố trí", "cân đối", "thẩm định", "trình", "tổng hợp", "cung cấp", "gửi", "đảm bảo",
  "bảo đảm", "giám sát", "tăng cường", "đẩy mạnh", "xem xét", "lập", "ban hành", "cập nhật", "quản lý", "phổ biến",
  "tuyên truyền", "chỉ đạo", "sớm", "thường xuyên", "nghiêm túc", "khẩn cấp", "hoàn thành", "hoàn thiện", "tập trung",
  "phân bổ", "giải quyết", "xử lý", "đề xuất", "lựa chọn", "cử", "ưu tiên", "duy trì", "tích cực", "rà soát lại", "hỗ trợ",
  "tiếp nhận", "thông báo cho", "tạo điều kiện", "phải", "cần", "thành lập", "mời", "bám sát",
];

/**
 * Phrases that may stand between an assignee and its action:
 * `giao Bộ Tài chính theo chức năng, nhiệm vụ được giao, nghiên cứu …`.
 */
export const INTERPOSED: string[] = [
  "theo chức năng, nhiệm vụ được giao", "theo chức năng, nhiệm vụ", "theo chức năng được giao", "theo chức năng", "theo chức năng nhiệm vụ được giao", "theo chức năng nhiệm vụ",
  "theo thẩm quyền", "căn cứ chức năng, nhiệm vụ được giao", "căn cứ chức năng, nhiệm vụ", "trong phạm vi chức năng, nhiệm vụ được giao",
];

/**
 * Verbs that make an assignment wherever the sentence puts their subject, even after an opening
 * phrase: `Đối với hàng hóa tạm giữ, Bộ Công an chịu trách nhiệm quản lý …`.
 */
export const RESPONSIBILITY_VERBS: string[] = ["chịu trách nhiệm", "có trách nhiệm", "chủ trì"];

/**
 * Words before a verb that make what precedes it no assignee: a passive, a tense, a condition, a
 * purpose or an opening phrase (`Kế hoạch được triển khai`, `Nếu Sở Y tế chủ trì`, `Theo Sở Y tế, …`).
 */
export const NOT_SUBJECT: string[] = ["được", "đã", "sẽ", "là", "nếu", "khi", "để", "theo", "tại", "về"];

/** A clause with these is an introduction, not an assignment: `Chủ tịch UBND tỉnh có ý kiến như sau:`. */
export const NOT_TASK: string[] = ["như sau", "có ý kiến", "xin thông báo", "kính mời", "trân trọng"];

/**
 * An action that is the enacting formula of a law or decree, not an assignment:
 * `Quốc hội ban hành Bộ luật Lao động.`
 */
export const ENACTING = "ban hành (?:Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư)";

/** Before the cooperating bodies: `phối hợp với các cơ quan, đơn vị liên quan`, `phối hợp chặt chẽ với Sở Y tế`. */
export const COOPERATION: string[] = ["phối hợp chặt chẽ với", "phối hợp với", "phối hợp cùng", "cùng với", "phối hợp"];

/** Before a deadline inside a task: `trước 11h00 ngày 26/5/2026`, `chậm nhất ngày 30/6`, `hoàn thành trong tháng 5`. */
export const DEADLINE_MARKERS: string[] = ["trước", "chậm nhất", "hạn chót", "thời hạn", "xong trước", "hoàn thành trước", "không quá", "đến hết", "đến ngày"];

/**
 * Assignees that point back to the kính gửi list: `Đề nghị các đơn vị …` in a letter to three
 * bodies assigns it to those three.
 */
export const RECIPIENT_POINTERS: string[] = [
  "các đơn vị", "các cơ quan", "các cơ quan, đơn vị", "các đơn vị, địa phương", "các cơ quan, đơn vị, địa phương", "các địa phương",
  "các đồng chí",
];

/**
 * The polite address to the recipient, which names no body and so is an assignee by itself, pointing
 * back to the kính gửi list like the above: `Đề nghị Quý cơ quan phối hợp …`.
 */
export const POLITE_ADDRESSES: string[] = ["Quý cơ quan", "Quý đơn vị", "Quý Ủy ban"];
