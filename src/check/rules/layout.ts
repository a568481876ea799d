import { DISTRIBUTION, MOTTO, PREAMBLE_LINE } from "../../../grammars/header.js";
import {
  BODY_INDENT, FONT_FAMILY, MARGINS, OTHER_FONT_SHARE, PAPER, PART_FORMATS, SIZE_STEP, type PartFormat,
} from "../../../grammars/standard/format.js";
import type { NormalizedLine } from "../../normalize/index.js";
import { matchKey } from "../../text/tone.js";
import { CheckContext, type Finding } from "../context.js";
import type { RuleFn } from "./content.js";

/**
 * Layout rules: they read what a DOCX or PDF says about its pages and type (section properties,
 * run fonts and sizes, positions). Each checks one clause of NĐ 30/2020 Phụ lục I, Phần I.
 */

/** The file holds layout: fonts and sizes (DOCX, a PDF's text layer), not plain text or OCR. */
export function hasLayout(ctx: CheckContext): boolean {
  const { loaded } = ctx.stages;
  return (loaded.format === "docx" || loaded.format === "pdf") && !loaded.ocr && loaded.lines.some((l) => l.size !== undefined);
}

const PT = 25.4 / 72; // mm per point
const mm = (pt: number) => Math.round(pt * PT * 10) / 10;
const fontRe = new RegExp(FONT_FAMILY, "i");
const mottoRe = new RegExp(MOTTO, "u");
const preambleRe = new RegExp(PREAMBLE_LINE, "u");
const distributionRe = new RegExp(DISTRIBUTION, "u");
const quote = (s: string) => `“${s.replace(/\s+/g, " ").trim().slice(0, 60)}”`;

/** What in a line's setting differs from the part's format, in Vietnamese; empty when nothing. */
function formatFaults(line: NormalizedLine, fmt: PartFormat): string[] {
  const { size, bold } = line.meta;
  // a PDF line says `italic` only when it is; with its fonts known (bold said), upright is the rest
  const italic = line.meta.italic ?? (bold !== undefined ? false : undefined);
  const out: string[] = [];
  if (fmt.size && size !== undefined) {
    const s = Math.round(size / SIZE_STEP) * SIZE_STEP;
    if (s < fmt.size[0] || s > fmt.size[1]) out.push(`cỡ chữ ${s}`);
  }
  if (fmt.bold !== undefined && bold !== undefined && bold !== fmt.bold) out.push(fmt.bold ? "không đậm" : "đậm");
  if (fmt.italic !== undefined && italic !== undefined && italic !== fmt.italic) out.push(fmt.italic ? "không nghiêng" : "nghiêng");
  if (fmt.capitals && line.text !== line.text.toUpperCase()) out.push("không in hoa");
  return out;
}

/** One finding for the first of `lines` set against `fmt`. */
function checkFormat(lines: (NormalizedLine | undefined)[], fmt: PartFormat): Finding[] {
  for (const l of lines) {
    if (!l || !l.text.trim()) continue;
    const faults = formatFaults(l, fmt);
    if (faults.length) return [{ span: CheckContext.spanOf(l), detail: `${quote(l.text)}: ${faults.join(", ")}` }];
  }
  return [];
}

// ---------------------------------------------------------------- Phần I, I: the page

/** I.1 "Khổ giấy: Khổ A4 (210 mm x 297 mm)"; I.2 landscape allowed for tables. */
const paper: RuleFn = ({ stages: { loaded } }) => {
  const pages = loaded.layout?.pages ?? [];
  const fits = (w: number, h: number) => Math.abs(w - PAPER.width) <= PAPER.tolerance && Math.abs(h - PAPER.height) <= PAPER.tolerance;
  const i = pages.findIndex((p) => !fits(mm(p.width), mm(p.height)) && !fits(mm(p.height), mm(p.width)));
  if (i < 0) return [];
  const p = pages[i];
  return [{ page: loaded.format === "pdf" ? i + 1 : undefined, detail: `${mm(p.width)} x ${mm(p.height)} mm` }];
};

