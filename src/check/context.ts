import type { ParsedStages } from "../pipeline.js";
import type { NormalizedLine } from "../normalize/index.js";
import { matchKey } from "../text/tone.js";
import type { Span } from "../record/schema.js";

/** A rule's finding: where, and what exactly is wrong (Vietnamese, appended to the rule's message). */
export interface Finding {
  span?: Span | null;
  detail?: string;
  /** the page, where there is no span to find it by (page size, a page number) */
  page?: number;
}

/** What every rule reads: the parsed stages, and ways to find the lines behind a span. */
export class CheckContext {
  readonly text: string;
  readonly lines: NormalizedLine[];
  /** the quốc hiệu is `ĐẢNG CỘNG SẢN VIỆT NAM`: Hướng dẫn 36 applies */
  readonly party: boolean;
  /** where the body starts in the text: header lines stand before it */
  readonly bodyStart: number;

  constructor(readonly stages: ParsedStages) {
    this.text = stages.normalized.text;
    this.lines = stages.normalized.lines;
    const title = stages.tree.nationalTitle;
    this.party = title !== null && matchKey(title.text).startsWith("đảng cộng sản");
    const t = stages.tree;
    this.bodyStart = Math.min(t.preamble[0]?.span[0] ?? Infinity, t.body.span[1] > t.body.span[0] ? t.body.span[0] : Infinity, this.text.length);
  }

  /** The line holding `offset` (binary search). */
  lineAt(offset: number): NormalizedLine | undefined {
    let lo = 0, hi = this.lines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = this.lines[mid];
      if (offset < l.start) hi = mid - 1;
      else if (offset > l.end) lo = mid + 1;
      else return l;
    }
    return undefined;
  }

  /** The lines a span touches. */
  linesIn(span: Span | null | undefined): NormalizedLine[] {
    if (!span) return [];
    const first = this.lineAt(span[0]);
    if (!first) return [];
    const out: NormalizedLine[] = [];
    for (let i = this.lines.indexOf(first); i < this.lines.length && this.lines[i].start < Math.max(span[1], span[0] + 1); i++) out.push(this.lines[i]);
    return out;
  }

  /** The header's lines: those before the body (and before any preamble). */
  headerLines(): NormalizedLine[] {
    const out: NormalizedLine[] = [];
    for (const l of this.lines) {
      if (l.start >= this.bodyStart) break;
      out.push(l);
    }
    return out;
  }

  /** The span of a whole line. */
  static spanOf(line: NormalizedLine): Span {
    return [line.start, line.end];
  }
}
