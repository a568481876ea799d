import { AGENCY_HEADS } from "../../grammars/agencies.js";
import { APPENDIX_START, DEPUTY_TITLE_START } from "../../grammars/header.js";
import { HONORIFICS, SURNAMES } from "../../grammars/people.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey } from "../text/tone.js";
import { isAsciiDigitCode, isSpaceCode, sentenceCase } from "../text/letters.js";
import { alt } from "../text/pattern.js";
import type { Span, Warning } from "../record/schema.js";
import { classify, isPositionTitle, readAuthority, isUpperLine, patterns, SPACED_TITLE_KEYS_BY_SIZE, stripSignedNote, TITLE_KEYS_BY_SIZE, type LineClass } from "./classify.js";
import type { Trace } from "./explain.js";
import { labelOf } from "./outline.js";
import { linesText, type SectionTree, type SignatureNode } from "./tree.js";

type Footer = Pick<SectionTree, "signatures" | "distribution" | "footnotes" | "appendices"> & { start: number };
type Authority = NonNullable<SignatureNode["authority"]>;

const span = (l: NormalizedLine): Span => [l.start, l.end];
const deputyStart = new RegExp(`\\s${DEPUTY_TITLE_START}`, "u");
// "Đồng chí Nguyễn Văn A" under a Party signature: the name without its honorific
const honorific = new RegExp(`^${alt(HONORIFICS.map(sentenceCase))}\\s+`, "u");

const surnames = new Set(SURNAMES.map((x) => matchKey(x)));
/** The agency heads' keys and their space, as a key opening with one opens (made once, not at every name in capitals asked). */
const spacedAgencyHeads = AGENCY_HEADS.flatMap((h) => h.forms).map((f) => `${matchKey(f)} `);
const appendixStart = new RegExp(APPENDIX_START, "u");

/**
 * "NGUYỄN NGỌC ANH" under a title: a name written in capitals (a family name first, two to five
 * words, no title and no body in it).
 */
export function isNameInCapitals(text: string): boolean {
  const t = stripSignedNote(text);
  const words = t.split(/\s+/);
  if (words.length < 2 || words.length > 5 || /[\d.,:;]/.test(t) || !isUpperLine(t)) return false;
  const key = matchKey(t);
  if (!surnames.has(words[0].toLowerCase()) && !surnames.has(matchKey(words[0]))) return false;
  return !isPositionTitle(t) && !spacedAgencyHeads.some((h) => key.startsWith(h)) && !TITLE_KEYS_BY_SIZE.some((x) => key.includes(x));
}

/** "PHỤ LỤC 01", "DANH MỤC …": an appendix heading, never a line of the signature. */
const isAppendixHeading = (text: string, key: string) => isUpperLine(text) && appendixStart.test(key);

/** "NLTTH 24", "VT.ĐL 05": a drafter's or typist's code left in the closing block, not a title. */
const isDrafterCode = (text: string) => mayEndDrafterCode(text) && /^[\p{Lu}.]{2,10}\s*[-.]?\s*\d{1,4}[.,]?$/u.test(text.trim());
/**
 * Can `text` end as a drafter's code does (a digit, then perhaps `.` or `,`, then spaces)? Asked
 * first: most lines of the closing block end otherwise, and were trimmed and searched.
 */
function mayEndDrafterCode(text: string): boolean {
  let end = text.length - 1;
  while (end >= 0 && isSpaceCode(text.charCodeAt(end))) end--;
  const c = text.charCodeAt(end);
  return isAsciiDigitCode(c) || c === 0x2e || c === 0x2c;
}

const isLeft = (l: NormalizedLine) => l.column === "left" || l.meta.block === "footer-left";
const isRight = (l: NormalizedLine) => l.column === "right" || l.meta.block === "footer-right";

/**
 * Where the footer begins: the first `Nơi nhận` or signing-authority line after the body
 * began, or an upper-case position title followed closely by a signer's name.
 */