/** I.3 "Cách mép trên và mép dưới 20 - 25 mm, cách mép trái 30 - 35 mm, cách mép phải 15 - 20 mm" (HD 36: 20, 20, 30, 15). */
const margins: RuleFn = (ctx) => {
  const { loaded } = ctx.stages;
  const want = ctx.party ? MARGINS.party : MARGINS.state;
  const pages = loaded.layout?.pages ?? [];
  const names = { top: "trên", bottom: "dưới", left: "trái", right: "phải" } as const;
  const out: string[] = [];
  if (loaded.format === "docx") {
    const m = pages[0]?.margins;
    if (!m) return [];
    for (const k of ["top", "bottom", "left", "right"] as const) {
      const v = mm(m[k]);
      if (v < want[k][0] - 0.5 || v > want[k][1] + 0.5) out.push(`lề ${names[k]} ${v} mm`);
    }
  } else {
    // a PDF states no margins: the text's extent shows them. Text may stand inside the margins
    // (a short last page), so only the left edge is held to its range; the others must not be crossed.
    const slack = MARGINS.pdfSlack;
    const lines = loaded.lines.filter((l) => l.page !== undefined && l.x !== undefined && l.block !== "footnote");
    const page = pages[0];
    if (!page || !lines.length) return [];
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const l of lines) {
      x0 = Math.min(x0, l.x!);
      x1 = Math.max(x1, l.x1 ?? l.x!);
      y0 = Math.min(y0, l.y! - (l.size ?? 0));
      y1 = Math.max(y1, l.y! + (l.size ?? 0) * 0.25);
    }
    const left = mm(x0), right = mm(page.width - x1), top = mm(y0), bottom = mm(page.height - y1);
    if (left < want.left[0] - slack || left > want.left[1] + slack) out.push(`lề trái ${left} mm`);
    if (right < want.right[0] - slack) out.push(`lề phải ${right} mm`);
    if (top < want.top[0] - slack) out.push(`lề trên ${top} mm`);
    if (bottom < want.bottom[0] - slack) out.push(`lề dưới ${bottom} mm`);
  }
  return out.length ? [{ detail: out.join(", ") }] : [];
};

/** I.4 "Phông chữ tiếng Việt Times New Roman, bộ mã ký tự Unicode". */
const font: RuleFn = ({ stages: { loaded } }) => {
  const letters = new Map<string, number>();
  const isTimes = new Map<string, boolean>();
  let total = 0;
  for (const l of loaded.lines) {
    for (const r of l.runs ?? []) {
      if (!r.font) continue;
      // characters other than spaces, digits and punctuation below `A`: a cheap count of letters
      let n = 0;
      for (let i = 0; i < r.text.length; i++) if (r.text.charCodeAt(i) >= 65) n++;
      total += n;
      let ok = isTimes.get(r.font);
      if (ok === undefined) isTimes.set(r.font, (ok = fontRe.test(r.font.replace(/^[A-Z]{6}\+/, ""))));
      if (!ok) letters.set(r.font, (letters.get(r.font) ?? 0) + n);
    }
  }
  const other = [...letters.values()].reduce((a, b) => a + b, 0);
  if (!total || other <= total * OTHER_FONT_SHARE) return [];
  const names = [...letters.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([f]) => f);
  return [{ detail: `${names.join(", ")} (${Math.round((other / total) * 100)}% chữ)` }];
};

/** I.7 "không hiển thị số trang thứ nhất". */
const pageNumber: RuleFn = ({ stages: { loaded } }) =>
  loaded.layout?.pageNumberOnFirstPage ? [{ page: 1, detail: "trang 1 có số trang" }] : [];

// ---------------------------------------------------------------- Phần I, II: the parts

const nationalTitleFormat: RuleFn = (ctx) => {
  const t = ctx.stages.tree.nationalTitle;
  return t ? checkFormat([ctx.lineAt(t.span[0])], PART_FORMATS.nationalTitle) : [];
};

