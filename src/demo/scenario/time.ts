import type { Rng } from './random.ts';
import type { Shape } from './script.ts';

/**
 * The evening runs on Saturday 4 July 2026 from 17:00 to 01:30 Amsterdam time (UTC+2 in
 * summer). The storyline is written in local clock times because that is how people (and the
 * white paper's scenarios) talk about an evening; everything stored is UTC.
 */
const EVENING_UTC_MIDNIGHT = Date.UTC(2026, 6, 4) / 1000;
const UTC_OFFSET_SECONDS = 2 * 3600;

/** Seconds since the epoch for a local 'HH:MM[:SS]'; hours before noon are after midnight. */
export function localTime(clock: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(clock);
  if (!match) throw new SyntaxError(`not a local time: ${clock}`);
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  const dayOffset = h < 12 ? 86_400 : 0;
  return EVENING_UTC_MIDNIGHT + dayOffset + h * 3600 + m * 60 + s - UTC_OFFSET_SECONDS;
}

/** ISO-8601 UTC with milliseconds, the format of `createdAt`. */
export function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** `n` whole-second times in [from, to), sorted, spread according to the phase's shape. */
export function sampleTimes(rng: Rng, from: number, to: number, n: number, shape: Shape): number[] {
  const span = to - from;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    let x: number;
    switch (shape) {
      case 'flat':
        x = u;
        break;
      case 'rise':
        x = Math.sqrt(u);
        break;
      case 'decay': {
        // Truncated exponential with a time constant of a third of the phase.
        const k = 3;
        x = -Math.log(1 - u * (1 - Math.exp(-k))) / k;
        break;
      }
      case 'peak':
        x = u < 0.5 ? Math.sqrt(u / 2) : 1 - Math.sqrt((1 - u) / 2);
        break;
    }
    out.push(from + Math.min(span - 1, Math.floor(x * span)));
  }
  return out.sort((a, b) => a - b);
}

/**
 * `n` sorted times following a piecewise-linear intensity curve given as (local time, rate)
 * points: the shape of an evening's background chatter.
 */
export function sampleCurve(rng: Rng, curve: readonly (readonly [string, number])[], n: number): number[] {
  const points = curve.map(([clock, rate]) => [localTime(clock), rate] as const);
  const minutes: { start: number; weight: number }[] = [];
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [t0, r0] = points[i]!;
    const [t1, r1] = points[i + 1]!;
    for (let t = t0; t < t1; t += 60) {
      const rate = r0 + ((r1 - r0) * (t - t0)) / (t1 - t0);
      total += rate;
      minutes.push({ start: t, weight: total });
    }
  }
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = rng.next() * total;
    let lo = 0;
    let hi = minutes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (minutes[mid]!.weight > r) hi = mid;
      else lo = mid + 1;
    }
    out.push(minutes[lo]!.start + rng.int(0, 59));
  }
  return out.sort((a, b) => a - b);
}
