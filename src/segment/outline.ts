import type { IToken, TokenType } from "chevrotain";
import { createToken, createTokenInstance, EmbeddedActionsParser } from "./chevrotain.js";
import { OUTLINE_LABELS } from "../../grammars/outline.js";
import type { NormalizedLine } from "../normalize/index.js";
import { holdsSpace } from "../text/letters.js";
import { lazily } from "../text/lazy.js";
import type { OutlineKind, OutlineNode } from "./tree.js";

/**
 * The body outline, parsed with chevrotain over one token a line. A line's facts say what
 * label opens it (`Điều`, `I.`, `1.`, `1.1.`, `a)`, `-`, `+`) or that it has none. Nesting follows
 * the document, as Markdown lists do: a label kind not yet open nests under the current node;
 * a kind already open closes the nodes down to it and starts a sibling. Ranked labels (Phần …
 * `1.2.`) keep their order whatever the document opened with.
 */

/** A body line; what opens it (its label, or none) is read from the line's facts, not the token's type: one type, no choice to look ahead for. */
const Line = createToken({ name: "Line", pattern: /NOT_LEXED/ });
const tokenTypes: TokenType[] = [Line];

const labels = OUTLINE_LABELS.map((l) => ({ kind: l.kind, rank: l.rank, re: new RegExp(l.pattern, "u") }));
/**
 * The labels a line's first code unit can open (grammars/outline.ts `opens`), a bit each in
 * {@link OUTLINE_LABELS}' order: a line is asked only their patterns, in that order (a line
 * opening with none of them, `Thực hiện …`, `Các …`, most of a body's, is asked none). One regex
 * of all the labels' patterns, each in a group of its own, was asked of every line: where it
 * matched, its match array held every pattern's groups.
 */
const labelsByFirst = lazily(() => {
  if (OUTLINE_LABELS.length > 16) throw new Error("at most 16 outline labels: a label is a bit of a 16-bit table entry");
  const below2000 = new Uint16Array(0x2000);
  const beyond = new Map<number, number>();
  OUTLINE_LABELS.forEach((l, i) => {
    for (const w of l.opens) {
      const c = w.charCodeAt(0);
      if (c < 0x2000) below2000[c] |= 1 << i;
      else beyond.set(c, (beyond.get(c) ?? 0) | (1 << i));
    }
  });
  return { below2000, beyond };
});
const labelsOpenedBy = (c: number) => {
  const by = labelsByFirst();
  return c < 0x2000 ? by.below2000[c] : by.beyond.get(c) ?? 0;
};

interface LineToken {
  line: NormalizedLine;
  kind: OutlineKind;
  /** kind and depth: `numbered:2` for `1.2.` */
  level: string;
  /** the level's bit ({@link levelBit}): the levels open above a node are a mask of them */
  levelBit: number;
  label: string | null;
  /** from grammars/outline.ts; null for list marks (a), -, +) and paragraphs */
  rank: number | null;
  textStart: number;
}

export function labelOf(text: string): { kind: OutlineKind; label: string; level: string; rank: number | null; length: number } | null {
  // the labels the line's first code unit opens, first in the grammar's order first
  for (let left = labelsOpenedBy(text.charCodeAt(0)); left !== 0; left &= left - 1) {
    const l = labels[31 - Math.clz32(left & -left)];
    // its match (its first group the label as written); a label that is the whole line is none,
    // and the labels after it are asked
    const m = l.re.exec(text);
    if (!m) continue;
    const whole = m[0];
    const written = m[1];
    if (whole.length >= text.length) continue;
    // most labels hold no space ("-", "1.", "a)"): not rewritten
    const label = holdsSpace(written) ? written.replace(/\s+/g, " ").trim() : written;
    const depth = l.kind === "numbered" ? numberDepth(label) : 1;
    return { kind: l.kind, label, level: levelOf(l.kind, depth), rank: l.rank === undefined ? null : l.rank + (depth - 1) / 10, length: whole.length };
  }
  return null;
}

/**
 * The depth of a numbered label, its numbers' count: `1.2.` → 2, `3)` → 1 (its parts between dots
 * once its closing marks `.)/-` are off). Counted in place: a copy and an array a numbered line.
 */
export function numberDepth(label: string): number {
  let end = label.length;
  while (end > 0 && CLOSING_MARKS.includes(label[end - 1])) end--;
  let depth = 1;
  for (let i = 0; i < end; i++) if (label.charCodeAt(i) === DOT) depth++;
  return depth;
}
const CLOSING_MARKS = ".)/-";
const DOT = 0x2e;