const mottoFormat: RuleFn = (ctx) => checkFormat(ctx.headerLines().filter((l) => mottoRe.test(matchKey(l.text.trim()))), PART_FORMATS.motto);

const issuerFormat: RuleFn = (ctx) => {
  const issuer = ctx.stages.tree.issuer;
  if (!issuer) return [];
  const parent = issuer.parent ? matchKey(issuer.parent) : "";
  const lines = ctx.linesIn(issuer.span).filter((l) => l.text.trim() && !/^số\b/iu.test(l.text.trim()));
  const isParent = (l: NormalizedLine) => parent !== "" && parent.includes(matchKey(l.text.trim()));
  return [
    ...checkFormat(lines.filter((l) => !isParent(l)), PART_FORMATS.issuer),
    ...checkFormat(lines.filter(isParent), PART_FORMATS.issuerParent),
  ].slice(0, 1);
};

const numberFormat: RuleFn = (ctx) => {
  const n = ctx.stages.tree.number;
  return n ? checkFormat([ctx.lineAt(n.span[0])], PART_FORMATS.number) : [];
};

const placeDateFormat: RuleFn = (ctx) => {
  const { date } = ctx.stages.tree;
  const place = ctx.stages.tree.place && !mottoRe.test(matchKey(ctx.stages.tree.place.text.trim())) ? ctx.stages.tree.place : null;
  const line = date ? ctx.lineAt(date.span[0]) : undefined;
  // judged only where the line opens with the place or the date (its setting is its first words')
  if (!date || !line || line.start < Math.min(date.span[0], place && place.span[0] >= line.start ? place.span[0] : Infinity)) return [];
  return checkFormat([line], PART_FORMATS.placeDate);
};

const titleFormat: RuleFn = (ctx) => {
  const { tree } = ctx.stages;
  if (!tree.type) return [];
  if (!tree.type.span) {
    // a công văn: its `V/v` line
    return tree.subject ? checkFormat(ctx.linesIn(tree.subject.span), PART_FORMATS.letterSubject) : [];
  }
  return [
    ...checkFormat(ctx.linesIn(tree.type.span), PART_FORMATS.typeName),
    ...(tree.subject ? checkFormat(ctx.linesIn(tree.subject.span), PART_FORMATS.subject) : []),
  ].slice(0, 1);
};

const preambleFormat: RuleFn = (ctx) =>
  checkFormat(ctx.stages.tree.preamble.filter((p) => preambleRe.test(matchKey(p.text.trim()))).flatMap((p) => ctx.linesIn(p.span)), PART_FORMATS.preamble);

/** The body's own lines: in the body's span, not footnotes, with text. */
function bodyLines(ctx: CheckContext): NormalizedLine[] {
  const { body } = ctx.stages.tree;
  return ctx.linesIn(body.span).filter((l) => l.meta.block !== "footnote" && l.text.trim().length > 0);
}

/** II.6.e "cỡ chữ từ 13 đến 14", "kiểu chữ đứng": judged on most of the body (by characters). */
const bodyFormat: RuleFn = (ctx) => {
  const lines = bodyLines(ctx);
  const fmt = PART_FORMATS.body;
  let chars = 0, offSize = 0, italic = 0;
  let first: NormalizedLine | undefined;
  for (const l of lines) {
    const n = l.text.length;
    chars += n;
    const faults = formatFaults(l, fmt);
    if (faults.some((f) => f.startsWith("cỡ"))) offSize += n;
    if (l.meta.italic) italic += n;
    if (faults.length && !first) first = l;
  }
  if (!chars || (offSize * 2 <= chars && italic * 2 <= chars)) return [];
  return first ? [{ span: CheckContext.spanOf(first), detail: `${quote(first.text)}: ${formatFaults(first, fmt).join(", ")}` }] : [];
};

const LABEL = /^(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[-+•*]|điều\s+\d+|chương|mục|phần)\s/iu;

