import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, type CategoryId } from '#core/taxonomy.ts';
import { BurstDetector, DEFAULT_DETECTOR_CONFIG, type DetectorPost, type SignalChange } from '#watch/detect/burst.ts';
import { poissonTailLog10, surprise } from '#watch/detect/poisson.ts';

const T0 = Date.UTC(2026, 6, 4, 12, 0, 0);
const MINUTE = 60_000;
const VREDENBURG = { lat: 52.0927, lon: 5.1158 };
let n = 0;
const post = (at: number, overrides: Partial<DetectorPost> = {}): DetectorPost => ({ id: `p${++n}`, at, category: 'fire', location: VREDENBURG, ...overrides });

function feed(detector: BurstDetector, posts: DetectorPost[], sensitivity = 1): SignalChange[] {
  return posts.flatMap((p) => detector.observe(p, sensitivity));
}

describe('Poisson tail', () => {
  it('matches known values and is monotone in k', () => {
    // P(X ≥ 1 | 1) = 1 − e^-1; P(X ≥ 3 | 0.1) ≈ 1.5465e-4
    expect(10 ** poissonTailLog10(1, 1)).toBeCloseTo(1 - Math.exp(-1), 10);
    expect(10 ** poissonTailLog10(3, 0.1)).toBeCloseTo(1.5465e-4, 7);
    expect(poissonTailLog10(0, 5)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 1e-6, max: 1000, noNaN: true }), (k, mu) => {
        const a = poissonTailLog10(k, mu);
        const b = poissonTailLog10(k + 1, mu);
        return Number.isFinite(a) && a <= 0 && b <= a + 1e-9;
      }),
    );
  });

  it('gives a finite, non-negative surprise for any input', () => {
    fc.assert(fc.property(fc.double(), fc.double(), (k, mu) => {
      const s = surprise(k, mu);
      return Number.isFinite(s) && s >= 0;
    }));
  });
});

