import { ADOPTION_DATE } from "../../grammars/header.js";
import type { NormalizedDocument, NormalizedLine } from "../normalize/index.js";
import { documentKeys, matchKey, type DocumentKeys } from "../text/tone.js";
import type { Warning } from "../record/schema.js";
import { capitalsOf, classifyWhy, isUpperLine, patterns, type LineClass } from "./classify.js";
import { Trace } from "./explain.js";
import { findFooterStart, parseFooter, readFootnote } from "./footer.js";
import { parseHeader } from "./header.js";
import { labelOf, parseOutline } from "./outline.js";
import { splitLine } from "./split.js";
import { linesText, type SectionTree, type TextNode } from "./tree.js";

export type { SectionTree, OutlineNode, TextNode, SignatureNode } from "./tree.js";
export type { ExplainLine, Decision, Role } from "./explain.js";
export { formatExplain } from "./explain.js";

/**
 * The section tree of a document: header, preamble, body outline, footer, footnotes and what
 * follows the signature. What cannot be placed becomes a warning, never a silent gap.
 */
export function segment(doc: NormalizedDocument): SectionTree {
  const warnings: Warning[] = [];
  // lines holding two cells of the layout are cut apart first; the trace stays on the normalized lines
  const lines: NormalizedLine[] = [];
  // each line's key, made once for the classifier, the split rules, the header and the footer
  const keys: string[] = [];
  const whys: { cls: LineClass; rule: string }[] = [];
  // each line's class beside its why, pushed as the lines are: an array `map` made it with another
  // elements kind where the optimizing compiler had inlined the `map` than where the builtin ran, and
  // every step reading the classes (header, enacting line, footer) left its optimized code on meeting it
  const classes: LineClass[] = [];
  const splitBy = new Map<number, string[]>();
  const textKeys = documentKeys(doc.text, doc.inNfc);
  const keyOf = lineKeys(textKeys);
  const wholeWhys = doc.lines.map((l, i) => {
    const key = keyOf(l);
    // the classifier and the split rules both read the line's capitals (read in the document's
    // text, where the line stands: see capitalsOf)
    const capitals = capitalsOf(doc.text, l.start, l.end);
    const why = classifyWhy(l, key, capitals);
    const split = splitLine(l, 0, key, capitals);
    if (split) {
      splitBy.set(i, split.rules);
      for (const piece of split.lines) {
        const pieceKey = keyOf(piece);
        lines.push(piece);
        keys.push(pieceKey);
        const pieceWhy = classifyWhy(piece, pieceKey);
        whys.push(pieceWhy);
        classes.push(pieceWhy.cls);
      }
    } else {
      lines.push(l);
      keys.push(key);
      whys.push(why);
      classes.push(why.cls);
    }
    return why;
  });
  const trace = new Trace(doc.lines, wholeWhys, splitBy, lines, whys);

  const header = parseHeader(lines, classes, keys, trace);
  let bodyStart = header.bodyStart;

  // preamble: "Căn cứ …" lines up to the enacting line ("QUYẾT ĐỊNH:"), or the leading ones
  const preamble: TextNode[] = [...header.preamble];
  const enacting = findEnacting(lines, classes, keys, bodyStart);
  if (enacting >= 0) {
    for (let i = bodyStart; i < enacting; i++) {
      if (classes[i] === "footnote") continue;
      preamble.push({ text: lines[i].text, span: [lines[i].start, lines[i].end] });
      trace.mark(lines[i], "preamble", "before-enacting-line");
    }
    trace.mark(lines[enacting], "enacting", "enacting-line");
    bodyStart = enacting + 1;
  } else {
    while (bodyStart < lines.length && classes[bodyStart] === "preamble") {
      preamble.push({ text: lines[bodyStart].text, span: [lines[bodyStart].start, lines[bodyStart].end] });
      trace.mark(lines[bodyStart], "preamble", "preamble-line");
      bodyStart++;
    }
  }

  const footerStart = findFooterStart(lines, classes, bodyStart);
  const date = header.date ?? adoptionDate(lines, keys, footerStart);
  if (!date) warnings.push({ code: "no-date", message: "no place-and-date line (địa danh, ngày tháng) was found in the header" });
  else if (!header.date) trace.mark(lines[lines.findIndex((l) => l.start <= date.span![0] && date.span![0] <= l.end)], "place-date", "adoption-date-in-closing-line");
  const footer = parseFooter(doc.text, lines, classes, keys, footerStart, warnings, trace);

  // footnotes stand at page feet anywhere in the body too
  const bodyLines: NormalizedLine[] = [];
  const footnotes = [...footer.footnotes];
  // the body's lines are traced a run at a time, each run before the footnote that ends it
  let run = 0;
  for (let i = bodyStart; i < footerStart; i++) {
    if (classes[i] === "footnote") {
      trace.markRun(bodyLines, run, bodyLines.length, "body", "between-header-and-footer");
      run = bodyLines.length;
      footnotes.push(readFootnote(lines[i]));
      trace.mark(lines[i], "footnote", "footnote-in-body");
    } else bodyLines.push(lines[i]);
  }
  trace.markRun(bodyLines, run, bodyLines.length, "body", "between-header-and-footer");
  footnotes.sort((a, b) => a.span[0] - b.span[0]);
  // a footnote's later paragraphs (its "- " items, its part on the next page) carry no mark: they
  // belong to the footnote above them
  for (let k = 1; k < footnotes.length; k++) {
    const [prev, cur] = [footnotes[k - 1], footnotes[k]];
    if (cur.mark || !prev.mark) continue;
    footnotes[k - 1] = { ...prev, text: `${prev.text}\n${cur.text}`, span: [prev.span[0], cur.span[1]] };
    footnotes.splice(k--, 1);
  }

  const bodySpan: [number, number] = bodyLines.length ? [bodyLines[0].start, bodyLines[bodyLines.length - 1].end] : [0, 0];
  if (!bodyLines.length) warnings.push({ code: "no-body", message: "no body text (nội dung) was found between header and signature" });
  unplaced(lines, classes, header.bodyStart, warnings);

  return {
    text: doc.text,
    keys: textKeys,
    issuer: header.issuer,
    nationalTitle: header.nationalTitle,
    number: header.number,
    place: header.place,
    date,
    type: header.type,
    subject: header.subject,
    urgency: header.urgency,
    confidentiality: header.confidentiality,
    recipients: header.recipients,
    preamble,
    body: { span: bodySpan, text: linesText(doc.text, bodyLines), nodes: parseOutline(bodyLines) },
    signatures: footer.signatures,
    distribution: footer.distribution,
    footnotes,
    appendices: footer.appendices,
    warnings,
    explain: () => trace.explain(),
  };
}

