import type { PortalMetadataRow } from "../load/types.js";
import { matchKey } from "../text/tone.js";
import type { SectionTree } from "../segment/tree.js";
import type { Span, Warning } from "./schema.js";

/**
 * A portal page's metadata rows (`Số hiệu:`, `Người ký:`, `Ngày ban hành:`, `Loại văn bản:`,
 * `Cơ quan ban hành:`) checked against the document's own parts. They never fill a part: the
 * record says what the document says. Where they disagree, or where the document lacks a part
 * the portal gives, a warning names the portal's value, so a reader can judge (the portal may
 * describe another version, or the page may have lost the document's header).
 */
export function portalMetadataWarnings(rows: PortalMetadataRow[], t: SectionTree): Warning[] {
  const warnings: Warning[] = [];
  for (const row of rows) {
    const own = ownPart(row, t);
    if (own === undefined) continue;
    if (own === null) {
      warnings.push({
        code: "portal-metadata-only",
        message: `the document has no ${PART_NAMES[row.part!]}; the portal's "${row.label}" says "${row.value}" (not taken: it is the site's, not the document's)`,
      });
    } else if (!agrees(row, own.text)) {
      warnings.push({
        code: "portal-metadata-disagrees",
        message: `the portal's "${row.label}" says "${row.value}", the document says "${own.text}"`,
        span: own.span,
      });
    }
  }
  return warnings;
}

const PART_NAMES: Record<NonNullable<PortalMetadataRow["part"]>, string> = {
  number: "số and ký hiệu",
  type: "type (tên loại)",
  issuer: "issuer (cơ quan ban hành)",
  signer: "signer's name",
  date: "date (ngày ban hành)",
};

/** The document's own text for the part a row speaks of; null when it has none; undefined to skip. */
function ownPart(row: PortalMetadataRow, t: SectionTree): { text: string; span: Span | null } | null | undefined {
  switch (row.part) {
    case "number":
      return t.number ? { text: t.number.raw, span: t.number.span } : null;
    case "type":
      return t.type ? { text: t.type.name, span: t.type.span } : null;
    case "issuer":
      return t.issuer ? { text: t.issuer.parent ? `${t.issuer.parent} ${t.issuer.name}` : t.issuer.name, span: t.issuer.span } : null;
    case "signer": {
      const names = t.signatures.map((s) => s.name).filter((n): n is string => !!n);
      return names.length ? { text: names.join("; "), span: t.signatures[0].span } : null;
    }
    case "date":
      return t.date?.value ? { text: t.date.value, span: t.date.span } : null;
    default:
      return undefined;
  }
}

const compact = (s: string) => matchKey(s).replace(/[\s.,;:]+/g, "");

function agrees(row: PortalMetadataRow, own: string): boolean {
  switch (row.part) {
    case "date": {
      // "26/01/2026", "26-01-2026" → 2026-01-26; a draft's partial date agrees with its year and month
      const m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/.exec(row.value);
      if (!m) return true;
      const iso = `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
      return iso.startsWith(own);
    }
    case "signer":
      return own.split("; ").some((n) => compact(n) === compact(row.value));
    case "issuer": {
      const a = compact(row.value);
      const b = compact(own);
      return a === b || a.includes(b) || b.includes(a);
    }
    default:
      return compact(row.value) === compact(own);
  }
}
