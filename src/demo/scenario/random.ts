import { fnv1a } from '#core/hash.ts';
import { drawOf, nextState } from '#core/random.ts';

/**
 * A small seeded PRNG (mulberry32) with the helpers the generator needs. Math.random is never
 * used: the same seed must give byte-identical scenario files on every machine.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = nextState(this.state);
    return drawOf(this.state);
  }

  /**
   * An independent stream for one part of the scenario, so that changing how many posts one
   * event gets does not reshuffle every other event.
   */
  fork(label: string): Rng {
    return new Rng(fnv1a(label) ^ this.seedFor(label));
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Index chosen with probability proportional to its weight. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    return items[this.weightedIndex(items.map(weight))]!;
  }

  /** Exponentially distributed value with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  private seedFor(label: string): number {
    // Mix the parent seed with the label without advancing the parent stream.
    return Math.imul(this.state ^ fnv1a(`${label}#`), 0x9e3779b1) >>> 0;
  }
}

/**
 * A sampler over a fixed list with precomputed cumulative weights: O(log n) per draw, which keeps
 * choosing an author cheap when a benchmark asks for a million posts.
 */
export class WeightedSampler<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += weight(item);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  get size(): number {
    return this.items.length;
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}