/**
 * The match key (`matchKey`) of a line or a piece of one, read from the whole text's key where that
 * is the folded text lower-cased (see `documentKeys`): a key a line cost a normalization check, a
 * fold and a lower-casing of its own, a tenth of the stage. Elsewhere (a letter lower-cased to two,
 * a text not in NFC) each line's key is made from its text.
 */
function lineKeys(keys: DocumentKeys): (l: NormalizedLine) => string {
  if (!keys.keyFromFolded) return (l) => matchKey(l.text);
  const key = keys.key;
  return (l) => key.slice(l.start, l.end);
}

const adoption = new RegExp(ADOPTION_DATE, "u");

/** A law's date: the day its closing line says it was passed (a law has no date line in its header). */
function adoptionDate(lines: NormalizedLine[], keys: string[], footerStart: number): SectionTree["date"] {
  for (let i = Math.min(footerStart, lines.length) - 1; i >= Math.max(0, footerStart - 8); i--) {
    const m = adoption.exec(keys[i]);
    if (!m) continue;
    const start = lines[i].start + m.index + m[0].length - m[1].length;
    return {
      raw: lines[i].text.slice(start - lines[i].start, start - lines[i].start + m[1].length),
      value: `${m[4]}-${m[3].padStart(2, "0")}-${m[2].padStart(2, "0")}`,
      span: [start, start + m[1].length],
    };
  }
  return null;
}

/** The enacting line ("QUYẾT ĐỊNH:") when it comes before the first article or numbered item. */
function findEnacting(lines: NormalizedLine[], classes: LineClass[], keys: string[], from: number): number {
  let sawPreamble = false;
  for (let i = from; i < Math.min(lines.length, from + 40); i++) {
    if (classes[i] === "enacting") return i;
    // "QUYẾT ĐỊNH" with its colon lost, after "Căn cứ …" lines
    if (sawPreamble && patterns.enacting.test(keys[i]) && isUpperLine(lines[i].text)) return i;
    if (classes[i] === "preamble") sawPreamble = true;
    if (classes[i] === "distribution" || classes[i] === "authority") return -1;
    const lab = labelOf(lines[i].text);
    if (lab && lab.kind !== "dash") return -1;
  }
  return -1;
}

/** Header-looking lines found after the header ended are reported: the layout may have scrambled them. */
function unplaced(lines: NormalizedLine[], classes: LineClass[], bodyStart: number, warnings: Warning[]): void {
  for (let i = bodyStart; i < Math.min(lines.length, bodyStart + 5); i++) {
    if (classes[i] === "nationalTitle" || classes[i] === "number") {
      warnings.push({ code: "header-line-in-body", message: `a header line stands after the body began: "${lines[i].text.slice(0, 60)}"`, span: [lines[i].start, lines[i].end] });
    }
  }
}
