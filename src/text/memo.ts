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
