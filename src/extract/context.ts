import type { SectionTree } from "../segment/tree.js";
import type { Openings } from "../text/openers.js";
import type { AgencyBuilds } from "./agencies/scan.js";
import type { DateScan } from "./dates.js";

/** What every extractor reads: the section tree and what the header already settled. */
export interface ExtractContext {
  tree: SectionTree;
  /** the document's own date (ISO, maybe reduced), for dates written without a year */
  documentDate: string | null;
  /** the document's year, from its date or, failing that, the latest year it mentions */
  year: number | null;
  /** the most entries a list of facts keeps (0 or absent: no limit); the date scan stops making mentions past it */
  maxFacts?: number;
  /** what several extractors read of the document, worked out once (made empty by makeContext) */
  shared: DocumentShared;
}

/**
 * What several extractors read of one document, made by the first that asks (documentDates,
 * documentOpenings, agencyBuildsOf, issuerAgencies) and kept on the document's context. Not in
 * module-level WeakMaps keyed by the context, as they were: V8's young-generation collector keeps
 * a weak map's values alive whether their keys are or not, so every document's scans survived the
 * young collections after it (one-line files, one thread, 20,000 of them: 21 MB survived and 8.4
 * promoted through the extractors, against 4.2 and 4.0 without them). A context copied to ask
 * again with another year or maxFacts needs a `shared` of its own (makeContext).
 */
export interface DocumentShared {
  dates: Required<DateScan> | undefined;
  openings: Openings | undefined;
  builds: AgencyBuilds | undefined;
  issuer: { issuer: string | null; parent: string | null } | undefined;
}

export function makeContext(tree: SectionTree, maxFacts = 0): ExtractContext {
  const documentDate = tree.date?.value ?? null;
  let year = documentDate ? Number(documentDate.slice(0, 4)) : null;
  if (!year) {
    // a loop, not Math.max(...years): a text of 200,000 years would overflow the call's arguments
    for (const m of tree.text.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)) year = Math.max(year ?? 0, Number(m[1]));
  }
  return { tree, documentDate, year, maxFacts, shared: { dates: undefined, openings: undefined, builds: undefined, issuer: undefined } };
}

/**
 * The match key of the whole normalized text (lower case, tone placement folded), made once a
 * document by segment (`text/tone` documentKeys) and sliced by every extractor that needs it: same
 * length as the text, so offsets hold (in the rare text where folding would change the length, the
 * text lower-cased).
 */
export function textKey(ctx: Pick<ExtractContext, "tree">): string {
  return ctx.tree.keys.key;
}

/**
 * The whole normalized text with tone placement folded (`hoà` → `hòa`), same length and case:
 * what the agency, people and task rules match on, made once a document.
 */
export function foldedText(ctx: Pick<ExtractContext, "tree">): string {
  return ctx.tree.keys.folded;
}

/** Whether the document's key is its folded text lower-cased (not the rare fallback of {@link textKey}). */
export function keyFollowsFolded(ctx: Pick<ExtractContext, "tree">): boolean {
  return ctx.tree.keys.keyFromFolded;
}
