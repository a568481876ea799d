import type { Agency } from "../record/schema.js";
import { agencyBuildsOf, canonicalOf, scanAgencies, type AgencyMatch } from "./agencies/scan.js";
import { ABBREVIATIONS, PROVINCES } from "../../grammars/agencies.js";
import { matchKey } from "../text/tone.js";
import { BoundedMemo } from "../text/memo.js";
import { sentenceCase, squash, tidy, titleCase } from "../text/letters.js";

/**
 * A name the grammar cannot build (`BQL CÁC KHU CÔNG NGHIỆP BÀ RỊA – VŨNG TÀU`): sentence case,
 * abbreviations expanded, province names capitalised.
 */
function fallbackCanonical(name: string): string {
  let s = sentenceCase(tidy(name));
  s = s.replace(/^(\p{L}+)/u, (w) => ABBREVIATIONS[w.toUpperCase()] ?? w);
  // the name's key made again only when a province was capitalised in it
  let key = matchKey(s);
  for (const p of provinceKeys) {
    const at = key.indexOf(p.key);
    if (at > 0) {
      s = s.slice(0, at) + titleCase(s.slice(at, at + p.name.length)) + s.slice(at + p.name.length);
      key = matchKey(s);
    }
  }
  return s;
}
const provinceKeys = PROVINCES.map((name) => ({ name, key: matchKey(name) }));
import { foldedText, type ExtractContext } from "./context.js";
import { documentOpenings } from "./openings.js";

/** The issuing body and its parent, canonical, resolved against each other (`VĂN PHÒNG` under `UBND TỈNH LẠNG SƠN`). */
export function issuerAgencies(ctx: ExtractContext): { issuer: string | null; parent: string | null } {
  return (ctx.shared.issuer ??= readIssuer(ctx));
}

/**
 * A task's assignee in its one spelling: the body it names (`Giám đốc Sở Y tế` → `Sở Y tế`,
 * `UBND các huyện` → the collective's canonical), or the words themselves in sentence case when
 * no body is named (`Quý cơ quan`).
 */
export function canonicalAssignee(name: string, issuerCanonical: string | null): string {
  // remembered: a document names the same few assignees task after task (emptied when full)
  const memoKey = `${issuerCanonical ?? ""}\u0000${name}`;
  return assigneeMemo.get(memoKey) ?? assigneeMemo.set(memoKey, canonicalOf(name, { issuerCanonical })?.canonical ?? fallbackCanonical(name));
}
const assigneeMemo = new BoundedMemo<string>(1024, 240);

function readIssuer(ctx: ExtractContext): { issuer: string | null; parent: string | null } {
  const iss = ctx.tree.issuer;
  if (!iss) return { issuer: null, parent: null };
  // remembered by the header's words: a batch's documents come from the same few bodies, and two
  // short scans cost a document more than their length says (the heads' patterns are cold by then)
  const memoKey = `${iss.parent ?? ""}\u0000${iss.name}`;
  const found = issuerMemo.get(memoKey) ?? issuerMemo.set(memoKey, resolveIssuer(iss.name, iss.parent));
  return { ...found };
}
const issuerMemo = new BoundedMemo<{ issuer: string | null; parent: string | null }>(1024, 240);

function resolveIssuer(name: string, parentName: string | null | undefined): { issuer: string | null; parent: string | null } {
  const iss = { name, parent: parentName };
  const parent = iss.parent ? (canonicalOf(iss.parent)?.canonical ?? fallbackCanonical(iss.parent)) : null;
  const own = canonicalOf(iss.name, { issuerCanonical: parent });
  // a name the grammar does not know (`TRƯỜNG ĐẠI HỌC …`) is still the issuer: sentence case
  const issuer = own && own.end - own.start >= squash(iss.name).length * 0.6 ? own.canonical : fallbackCanonical(iss.name);
  return { issuer, parent };
}

/**
 * Every agency named in the document, one entry a mention, in text order; the issuer (and its
 * parent) first when the header lines themselves did not yield them.
 */
export function extractAgencies(ctx: ExtractContext): Agency[] {
  const { tree } = ctx;
  const { issuer, parent } = issuerAgencies(ctx);
  const found: AgencyMatch[] = scanAgencies(tree.text, { issuerCanonical: issuer ?? parent, folded: foldedText(ctx), openings: documentOpenings(ctx), builds: agencyBuildsOf(ctx) });
  const out: Agency[] = [];
  const iss = tree.issuer;
  if (iss) {
    // pushed, not made by `filter` then `map` (why: segment/index.ts, `classes`)
    const inHeader: string[] = [];
    for (const a of found) if (a.start < iss.span[1] && iss.span[0] < a.end) inHeader.push(a.canonical);
    if (parent && iss.parent && !inHeader.includes(parent)) {
      out.push({ text: squash(iss.parent), canonical: parent, collective: false, span: iss.span });
    }
    if (issuer && !inHeader.includes(issuer)) {
      out.push({ text: squash(iss.name), canonical: issuer, collective: false, span: iss.span });
    }
  }
  for (const a of found) out.push({ text: a.text, canonical: a.canonical, collective: a.collective, span: [a.start, a.end] });
  return out;
}
