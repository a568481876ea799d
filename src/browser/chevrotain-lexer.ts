/**
 * chevrotain's `scan/lexer_public.js`, for the bundles (the browser build, the `convert` worker's):
 * what its parser reads of the lexer,
 * and nothing more. The outline parser (src/segment/outline.ts) makes its tokens a line at a time
 * with `createTokenInstance` and never lexes a text; the parser's own modules read only `Lexer.NA`
 * (the pattern of the tokens it makes for itself, EOF among them), and for that one constant the
 * whole lexer came into the text-only entry, with the regular-expression parser it analyses token
 * patterns with: ~35 KB minified, ~9 KB gzipped of the entry's ~120.
 */
export class Lexer {
  // the values chevrotain's own Lexer has
  static readonly SKIPPED =
    "This marks a skipped Token pattern, this means each token identified by it will be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.";
  static readonly NA = /NOT_APPLICABLE/;
  constructor() {
    throw new Error("vanban's bundles have no chevrotain lexer: the outline parser is given its tokens");
  }
}

/** Re-exported by chevrotain's entry beside `Lexer`; nothing in the browser build reads it. */
export const LexerDefinitionErrorType = {};
