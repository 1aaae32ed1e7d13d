import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Writer, type Draft } from '#demo/scenario/drafts.ts';
import { generateScenario } from '#demo/scenario/index.ts';
import { isoOf } from '#demo/scenario/time.ts';

/** One line of data/scenarios/festival-utrecht.jsonl, as far as enrichment tests read it. */
export interface ScenarioLine {
  id: string;
  source: string;
  text: string;
  createdAt: string;
  lang?: string;
  geo?: { lat: number; lon: number };
  repostOf?: string;
  replyTo?: string;
  quoteOf?: string;
  truth: { eventId: string | null; category: string | null; relevant: boolean };
}

const FILE = fileURLToPath(new URL('../../../../data/scenarios/festival-utrecht.jsonl', import.meta.url));

/** The committed scenario's lines, in order. */
export function scenarioLines(): ScenarioLine[] {
  return readFileSync(FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ScenarioLine);
}

/**
 * Ground truth for near-duplicate detection, which the scenario file does not record: the
 * generator is rerun (it is deterministic) with Writer.copy observed, and each copy-paste
 * variant is mapped back to its line by time and text. Returns, per line id, the id of the
 * line it was copied from.
 */
export function scenarioCopies(lines: readonly ScenarioLine[]): Map<string, string> {
  const copied: { copy: Draft; source: Draft }[] = [];
  // Re-applied below with the writer as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = Writer.prototype.copy;
  Writer.prototype.copy = function observed(this: Writer, ...args: Parameters<Writer['copy']>): Draft {
    const draft = original.apply(this, args);
    copied.push({ copy: draft, source: args[2] });
    return draft;
  };
  try {
    generateScenario();
  } finally {
    Writer.prototype.copy = original;
  }
  const byKey = new Map(lines.map((l) => [`${l.createdAt}|${l.text}`, l.id]));
  const copies = new Map<string, string>();
  for (const { copy, source } of copied) {
    const id = byKey.get(`${isoOf(copy.t)}|${copy.text}`);
    const from = byKey.get(`${isoOf(source.t)}|${source.text}`);
    if (id !== undefined && from !== undefined) copies.set(id, from);
  }
  return copies;
}
