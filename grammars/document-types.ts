/**
 * Tên loại văn bản and their codes: NĐ 30/2020/NĐ-CP Phụ lục III, Party documents from
 * Hướng dẫn 36-HD/VPTW, and legal documents (Luật 80/2015/QH13). `name` as it is written in
 * sentence case; the title line of a document is its upper-case form (`QUYẾT ĐỊNH`).
 * `kind`: administrative (hành chính), party (Đảng), legal (quy phạm pháp luật).
 */
interface DocumentTypeEntry {
  code: string;
  name: string;
  kind: "administrative" | "party" | "legal";
}

export const DOCUMENT_TYPES: DocumentTypeEntry[] = [
  { code: "NQ", name: "Nghị quyết", kind: "administrative" },
  { code: "QĐ", name: "Quyết định", kind: "administrative" },
  { code: "CT", name: "Chỉ thị", kind: "administrative" },
  { code: "QC", name: "Quy chế", kind: "administrative" },
  { code: "QyĐ", name: "Quy định", kind: "administrative" },
  { code: "TC", name: "Thông cáo", kind: "administrative" },
  { code: "TB", name: "Thông báo", kind: "administrative" },
  { code: "HD", name: "Hướng dẫn", kind: "administrative" },
  { code: "CTr", name: "Chương trình", kind: "administrative" },
  { code: "KH", name: "Kế hoạch", kind: "administrative" },
  { code: "PA", name: "Phương án", kind: "administrative" },
  { code: "ĐA", name: "Đề án", kind: "administrative" },
  { code: "DA", name: "Dự án", kind: "administrative" },
  { code: "BC", name: "Báo cáo", kind: "administrative" },
  { code: "BB", name: "Biên bản", kind: "administrative" },
  { code: "TTr", name: "Tờ trình", kind: "administrative" },
  { code: "HĐ", name: "Hợp đồng", kind: "administrative" },
  { code: "CĐ", name: "Công điện", kind: "administrative" },
  { code: "BGN", name: "Bản ghi nhớ", kind: "administrative" },
  { code: "BTT", name: "Bản thỏa thuận", kind: "administrative" },
  { code: "GUQ", name: "Giấy ủy quyền", kind: "administrative" },
  { code: "GM", name: "Giấy mời", kind: "administrative" },
  { code: "GGT", name: "Giấy giới thiệu", kind: "administrative" },
  { code: "GNP", name: "Giấy nghỉ phép", kind: "administrative" },
  { code: "PG", name: "Phiếu gửi", kind: "administrative" },
  { code: "PC", name: "Phiếu chuyển", kind: "administrative" },
  { code: "PB", name: "Phiếu báo", kind: "administrative" },
  { code: "CV", name: "Công văn", kind: "administrative" },
  // Party (Hướng dẫn 36-HD/VPTW)
  { code: "KL", name: "Kết luận", kind: "party" },
  { code: "QĐi", name: "Quy định", kind: "party" },
  { code: "TT", name: "Thông tri", kind: "party" },
  { code: "NQLT", name: "Nghị quyết liên tịch", kind: "party" },
  // legal documents (văn bản quy phạm pháp luật)
  { code: "HP", name: "Hiến pháp", kind: "legal" },
  { code: "BL", name: "Bộ luật", kind: "legal" },
  { code: "L", name: "Luật", kind: "legal" },
  { code: "PL", name: "Pháp lệnh", kind: "legal" },
  { code: "NĐ", name: "Nghị định", kind: "legal" },
  { code: "TTLT", name: "Thông tư liên tịch", kind: "legal" },
  { code: "TT", name: "Thông tư", kind: "legal" },
  { code: "VBHN", name: "Văn bản hợp nhất", kind: "legal" },
  { code: "SL", name: "Sắc lệnh", kind: "legal" },
];

/** The type a document has when it has no title line but a `V/v` trích yếu: a công văn. */
export const LETTER_TYPE = { code: "CV", name: "Công văn" } as const;
