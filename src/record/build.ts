import type { Facts } from "../extract/index.js";
import type { LoadedDocument } from "../load/types.js";
import type { NormalizedDocument } from "../normalize/index.js";
import type { OutlineNode as TreeNode, SectionTree } from "../segment/tree.js";
import { dateBounds } from "../extract/dates/range.js";
import { portalMetadataWarnings } from "./portal.js";
import { collapseSpaces as collapse } from "../text/letters.js";
import { mapped } from "../text/lists.js";
import type { DocumentRecord, OutlineItem, Warning } from "./schema.js";

/** Body outline for the record: labelled nodes only; plain paragraphs stay in `body.text`. */
function outline(nodes: TreeNode[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const n of nodes) {
    if (n.label === null) {
      items.push(...outline(n.children));
      continue;
    }
    items.push({ label: n.label, text: collapse(n.text), children: outline(n.children), span: n.span });
  }
  return items;
}

export interface RecordParts {
  loaded: LoadedDocument;
  normalized: NormalizedDocument;
  tree: SectionTree;
  facts: Facts;
  path: string | null;
  sha256: string;
}

export function buildRecord({ loaded, normalized, tree, facts, path, sha256 }: RecordParts): DocumentRecord {
  const t = tree;
  return {
    schemaVersion: "1",
    source: { path, format: loaded.format, sha256, pages: loaded.pages, encoding: normalized.encoding, ocr: loaded.ocr, ocrEngine: loaded.ocr ? (loaded.ocrEngine ?? null) : null },
    issuer: t.issuer
      ? {
          name: collapse(t.issuer.name),
          parent: t.issuer.parent && collapse(t.issuer.parent),
          canonical: facts.issuerCanonical.issuer,
          parentCanonical: t.issuer.parent ? facts.issuerCanonical.parent : null,
          span: t.issuer.span,
        }
      : null,
    nationalTitle: t.nationalTitle !== null,
    number: t.number && { ...t.number, year: t.number.year ? Number(t.number.year) : null },
    place: t.place ? collapse(t.place.text) : null,
    date: t.date && { raw: t.date.raw, value: t.date.value, ...dateBounds(t.date.value), span: t.date.span },
    type: t.type ? { code: t.type.code, name: t.type.name } : null,
    subject: t.subject ? collapse(t.subject.text) : null,
    urgency: (t.urgency?.text as DocumentRecord["urgency"]) ?? null,
    confidentiality: (t.confidentiality?.text as DocumentRecord["confidentiality"]) ?? null,
    recipients: mapped(t.recipients, (r) => collapse(r.text)),
    body: { text: collapse(t.body.text), items: outline(t.body.nodes), span: t.body.span },
    signatures: mapped(t.signatures, (s) => ({ ...s })),
    distribution: mapped(t.distribution, (d) => collapse(d.text)),
    footnotes: mapped(t.footnotes, (f) => ({ mark: f.mark, text: collapse(f.text), span: f.span })),
    appendices: mapped(t.appendices, (a) => ({ title: collapse(a.title), text: a.text, span: a.span })),
    dates: facts.dates,
    agencies: facts.agencies,
    people: facts.people,
    references: facts.references,
    tasks: facts.tasks,
    events: facts.events,
    digitalSignatures: loaded.digitalSignatures ?? [],
    // (Object.assign, not `{ ...w, span }`: see spanOrNull)
    warnings: mapped([...normalized.warnings, ...t.warnings, ...facts.warnings, ...portalMetadataWarnings(loaded.portalMetadata ?? [], t)], spanOrNull),
  };
}

/**
 * A warning with its span, null where it has none: a copy, its keys in the same order as the
 * spread `{ ...w, span: w.span ?? null }` would give. Not that spread: Node 20's V8 kept every
 * object it made by spreading and then growing by a key the source lacks (most warnings have no
 * span) alive through the next young collection, so they were all promoted (one-line files, one
 * thread, 20,000 of them: 5 MB of the 10 promoted after the extractors).
 */
function spanOrNull(w: Warning): DocumentRecord["warnings"][number] {
  return Object.assign({}, w, { span: w.span ?? null });
}
