/**
 * Answers remembered per word or phrase: a document repeats its words, and a key costs a
 * normalization, a fold, a decoding. A memo lives as long as its module (a `convert` worker reads
 * thousands of files), so it is bounded twice: emptied when it holds `entries` answers, and a key
 * longer than `maxKey` is answered but never kept — counted in entries alone, 8,192 of a hostile
 * text's 10,000-letter words would pin 160 MB in a worker from file to file.
 *
 *     const gains = new BoundedMemo<number>(8192, 48);
 *     const gain = gains.get(word) ?? gains.set(word, tokenGain(word));
 */
export class BoundedMemo<V extends string | number | boolean | object | null> {
  private readonly map = new Map<string, V>();
  constructor(
    private readonly entries: number,
    private readonly maxKey: number,
  ) {}
  /** The answer kept for `key`, undefined when there is none (null is an answer). */
  get(key: string): V | undefined {
    return this.map.get(key);
  }
  /** Keeps `value` for `key` (when the key is short enough) and gives it back. */
  set(key: string, value: V): V {
    if (key.length <= this.maxKey) {
      if (this.map.size >= this.entries) this.map.clear();
      this.map.set(key, value);
    }
    return value;
  }
  /** Answers kept now (for tests). */
  get size(): number {
    return this.map.size;
  }
}

/**
 * Answers remembered per span of a text, asked for by the span (`t`, `start`, `end`) rather than
 * by its string: what {@link BoundedMemo} does for a piece cut out of a text, without the cut. A
 * string just sliced has no hash yet, and a Map's lookup of it leaves the compiled code to hash it
 * (the agency scan's memos, asked ~300 times a document with such pieces, were a seventh of its
 * time). Here the span's slot is picked by its length and three of its code units, and the slot's
 * few keys are compared with the text in place. Bounded as {@link BoundedMemo} is.
 *
 *     const texts = new SpanMemo<string>(2048, 160);
 *     const text = texts.get(t, start, end) ?? texts.set(t, start, end, squash(t.slice(start, end)));
 */
export class SpanMemo<V extends string | number | boolean | object | null> {
  /**
   * each slot's keys, one after the other, each as its length, itself and its answer: a key's
   * length read from the string itself is a property load on strings of many shapes (a slice, a
   * copy, a grammar's literal), which the compiler leaves to its slowest, megamorphic lookup
   */
  private slots: (Array<number | string | V> | undefined)[];
  private count = 0;
  /** 32 less the bits of a slot's number */
  private readonly shift: number;
  constructor(
    private readonly entries: number,
    private readonly maxKey: number,
  ) {
    // about as many slots as entries: a slot holds one or two keys
    const bits = Math.max(4, 32 - Math.clz32(entries - 1));
    this.shift = 32 - bits;
    this.slots = new Array<Array<number | string | V> | undefined>(1 << bits).fill(undefined);
  }
  /** The slot of `t.slice(start, end)`: its length and its first, middle and last code units (none read outside it). */
  private slot(t: string, start: number, end: number): number {
    const n = end - start;
    if (n <= 0) return 0;
    const h = n ^ (t.charCodeAt(start) << 6) ^ (t.charCodeAt(end - 1) << 13) ^ (t.charCodeAt((start + end) >> 1) << 20);
    return Math.imul(h, 0x9e3779b1) >>> this.shift;
  }
  /** The answer kept for `t.slice(start, end)`, undefined when there is none (null is an answer). */
  get(t: string, start: number, end: number): V | undefined {
    const n = end - start;
    if (n > this.maxKey) return undefined;
    const kept = this.slots[this.slot(t, start, end)];
    if (kept === undefined) return undefined;
    let piece: string | undefined;
    for (let i = 0; i < kept.length; i += 3) {
      if (kept[i] === n && kept[i + 1] === (piece ??= t.slice(start, end))) return kept[i + 2] as V;
    }
    return undefined;
  }
  /** Keeps `value` for `t.slice(start, end)` (when it is short enough) and gives it back. */
  set(t: string, start: number, end: number, value: V): V {
    if (end - start <= this.maxKey) {
      if (this.count >= this.entries) {
        this.slots.fill(undefined);
        this.count = 0;
      }
      const i = this.slot(t, start, end);
      (this.slots[i] ??= []).push(end - start, t.slice(start, end), value);
      this.count++;
    }
    return value;
  }
  /** Answers kept now (for tests). */
  get size(): number {
    return this.count;
  }
}

