import type { SectionTree } from "../segment/tree.js";
import { foldTone, nfc } from "../text/tone.js";

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

/** The document's folded text and match key, made once a document (see {@link textKey}, {@link foldedText}). */
interface Keys {
  folded: string;
  key: string | null;
  /** the key is the folded text lower-cased (not the fallback) */
  keyFromFolded: boolean;
}
const documentKeys = new WeakMap<Pick<ExtractContext, "tree">, Keys>();
function keysOf(ctx: Pick<ExtractContext, "tree">): Keys {
  let keys = documentKeys.get(ctx);
  if (!keys) documentKeys.set(ctx, (keys = { folded: foldTone(ctx.tree.text), key: null, keyFromFolded: false }));
  return keys;
}

/**
 * The match key of the whole normalized text (lower case, tone placement folded), computed once a
 * document and sliced by every extractor that needs it: same length as the text, so offsets hold
 * (in the rare text where folding would change the length, the text lower-cased).
 */
export function textKey(ctx: Pick<ExtractContext, "tree">): string {
  const keys = keysOf(ctx);
  if (keys.key === null) {
    const text = ctx.tree.text;
    // matchKey(text), from the folded text when the text is in NFC already (a normalized text is)
    const n = nfc(text);
    const k = (n === text ? keys.folded : foldTone(n)).toLowerCase();
    keys.keyFromFolded = n === text && k.length === text.length;
    keys.key = k.length === text.length ? k : text.toLowerCase();
  }
  return keys.key;
}

/**
 * The whole normalized text with tone placement folded (`hoà` → `hòa`), same length and case:
 * what the agency, people and task rules match on, made once a document.
 */
export function foldedText(ctx: Pick<ExtractContext, "tree">): string {
  return keysOf(ctx).folded;
}

/** Whether the document's key is its folded text lower-cased (not the rare fallback of {@link textKey}). */
export function keyFollowsFolded(ctx: Pick<ExtractContext, "tree">): boolean {
  textKey(ctx);
  return keysOf(ctx).keyFromFolded;
}
