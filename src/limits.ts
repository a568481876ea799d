// The size limits every stage shares, apart from the stages, so that a loader can refuse a file
// early (before building what would be refused later) without importing the pipeline.

/**
 * The most text a document may hold: ten times the longest official document we have seen
 * (a law with its appendices, about 100,000 characters; 400 pages). Every stage is linear, but a
 * file of millions of characters (a 5 MB line, 200,000 list labels) would still take the time of
 * hundreds of documents: it gets a `limit` error instead.
 */
export const MAX_TEXT_CHARS = 1_000_000;
/**
 * The most lines a document may hold: a 400-page document has about 16,000. Each line carries
 * its offsets through the stages (about a kilobyte of working memory): 200,000 one-word lines
 * took 400 MB.
 */
export const MAX_LINES = 50_000;

/**
 * The most entries a record keeps in one list of facts (dates, agencies, people, references,
 * tasks, events): 25 times the most any real document of the corpora gave (396 agencies, 293
 * dates). A text of 900,000 characters of years gives 110,000 date mentions, a 15 MB record that a
 * `convert` worker builds, serializes and hands over whole; past the limit a list keeps its first
 * entries in document order and the record says so (`facts-truncated`).
 */
export const MAX_FACTS = 10_000;

/**
 * The limits above, for a caller whose documents are larger (a budget's appendix tables of a
 * thousand pages): a number raises or lowers a limit, 0 lifts it.
 */
export interface TextLimits {
  /** the most characters of text a document may hold (default {@link MAX_TEXT_CHARS}; 0: no limit) */
  maxChars?: number;
  /** the most lines a document may hold (default {@link MAX_LINES}; 0: no limit) */
  maxLines?: number;
  /** the most entries one list of facts keeps (default {@link MAX_FACTS}; 0: no limit) */
  maxFacts?: number;
}

/** A count as the messages write it: 50,000. */
export const figure = (n: number) => n.toLocaleString("en-US");