export function findFooterStart(lines: NormalizedLine[], classes: LineClass[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const c = classes[i];
    if (c === "distribution" || c === "authority") return i;
    if ((c === "positionTitle" || (c === "upper" && isRight(lines[i]))) && followedByName(lines, classes, i)) return i;
    // an unsigned draft: the title stands just above nơi nhận
    if (c === "positionTitle" && classes.slice(i + 1, i + 4).includes("distribution")) return i;
  }
  // a signer's name alone at the very end, with nothing but "(Đã ký)" after it
  for (let i = lines.length - 1; i >= Math.max(from, lines.length - 3); i--) {
    if (classes[i] === "name" && classes.slice(i + 1).every((c) => c === "signatureNote" || c === "footnote")) return i;
  }
  return lines.length;
}

function followedByName(lines: NormalizedLine[], classes: LineClass[], i: number): boolean {
  for (let j = i + 1; j < Math.min(lines.length, i + 6); j++) {
    if (classes[j] === "name") return true;
    if (classes[j] === "text" && lines[j].text.length > 60) return false;
  }
  return false;
}

/** `CHỦ TỊCH PHÓ CHỦ TỊCH` (a flattened cell) → on behalf of `CHỦ TỊCH`, title `PHÓ CHỦ TỊCH`. */
function splitOnBehalfOf(authority: Authority, rest: string): { onBehalfOf: string; title: string | null } {
  if (authority === "KT.") {
    const m = deputyStart.exec(matchKey(rest));
    if (m && m.index > 0) return { onBehalfOf: rest.slice(0, m.index).trim(), title: rest.slice(m.index).trim() };
  } else {
    const key = matchKey(rest);
    for (let k = 0; k < TITLE_KEYS_BY_SIZE.length; k++) {
      const t = TITLE_KEYS_BY_SIZE[k];
      if (key.endsWith(SPACED_TITLE_KEYS_BY_SIZE[k]) && key.length > t.length + 4) {
        return { onBehalfOf: rest.slice(0, rest.length - t.length).trim(), title: rest.slice(rest.length - t.length).trim() };
      }
    }
  }
  return { onBehalfOf: rest, title: null };
}

/**
 * Signature blocks from the signature lines in reading order: authority lines (nested ones
 * before any title go into the chain), the title, notes where the seal stands, the name.
 */
export function readSignatures(lines: NormalizedLine[], classes: LineClass[], trace?: Trace): SignatureNode[] {
  const blocks: SignatureNode[] = [];
  let cur: SignatureNode | null = null;
  const open = (l: NormalizedLine): SignatureNode => {
    cur = { authority: null, onBehalfOf: null, title: null, name: null, chain: [], span: span(l) };
    blocks.push(cur);
    return cur;
  };
  lines.forEach((l, idx) => {
    const c = classes[idx];
    let b = cur as SignatureNode | null;
    if (c === "authority") {
      const { authority, rest } = readAuthority(l.text)!;
      if (!(b && b.chain.length && !b.title && !b.name)) b = open(l);
      const { onBehalfOf, title } = splitOnBehalfOf(authority, rest);
      b!.chain.push({ authority, onBehalfOf });
      if (b!.chain.length === 1) {
        b!.authority = authority;
        b!.onBehalfOf = onBehalfOf;
      }
      if (title) b!.title = title;
      trace?.refine(l, "authority", rest ? "authority-line" : "authority-mark-alone");
    } else if (c === "signatureNote") {
      trace?.refine(l, "signature-note", "signature-note");
      return;
    } else if (c === "name" && !(b && !b.title && isPositionTitle(l.text))) {
      if (!b || b.name) b = open(l);
      b.name = stripSignedNote(l.text).replace(honorific, "").trim();
      trace?.refine(l, "signer-name", "name-line");
    } else if (c === "upper" && b && b.title && !b.name && isNameInCapitals(l.text)) {
      // "Tổng cục trưởng" / "NGUYỄN NGỌC ANH": the name in capitals, not more of the title
      b.name = stripSignedNote(l.text).trim();
      trace?.refine(l, "signer-name", "name-in-capitals-after-title");
    } else if (c === "positionTitle" || c === "upper" || isPositionTitle(l.text)) {
      if (!b || b.name) b = open(l);
      const last = b.chain[b.chain.length - 1];
      if (last && !last.onBehalfOf && !b.title) {
        // "KT." alone, then "TỔNG CỤC TRƯỞNG PHÓ TỔNG CỤC TRƯỞNG": whom it signs for is on this line
        const { onBehalfOf, title } = splitOnBehalfOf(last.authority, l.text);
        last.onBehalfOf = onBehalfOf;
        if (b.chain.length === 1) b.onBehalfOf = onBehalfOf;
        if (title) b.title = title;
        trace?.refine(l, "authority", "signs-for-after-authority-mark");
      } else {
        b.title = b.title ? `${b.title} ${l.text}` : l.text;
        trace?.refine(l, "signer-title", c === "positionTitle" ? "position-title" : "title-in-capitals");
      }
    } else {
      return;
    }
    b!.span = [b!.span[0], l.end];
  });
  return blocks.filter((b) => b.title || b.name || b.authority);
}