/** A label's level, `kind:depth` (`numbered:2` for `1.2.`), one string a level and not one a line. */
const levels = new Map<OutlineKind, string[]>();
function levelOf(kind: OutlineKind, depth: number): string {
  let byDepth = levels.get(kind);
  if (!byDepth) levels.set(kind, (byDepth = []));
  return (byDepth[depth] ??= `${kind}:${depth}`);
}

/**
 * The bit of a level in the mask of the levels open above a node: a bit each, given as first met;
 * past 30 levels (depths no grammar label reaches) the last bit is shared, which only keeps a
 * label from nesting under one of those levels.
 */
const levelBits = new Map<string, number>();
function levelBit(level: string): number {
  let bit = levelBits.get(level);
  if (bit === undefined) levelBits.set(level, (bit = 1 << Math.min(levelBits.size, 30)));
  return bit;
}

class OutlineParser extends EmbeddedActionsParser {
  private meta: LineToken[] = [];

  constructor() {
    super(tokenTypes, { recoveryEnabled: false, maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  setLines(meta: LineToken[], tokens: IToken[]): void {
    this.meta = meta;
    this.input = tokens;
  }

  private info(tok: IToken): LineToken {
    return this.meta[tok.startOffset];
  }

  public outline = this.RULE("outline", (): OutlineNode[] => {
    const nodes: OutlineNode[] = [];
    this.MANY(() => {
      nodes.push(this.SUBRULE(this.node, { ARGS: [0] }));
    });
    return nodes;
  });

  /** A line and, nested under it, the lines whose label kind is not open above it (`open`, a mask of {@link levelBit}s). */
  private node = this.RULE("node", (open: number): OutlineNode => {
    const tok = this.CONSUME(Line);
    const children: OutlineNode[] = [];
    const own = this.RECORDING_PHASE ? null : this.info(tok);
    // a paragraph: the gate below holds of no line after it, so no child is looked for (the loop's
    // closures, made for every line, were most of what the outline allocates)
    if (own && own.label === null) return nodeOf(own, children);
    const inside = own && own.label !== null ? open | own.levelBit : open;
    this.MANY({
      GATE: () => {
        const next = this.LA(1);
        if (next.tokenType !== Line) return false;
        if (!own) return false;
        const n = this.info(next);
        // a plain paragraph belongs to the labelled node before it; a label nests unless its kind is open
        if (n.label === null) return own.label !== null;
        // a ranked label never nests under a list mark or a lower-ranked label
        if (n.rank !== null && (own.rank === null || n.rank <= own.rank)) return false;
        return own.label !== null && (inside & n.levelBit) === 0;
      },
      DEF: () => {
        children.push(this.SUBRULE2(this.node, { ARGS: [inside] }));
      },
    });
    if (!own) return { kind: "paragraph", label: null, text: "", span: [0, 0], children };
    return nodeOf(own, children);
  });
}

/** The outline node of a line and the nodes nested under it. */
function nodeOf(own: LineToken, children: OutlineNode[]): OutlineNode {
  const l = own.line;
  return { kind: own.kind, label: own.label, text: l.text.slice(own.textStart).trim(), span: [l.start, l.end], children };
}

let parser: OutlineParser | null = null;

/**
 * The token of a body's line `i`: its offset is the line's index, from which the parser reads the
 * line's facts, and nothing else in it is read, so line `i`'s token is one object for every body
 * parsed (a token a line, made again at every parse, was most of what the outline allocates). The
 * first {@link POOLED} are kept; a longer body's further lines are given tokens of their own.
 */
function lineToken(i: number): IToken {
  if (i < tokenPool.length) return tokenPool[i];
  const token = createTokenInstance(Line, "", i, i, 1, 1, 1, 1);
  if (i === tokenPool.length && i < POOLED) tokenPool.push(token);
  return token;
}
const tokenPool: IToken[] = [];
const POOLED = 4096;

/** Parses body lines into the outline tree; every node carries its line's span. */
export function parseOutline(lines: NormalizedLine[]): OutlineNode[] {
  parser ??= new OutlineParser();
  const meta: LineToken[] = [];
  // pushed, not made by `map` (why: segment/index.ts, `classes`): the parser's lookahead reads them
  const tokens: IToken[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const lab = labelOf(line.text);
    meta.push(
      lab
        ? { line, kind: lab.kind, level: lab.level, levelBit: levelBit(lab.level), label: lab.label, rank: lab.rank, textStart: lab.length }
        : { line, kind: "paragraph", level: "paragraph", levelBit: 0, label: null, rank: null, textStart: 0 },
    );
    tokens.push(lineToken(i));
  }
  parser.setLines(meta, tokens);
  const nodes = parser.outline();
  if (parser.errors.length) throw new Error(`outline parser: ${parser.errors[0].message}`);
  return nodes;
}
