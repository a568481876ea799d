import type { SectionTree } from "../segment/tree.js";

/** What every extractor reads: the section tree and what the header already settled. */
export interface ExtractContext {
  tree: SectionTree;
  /** the document's own date (ISO, maybe reduced), for dates written without a year */
  documentDate: string | null;
  /** the document's year, from its date or, failing that, the latest year it mentions */
  year: number | null;
}

export function makeContext(tree: SectionTree): ExtractContext {
  const documentDate = tree.date?.value ?? null;
  let year = documentDate ? Number(documentDate.slice(0, 4)) : null;
  if (!year) {
    const years = [...tree.text.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
    year = years.length ? Math.max(...years) : null;
  }
  return { tree, documentDate, year };
}
