/**
 * A hash table from words (token norms) to values, looked up by the word's `wordHash`, which the
 * tokeniser has already computed for every token (`Token.hash`). A `Map` keyed on the string
 * hashes a fresh string again on every lookup, and each post's tokens are fresh strings; with
 * the hash given, a lookup is an array read and, on a hash match, one string comparison.
 *
 * Open addressing with linear probing; hashes are finished with fmix32, so their low bits serve
 * as the slot. Grows (doubling) past half full.
 */
export class WordTable<V> {
  private hashes: Int32Array;
  /** The word per slot; null marks an empty slot. */
  private words: (string | null)[];
  private values: (V | undefined)[];
  private mask: number;
  private count = 0;

  /** `expected`: how many words the table will hold without growing. */
  constructor(expected = 8) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.hashes = new Int32Array(slots);
    this.words = new Array<string | null>(slots).fill(null);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
  }

  /** Number of words held. */
  get size(): number {
    return this.count;
  }

  /** The value of `word`, whose `wordHash` is `hash`, or undefined. */
  get(hash: number, word: string): V | undefined {
    const key = hash | 0;
    const words = this.words;
    const mask = this.mask;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const held = words[slot];
      if (held === null) return undefined;
      if (this.hashes[slot] === key && held === word) return this.values[slot];
    }
  }

  /** Sets the value of `word`, whose `wordHash` is `hash`. */
  set(hash: number, word: string, value: V): void {
    const key = hash | 0;
    const words = this.words;
    const mask = this.mask;
    let slot = key & mask;
    for (; ; slot = (slot + 1) & mask) {
      const held = words[slot];
      if (held === null) break;
      if (this.hashes[slot] === key && held === word) {
        this.values[slot] = value;
        return;
      }
    }
    this.hashes[slot] = key;
    words[slot] = word;
    this.values[slot] = value;
    if (++this.count * 2 > mask + 1) this.grow();
  }

  /** Empties the table, keeping its size. */
  clear(): void {
    this.words.fill(null);
    this.values.fill(undefined);
    this.count = 0;
  }

  /** Calls `visit` for every word and its value, in no particular order. */
  forEach(visit: (value: V, word: string) => void): void {
    for (let slot = 0; slot <= this.mask; slot++) {
      const word = this.words[slot];
      if (word !== null && word !== undefined) visit(this.values[slot] as V, word);
    }
  }

  private grow(): void {
    const { hashes, words, values } = this;
    const slots = 2 * (this.mask + 1);
    this.hashes = new Int32Array(slots);
    this.words = new Array<string | null>(slots).fill(null);
    this.values = new Array<V | undefined>(slots).fill(undefined);
    this.mask = slots - 1;
    this.count = 0;
    for (let slot = 0; slot < words.length; slot++) {
      const word = words[slot];
      if (word !== null && word !== undefined) this.set(hashes[slot]!, word, values[slot] as V);
    }
  }
}
