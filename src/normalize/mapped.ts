/**
 * A string that remembers, for every character, the offset in the source text it came from.
 * Every normalize step takes and returns one, so a span in the normalized text can always be
 * traced back to the loader's text (`toSource`).
 */
export class MappedText {
  readonly text: string;
  /**
   * The origins, made only when asked for: a text that maps one to one onto the source from
   * `base` (a line no step changed, most lines) holds no array of its own, and the document's
   * one map is made when the lines are joined.
   */
  private map: Int32Array | null;
  /** with no `map`: the source offset of `text[0]` */
  private readonly base: number;

  constructor(text: string, origin?: Int32Array, base = 0) {
    this.text = text;
    if (origin) {
      if (origin.length !== text.length + 1) throw new RangeError("origin map length mismatch");
      this.map = origin;
    } else this.map = null;
    this.base = base;
  }

  static of(text: string, sourceStart = 0): MappedText {
    return new MappedText(text, undefined, sourceStart);
  }

  /** origin[i] = source offset of text[i]; origin[text.length] = source end */
  get origin(): Int32Array {
    if (!this.map) {
      const origin = new Int32Array(this.text.length + 1);
      for (let i = 0; i <= this.text.length; i++) origin[i] = this.base + i;
      this.map = origin;
    }
    return this.map;
  }

  /** `origin[i]`, without making the array where there is none */
  at(i: number): number {
    return this.map ? this.map[i] : this.base + i;
  }

  /** the source offset of `text[0]`, when the text maps one to one onto the source (no map made); else null */
  get oneToOne(): number | null {
    return this.map ? null : this.base;
  }

  get length(): number {
    return this.text.length;
  }

  toSource(offset: number): number {
    return this.at(Math.max(0, Math.min(offset, this.text.length)));
  }

  slice(start: number, end = this.text.length): MappedText {
    if (!this.map && start >= 0 && start <= end && end <= this.text.length) return new MappedText(this.text.slice(start, end), undefined, this.base + start);
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
      else out.appendAt(rep, this.at(m.index));
      last = m.index + m[0].length;
    }
    out.appendFrom(this, last, this.text.length);
    return out.build(this.at(this.text.length));
  }

  /** Concatenate pieces with a separator whose characters map to the end of the piece before. */
  static join(parts: MappedText[], separator: string): MappedText {
    // lines that follow one another in the source joined by one character (the wrapped lines of a
    // paragraph, most of them): the separator stands where the line break was, and the whole maps
    // one to one from the first line's start, with no array
    if (separator.length === 1 && parts.length > 0 && follow(parts)) return new MappedText(parts.map((p) => p.text).join(separator), undefined, parts[0].base);
    const out = new Builder();
    parts.forEach((p, i) => {
      if (i > 0) out.appendAt(separator, parts[i - 1].at(parts[i - 1].length));
      out.appendFrom(p, 0, p.length);
    });
    const end = parts.length ? parts[parts.length - 1].at(parts[parts.length - 1].length) : 0;
    return out.build(end);
  }
}

/** Whether each part maps one to one and starts one character after the part before ends in the source. */
function follow(parts: MappedText[]): boolean {
  let next = parts[0].oneToOne;
  for (const p of parts) {
    const base = p.oneToOne;
    if (base === null || base !== next) return false;
    next = base + p.length + 1;
  }
  return true;
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
  /** each piece's origins, all of one shape (`build` runs once per line changed and once per document) */
  private origins: Piece[] = [];
  private length = 0;

  appendFrom(src: MappedText, start: number, end: number, text?: string): void {
    if (end <= start) return;
    this.chunks.push(text ?? src.text.slice(start, end));
    const base = src.oneToOne;
    this.origins.push(base === null ? { kind: COPIED, from: 0, length: end - start, copy: src.origin.subarray(start, end) } : { kind: COUNTED, from: base + start, length: end - start, copy: null });
    this.length += end - start;
  }

  appendAt(text: string, origin: number): void {
    if (!text) return;
    this.chunks.push(text);
    this.origins.push({ kind: REPEATED, from: origin, length: text.length, copy: null });
    this.length += text.length;
  }

  build(endOrigin: number): MappedText {
    const text = this.chunks.join("");
    const origin = new Int32Array(text.length + 1);
    let at = 0;
    for (const o of this.origins) {
      const end = at + o.length;
      if (o.kind === COPIED) origin.set(o.copy!, at);
      else if (o.kind === REPEATED) origin.fill(o.from, at, end);
      else for (let i = at, shift = o.from - at; i < end; i++) origin[i] = shift + i;
      at = end;
    }
    origin[text.length] = endOrigin;
    return new MappedText(text, origin);
  }
}

/** A piece's origins: copied from a map, one origin repeated, or counted up from `from`. */
const COPIED = 0, REPEATED = 1, COUNTED = 2;
interface Piece {
  kind: typeof COPIED | typeof REPEATED | typeof COUNTED;
  from: number;
  length: number;
  copy: Int32Array | null;
}
