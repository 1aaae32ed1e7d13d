import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Connector, ConnectorKindInfo, Post, PostAnalysis } from '../../web/ui/api.ts';
import { isCategoryId, isPriority } from '../../web/ui/taxonomy.ts';

/*
 * Fixture data for the dashboard's mock server: posts made from the festival scenario (its ground
 * truth stands in for the classifier), connector kinds with JSON Schemas as zod's toJSONSchema
 * writes them, and a few connectors in different health states. Nothing here is used in
 * production; the real server computes all of it.
 */

const SCENARIO = new URL('../../data/scenarios/festival-utrecht.jsonl', import.meta.url);

/** Utrecht places of the scenario with their approximate centres (lat, lon). */
const PLACES: readonly [string, number, number][] = [
  ['Utrecht Centraal', 52.0894, 5.1101],
  ['Hoog Catharijne', 52.0903, 5.1125],
  ['Catharijnesingel', 52.087, 5.117],
  ['Jaarbeursplein', 52.0884, 5.1072],
  ['Smakkelaarsveld', 52.0912, 5.1115],
  ['Vredenburg', 52.0927, 5.1146],
  ['Neude', 52.0933, 5.119],
  ['Oudegracht', 52.0895, 5.122],
  ['Janskerkhof', 52.0935, 5.1225],
  ['Domplein', 52.0907, 5.1215],
  ['Lombok', 52.092, 5.099],
  ['Wittevrouwen', 52.0965, 5.1335],
];

interface ScenarioLine {
  id: string;
  source: string;
  author: { handle: string };
  text: string;
  createdAt: string;
  lang?: string;
  url?: string;
  mentions?: string[];
  truth: { category: string | null; relevant: boolean; priority: string | null };
}

export interface FixturePost {
  post: Post;
  handle: string;
  /** Retention expired: a reveal answers 404. */
  identityKept: boolean;
}

/** A deterministic pseudo-random number in [0, 1) from a string. */
function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 2 ** 32;
}

