/**
 * A string that remembers, for every character, the offset in the source text it came from.
 * Every normalize step takes and returns one, so a span in the normalized text can always be
 * traced back to the loader's text (`toSource`).
 */
export class MappedText {
  readonly text: string;
  /** origin[i] = source offset of text[i]; origin[text.length] = source end */
  readonly origin: Int32Array;

  constructor(text: string, origin?: Int32Array) {
    this.text = text;
    if (origin) {
      if (origin.length !== text.length + 1) throw new RangeError("origin map length mismatch");
      this.origin = origin;
    } else {
      this.origin = new Int32Array(text.length + 1);
      for (let i = 0; i <= text.length; i++) this.origin[i] = i;
    }
  }

  static of(text: string, sourceStart = 0): MappedText {
    const origin = new Int32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) origin[i] = sourceStart + i;
    return new MappedText(text, origin);
  }

  get length(): number {
    return this.text.length;
  }

  toSource(offset: number): number {
    return this.origin[Math.max(0, Math.min(offset, this.text.length))];
  }

  slice(start: number, end = this.text.length): MappedText {
    return new MappedText(this.text.slice(start, end), this.origin.slice(start, end + 1));
  }

  /**
   * Replace every match of a global regex. Characters of a replacement map to the start of
   * the match they replace (a 1:1 replacement keeps its characters' own origins).
   */
  replace(re: RegExp, replacement: string | ((match: string, ...groups: string[]) => string)): MappedText {
    if (!re.global) throw new Error("MappedText.replace needs a global regex");
    re.lastIndex = 0;
    let m = re.exec(this.text);
    while (m && m[0].length === 0) {
      re.lastIndex++;
      m = re.exec(this.text);
    }
    // nothing to replace (most steps on most lines): the same text, no copy of its origins
    if (!m) return this;
    const out = new Builder();
    let last = 0;
    for (; m; m = re.exec(this.text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.appendFrom(this, last, m.index);
      const rep =
        typeof replacement === "string"
          ? m[0].replace(oneMatch(re), replacement)
          : replacement(m[0], ...(m.slice(1) as string[]));
      if (rep.length === m[0].length) out.appendFrom(this, m.index, m.index + rep.length, rep);
      else out.appendAt(rep, this.origin[m.index]);
      last = m.index + m[0].length;
    }
    out.appendFrom(this, last, this.text.length);
    return out.build(this.origin[this.text.length]);
  }

  /** Concatenate pieces with a separator whose characters map to the end of the piece before. */
  static join(parts: MappedText[], separator: string): MappedText {
    const out = new Builder();
    parts.forEach((p, i) => {
      if (i > 0) out.appendAt(separator, parts[i - 1].origin[parts[i - 1].length]);
      out.appendFrom(p, 0, p.length);
    });
    const end = parts.length ? parts[parts.length - 1].origin[parts[parts.length - 1].length] : 0;
    return out.build(end);
  }
}

/** The non-global twin of a global regex (for a string replacement with `$1`), made once per regex. */
const twins = new WeakMap<RegExp, RegExp>();
function oneMatch(re: RegExp): RegExp {
  let one = twins.get(re);
  if (!one) twins.set(re, (one = new RegExp(re.source, re.flags.replace("g", ""))));
  return one;
}

/** Collects characters with their origins, a chunk at a time (copied natively, not per character). */
export class Builder {
  private chunks: string[] = [];
  private origins: (Int32Array | { fill: number; length: number })[] = [];
  private length = 0;

  appendFrom(src: MappedText, start: number, end: number, text?: string): void {
    if (end <= start) return;
    this.chunks.push(text ?? src.text.slice(start, end));
    this.origins.push(src.origin.subarray(start, end));
    this.length += end - start;
  }

  appendAt(text: string, origin: number): void {
    if (!text) return;
    this.chunks.push(text);
    this.origins.push({ fill: origin, length: text.length });
    this.length += text.length;
  }

  build(endOrigin: number): MappedText {
    const text = this.chunks.join("");
    const origin = new Int32Array(text.length + 1);
    let at = 0;
    for (const o of this.origins) {
      if (o instanceof Int32Array) origin.set(o, at);
      else origin.fill(o.fill, at, at + o.length);
      at += o.length;
    }
    origin[text.length] = endOrigin;
    return new MappedText(text, origin);
  }
}
