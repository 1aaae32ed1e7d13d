import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { Classifier } from '../classify/index.ts';
import { parseReplayLine } from '../connectors/replay-line.ts';
import { Enricher } from '../enrich/enrich.ts';
import { Gazetteer } from '../enrich/gazetteer.ts';
import { normaliseReplayLine } from '../normalise.ts';
import { analyse } from '../pipeline/analyse.ts';
import { BurstDetector, DEFAULT_DETECTOR_CONFIG, type DetectorConfig, type SignalState } from './burst.ts';
import { evaluateDetection, type DetectionEvaluation, type EvaluatedSignal, type TruthEvent } from './evaluate.ts';

export interface ReplayEvaluation extends DetectionEvaluation {
  n: number;
  skipped: number;
  signalsDetail: (EvaluatedSignal & { observed: number; expected: number; score: number })[];
}

/** The storyline file next to a scenario (`x.jsonl` → `x.events.json`), if there is one. */
export function eventsFileFor(file: string): string | null {
  const candidate = file.replace(/\.jsonl$/, '') + '.events.json';
  return existsSync(candidate) ? candidate : null;
}

export function readTruthEvents(file: string): TruthEvent[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { id: string; officialReportAt?: string | null }[];
  return raw.map((e) => ({ id: e.id, officialReportAt: e.officialReportAt ? Date.parse(e.officialReportAt) : null }));
}

/**
 * Replays a labelled stream (scenario lines with `truth.eventId`) through the same steps as the
 * live pipeline — normalise, enrich, classify, detect — in process and in the posts' own time,
 * and scores the signals against the ground truth.
 */
export function evaluateReplay(lines: Iterable<string>, options: { events?: TruthEvent[]; config?: DetectorConfig; classifier?: Classifier } = {}): ReplayEvaluation {
  const pseudonyms = new Pseudonymiser(randomBytes(32));
  const enricher = new Enricher({ gazetteer: Gazetteer.load() });
  const classifier = options.classifier ?? Classifier.load();
  const detector = new BurstDetector(options.config ?? DEFAULT_DETECTOR_CONFIG);
  const posts = new Map<string, { eventId: string | null; at: number }>();
  const signals = new Map<string, { state: SignalState; postIds: string[] }>();
  let n = 0;
  let skipped = 0;
  for (const text of lines) {
    if (text.trim() === '') continue;
    n += 1;
    const parsed = parseReplayLine(text);
    if (!parsed.ok) {
      skipped += 1;
      continue;
    }
    const truth = (JSON.parse(text) as { truth?: { eventId?: string | null } }).truth;
    const at = Date.parse(parsed.line.createdAt);
    const id = parsed.line.id;
    posts.set(id, { eventId: truth?.eventId ?? null, at });
    const incoming = normaliseReplayLine(parsed.line, pseudonyms);
    const analysis = analyse({ id, organisationId: 'eval', text: incoming.text, language: incoming.language, location: incoming.location }, enricher, classifier);
    if (!analysis.relevant || analysis.category === null) continue;
    for (const change of detector.observe({ id, at, category: analysis.category, location: analysis.location })) {
      const entry = signals.get(change.signal.id) ?? { state: change.signal, postIds: [] };
      entry.state = change.signal;
      entry.postIds.push(...change.postIds);
      signals.set(change.signal.id, entry);
    }
  }
  const evaluated = [...signals.values()].map(({ state, postIds }) => ({
    id: state.id,
    category: state.category,
    cell: state.cell,
    detectedAt: state.detectedAt,
    postIds,
    observed: state.observed,
    expected: state.expected,
    score: state.score,
  }));
  return { n, skipped, ...evaluateDetection(evaluated, posts, options.events), signalsDetail: evaluated };
}