/**
 * A joint document (văn bản liên tịch) signs in two blocks side by side; their lines arrive
 * interleaved, left then right. Where both columns open with an authority, each is read alone.
 */
function jointSignatures(lines: { line: NormalizedLine; c: LineClass }[], trace: Trace): SignatureNode[] {
  const side = (l: NormalizedLine) => (isLeft(l) ? "left" : isRight(l) ? "right" : null);
  const authoritySides = new Set(lines.filter((s) => s.c === "authority").map((s) => side(s.line)));
  if (!(authoritySides.has("left") && authoritySides.has("right"))) {
    return readSignatures(lines.map((s) => s.line), lines.map((s) => s.c), trace);
  }
  const blocks: SignatureNode[] = [];
  for (const col of ["left", "right"] as const) {
    const own = lines.filter((s) => side(s.line) === col);
    blocks.push(...readSignatures(own.map((s) => s.line), own.map((s) => s.c), trace));
  }
  return blocks;
}

/** One item of nơi nhận, without its `- ` and `;`. */
export function distributionItem(text: string): string {
  // each replace asked only where what it takes off can stand (its first or last code unit, a
  // bracket): four regex calls an item, most of which changed nothing
  let t = ITEM_MARKS.includes(text[0]) ? text.replace(/^(?:[-–+•*]\s*|\.\s+)/, "") : text;
  if (t.includes(")")) t = t.replace(/;\s*(\([^)]*\))\s*;?$/, " $1");
  if (t.endsWith(";") || t.endsWith(",")) t = t.replace(/[;,]+$/, "");
  if (t.endsWith(".")) t = t.replace(/\.(?<!\.\.)$/, "");
  return t.trim();
}
/** The first code units of an item's mark (`- `, `+ `, `• `, `* `, `. `), the first replace's. */
const ITEM_MARKS = "-–+•*.";

/**
 * The closing block: nơi nhận and the signature, side by side (interleaved line by line in text
 * order) or one after the other, then what follows the signature (phụ lục, a second document).
 * Each branch below is a named rule; the name goes into the `--explain` trace. `text`: the
 * normalized text the lines stand in (an appendix's text is its stretch of it).
 */
