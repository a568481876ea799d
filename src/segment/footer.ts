import { DEPUTY_TITLE_START, POSITION_TITLES } from "../../grammars/header.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey } from "../normalize/tone.js";
import type { Span, Warning } from "../record/schema.js";
import { classify, isPositionTitle, readAuthority, isUpperLine, patterns, stripSignedNote, type LineClass } from "./classify.js";
import type { SectionTree, SignatureNode, TextNode } from "./tree.js";

type Footer = Pick<SectionTree, "signatures" | "distribution" | "footnotes" | "appendices"> & { start: number };
type Authority = NonNullable<SignatureNode["authority"]>;

const span = (l: NormalizedLine): Span => [l.start, l.end];
const deputyStart = new RegExp(`\\s${DEPUTY_TITLE_START}`, "u");
const titlesBySize = POSITION_TITLES.map((t) => matchKey(t)).sort((a, b) => b.length - a.length);

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
    for (const t of titlesBySize) {
      if (key.endsWith(" " + t) && key.length > t.length + 4) {
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
export function readSignatures(lines: NormalizedLine[], classes: LineClass[]): SignatureNode[] {
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
      b.chain.push({ authority, onBehalfOf });
      if (b.chain.length === 1) {
        b.authority = authority;
        b.onBehalfOf = onBehalfOf;
      }
      if (title) b.title = title;
    } else if (c === "signatureNote") {
      return;
    } else if (c === "name" && !(b && !b.title && isPositionTitle(l.text))) {
      if (!b || b.name) b = open(l);
      b.name = stripSignedNote(l.text).replace(/^(?:Đồng chí|Ông|Bà)\s+/u, "").trim();
    } else if (c === "positionTitle" || c === "upper" || (isPositionTitle(l.text))) {
      if (!b || b.name) b = open(l);
      b.title = b.title ? `${b.title} ${l.text}` : l.text;
    } else {
      return;
    }
    b.span = [b.span[0], l.end];
  });
  return blocks.filter((b) => b.title || b.name || b.authority);
}

/**
 * A joint document (văn bản liên tịch) signs in two blocks side by side; their lines arrive
 * interleaved, left then right. Where both columns open with an authority, each is read alone.
 */
function jointSignatures(lines: { line: NormalizedLine; c: LineClass }[]): SignatureNode[] {
  const side = (l: NormalizedLine) => (isLeft(l) ? "left" : isRight(l) ? "right" : null);
  const authoritySides = new Set(lines.filter((s) => s.c === "authority").map((s) => side(s.line)));
  if (!(authoritySides.has("left") && authoritySides.has("right"))) {
    return readSignatures(lines.map((s) => s.line), lines.map((s) => s.c));
  }
  const blocks: SignatureNode[] = [];
  for (const col of ["left", "right"] as const) {
    const own = lines.filter((s) => side(s.line) === col);
    blocks.push(...readSignatures(own.map((s) => s.line), own.map((s) => s.c)));
  }
  return blocks;
}

/** One item of nơi nhận, without its `- ` and `;`. */
export function distributionItem(text: string): string {
  return text.replace(/^(?:[-–+•*]\s*|\.\s+)/, "").replace(/;\s*(\([^)]*\))\s*;?$/, " $1").replace(/[;,]+$/, "").replace(/\.(?<!\.\.)$/, "").trim();
}

