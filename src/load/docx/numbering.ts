import { attr, child, childrenNamed, type XmlElement } from "./xml.js";

/**
 * Word's automatic numbering: computes the label Word shows in front of a numbered paragraph
 * (`1.`, `a)`, `II.`, `-`) from numbering.xml, keeping counters as the document goes.
 * Counters belong to the abstract list, as in Word: two list instances (`w:num`) over the same
 * abstract list continue each other unless one of them overrides the start.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface Num {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

function readLevel(el: XmlElement): Level {
  const start = parseInt(attr(child(el, "start"), "val") ?? "1", 10);
  return {
    start: Number.isFinite(start) ? start : 1,
    format: attr(child(el, "numFmt"), "val") ?? "decimal",
    text: attr(child(el, "lvlText"), "val") ?? "",
    suffix: attr(child(el, "suff"), "val") ?? "tab",
  };
}

const ROMAN: [number, string][] = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];

function roman(n: number): string {
  let s = "";
  for (const [v, r] of ROMAN) while (n >= v) { s += r; n -= v; }
  return s;
}

function letters(n: number): string {
  // Word: a … z, aa … zz, aaa …
  if (n < 1) return String(n);
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter": return letters(n);
    case "upperLetter": return letters(n).toUpperCase();
    case "lowerRoman": return roman(n);
    case "upperRoman": return roman(n).toUpperCase();
    case "decimalZero": return n < 10 ? `0${n}` : String(n);
    case "none": return "";
    default: return String(n);
  }
}

/** Bullets drawn from the Symbol/Wingdings private-use area, as the character they look like. */
function bullet(text: string): string {
  if (!text) return "";
  const cp = text.codePointAt(0)!;
  if (cp >= 0xf000 && cp <= 0xf0ff) {
    const low = cp - 0xf000;
    if (low === 0x2d) return "-";
    if (low === 0x2b) return "+";
    return "•";
  }
  return text;
}

export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, Num>();
  private counters = new Map<string, (number | undefined)[]>();
  private started = new Set<string>();

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    for (const a of childrenNamed(root, "abstractNum")) {
      const levels = new Map<number, Level>();
      for (const l of childrenNamed(a, "lvl")) levels.set(parseInt(attr(l, "ilvl") ?? "0", 10), readLevel(l));
      this.abstracts.set(attr(a, "abstractNumId") ?? "", levels);
    }
    for (const n of childrenNamed(root, "num")) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of childrenNamed(n, "lvlOverride")) {
        const start = attr(child(o, "startOverride"), "val");
        const lvl = child(o, "lvl");
        overrides.set(parseInt(attr(o, "ilvl") ?? "0", 10), { start: start ? parseInt(start, 10) : undefined, level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(attr(n, "numId") ?? "", { abstractId: attr(child(n, "abstractNumId"), "val") ?? "", overrides });
    }
  }

  private level(num: Num, ilvl: number): Level | undefined {
    return num.overrides.get(ilvl)?.level ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /** The label of the next paragraph numbered (numId, ilvl), with its separator; "" if none. */
  next(numId: string | undefined, ilvlText: string | undefined): string {
    if (!numId || numId === "0") return "";
    const num = this.nums.get(numId);
    if (!num) return "";
    const ilvl = parseInt(ilvlText ?? "0", 10) || 0;
    const lvl = this.level(num, ilvl);
    if (!lvl) return "";
    let counters = this.counters.get(num.abstractId);
    if (!counters) this.counters.set(num.abstractId, (counters = []));
    // a list instance that overrides its start restarts the abstract list when first used
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [i, o] of num.overrides) if (o.start !== undefined) counters[i] = undefined;
    }
    const startOf = (i: number) => num.overrides.get(i)?.start ?? this.level(num, i)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let i = ilvl + 1; i < counters.length; i++) counters[i] = undefined;
    let label: string;
    if (lvl.format === "bullet") label = bullet(lvl.text);
    else {
      label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
        const i = parseInt(d, 10) - 1;
        const l = this.level(num, i);
        return formatNumber(counters![i] ?? startOf(i), l?.format ?? "decimal");
      });
    }
    if (!label) return "";
    return lvl.suffix === "nothing" ? label : label + " ";
  }
}