export function parseFooter(text: string, lines: NormalizedLine[], classes: LineClass[], keys: string[], start: number, warnings: Warning[], trace: Trace): Footer {
  const f: Footer = { signatures: [], distribution: [], footnotes: [], appendices: [], start };
  const footnotes: number[] = [];
  const distribution: NormalizedLine[] = [];
  const signature: { line: NormalizedLine; c: LineClass }[] = [];
  const columns = lines.slice(start).some((l) => isLeft(l) || isRight(l));
  let inDistribution = false;
  let signed = false;
  let end = lines.length;
  const toDistribution = (l: NormalizedLine, rule: string) => {
    distribution.push(l);
    trace.mark(l, "distribution", rule);
  };
  const toSignature = (l: NormalizedLine, c: LineClass, rule: string) => {
    signature.push({ line: l, c });
    trace.mark(l, "signer-title", rule);
  };
  const wrapped = (l: NormalizedLine, rule: string) => {
    mergeIntoLast(distribution, l);
    trace.mark(l, "distribution", rule);
  };
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    const c = classes[i];
    // a second document's header (a regulation issued with a decision) ends the footer
    if (i > start && (classAhead(classes, i, i + 4, "nationalTitle", "motto") || (c === "upper" && classAhead(classes, i + 1, i + 4, "number")))) {
      end = i;
      break;
    }
    if (c === "footnote") {
      footnotes.push(i);
      trace.mark(l, "footnote", "footnote-in-footer");
      continue;
    }
    // "PHỤ LỤC 01", "I. MỤC ĐÍCH, YÊU CẦU" after the signature lines: an appendix or a second part begins
    if (i > start && (signature.length || distribution.length) && (isAppendixHeading(l.text, keys[i]) || (signature.length && c !== "authority" && outlineHeading(l.text)))) {
      end = i;
      break;
    }
    // "NLTTH 24": the drafter's code in the nơi nhận cell
    if (isDrafterCode(l.text) && c !== "number") {
      trace.mark(l, "skipped", "drafter-code");
      continue;
    }
    if (c === "distribution") {
      inDistribution = true;
      trace.mark(l, "distribution", "noi-nhan");
      const rest = l.text.replace(/^[^:]*:?\s*/, "").trim();
      const restLine = { ...l, text: rest, start: l.end - rest.length };
      // "Nơi nhận: KT. CHỦ TỊCH": text extraction put the signature's first line beside it
      const restClass = rest ? classify(restLine) : "text";
      if (rest && (restClass === "authority" || restClass === "positionTitle")) toSignature(restLine, restClass, "signature-beside-noi-nhan");
      else if (rest && /:/.test(l.text)) toDistribution(restLine, "item-beside-noi-nhan");
      continue;
    }
    if (inDistribution) {
      // "- Như trên; PHÓ CHỦ TỊCH": a signature line run onto an item of nơi nhận
      const m = /^([-–+•].*?[;,.])\s+(\p{Lu}[\p{Lu}\s.,]+)$/u.exec(l.text);
      if (m && (isPositionTitle(m[2]) || patterns.authority.test(matchKey(m[2])))) {
        const cut = l.start + m[1].length;
        toDistribution({ ...l, text: m[1], end: cut }, "item-with-signature-run-on");
        const sig = { ...l, text: m[2], start: l.end - m[2].length };
        toSignature(sig, classify(sig), "signature-run-onto-item");
        continue;
      }
    }
    if (inDistribution) {
      // "- Lưu: VT, TH(2).H Đỗ Ngọc Huỳnh": the signer's name run onto an item of nơi nhận
      // (looked for only while a signature awaits its name: the pattern backtracks over the whole item)
      const m = signature.length && !signed ? /^([-–+•].*?\S)\s+(\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){1,4})$/u.exec(l.text) : null;
      if (m && surnames.has(matchKey(m[2].split(/\s+/)[0])) && !/[;,.:]$/.test(m[1])) {
        const cut = l.start + m[1].length;
        toDistribution({ ...l, text: m[1], end: cut }, c === "archiveCopy" ? "archive-copy-with-name-run-on" : "item-with-name-run-on");
        const name = { ...l, text: m[2], start: l.end - m[2].length };
        signature.push({ line: name, c: "name" });
        trace.mark(name, "signer-name", "name-run-onto-item");
        signed = true;
        if (c === "archiveCopy") inDistribution = false;
        continue;
      }
    }
    if (columns) {
      // nơi nhận on the left, the signature on the right, their lines interleaved
      if (isRight(l) || (!inDistribution && c !== "text" && !(signed && !isRight(l)))) {
        toSignature(l, c, "signature-column");
        if (c === "name") signed = true;
        continue;
      }
      if (inDistribution) {
        if (distribution.length && /^\p{Ll}/u.test(l.text)) wrapped(l, "item-wrapped");
        else toDistribution(l, "noi-nhan-column");
        if (c === "archiveCopy") inDistribution = false;
        continue;
      }
      end = i;
      break;
    } else if (inDistribution) {
      // nơi nhận and the signature may come line by line interleaved: items stay nơi nhận
      const item = /^(?:[-–+•*]\s*|\.\s+)\S/.test(l.text) || c === "archiveCopy";
      if (item && c !== "authority") {
        toDistribution(l, c === "archiveCopy" ? "archive-copy" : "noi-nhan-item");
        if (c === "archiveCopy") inDistribution = false;
        continue;
      }
      if (c === "text" && distribution.length && l.text.length < 80 && !/^\p{Lu}/u.test(l.text)) {
        // an item wrapped onto the next line ("- Các Bộ, cơ quan ngang Bộ," / "cơ quan thuộc Chính phủ,")
        wrapped(l, "item-wrapped");
        continue;
      }
      if (c === "text" && distribution.length && l.text.length < 120 && /[;,]$/.test(l.text) && !signed) {
        // "- VPCP: BTCN, PCN …;" / "Trợ lý, Thư ký của: TTg …;": a line without its dash goes with the item above
        wrapped(l, "undashed-line-joins-item");
        continue;
      }
      const signatureLike = c === "authority" || c === "positionTitle" || c === "upper" || c === "signatureNote" || c === "name";
      if (!signatureLike) inDistribution = false;
    }
    if (c === "authority" || c === "positionTitle" || c === "upper" || c === "signatureNote" || (c === "name" && !signed) || (isPositionTitle(l.text, keys[i]) && !signed)) {
      if (signed && (c === "upper" || c === "positionTitle") && !isPositionTitle(l.text, keys[i])) {
        end = i;
        break;
      }
      toSignature(l, c, "signature-line");
      if (c === "name") signed = true;
      continue;
    }
    if (signed || c === "typeTitle" || c === "nationalTitle") {
      end = i;
      break;
    }
    // a stray line inside the footer (a right-column note the layout lost): keep looking
    trace.mark(l, "skipped", "stray-line-in-footer");
  }
  // one loop, not `map` then `filter` (why: segment/index.ts, `classes`)
  for (const l of distribution) {
    const item = distributionItem(l.text);
    if (item) f.distribution.push({ text: item, span: span(l) });
  }
  f.signatures = jointSignatures(signature, trace);
  // footnotes and what follows the signature (phụ lục, a regulation issued with a decision)
  for (const i of footnotes) f.footnotes.push(readFootnote(lines[i]));
  const rest = lines.slice(end).filter((_, k) => classes[end + k] !== "footnote");
  if (rest.length) {
    const title = rest.find((l) => isUpperLine(l.text)) ?? rest[0];
    f.appendices.push({ title: title.text, text: linesText(text, rest), span: [rest[0].start, rest[rest.length - 1].end] });
    trace.markRun(rest, 0, rest.length, "appendix", "after-the-signature");
  }
  // footnotes of an appendix stand at its page feet: they are the document's footnotes too
  for (let k = end; k < lines.length; k++) {
    if (classes[k] !== "footnote") continue;
    f.footnotes.push(readFootnote(lines[k]));
    trace.mark(lines[k], "footnote", "footnote-after-signature");
  }
  if (!f.signatures.length) warnings.push({ code: "no-signature", message: "no signature block (chức vụ, họ tên) was found" });
  return f;
}