/** II.6.e "khi xuống dòng, chữ đầu dòng lùi vào 1 cm hoặc 1,27 cm": judged on most paragraphs that run over a line. */
const bodyIndent: RuleFn = (ctx) => {
  const { loaded } = ctx.stages;
  const paras = bodyLines(ctx).filter((l) => l.text.length > 120 && !LABEL.test(l.text) && l.meta.align !== "center");
  if (paras.length < 2) return [];
  let indentOf: (l: NormalizedLine) => number | undefined;
  if (loaded.format === "docx") indentOf = (l) => (l.meta.indent ?? 0) * PT;
  else {
    const leftEdge = new Map<number, number>();
    for (const l of loaded.lines) if (l.page !== undefined && l.x !== undefined && l.block === "body") leftEdge.set(l.page, Math.min(leftEdge.get(l.page) ?? Infinity, l.x));
    indentOf = (l) => (l.meta.x !== undefined && l.meta.page !== undefined ? (l.meta.x - (leftEdge.get(l.meta.page) ?? l.meta.x)) * PT : undefined);
  }
  const off = paras.filter((l) => {
    const v = indentOf(l);
    return v !== undefined && (v < BODY_INDENT.min || v > BODY_INDENT.max);
  });
  if (off.length * 2 <= paras.length) return [];
  const v = indentOf(off[0]) ?? 0;
  return [{ span: CheckContext.spanOf(off[0]), detail: `${off.length}/${paras.length} đoạn, như ${quote(off[0].text)} (lùi ${Math.round(v * 10) / 100} cm)` }];
};

const signatureFormat: RuleFn = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.stages.tree.signatures) {
    const lines = ctx.linesIn(s.span).filter((l) => l.text.trim());
    const name = s.name ? lines.find((l) => l.text.includes(s.name!)) : undefined;
    const titles = lines.filter((l) => l !== name && l.text === l.text.toUpperCase() && /\p{Lu}/u.test(l.text));
    out.push(...checkFormat(titles, PART_FORMATS.signatureTitle), ...checkFormat([name], PART_FORMATS.signatureName));
  }
  return out.slice(0, 1);
};

const distributionFormat: RuleFn = (ctx) => {
  const d = ctx.stages.tree.distribution;
  if (!d.length) return [];
  const firstLine = ctx.lineAt(d[0].span[0]);
  const i = firstLine ? ctx.lines.indexOf(firstLine) : -1;
  const label = ctx.lines.slice(Math.max(0, i - 3), i + 1).reverse().find((l) => distributionRe.test(matchKey(l.text.trim())));
  const list = [...new Set(d.map((x) => ctx.lineAt(x.span[0])))].filter((l) => l && l !== label);
  return [...checkFormat([label], PART_FORMATS.distributionLabel), ...checkFormat(list, PART_FORMATS.distributionList)].slice(0, 1);
};

export const LAYOUT_RULES: Record<string, RuleFn> = {
  "nd30.pl1.I.1.paper": paper,
  "nd30.pl1.I.3.margins": margins,
  "nd30.pl1.I.4.font": font,
  "nd30.pl1.I.7.page-number": pageNumber,
  "nd30.pl1.II.1.national-title-format": nationalTitleFormat,
  "nd30.pl1.II.1.motto-format": mottoFormat,
  "nd30.pl1.II.2.issuer-format": issuerFormat,
  "nd30.pl1.II.3.number-format": numberFormat,
  "nd30.pl1.II.4.place-date-format": placeDateFormat,
  "nd30.pl1.II.5.title-format": titleFormat,
  "nd30.pl1.II.6.preamble-format": preambleFormat,
  "nd30.pl1.II.6.body-format": bodyFormat,
  "nd30.pl1.II.6.body-indent": bodyIndent,
  "nd30.pl1.II.7.signature-format": signatureFormat,
  "nd30.pl1.II.9.distribution-format": distributionFormat,
};
