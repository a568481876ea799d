import type { SectionTree } from "../segment/tree.js";
import { foldTone, matchKey } from "../text/tone.js";

/** What every extractor reads: the section tree and what the header already settled. */
export interface ExtractContext {
  tree: SectionTree;
  /** the document's own date (ISO, maybe reduced), for dates written without a year */
  documentDate: string | null;
  /** the document's year, from its date or, failing that, the latest year it mentions */
  year: number | null;
  /** the most entries a list of facts keeps (0 or absent: no limit); the date scan stops making mentions past it */
  maxFacts?: number;
}

export function makeContext(tree: SectionTree, maxFacts = 0): ExtractContext {
  const documentDate = tree.date?.value ?? null;
  let year = documentDate ? Number(documentDate.slice(0, 4)) : null;
  if (!year) {
    // a loop, not Math.max(...years): a text of 200,000 years would overflow the call's arguments
    for (const m of tree.text.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)) year = Math.max(year ?? 0, Number(m[1]));
  }
  return { tree, documentDate, year, maxFacts };
}

const textKeys = new WeakMap<Pick<ExtractContext, "tree">, string>();
/**
 * The match key of the whole normalized text (lower case, tone placement folded), computed once a
 * document and sliced by every extractor that needs it: same length as the text, so offsets hold
 * (in the rare text where folding would change the length, the text lower-cased).
 */
export function textKey(ctx: Pick<ExtractContext, "tree">): string {
  let key = textKeys.get(ctx);
  if (key === undefined) {
    const text = ctx.tree.text;
    const k = matchKey(text);
    textKeys.set(ctx, (key = k.length === text.length ? k : text.toLowerCase()));
  }
  return key;
}

const foldedTexts = new WeakMap<Pick<ExtractContext, "tree">, string>();
/**
 * The whole normalized text with tone placement folded (`hoà` → `hòa`), same length and case:
 * what the agency, people and task rules match on, made once a document.
 */
export function foldedText(ctx: Pick<ExtractContext, "tree">): string {
  let folded = foldedTexts.get(ctx);
  if (folded === undefined) foldedTexts.set(ctx, (folded = foldTone(ctx.tree.text)));
  return folded;
}
