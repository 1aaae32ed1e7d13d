import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsJson, generateScenario, MIN_POSTS, postLine, writeScenario } from '#demo/scenario/index.ts';
import { parseReplayLine } from '#watch/connectors/replay-line.ts';
import { CATEGORY_IDS, PRIORITIES } from '#core/taxonomy.ts';

/**
 * A strict, hand-written check of one scenario line against the documented format, independent
 * of the generator's own types, so a change to the generator cannot quietly change the format.
 */
const KEYS = ['id', 'source', 'author', 'text', 'createdAt', 'lang', 'url', 'geo', 'replyTo', 'repostOf', 'quoteOf', 'mentions', 'media', 'truth'];
const SOURCES = ['mastodon', 'bluesky', 'rss', 'p2000'];
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^fx-\d{6,}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with one parsed line; empty when it is valid. */
function validateLine(line: unknown, eventIds: ReadonlySet<string>): string[] {
  const errors: string[] = [];
  const fail = (message: string): void => {
    errors.push(message);
  };
  if (!isRecord(line)) return ['not an object'];
  for (const key of Object.keys(line)) if (!KEYS.includes(key)) fail(`unknown key ${key}`);
  if (typeof line.id !== 'string' || !ID.test(line.id)) fail('id');
  if (typeof line.source !== 'string' || !SOURCES.includes(line.source)) fail('source');
  const author = line.author;
  if (!isRecord(author) || typeof author.handle !== 'string' || author.handle.length === 0) fail('author.handle');
  else {
    if (author.name !== undefined && (typeof author.name !== 'string' || author.name.length === 0)) fail('author.name');
    for (const key of Object.keys(author)) if (key !== 'handle' && key !== 'name') fail(`author.${key}`);
  }
  if (typeof line.text !== 'string' || line.text.length < 1 || line.text.length > 2000) fail('text length');
  if (typeof line.createdAt !== 'string' || !ISO_UTC.test(line.createdAt) || new Date(line.createdAt).toISOString() !== line.createdAt) fail('createdAt');
  if (line.lang !== undefined && line.lang !== 'nl' && line.lang !== 'en') fail('lang');
  if (line.url !== undefined && (typeof line.url !== 'string' || !/^https:\/\/[a-z0-9.-]+\//.test(line.url))) fail('url');
  if (line.geo !== undefined) {
    const geo = line.geo;
    // Every GPS point of this scenario is in or near Utrecht.
    if (!isRecord(geo) || typeof geo.lat !== 'number' || typeof geo.lon !== 'number' || geo.lat < 52.0 || geo.lat > 52.2 || geo.lon < 4.95 || geo.lon > 5.25) fail('geo');
  }
  for (const key of ['replyTo', 'repostOf', 'quoteOf'] as const) {
    if (line[key] !== undefined && (typeof line[key] !== 'string' || !ID.test(line[key]))) fail(key);
  }
  if ([line.replyTo, line.repostOf, line.quoteOf].filter((v) => v !== undefined).length > 1) fail('more than one relation');
  if (line.mentions !== undefined) {
    if (!Array.isArray(line.mentions) || line.mentions.length === 0) fail('mentions');
    else for (const m of line.mentions) if (typeof m !== 'string' || !m.startsWith('@') || typeof line.text !== 'string' || !line.text.includes(m)) fail(`mention ${String(m)} not in text`);
  }
  if (line.media !== undefined) {
    if (!Array.isArray(line.media) || line.media.length === 0) fail('media');
    else for (const m of line.media as unknown[]) if (!isRecord(m) || typeof m.url !== 'string' || !m.url.startsWith('https://') || (m.type !== 'image' && m.type !== 'video')) fail('media item');
  }
  errors.push(...validateTruth(line.truth, eventIds));
  return errors;
}

function validateTruth(truth: unknown, eventIds: ReadonlySet<string>): string[] {
  if (!isRecord(truth)) return ['truth missing'];
  const errors: string[] = [];
  const keys = Object.keys(truth).sort().join(',');
  if (keys !== 'category,eventId,official,priority,relevant') errors.push(`truth keys ${keys}`);
  if (truth.eventId !== null && (typeof truth.eventId !== 'string' || !eventIds.has(truth.eventId))) errors.push('truth.eventId');
  if (truth.category !== null && !(CATEGORY_IDS as readonly unknown[]).includes(truth.category)) errors.push('truth.category');
  if (truth.priority !== null && !(PRIORITIES as readonly unknown[]).includes(truth.priority)) errors.push('truth.priority');
  if (typeof truth.relevant !== 'boolean' || typeof truth.official !== 'boolean') errors.push('truth flags');
  if (truth.relevant === false && (truth.category !== null || truth.priority !== null)) errors.push('irrelevant post with a category or priority');
  if (truth.relevant === true && (truth.category === null || truth.priority === null)) errors.push('relevant post without category or priority');
  return errors;
}

const scenario = generateScenario();
const lines = scenario.posts.map(postLine);
const eventIds = new Set(scenario.events.map((e) => e.id));
const committed = (name: string): string => readFileSync(new URL(`../../data/scenarios/${name}`, import.meta.url), 'utf8');

describe('scenario format', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other posts', () => {
    const a = generateScenario({ seed: 7, posts: 900 }).posts.map(postLine);
    const b = generateScenario({ seed: 7, posts: 900 }).posts.map(postLine);
    const c = generateScenario({ seed: 8, posts: 900 }).posts.map(postLine);
    expect(a).toEqual(b);
    expect(a.join('\n')).not.toBe(c.join('\n'));
  });

  it('has the requested number of lines', () => {
    expect(scenario.posts).toHaveLength(6000);
    expect(generateScenario({ posts: 1500 }).posts).toHaveLength(1500);
    expect(() => generateScenario({ posts: MIN_POSTS - 1 })).toThrow(RangeError);
  });

  it('writes every line in the documented format', () => {
    for (const line of lines) {
      const errors = validateLine(JSON.parse(line), eventIds);
      expect(errors, line).toEqual([]);
    }
  });

  it('is readable by the JSONL replay connector', () => {
    for (const line of lines) expect(parseReplayLine(line).ok, line).toBe(true);
  });

  it('is sorted by createdAt with unique ids in order', () => {
    const ids = new Set<string>();
    scenario.posts.forEach((p, i) => {
      expect(p.id).toBe(`fx-${String(i + 1).padStart(6, '0')}`);
      ids.add(p.id);
      if (i > 0) expect(p.createdAt >= scenario.posts[i - 1]!.createdAt).toBe(true);
    });
    expect(ids.size).toBe(scenario.posts.length);
  });

  it('only refers to earlier posts on the same network', () => {
    const index = new Map(scenario.posts.map((p, i) => [p.id, i]));
    scenario.posts.forEach((p, i) => {
      for (const ref of [p.replyTo, p.repostOf, p.quoteOf]) {
        if (ref === undefined) continue;
        const j = index.get(ref);
        expect(j, `${p.id} -> ${ref}`).toBeDefined();
        expect(j!).toBeLessThan(i);
        expect(scenario.posts[j!]!.source).toBe(p.source);
        expect(scenario.posts[j!]!.createdAt < p.createdAt).toBe(true);
      }
      if (p.repostOf) expect(p.text).toBe(scenario.posts[index.get(p.repostOf)!]!.text);
    });
  });

  it('stays in the evening (16:30-01:30 Amsterdam time)', () => {
    expect(scenario.posts[0]!.createdAt >= '2026-07-04T14:30:00.000Z').toBe(true);
    expect(scenario.posts.at(-1)!.createdAt <= '2026-07-04T23:30:00.000Z').toBe(true);
  });

  it('keeps the JSONL small enough to commit', () => {
    expect(Buffer.byteLength(lines.join('\n'), 'utf8')).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('committed scenario files', () => {
  it('equal what generateScenario() produces with the default seed', () => {
    expect(committed('festival-utrecht.jsonl')).toBe(`${lines.join('\n')}\n`);
    expect(committed('festival-utrecht.events.json')).toBe(eventsJson(scenario.events));
  });

  it('are what writeScenario writes, with progress reported to the end', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waakzaam-scenario-'));
    try {
      const progress: [number, number][] = [];
      const result = await writeScenario(dir, { onProgress: (done, total) => progress.push([done, total]) });
      expect(result.count).toBe(6000);
      expect(await readFile(result.postsFile, 'utf8')).toBe(committed('festival-utrecht.jsonl'));
      expect(await readFile(result.eventsFile, 'utf8')).toBe(committed('festival-utrecht.events.json'));
      expect(progress.at(-1)).toEqual([6000, 6000]);
      expect(progress.length).toBeGreaterThan(10);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
