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
 * A mark is only noted as it is given, and the decisions are worked out when the trace is asked
 * for (`--explain`): finding each mark's line and keeping its decisions apart were a twentieth of
 * the stage, for a trace most parses never read.
 */
export class Trace {
  /**
   * the marks as given, four entries each: the line (or piece), its role, the rule, and whether it
   * replaces the piece's decisions so far; or, for a run of lines given one role ({@link markRun}),
   * the run, its role, the rule, and {@link RUN}
   */
  private readonly marks: (NormalizedLine | LineRun | Role | string | boolean | typeof RUN)[] = [];
  private decisions: Decision[][] | null = null;

  constructor(
    private readonly lines: NormalizedLine[],
    private readonly classes: { cls: LineClass; rule: string }[],
    private readonly splitBy: Map<number, string[]> = new Map(),
    private readonly pieces: NormalizedLine[] = [],
    private readonly pieceWhys: { cls: LineClass; rule: string }[] = [],
  ) {}

  /** Gives the line (or piece) `l` a role by `rule`. A piece split from a line keeps its own text in the trace. */
  mark(l: NormalizedLine, role: Role, rule: string): void {
    this.marks.push(l, role, rule, false);
  }

  /**
   * Gives each of `lines` from `from` up to `to` a role by `rule`, as {@link mark} one at a time
   * would: a body's lines and an appendix's, most of a document, are noted as one entry.
   */
  markRun(lines: readonly NormalizedLine[], from: number, to: number, role: Role, rule: string): void {
    if (from < to) this.marks.push({ lines, from, to }, role, rule, RUN);
  }

  /** Replaces the decisions about `l` (a later stage read the line more closely). */
  refine(l: NormalizedLine, role: Role, rule: string): void {
    this.marks.push(l, role, rule, true);
  }

  explain(): ExplainLine[] {
    const decisions = this.decide();
    return this.lines.map((l, i) => ({
      line: i,
      text: l.text,
      span: [l.start, l.end],
      class: this.classes[i].cls,
      classRule: this.classes[i].rule,
      ...(this.splitBy.has(i) ? { splitBy: this.splitBy.get(i) } : {}),
      decisions: decisions[i],
    }));
  }

  /** The decisions about each line, from the marks in the order they were given. */
  private decide(): Decision[][] {
    if (this.decisions) return this.decisions;
    const decisions: Decision[][] = this.lines.map(() => []);
    this.decisions = decisions;
    if (!this.lines.length) return decisions;
    const starts = this.lines.map((l) => l.start);
    const pieceClass = new Map<number, LineClass>();
    if (this.splitBy.size) this.pieces.forEach((p, i) => pieceClass.set(p.start, this.pieceWhys[i].cls));
    for (let k = 0; k < this.marks.length; k += 4) {
      const role = this.marks[k + 1] as Role;
      const rule = this.marks[k + 2] as string;
      if (this.marks[k + 3] === RUN) {
        const run = this.marks[k] as LineRun;
        for (let r = run.from; r < run.to; r++) this.decideOne(decisions, starts, pieceClass, run.lines[r], role, rule, false);
      } else this.decideOne(decisions, starts, pieceClass, this.marks[k] as NormalizedLine, role, rule, this.marks[k + 3] as boolean);
    }
    return decisions;
  }

  /** One mark's decision about the line (or piece) `l`, added to its line's. */
  private decideOne(decisions: Decision[][], starts: number[], pieceClass: Map<number, LineClass>, l: NormalizedLine, role: Role, rule: string, replaces: boolean): void {
    const i = indexAt(starts, l.start);
    const whole = this.lines[i];
    const piece = l.start !== whole.start || l.end !== whole.end;
    if (replaces) decisions[i] = decisions[i].filter((d) => d.text !== (piece ? l.text : undefined));
    const d: Decision = { role, rule };
    if (piece) {
      d.text = l.text;
      const cls = pieceClass.get(l.start);
      if (cls) d.class = cls;
    }
    const list = decisions[i];
    if (!list.some((x) => x.role === d.role && x.rule === d.rule && x.text === d.text)) list.push(d);
  }
}

/** Lines `from` up to `to` of `lines`, given one role by {@link Trace.markRun}. */
interface LineRun {
  lines: readonly NormalizedLine[];
  from: number;
  to: number;
}
/** The fourth entry of a run's mark (a line's is a boolean). */
const RUN = 2;

/** The index of the line holding `offset`, of lines starting at `starts`. */
function indexAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
