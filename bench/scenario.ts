import { readFileSync } from 'node:fs';

const SCENARIO = 'data/scenarios/festival-utrecht.jsonl';

/** The festival scenario's replay lines (6,000 posts). */
export function scenarioLines(): string[] {
  return readFileSync(SCENARIO, 'utf8').trim().split('\n');
}

/** A stream of `n` lines (from line `from` on) cycling through the scenario, each with a unique id and time. */
export function stream(lines: string[], n: number, from = 0): string[] {
  const out: string[] = [];
  const start = Date.UTC(2026, 6, 4, 15, 0, 0);
  for (let i = from; i < from + n; i++) {
    const line = JSON.parse(lines[i % lines.length]!) as Record<string, unknown>;
    line.id = `b${i}`;
    line.createdAt = new Date(start + i * 10).toISOString();
    delete line.replyTo;
    delete line.repostOf;
    delete line.quoteOf;
    out.push(JSON.stringify(line));
  }
  return out;
}
