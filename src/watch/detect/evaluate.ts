/** A signal as the evaluation sees it: when it fired and which posts it holds. */
export interface EvaluatedSignal {
  id: string;
  category: string;
  cell: string | null;
  detectedAt: number;
  postIds: readonly string[];
}

/** A ground-truth event: its id and, when the storyline file gives it, its official report time. */
export interface TruthEvent {
  id: string;
  officialReportAt: number | null;
}

export interface EventResult {
  eventId: string;
  posts: number;
  firstPostAt: number;
  officialReportAt: number | null;
  detected: boolean;
  detectedAt: number | null;
  /** Seconds from the event's first post to its first matching signal. */
  delaySeconds: number | null;
  /** Seconds by which the signal came before the official report (negative: after it). */
  beforeOfficialSeconds: number | null;
  signals: number;
}

export interface DetectionEvaluation {
  events: EventResult[];
  signals: number;
  matchedSignals: number;
  precision: number;
  recall: number;
  medianLeadSeconds: number | null;
  medianLeadBeforeOfficialSeconds: number | null;
}

/** The event holding most of the signal's posts; null when posts of no event are the largest group (ties go to null). */
export function matchSignal(signal: EvaluatedSignal, truth: ReadonlyMap<string, string | null>): string | null {
  const counts = new Map<string | null, number>();
  for (const id of signal.postIds) {
    const event = truth.get(id) ?? null;
    counts.set(event, (counts.get(event) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = counts.get(null) ?? 0;
  for (const [event, n] of counts) {
    if (event !== null && n > bestCount) {
      best = event;
      bestCount = n;
    }
  }
  return best;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * When a signal detected an event: when it fired, or, for a signal that fired on other posts and
 * took the event's posts in later (an organisation-wide "no mobile reception" signal that the
 * power failure then joins), when it took in the first of them. A signal never detects an event
 * before the event has a post.
 */
function detectionOf(signal: EvaluatedSignal, eventId: string, posts: ReadonlyMap<string, { eventId: string | null; at: number }>): number {
  let first = Infinity;
  for (const id of signal.postIds) {
    const post = posts.get(id);
    if (post?.eventId === eventId && post.at < first) first = post.at;
  }
  return Math.max(signal.detectedAt, first);
}

/**
 * Scores signals against a labelled stream: a signal matches the event most of whose posts it
 * holds; precision = matched signals / signals, recall = detected events / events; the lead of a
 * detection is measured from the event's first post and against its official report, from when
 * the signal held the first of the event's posts (`detectionOf`).
 *
 * `posts` maps post id → { eventId, at } for every post of the stream; `events` lists the events
 * to score (all events seen in the stream when not given).
 */
export function evaluateDetection(signals: readonly EvaluatedSignal[], posts: ReadonlyMap<string, { eventId: string | null; at: number }>, events?: readonly TruthEvent[]): DetectionEvaluation {
  const truth = new Map<string, string | null>([...posts].map(([id, p]) => [id, p.eventId]));
  const firstPost = new Map<string, { at: number; n: number }>();
  for (const p of posts.values()) {
    if (p.eventId === null) continue;
    const f = firstPost.get(p.eventId);
    firstPost.set(p.eventId, { at: Math.min(f?.at ?? Infinity, p.at), n: (f?.n ?? 0) + 1 });
  }
  const scored = events ?? [...firstPost.keys()].sort().map((id) => ({ id, officialReportAt: null }));
  const byEvent = new Map<string, EvaluatedSignal[]>();
  let matched = 0;
  for (const signal of signals) {
    const event = matchSignal(signal, truth);
    if (event === null) continue;
    matched += 1;
    byEvent.set(event, [...(byEvent.get(event) ?? []), signal]);
  }
  const results: EventResult[] = scored.map((e) => {
    const first = firstPost.get(e.id);
    const found = byEvent.get(e.id) ?? [];
    const detectedAt = found.length > 0 ? Math.min(...found.map((s) => detectionOf(s, e.id, posts))) : null;
    return {
      eventId: e.id,
      posts: first?.n ?? 0,
      firstPostAt: first?.at ?? NaN,
      officialReportAt: e.officialReportAt,
      detected: detectedAt !== null,
      detectedAt,
      delaySeconds: detectedAt !== null && first ? Math.round((detectedAt - first.at) / 1000) : null,
      beforeOfficialSeconds: detectedAt !== null && e.officialReportAt !== null ? Math.round((e.officialReportAt - detectedAt) / 1000) : null,
      signals: found.length,
    };
  });
  const detected = results.filter((r) => r.detected);
  return {
    events: results,
    signals: signals.length,
    matchedSignals: matched,
    precision: signals.length === 0 ? 0 : matched / signals.length,
    recall: results.length === 0 ? 0 : detected.length / results.length,
    medianLeadSeconds: median(detected.map((r) => r.delaySeconds!)),
    medianLeadBeforeOfficialSeconds: median(detected.filter((r) => r.beforeOfficialSeconds !== null).map((r) => r.beforeOfficialSeconds!)),
  };
}
