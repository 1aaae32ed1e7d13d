/**
 * Seeded randomness (mulberry32): training order, the corpus generator and the demo scenarios
 * must come out the same on every machine, so Math.random is never used for them.
 */

/** What mulberry32 adds to its state per draw. */
const INCREMENT = 0x6d2b79f5;

/** The state after one more draw. */
export function nextState(state: number): number {
  return (state + INCREMENT) >>> 0;
}

/** The float in [0, 1) that mulberry32 draws for a state (already advanced with `nextState`). */
export function drawOf(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A generator of floats in [0, 1); the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => drawOf((state = nextState(state)));
}

/** Shuffles in place (Fisher–Yates) with the given random source. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
