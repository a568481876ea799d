import { STANDARD_RULES, type CheckPart, type Severity, type StandardRule } from "../../grammars/standard/rules.js";
import { loadDocument } from "../load/index.js";
import { parseStages, readDocumentFile, sha256, type ParsedStages, type ParseOptions } from "../pipeline.js";
import type { Span, SourceFormat } from "../record/schema.js";
import { CheckContext } from "./context.js";
import { CONTENT_RULES, type RuleFn } from "./rules/content.js";
import { LAYOUT_RULES, hasLayout } from "./rules/layout.js";

/** One thing found wrong with a document's thể thức. */
export interface CheckMessage {
  /** the clause: `nd30.pl1.II.3.number-leading-zero` (NĐ 30/2020 Phụ lục I, Phần I, II.3), `hd36.number-form` */
  rule: string;
  severity: Severity;
  /** Vietnamese: the rule's message, then what was found */
  message: string;
  /** the rule's message in English */
  gloss: string;
  part: CheckPart;
  /** where in the normalized text (`vanban text`), when the part was found */
  span: Span | null;
  /** page, where the format has pages */
  page: number | null;
}

/** The check of one document. */
export interface CheckReport {
  path: string | null;
  format: SourceFormat;
  /** HD 36 (Party) rules applied instead of NĐ 30's where they differ */
  party: boolean;
  /** layout rules ran (the file holds fonts, sizes, positions) */
  layout: boolean;
  /** ids of the rules that ran */
  rules: string[];
  messages: CheckMessage[];
}

export interface CheckOptions extends ParseOptions {
  /** run only these rules (ids) */
  rules?: string[];
}

const CODE: Record<string, RuleFn> = { ...CONTENT_RULES, ...LAYOUT_RULES };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The rules as data, with the clause, examples and messages (for reports and documentation). */
export const CHECK_RULES: readonly StandardRule[] = STANDARD_RULES;

/**
 * Checks a document's thể thức against NĐ 30/2020/NĐ-CP Phụ lục I (and HD 36-HD/VPTW for
 * Party documents). `input` is a file path or the file's bytes. Layout rules run where the file
 * holds layout (DOCX, PDF with a text layer).
 */
export async function check(input: string | Uint8Array, options: CheckOptions = {}): Promise<CheckReport> {
  const path = typeof input === "string" ? input : options.path;
  const bytes = typeof input === "string" ? await readDocumentFile(input) : input;
  // a PDF's font names are read only on request (they cost a second pass over each page)
  return (await checkBytes(bytes, { ...options, path })).report;
}

/** Parses and checks a file's bytes: the record and the report (for `convert --check`). */
export async function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<{ record: ParsedStages["record"]; report: CheckReport }> {
  const loaded = await loadDocument(bytes, { ...options, fonts: true });
  const stages = parseStages(loaded, { ...options, sha256: sha256(bytes) });
  return { record: stages.record, report: checkStages(stages, options) };
}

/** The check stage alone, over a parsed document's stages. */
export function checkStages(stages: ParsedStages, options: Pick<CheckOptions, "rules"> = {}): CheckReport {
  const ctx = new CheckContext(stages);
  const layout = hasLayout(ctx);
  const only = options.rules ? new Set(options.rules) : null;
  const messages: CheckMessage[] = [];
  const ran: string[] = [];
  for (const rule of STANDARD_RULES) {
    if (only && !only.has(rule.id)) continue;
    if (rule.applies === "state" && ctx.party) continue;
    if (rule.applies === "party" && !ctx.party) continue;
    if (rule.scope === "layout" && !layout) continue;
    const fn = CODE[rule.id];
    if (!fn) continue;
    ran.push(rule.id);
    for (const f of fn(ctx)) {
      const span = f.span ?? null;
      messages.push({
        rule: rule.id,
        severity: rule.severity,
        message: f.detail ? `${rule.message}: ${f.detail}` : rule.message,
        gloss: rule.gloss,
        part: rule.part,
        span,
        page: (span && ctx.lineAt(span[0])?.meta.page) ?? f.page ?? null,
      });
    }
  }
  messages.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.span?.[0] ?? -1) - (b.span?.[0] ?? -1));
  const { record } = stages;
  return { path: record.source.path, format: record.source.format, party: ctx.party, layout, rules: ran, messages };
}

export { formatReport } from "./report.js";
