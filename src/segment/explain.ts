import type { NormalizedLine } from "../normalize/index.js";
import type { Span } from "../record/schema.js";
import type { LineClass } from "./classify.js";

/** The part of the document a line was given (or a piece of it, where a line held two parts). */
export type Role =
  | "issuer" | "issuer-parent" | "national-title" | "motto" | "number" | "place-date" | "urgency" | "confidentiality"
  | "type" | "subject" | "recipients" | "preamble" | "enacting" | "body" | "footnote"
  | "authority" | "signer-title" | "signer-name" | "signature-note" | "distribution" | "appendix" | "skipped";

/** One decision about a line: the role it was given and the named rule that gave it. */
export interface Decision {
  role: Role;
  rule: string;
  /** the piece of the line the decision is about, where a line held two parts, and that piece's class */
  text?: string;
  class?: LineClass;
}

/** A line of the `--explain` trace: its class (and the rule that classed it) and the roles it was given. */
export interface ExplainLine {
  /** 0-based index of the line in the normalized text */
  line: number;
  text: string;
  span: Span;
  class: LineClass;
  classRule: string;
  /** the rules that cut the line into pieces (two header cells on one line) */
  splitBy?: string[];
  decisions: Decision[];
}

/**
 * Records why each line became what it became. Stages mark a line by its start offset, so a
 * piece split off a line (two header cells on one line) is traced to the line it came from.
 */
export class Trace {
  private readonly decisions: Decision[][];
  private readonly starts: number[];

  private readonly pieceClass = new Map<number, LineClass>();

  constructor(
    private readonly lines: NormalizedLine[],
    private readonly classes: { cls: LineClass; rule: string }[],
    private readonly splitBy: Map<number, string[]> = new Map(),
    pieces: NormalizedLine[] = [],
    pieceWhys: { cls: LineClass; rule: string }[] = [],
  ) {
    this.decisions = lines.map(() => []);
    this.starts = lines.map((l) => l.start);
    if (splitBy.size) pieces.forEach((p, i) => this.pieceClass.set(p.start, pieceWhys[i].cls));
  }

  /** The index of the line holding `offset`. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Gives the line (or piece) `l` a role by `rule`. A piece split from a line keeps its own text in the trace. */
  mark(l: NormalizedLine, role: Role, rule: string): void {
    if (!this.lines.length) return;
    const i = this.indexAt(l.start);
    const whole = this.lines[i];
    const d: Decision = { role, rule };
    if (l.start !== whole.start || l.end !== whole.end) {
      d.text = l.text;
      const cls = this.pieceClass.get(l.start);
      if (cls) d.class = cls;
    }
    const list = this.decisions[i];
    if (!list.some((x) => x.role === d.role && x.rule === d.rule && x.text === d.text)) list.push(d);
  }

  /** Replaces the decisions about `l` (a later stage read the line more closely). */
  refine(l: NormalizedLine, role: Role, rule: string): void {
    if (!this.lines.length) return;
    const i = this.indexAt(l.start);
    const whole = this.lines[i];
    const piece = l.start !== whole.start || l.end !== whole.end ? l.text : undefined;
    this.decisions[i] = this.decisions[i].filter((d) => d.text !== piece);
    this.mark(l, role, rule);
  }

  /** Lines no rule gave a role. */
  unmarked(from: number, to: number): number[] {
    const out: number[] = [];
    for (let i = from; i < Math.min(to, this.lines.length); i++) if (!this.decisions[i].length) out.push(i);
    return out;
  }

  explain(): ExplainLine[] {
    return this.lines.map((l, i) => ({
      line: i,
      text: l.text,
      span: [l.start, l.end],
      class: this.classes[i].cls,
      classRule: this.classes[i].rule,
      ...(this.splitBy.has(i) ? { splitBy: this.splitBy.get(i) } : {}),
      decisions: this.decisions[i],
    }));
  }
}

/**
 * The trace as plain text, a block a line: the line number, its class and the rule that classed it,
 * then each role it was given with the rule that gave it, then the text.
 *
 *     7  number (number-line)
 *        number ← number-line
 *        | Số: 12/UBND-VX
 */
export function formatExplain(trace: ExplainLine[]): string {
  const w = String(trace.length).length;
  const pad = " ".repeat(w);
  return trace
    .map((t) => {
      const head = `${String(t.line + 1).padStart(w)}  ${t.class} (${t.classRule})${t.splitBy ? `  split by ${t.splitBy.join(", ")}` : ""}`;
      const roles = t.decisions.length
        ? t.decisions.map((d) => `${pad}  ${d.role} ← ${d.rule}${d.text !== undefined ? `  «${d.text.slice(0, 60)}»${d.class ? ` (${d.class})` : ""}` : ""}`)
        : [`${pad}  (no role)`];
      return [head, ...roles, `${pad}  | ${t.text.length > 160 ? t.text.slice(0, 160) + "…" : t.text}`].join("\n");
    })
    .join("\n");
}