export function parseFooter(lines: NormalizedLine[], classes: LineClass[], start: number, warnings: Warning[]): Footer {
  const f: Footer = { signatures: [], distribution: [], footnotes: [], appendices: [], start };
  const footnotes: number[] = [];
  const distribution: NormalizedLine[] = [];
  const signature: { line: NormalizedLine; c: LineClass }[] = [];
  const columns = lines.slice(start).some((l) => isLeft(l) || isRight(l));
  let inDistribution = false;
  let signed = false;
  let end = lines.length;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i];
    const c = classes[i];
    // a second document's header (a regulation issued with a decision) ends the footer
    if (i > start && classes.slice(i, i + 4).some((k) => k === "nationalTitle" || k === "motto")) {
      end = i;
      break;
    }
    if (c === "footnote") {
      footnotes.push(i);
      continue;
    }
    if (c === "distribution") {
      inDistribution = true;
      const rest = l.text.replace(/^[^:]*:?\s*/, "").trim();
      const restLine = { ...l, text: rest, start: l.end - rest.length };
      // "Nơi nhận: KT. CHỦ TỊCH": text extraction put the signature's first line beside it
      const restClass = rest ? classify(restLine) : "text";
      if (rest && (restClass === "authority" || restClass === "positionTitle")) signature.push({ line: restLine, c: restClass });
      else if (rest && /:/.test(l.text)) distribution.push(restLine);
      continue;
    }
    if (inDistribution) {
      // "- Như trên; PHÓ CHỦ TỊCH": a signature line run onto an item of nơi nhận
      const m = /^([-–+•].*?[;,.])\s+(\p{Lu}[\p{Lu}\s.,]+)$/u.exec(l.text);
      if (m && (isPositionTitle(m[2]) || patterns.authority.test(matchKey(m[2])))) {
        const cut = l.start + m[1].length;
        distribution.push({ ...l, text: m[1], end: cut });
        const sig = { ...l, text: m[2], start: l.end - m[2].length };
        signature.push({ line: sig, c: classify(sig) });
        continue;
      }
    }
    if (columns) {
      // nơi nhận on the left, the signature on the right, their lines interleaved
      if (isRight(l) || (!inDistribution && c !== "text" && !(signed && !isRight(l)))) {
        signature.push({ line: l, c });
        if (c === "name") signed = true;
        continue;
      }
      if (inDistribution) {
        if (distribution.length && /^\p{Ll}/u.test(l.text)) mergeIntoLast(distribution, l);
        else distribution.push(l);
        if (c === "archiveCopy") inDistribution = false;
        continue;
      }
      end = i;
      break;
    } else if (inDistribution) {
      // nơi nhận and the signature may come line by line interleaved: items stay nơi nhận
      const item = /^(?:[-–+•*]\s*|\.\s+)\S/.test(l.text) || c === "archiveCopy";
      if (item && c !== "authority") {
        distribution.push(l);
        if (c === "archiveCopy") inDistribution = false;
        continue;
      }
      if (c === "text" && distribution.length && l.text.length < 80 && !/^\p{Lu}/u.test(l.text)) {
        // an item wrapped onto the next line ("- Các Bộ, cơ quan ngang Bộ," / "cơ quan thuộc Chính phủ,")
        mergeIntoLast(distribution, l);
        continue;
      }
      const signatureLike = c === "authority" || c === "positionTitle" || c === "upper" || c === "signatureNote" || c === "name";
      if (!signatureLike) inDistribution = false;
    }
    if (c === "authority" || c === "positionTitle" || c === "upper" || c === "signatureNote" || (c === "name" && !signed) || (isPositionTitle(l.text) && !signed)) {
      if (signed && (c === "upper" || c === "positionTitle") && !isPositionTitle(l.text)) {
        end = i;
        break;
      }
      signature.push({ line: l, c });
      if (c === "name") signed = true;
      continue;
    }
    if (signed || c === "typeTitle" || c === "nationalTitle") {
      end = i;
      break;
    }
    // a stray line inside the footer (a right-column note the layout lost): keep looking
  }
  f.distribution = distribution.map((l): TextNode => ({ text: distributionItem(l.text), span: span(l) })).filter((d) => d.text);
  f.signatures = jointSignatures(signature);
  // footnotes and what follows the signature (phụ lục, a regulation issued with a decision)
  for (const i of footnotes) f.footnotes.push(readFootnote(lines[i]));
  const rest = lines.slice(end).filter((_, k) => classes[end + k] !== "footnote");
  if (rest.length) {
    const title = rest.find((l) => isUpperLine(l.text)) ?? rest[0];
    f.appendices.push({ title: title.text, text: rest.map((l) => l.text).join("\n"), span: [rest[0].start, rest[rest.length - 1].end] });
  }
  if (!f.signatures.length) warnings.push({ code: "no-signature", message: "no signature block (chức vụ, họ tên) was found" });
  return f;
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