/**
 * Is a line from `from` up to `to` (before the lines' end) of class `a` or `b`? Read in place: the
 * classes ahead were copied at every line of the footer to be asked.
 */
function classAhead(classes: LineClass[], from: number, to: number, a: LineClass, b: LineClass = a): boolean {
  for (let k = from; k < Math.min(to, classes.length); k++) if (classes[k] === a || classes[k] === b) return true;
  return false;
}

/** "I. MỤC ĐÍCH, YÊU CẦU", "Điều 1.", "1. …": an outline heading, never a line of the signature. */
function outlineHeading(text: string): boolean {
  const lab = labelOf(text);
  return !!lab && lab.kind !== "dash" && lab.kind !== "plus";
}

/** An item of nơi nhận wrapped onto the next line joins the item it continues. */
function mergeIntoLast(items: NormalizedLine[], l: NormalizedLine): void {
  const last = items[items.length - 1];
  items[items.length - 1] = { ...last, text: `${last.text} ${l.text}`, end: l.end };
}

/** `¹ Nghị quyết số 72-NQ/TW …` → mark 1 and its text; a line the loader marked as a footnote may have no mark. */
export function readFootnote(l: NormalizedLine): SectionTree["footnotes"][number] {
  const m = patterns.footnote.exec(l.text);
  return m ? { mark: supToDigits(m[1] ?? m[2]), text: m[3].trim(), span: span(l) } : { mark: "", text: l.text, span: span(l) };
}

const SUP = "⁰¹²³⁴⁵⁶⁷⁸⁹";
export function supToDigits(s: string): string {
  return [...s].map((ch) => (SUP.includes(ch) ? String(SUP.indexOf(ch)) : ch)).join("");
}
