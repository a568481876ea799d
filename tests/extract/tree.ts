import { makeContext, type ExtractContext } from "../../src/extract/context.js";
import { documentKeys } from "../../src/text/tone.js";
import type { SectionTree } from "../../src/segment/tree.js";

/** A section tree whose body is one paragraph holding the whole text (until the segmenter lands in tests). */
export function treeOf(text: string, extra: Partial<SectionTree> = {}): SectionTree {
  return {
    text, keys: documentKeys(text), issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [],
    body: { span: [0, text.length], text, nodes: [{ kind: "paragraph", label: null, text, span: [0, text.length], children: [] }] },
    signatures: [], distribution: [], footnotes: [], appendices: [], warnings: [], ...extra,
  };
}

export function ctxOf(text: string, year: number | null = 2026, extra: Partial<SectionTree> = {}): ExtractContext {
  // makeContext for a fresh `shared`; the date and year as the test says
  return { ...makeContext(treeOf(text, extra)), documentDate: null, year };
}
