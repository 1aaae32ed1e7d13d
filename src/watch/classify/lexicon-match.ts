import { CATEGORY_IDS, type CategoryId } from '#core/taxonomy.ts';
import { LEXICON } from './lexicon.ts';

/**
 * The lexicon compiled into two character tries in flat typed arrays (one walked forwards for
 * prefixes and whole words, one backwards for compound heads), so matching a word is a few array
 * reads per character and allocates nothing.
 */
const EDGES = 38; // a–z, '-', "'", 0–9
const MAX_NODES = 8192;
/** Edge index per ASCII code; −1 for characters no entry contains (the walk stops there). */
const EDGE = new Int8Array(128).fill(-1);
for (let c = 0x61; c <= 0x7a; c++) EDGE[c] = c - 0x61;
EDGE[0x2d] = 26;
EDGE[0x27] = 27;
for (let c = 0x30; c <= 0x39; c++) EDGE[c] = 28 + c - 0x30;

function edgeOf(c: number): number {
  return c < 128 ? EDGE[c]! : -1;
}

class Trie {
  private readonly next: Int32Array;
  /** Category bits matching any word through this node / only a word ending here. */
  private readonly prefixBits: Int32Array;
  private readonly exactBits: Int32Array;
  private size = 1;

  constructor(private readonly maxNodes = MAX_NODES) {
    this.next = new Int32Array(maxNodes * EDGES);
    this.prefixBits = new Int32Array(maxNodes);
    this.exactBits = new Int32Array(maxNodes);
  }

  add(word: string, bit: number, exact: boolean): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const edge = edgeOf(word.charCodeAt(i));
      if (edge < 0) throw new Error(`lexicon: unsupported character in "${word}"`);
      const at = node * EDGES + edge;
      if (this.next[at] === 0) {
        if (this.size >= this.maxNodes) throw new Error('lexicon: too many entries');
        this.next[at] = this.size++;
      }
      node = this.next[at]!;
    }
    if (exact) this.exactBits[node]! |= bit;
    else this.prefixBits[node]! |= bit;
  }

  /** Category bits of the entries along the word, read forwards or backwards. */
  match(word: string, forwards: boolean): number {
    let bits = 0;
    let node = 0;
    const n = word.length;
    for (let k = 0; k < n; k++) {
      const edge = edgeOf(word.charCodeAt(forwards ? k : n - 1 - k));
      if (edge < 0) return bits;
      node = this.next[node * EDGES + edge]!;
      if (node === 0) return bits;
      bits |= this.prefixBits[node]!;
    }
    return bits | this.exactBits[node]!;
  }
}

const forward = new Trie();
const backward = new Trie();
/** Words starting with an `!` entry: the categories whose other entries do not count for them. */
const excluded = new Trie(512);
CATEGORY_IDS.forEach((category, index) => {
  const bit = 1 << index;
  for (const entry of LEXICON[category].split(/\s+/)) {
    if (entry === '') continue;
    if (entry.startsWith('!')) excluded.add(entry.slice(1), bit, false);
    else if (entry.startsWith('-')) backward.add([...entry.slice(1)].reverse().join(''), bit, false);
    else if (entry.endsWith('=')) forward.add(entry.slice(0, -1), bit, true);
    else forward.add(entry, bit, false);
  }
});

/** The categories whose keywords match a word (a token norm), as bits in CATEGORY_IDS order. */
export function lexiconBits(word: string): number {
  return (forward.match(word, true) | backward.match(word, false)) & ~excluded.match(word, true);
}

/** The categories in a bit set. */
export function categoriesOf(bits: number): CategoryId[] {
  return CATEGORY_IDS.filter((_, i) => (bits & (1 << i)) !== 0);
}
