/*
 * Figures of an appeal as the detail page shows them: tips over time in equal buckets from the
 * moment of publication, and durations in words. Pure, tested without a browser.
 */

/** Bucket widths to choose from, in minutes: the smallest that fits the span in `maxBuckets`. */
const BUCKET_MINUTES = [5, 10, 15, 30, 60, 120, 240, 480, 1440] as const;

export interface TipsOverTime {
  /** Start of the first bucket (the appeal's publication), ms since the epoch. */
  startMs: number;
  bucketMinutes: number;
  counts: number[];
}

/**
 * Tips per bucket from `fromIso` (publication) to `toMs` (now, or when the appeal was closed).
 * Tips received before publication (sent to a draft's link, never possible, but clocks drift)
 * count in the first bucket; later ones than `toMs` in the last.
 */
export function tipsOverTime(receivedAt: readonly string[], fromIso: string, toMs: number, maxBuckets = 12): TipsOverTime {
  const startMs = Date.parse(fromIso);
  const spanMinutes = Math.max(1, (toMs - startMs) / 60_000);
  const bucketMinutes = BUCKET_MINUTES.find((m) => spanMinutes / m <= maxBuckets) ?? BUCKET_MINUTES[BUCKET_MINUTES.length - 1]!;
  const buckets = Math.max(1, Math.min(maxBuckets, Math.ceil(spanMinutes / bucketMinutes)));
  const counts = new Array<number>(buckets).fill(0);
  for (const iso of receivedAt) {
    const at = Date.parse(iso);
    if (!Number.isFinite(at)) continue;
    const index = Math.min(buckets - 1, Math.max(0, Math.floor((at - startMs) / (bucketMinutes * 60_000))));
    counts[index]! += 1;
  }
  return { startMs, bucketMinutes, counts };
}

/** A duration as whole hours, minutes and seconds ("1 u 5 min", "45 s"); the caller's words for the units. */
export function durationParts(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}

/** Bar geometry for the small chart: one bar per bucket, heights scaled to the largest. */
export function barGeometry(counts: readonly number[], width: number, height: number, gap = 2, maxBarWidth = 24): { x: number; y: number; width: number; height: number; count: number }[] {
  const max = Math.max(1, ...counts);
  // A single early bucket must not fill the whole chart: bars keep a readable width.
  const barWidth = counts.length > 0 ? Math.min(maxBarWidth, Math.max(1, (width - gap * (counts.length - 1)) / counts.length)) : 0;
  return counts.map((count, i) => {
    const h = (count / max) * height;
    return { x: i * (barWidth + gap), y: height - h, width: barWidth, height: h, count };
  });
}
