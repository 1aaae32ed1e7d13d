/*
 * Posts-per-minute history for the Watch sparkline: counts per wall-clock minute, and the SVG
 * geometry to draw them. Live posts count at their arrival in this browser; the history before the
 * page was opened comes from the first page's receivedAt (see completeMinutesFrom).
 */

const MINUTE_MS = 60_000;

export class MinuteHistogram {
  private readonly counts = new Map<number, number>();

  constructor(private readonly keepMinutes: number) {}

  /** Counts `count` arrivals at `atMs`; forgets minutes older than the window. */
  add(atMs: number, count = 1): void {
    const minute = Math.floor(atMs / MINUTE_MS);
    this.counts.set(minute, (this.counts.get(minute) ?? 0) + count);
    const oldest = minute - this.keepMinutes;
    for (const key of this.counts.keys()) {
      if (key <= oldest) {
        this.counts.delete(key);
      }
    }
  }

  /** The last `minutes` minutes up to and including the current one, oldest first, zero-filled. */
  series(nowMs: number, minutes: number = this.keepMinutes): number[] {
    const current = Math.floor(nowMs / MINUTE_MS);
    const values: number[] = [];
    for (let minute = current - minutes + 1; minute <= current; minute += 1) {
      values.push(this.counts.get(minute) ?? 0);
    }
    return values;
  }
}

/**
 * The first page of posts can fill in the history before this page was opened, but only for
 * minutes it covers completely: a page of 50 cut off mid-minute would show that minute too low.
 * Returns the earliest arrival time (ms) that may be counted; `isWholeHistory` (no older page)
 * means every post counts.
 */
export function completeMinutesFrom(arrivals: readonly number[], isWholeHistory: boolean): number {
  if (isWholeHistory || arrivals.length === 0) {
    return Number.NEGATIVE_INFINITY;
  }
  const oldest = arrivals.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  return (Math.floor(oldest / MINUTE_MS) + 1) * MINUTE_MS;
}

export interface SparklineGeometry {
  /** `points` attribute of the line's <polyline>. */
  readonly line: string;
  /** `d` attribute of the filled area under the line. */
  readonly area: string;
  readonly max: number;
}

/**
 * Scales values into a width × height box (y grows downward in SVG). A flat zero series lies on
 * the bottom edge; `inset` keeps the stroke from being clipped at the top.
 */
export function sparklineGeometry(values: readonly number[], width: number, height: number, inset = 2): SparklineGeometry {
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  if (values.length === 0) {
    return { line: '', area: '', max };
  }
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const usable = height - inset * 2;
  const round = (n: number) => Math.round(n * 100) / 100;
  const points = values.map((value, index) => {
    const x = round(index * step);
    const y = round(max === 0 ? height - inset : inset + usable * (1 - value / max));
    return `${x},${y}`;
  });
  const line = points.join(' ');
  const lastX = round((values.length - 1) * step);
  const area = `M0,${height} L${points.join(' L')} L${lastX},${height} Z`;
  return { line, area, max };
}
