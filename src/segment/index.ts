import type { NormalizedDocument } from "../normalize/index.js";
import type { SectionTree } from "./tree.js";

export function segment(doc: NormalizedDocument): SectionTree {
  return {
    text: doc.text, issuer: null, nationalTitle: null, number: null, place: null, date: null, type: null, subject: null,
    urgency: null, confidentiality: null, recipients: [], preamble: [], body: { span: [0, doc.text.length], text: doc.text, nodes: [] },
    signatures: [], distribution: [], footnotes: [], appendices: [], warnings: [],
  };
}
