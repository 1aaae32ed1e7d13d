import { describe, expect, it } from 'vitest';
import { completeMinutesFrom, MinuteHistogram, sparklineGeometry } from '../../web/ui/sparkline.ts';

const minute = 60_000;

describe('MinuteHistogram', () => {
  it('counts arrivals per minute, oldest first, zero-filled, current minute last', () => {
    const histogram = new MinuteHistogram(5);
    const t0 = 100 * minute;
    histogram.add(t0 + 1_000);
    histogram.add(t0 + 59_000, 2);
    histogram.add(t0 + 2 * minute);
    expect(histogram.series(t0 + 2 * minute + 30_000, 4)).toEqual([0, 3, 0, 1]);
  });

  it('forgets minutes outside the window', () => {
    const histogram = new MinuteHistogram(3);
    histogram.add(0, 7);
    histogram.add(10 * minute, 1);
    expect(histogram.series(10 * minute, 20).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('sparklineGeometry', () => {
  it('scales the highest value to the top and zero to the bottom', () => {
    const geometry = sparklineGeometry([0, 5, 10], 100, 20, 2);
    expect(geometry.line).toBe('0,18 50,10 100,2');
    expect(geometry.area).toBe('M0,20 L0,18 L50,10 L100,2 L100,20 Z');
    expect(geometry.max).toBe(10);
  });

  it('draws an all-zero series on the bottom edge, and nothing for no data', () => {
    expect(sparklineGeometry([0, 0], 10, 10, 1).line).toBe('0,9 10,9');
    expect(sparklineGeometry([], 10, 10).line).toBe('');
  });
});

describe('completeMinutesFrom', () => {
  it('leaves out the oldest minute of a page that was cut off', () => {
    const arrivals = [10 * minute + 50_000, 11 * minute + 5_000, 12 * minute];
    expect(completeMinutesFrom(arrivals, false)).toBe(11 * minute);
  });

  it('counts everything when the page is the whole history', () => {
    expect(completeMinutesFrom([10 * minute], true)).toBe(Number.NEGATIVE_INFINITY);
  });
});
