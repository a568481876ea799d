import type { SigningAuthority } from "../../grammars/header.js";
import type { Span, Warning } from "../record/schema.js";
import type { DocumentKeys } from "../text/tone.js";
import type { ExplainLine } from "./explain.js";
import type { NormalizedLine } from "../normalize/index.js";

/** A piece of the normalized text with where it stands in it. */
export interface TextNode {
  text: string;
  span: Span;
}

/**
 * One node of the body outline. Labelled nodes nest by their label's level
 * (Phần > Chương > Mục > Điều > khoản `1.` > điểm `a)` > `-` > `+`); an unlabelled paragraph
 * is a node with `label: null` placed under the labelled node it follows.
 */
export interface OutlineNode {
  kind: OutlineKind;
  /** the label as written: `I.`, `1.`, `1.1.`, `a)`, `-`, `+`, `Điều 3.`, `Chương II`; null for a plain paragraph */
  label: string | null;
  /** the node's own text, without its label and without its children */
  text: string;
  span: Span;
  children: OutlineNode[];
}

export type OutlineKind =
  | "part" // Phần
  | "chapter" // Chương
  | "section" // Mục
  | "article" // Điều
  | "roman" // I., II.
  | "numbered" // 1., 1.1., 1.1.1.
  | "lettered" // a), b)
  | "dash" // -
  | "plus" // +
  | "paragraph"; // no label

export interface SignatureNode {
  authority: SigningAuthority | null;
  onBehalfOf: string | null;
  title: string | null;
  name: string | null;
  chain: { authority: SigningAuthority; onBehalfOf: string }[];
  span: Span;
}

/** The formal parts of a document (thể thức, NĐ 30/2020/NĐ-CP), each with its span. */
export interface SectionTree {
  /** the normalized text every span points into */
  text: string;
  /** its folded text and match key, made once for segment and every extractor */
  keys: DocumentKeys;
  issuer: { name: string; parent: string | null; span: Span } | null;
  nationalTitle: TextNode | null;
  number: { raw: string; value: string | null; symbol: string | null; year: string | null; span: Span } | null;
  place: TextNode | null;
  /** value: ISO date, reduced precision where the draft leaves fields blank */
  date: { raw: string; value: string | null; span: Span } | null;
  type: { code: string; name: string; span: Span | null } | null;
  /** trích yếu, one line, without `V/v` */
  subject: TextNode | null;
  urgency: TextNode | null;
  confidentiality: TextNode | null;
  /** kính gửi, each entry without its `- ` and `;` */
  recipients: TextNode[];
  /** the lines between the title and the body: `Căn cứ …`, `Theo đề nghị …`, the enacting body */
  preamble: TextNode[];
  body: { span: Span; text: string; nodes: OutlineNode[] };
  signatures: SignatureNode[];
  /** nơi nhận, each line without its `- ` and `;` */
  distribution: TextNode[];
  footnotes: { mark: string; text: string; span: Span }[];
  appendices: { title: string; text: string; span: Span }[];
  warnings: Warning[];
  /** why each line became what it became: its class, the rules that classed and placed it (`--explain`) */
  explain: () => ExplainLine[];
}

/**
 * The lines' texts joined by line breaks: the text's own stretch where they follow one another in
 * it one line break apart (a body, an appendix most often), not a copy of it.
 */
export function linesText(text: string, lines: readonly NormalizedLine[]): string {
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].start !== lines[k - 1].end + 1 || text.charCodeAt(lines[k - 1].end) !== LINE_BREAK) return lines.map((l) => l.text).join("\n");
  }
  return lines.length ? text.slice(lines[0].start, lines[lines.length - 1].end) : "";
}
const LINE_BREAK = 0x0a;