function explanationFor(line: ScenarioLine, places: string[]): PostAnalysis['explanation'] {
  const words = line.text
    .toLowerCase()
    .split(/[^\p{L}\p{N}#]+/u)
    .filter((w) => w.length > 3);
  const features: PostAnalysis['explanation'] = [];
  for (const word of words.slice(0, 5)) {
    features.push(word.startsWith('#') ? { feature: `hashtag:${word.slice(1)}`, weight: 1.6 } : { feature: `stem:${word.slice(0, 6)}`, weight: 0 });
  }
  for (const place of places) {
    features.push({ feature: `place:${place}`, weight: 0.35 });
  }
  features.push({ feature: `lang:${line.lang ?? 'nl'}`, weight: 0.12 });
  if (!line.truth.relevant) {
    features.push({ feature: 'bigram:gaat goed', weight: -0.9 });
  }
  return features.map((f, i) => ({ feature: f.feature, weight: f.weight !== 0 ? f.weight : Math.round((2.4 - i * 0.4 + unit(f.feature)) * 100) / 100 }));
}

function analysisFor(line: ScenarioLine, places: string[], duplicateOf: string | null): PostAnalysis {
  const { truth } = line;
  const r = unit(line.id);
  return {
    relevant: truth.relevant,
    relevance: truth.relevant ? 0.7 + r * 0.29 : 0.05 + r * 0.25,
    category: truth.relevant && truth.category && isCategoryId(truth.category) ? truth.category : null,
    priority: truth.relevant && truth.priority && isPriority(truth.priority) ? truth.priority : 'low',
    confidence: 0.55 + r * 0.4,
    explanation: explanationFor(line, places),
    language: line.lang ?? null,
    places: places.map((name) => ({ name, kind: 'venue' })),
    nearDuplicateOf: duplicateOf,
    feedback: null,
  };
}

/**
 * Posts from the scenario: the first `count` lines, with receivedAt spread over the last two
 * hours before `nowMs` (oldest first), so that the map's time windows have something to show.
 */
export function loadScenarioPosts(count: number, nowMs: number, offset = 0): FixturePost[] {
  const lines = readFileSync(SCENARIO, 'utf8').split('\n').filter(Boolean).slice(offset, offset + count);
  const seenTexts = new Map<string, string>();
  return lines.map((raw, index) => {
    const line = JSON.parse(raw) as ScenarioLine;
    const lower = line.text.toLowerCase();
    const places = PLACES.filter(([name]) => lower.includes(name.toLowerCase()));
    const id = `p-${line.id}`;
    const normalised = lower.replace(/\W+/g, ' ').trim();
    const duplicateOf = seenTexts.get(normalised) ?? null;
    if (!duplicateOf) {
      seenTexts.set(normalised, id);
    }
    const receivedAt = new Date(nowMs - (lines.length - index) * (7_200_000 / Math.max(1, lines.length))).toISOString();
    const first = places[0];
    const exact = unit(`${line.id}:exact`) < 0.2;
    const location = first
      ? {
          lat: first[1] + (exact ? (unit(`${line.id}:lat`) - 0.5) * 0.002 : 0),
          lon: first[2] + (exact ? (unit(`${line.id}:lon`) - 0.5) * 0.003 : 0),
          precision: exact ? ('exact' as const) : ('place' as const),
          placeName: first[0],
        }
      : null;
    const post: Post = {
      id,
      source: line.source,
      sourceId: line.id,
      url: line.url ?? null,
      authorPseudonym: createHash('sha256').update(`mock:${line.author.handle}`).digest('hex').slice(0, 32),
      text: line.text,
      language: line.lang ?? null,
      createdAt: line.createdAt,
      receivedAt,
      location,
      hashtags: [...line.text.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((m) => m[1] ?? ''),
      mentions: line.mentions ?? [],
      media: [],
      replyTo: null,
      repostOf: null,
      quoteOf: null,
      analysis: analysisFor(line, places.map(([name]) => name), duplicateOf),
    };
    return { post, handle: line.author.handle, identityKept: unit(`${line.id}:kept`) > 0.1 };
  });
}

const URI = { type: 'string', format: 'uri' };
const STRINGS = { type: 'array', items: { type: 'string' } };

/** Connector kinds with config schemas in the shape zod 4's toJSONSchema produces. */
export const CONNECTOR_KINDS: ConnectorKindInfo[] = [
  {
    kind: 'mastodon',
    label: { nl: 'Mastodon', en: 'Mastodon' },
    mode: 'pull',
    secretFields: ['accessToken'],
    fields: {
      instanceUrl: { nl: { label: 'Adres van de server', hint: 'Bijvoorbeeld https://mastodon.social.' }, en: { label: 'Instance address', hint: 'For example https://mastodon.social.' } },
      accessToken: { nl: { label: 'Toegangstoken' }, en: { label: 'Access token' } },
    },
    configSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: {
        instanceUrl: { ...URI, title: 'Instance URL', description: 'https://mastodon.nl' },
        timeline: { type: 'string', enum: ['public', 'local', 'hashtag', 'list'], default: 'hashtag' },
        hashtags: { ...STRINGS, description: 'Without #' },
        listId: { type: 'string' },
        accessToken: { type: 'string', minLength: 1 },
      },
      required: ['instanceUrl', 'timeline', 'accessToken'],
      additionalProperties: false,
    },
  },
  {
    kind: 'bluesky',
    label: { nl: 'Bluesky (Jetstream)', en: 'Bluesky (Jetstream)' },
    mode: 'pull',
    secretFields: [],
    fields: {},
    configSchema: {
      type: 'object',
      properties: {
        endpoint: { ...URI, default: 'wss://jetstream2.us-east.bsky.network/subscribe' },
        collections: { type: 'array', items: { type: 'string', enum: ['app.bsky.feed.post', 'app.bsky.feed.repost'] }, minItems: 1 },
        keywords: { ...STRINGS, minItems: 1 },
      },
      required: ['collections', 'keywords'],
    },
  },
  {
    kind: 'rss',
    label: { nl: 'RSS/Atom-feed', en: 'RSS/Atom feed' },
    mode: 'pull',
    secretFields: [],
    fields: {},
    configSchema: {
      type: 'object',
      properties: {
        feedUrl: { ...URI, title: 'Feed URL' },
        pollSeconds: { type: 'integer', minimum: 30, maximum: 86_400, default: 300 },
        official: { type: 'boolean', default: false, description: 'Berichten van een officiële bron' },
      },
      required: ['feedUrl'],
    },
  },
  {
    kind: 'webhook',
    label: { nl: 'JSON-webhook', en: 'JSON webhook' },
    mode: 'push',
    secretFields: ['hmacSecret'],
    fields: {},
    configSchema: {
      type: 'object',
      properties: { hmacSecret: { type: 'string', minLength: 16 }, sourceName: { type: 'string', default: 'webhook' } },
      required: ['hmacSecret'],
    },
  },
  {
    kind: 'replay',
    label: { nl: 'Herhaling (JSONL)', en: 'Replay (JSONL)' },
    mode: 'pull',
    secretFields: [],
    fields: {},
    configSchema: {
      type: 'object',
      properties: { path: { type: 'string' }, speed: { type: 'number', minimum: 0.1, maximum: 1000, default: 1 }, loop: { type: 'boolean', default: false } },
      required: ['path'],
    },
  },
];

/** A few connectors, one in each interesting health state. */
export function initialConnectors(nowMs: number): Connector[] {
  const ago = (ms: number) => new Date(nowMs - ms).toISOString();
  return [
    {
      id: 'con-replay',
      kind: 'replay',
      name: 'Zomerfeest Utrecht (herhaling)',
      enabled: true,
      config: { path: 'data/scenarios/festival-utrecht.jsonl', speed: 60, loop: false },
      health: { state: 'live', message: null, since: ago(3_600_000), lastPostAt: ago(2_000), postsTotal: 1200, malformedTotal: 0 },
      webhookUrl: null,
    },
    {
      id: 'con-mastodon',
      kind: 'mastodon',
      name: 'Mastodon #utrecht',
      enabled: true,
      config: { instanceUrl: 'https://mastodon.example', timeline: 'hashtag', hashtags: ['utrecht', 'zomerfeest'], accessToken: '********' },
      health: { state: 'backoff', message: 'HTTP 503 from the streaming API; next try in 16 s', since: ago(40_000), lastPostAt: ago(600_000), postsTotal: 812, malformedTotal: 3 },
      webhookUrl: null,
    },
    {
      id: 'con-webhook',
      kind: 'webhook',
      name: 'Meldingen evenementenapp',
      enabled: false,
      config: { hmacSecret: '********', sourceName: 'festival-app' },
      health: { state: 'stopped', message: null, since: ago(86_400_000), lastPostAt: null, postsTotal: 0, malformedTotal: 0 },
      webhookUrl: 'http://127.0.0.1/api/connectors/con-webhook/webhook',
    },
    {
      id: 'con-rss',
      kind: 'rss',
      name: 'Nieuws gemeente Utrecht',
      enabled: true,
      config: { feedUrl: 'https://utrecht.example/nieuws.rss', pollSeconds: 300, official: true },
      health: { state: 'error', message: 'Feed is not valid XML (line 1)', since: ago(120_000), lastPostAt: ago(7_200_000), postsTotal: 14, malformedTotal: 2 },
      webhookUrl: null,
    },
  ];
}
