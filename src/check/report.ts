import { STANDARD_RULES, type CheckPart } from "../../grammars/standard/rules.js";
import type { CheckReport } from "./index.js";

/** Part names as a văn thư calls them, in the order they stand on the page. */
const PART_NAMES: Record<CheckPart, string> = {
  page: "Trang (khổ giấy, lề)",
  font: "Phông chữ",
  "page-number": "Số trang",
  "national-title": "Quốc hiệu",
  motto: "Tiêu ngữ",
  issuer: "Cơ quan ban hành",
  number: "Số, ký hiệu",
  "place-date": "Địa danh, ngày tháng",
  title: "Tên loại",
  subject: "Trích yếu",
  recipients: "Kính gửi",
  preamble: "Căn cứ",
  body: "Nội dung",
  signature: "Thẩm quyền, chữ ký",
  distribution: "Nơi nhận",
  appendix: "Phụ lục",
};
const ORDER = Object.keys(PART_NAMES) as CheckPart[];
const MARK = { error: "✗", warning: "!", info: "·" } as const;

/** A readable report: the file, then its messages grouped by part, each with its rule and English gloss. */
export function formatReport(report: CheckReport): string {
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const m of report.messages) counts[m.severity]++;
  const what = [report.format.toUpperCase(), report.party ? "HD 36 (Đảng)" : "NĐ 30/2020", report.layout ? "nội dung + trình bày" : "nội dung"].join(", ");
  out.push(`${report.path ?? "(input)"} — ${what}: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} gợi ý (${report.rules.length} quy tắc)`);
  if (!report.messages.length) out.push("  ✓ đúng thể thức theo mọi quy tắc đã kiểm tra");
  for (const part of ORDER) {
    const ms = report.messages.filter((m) => m.part === part);
    if (!ms.length) continue;
    out.push(`  ${PART_NAMES[part]}`);
    for (const m of ms) {
      const where = m.page ? ` [tr. ${m.page}]` : "";
      out.push(`    ${MARK[m.severity]} ${m.message}${where}`);
      out.push(`      ${m.rule} — ${m.gloss}`);
    }
  }
  return out.join("\n");
}

/** Rule ids and their clause, for `vanban check --rules`. */
export function formatRules(): string {
  return STANDARD_RULES.map((r) => `${r.id.padEnd(42)} ${r.severity.padEnd(8)} ${r.scope.padEnd(8)} ${r.gloss}`).join("\n");
}