describe('burst detector', () => {
  it('never produces NaN, whatever the stream', () => {
    const arbitraryPost = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      at: fc.oneof(fc.integer({ min: T0, max: T0 + 48 * 60 * MINUTE }), fc.constant(Number.NaN)),
      category: fc.constantFrom<CategoryId>(...CATEGORY_IDS),
      location: fc.option(fc.record({ lat: fc.double({ min: 50.7, max: 53.6, noNaN: true }), lon: fc.double({ min: 3.3, max: 7.2, noNaN: true }) }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryPost, { maxLength: 300 }), fc.double({ min: 0.01, max: 10, noNaN: true }), (posts, sensitivity) => {
        const detector = new BurstDetector();
        for (const change of feed(detector, posts, sensitivity)) {
          const s = change.signal;
          for (const value of [s.observed, s.expected, s.score, s.baselinePerHour, s.detectedAt, s.fired.expected, s.fired.score]) if (!Number.isFinite(value)) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('never fires on a flat stream, however busy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 59 }), (perMinute, offset) => {
        const detector = new BurstDetector();
        const posts: DetectorPost[] = [];
        // A warm-up hour and then six more, at a constant rate spread evenly over each minute.
        for (let m = 0; m < 7 * 60; m++) for (let i = 0; i < perMinute; i++) posts.push(post(T0 + m * MINUTE + offset * 1000 + Math.floor((i * MINUTE) / perMinute / 1000) * 1000));
        const warmUp = 60 * perMinute;
        feed(detector, posts.slice(0, warmUp));
        return feed(detector, posts.slice(warmUp)).filter((c) => c.change === 'opened').length === 0;
      }),
      { numRuns: 15 },
    );
  });

  it('fires on a step, says why, and grows one signal instead of opening many', () => {
    const detector = new BurstDetector();
    // Two posts an hour for three hours, then twenty in ten minutes.
    const quiet = Array.from({ length: 6 }, (_, i) => post(T0 + i * 30 * MINUTE));
    expect(feed(detector, quiet)).toEqual([]);
    const burstStart = T0 + 3 * 60 * MINUTE;
    const burst = Array.from({ length: 20 }, (_, i) => post(burstStart + i * 30_000));
    const changes = feed(detector, burst);
    const opened = changes.filter((c) => c.change === 'opened');
    expect(opened).toHaveLength(1);
    const signal = opened[0]!.signal;
    expect(signal.category).toBe('fire');
    expect(signal.cell).toMatch(/^88/);
    expect(signal.fired.observed).toBeGreaterThanOrEqual(DEFAULT_DETECTOR_CONFIG.minCount);
    expect(signal.fired.expected).toBeLessThan(signal.fired.observed);
    expect(signal.fired.score).toBeGreaterThanOrEqual(DEFAULT_DETECTOR_CONFIG.threshold);
    expect(opened[0]!.postIds.length).toBe(signal.fired.observed);
    expect(changes.filter((c) => c.change === 'grown')).toHaveLength(20 - signal.fired.observed);
    expect(detector.openSignals()[0]!.observed).toBe(20);
    // Quiet again: the signal closes.
    expect(detector.advance(burstStart + 60 * MINUTE).map((c) => c.change)).toEqual(['closed']);
  });

  it('keeps categories and distant cells apart, and merges neighbouring cells and unlocated posts', () => {
    const detector = new BurstDetector();
    const at = (i: number) => T0 + i * 20_000;
    const fire = feed(detector, [0, 1, 2, 3].map((i) => post(at(i))));
    expect(fire.filter((c) => c.change === 'opened')).toHaveLength(1);
    // Another category in the same place is another signal.
    const crowd = feed(detector, [4, 5, 6].map((i) => post(at(i), { category: 'crowd_safety' })));
    expect(crowd.filter((c) => c.change === 'opened')).toHaveLength(1);
    // Fire at the Jaarbeursplein (a neighbouring cell) and without a location joins the open fire signal.
    const joined = feed(detector, [post(at(7), { location: { lat: 52.0888, lon: 5.1078 } }), post(at(8), { location: null })]);
    expect(joined.map((c) => c.change)).toEqual(['grown', 'grown']);
    // Fire in Amsterdam is its own burst.
    const amsterdam = feed(detector, [9, 10, 11].map((i) => post(at(i), { location: { lat: 52.3731, lon: 4.8926 } })));
    expect(amsterdam.filter((c) => c.change === 'opened')).toHaveLength(1);
  });

  it('fires earlier with a higher sensitivity and later with a lower one', () => {
    const firstFire = (sensitivity: number) => {
      const detector = new BurstDetector();
      feed(detector, Array.from({ length: 12 }, (_, i) => post(T0 + i * 10 * MINUTE)), sensitivity);
      const start = T0 + 3 * 60 * MINUTE;
      const burst = Array.from({ length: 30 }, (_, i) => post(start + i * 20_000));
      const index = burst.findIndex((p) => detector.observe(p, sensitivity).some((c) => c.change === 'opened'));
      return index < 0 ? Infinity : index;
    };
    expect(firstFire(3)).toBeLessThan(firstFire(1));
    expect(firstFire(1)).toBeLessThan(firstFire(0.25));
  });

  it('gives the same signals after a snapshot and restore as without one', () => {
    const posts = Array.from({ length: 200 }, (_, i) => post(T0 + i * 45_000 + (i % 7 === 0 ? 0 : 600_000 * Math.floor(i / 50)), { category: i % 3 === 0 ? 'fire' : 'crowd_safety' }));
    let id = 0;
    const makeId = () => `s${++id}`;
    const a = new BurstDetector(DEFAULT_DETECTOR_CONFIG, makeId);
    const straight = feed(a, posts);
    id = 0;
    const b = new BurstDetector(DEFAULT_DETECTOR_CONFIG, makeId);
    const first = feed(b, posts.slice(0, 100));
    const restored = BurstDetector.restore(JSON.parse(JSON.stringify(b.snapshot())) as ReturnType<BurstDetector['snapshot']>, DEFAULT_DETECTOR_CONFIG, makeId);
    const rest = feed(restored, posts.slice(100));
    expect([...first, ...rest]).toEqual(straight);
  });

  it('forgets quiet cells, so memory stays bounded', () => {
    const detector = new BurstDetector();
    for (let i = 0; i < 5000; i++) detector.observe(post(T0 + i * 10_000, { location: { lat: 51 + (i % 997) / 500, lon: 4 + (i % 991) / 400 } }));
    expect(detector.size).toBeLessThan(5000);
  });
});
