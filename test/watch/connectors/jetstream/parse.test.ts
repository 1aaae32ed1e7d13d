import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jetstreamConfigSchema, subscribeUrl } from '#watch/connectors/jetstream/config.ts';
import { compileKeywordFilter, languageAllowed } from '#watch/connectors/jetstream/filter.ts';
import { normalisePost } from '#watch/connectors/jetstream/normalise.ts';
import { parseJetstreamFrame } from '#watch/connectors/jetstream/parse.ts';
import { buildPostEvent } from '#test/support/fake-jetstream.ts';

const pseudonymise = (did: string) => `p(${did.length})`;

const did = fc.stringMatching(/^did:plc:[a-z2-7]{24}$/);
const rkey = fc.stringMatching(/^[a-z2-7]{13}$/);
const timeUs = fc.integer({ min: 1_600_000_000_000_000, max: 2_000_000_000_000_000 });
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
const postEvent = fc.record({
  did,
  time_us: timeUs,
  kind: fc.constant('commit'),
  commit: fc.record({
    rev: fc.stringMatching(/^[a-z2-7]{13}$/),
    operation: fc.constantFrom('create', 'update'),
    collection: fc.constant('app.bsky.feed.post'),
    rkey,
    cid: fc.constant('bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi'),
    record: fc.record(
      {
        $type: fc.constant('app.bsky.feed.post'),
        text: fc.string({ maxLength: 300 }),
        createdAt: isoDate,
        langs: fc.array(fc.constantFrom('nl', 'en', 'en-US', 'de', 'x-unknown'), { maxLength: 3 }),
        facets: fc.array(fc.anything(), { maxLength: 3 }),
        embed: fc.anything(),
        tags: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      },
      { requiredKeys: ['$type', 'text', 'createdAt'] },
    ),
  }),
});

describe('Jetstream frame parsing (property tests)', () => {
  it('never throws on arbitrary text or JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        const frame = parseJetstreamFrame(text);
        expect(['post', 'repost', 'skip', 'malformed']).toContain(frame.kind);
        if (frame.kind === 'malformed') expect(frame.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses every valid post event, whatever its embeds and facets, and normalises it', () => {
    fc.assert(
      fc.property(postEvent, (event) => {
        const frame = parseJetstreamFrame(JSON.stringify(event));
        expect(frame.kind).toBe('post');
        if (frame.kind !== 'post') return;
        const post = normalisePost(frame.ref, frame.record, pseudonymise);
        expect(post.sourceId).toBe(`at://${event.did}/app.bsky.feed.post/${event.commit.rkey}`);
        expect(post.text).toBe(event.commit.record.text);
        expect(Number.isNaN(Date.parse(post.createdAt))).toBe(false);
        expect(post.authorPseudonym).toBe(pseudonymise(event.did));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any field of a valid event is replaced by anything', () => {
    const paths = [['did'], ['time_us'], ['kind'], ['commit'], ['commit', 'operation'], ['commit', 'collection'], ['commit', 'rkey'], ['commit', 'record'], ['commit', 'record', 'text'], ['commit', 'record', 'createdAt'], ['commit', 'record', 'reply']];
    fc.assert(
      fc.property(postEvent, fc.constantFrom(...paths), fc.anything(), (event, path, value) => {
        const copy = structuredClone(event) as unknown as Record<string, Record<string, unknown>>;
        let target: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[path[path.length - 1]!] = value;
        const frame = parseJetstreamFrame(JSON.stringify(copy));
        if (frame.kind === 'post') normalisePost(frame.ref, frame.record, pseudonymise);
      }),
      { numRuns: 1000 },
    );
  });

  it('skips identity, account, delete and unwanted collections; flags unknown kinds and bad records', () => {
    const base = buildPostEvent({ timeUs: 1_725_911_162_329_308 });
    expect(parseJetstreamFrame(JSON.stringify({ ...base, kind: 'account', account: { active: true } }))).toEqual({ kind: 'skip', timeUs: base.time_us });
    expect(parseJetstreamFrame(JSON.stringify({ ...base, commit: { ...base.commit, operation: 'delete', record: undefined } }))).toEqual({ kind: 'skip', timeUs: base.time_us });
    expect(parseJetstreamFrame(JSON.stringify({ ...base, commit: { ...base.commit, collection: 'app.bsky.feed.like' } }))).toEqual({ kind: 'skip', timeUs: base.time_us });
    expect(parseJetstreamFrame(JSON.stringify({ ...base, kind: 'sync' }))).toMatchObject({ kind: 'malformed', timeUs: base.time_us });
    expect(parseJetstreamFrame(JSON.stringify({ ...base, time_us: -1 }))).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/^time_us: /) });
    expect(parseJetstreamFrame(JSON.stringify(buildPostEvent({ createdAt: 'gisteren' })))).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/^commit\.record\.createdAt: /) });
  });

  it('does not believe a creation time far after the moment the network saw the post', () => {
    const event = buildPostEvent({ timeUs: Date.UTC(2026, 6, 4, 20) * 1000, createdAt: '2099-01-01T00:00:00Z' });
    const frame = parseJetstreamFrame(JSON.stringify(event));
    if (frame.kind !== 'post') throw new Error(frame.kind);
    expect(normalisePost(frame.ref, frame.record, pseudonymise).createdAt).toBe('2026-07-04T20:00:00.000Z');
  });
});

describe('keyword and language filters', () => {
  it('matches whole words and phrases in any case, in text or tags', () => {
    const matches = compileKeywordFilter(['brand', ' Utrecht Centraal ', '#c++', 'a.b']);
    expect(matches('Grote BRAND!', [])).toBe(true);
    expect(matches('branding', [])).toBe(false);
    expect(matches('brandweer', [])).toBe(false);
    expect(matches('storing utrecht\ncentraal', [])).toBe(true);
    expect(matches('leren c++ vandaag', [])).toBe(true);
    expect(matches('axb', [])).toBe(false);
    expect(matches('niets', ['Brand'])).toBe(true);
    expect(matches('niets', ['brandweer'])).toBe(false);
    expect(compileKeywordFilter([])('alles', [])).toBe(true);
  });

  it('never throws on arbitrary keywords, and finds any keyword standing on its own', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 200 }), (keywords, text) => {
        const matches = compileKeywordFilter(keywords);
        matches(text, [text]);
        const usable = keywords.map((k) => k.trim().replace(/^#/, '').trim()).filter((k) => k.length > 0);
        if (usable.length > 0) expect(matches(`. ${usable[0]} .`, [])).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps posts in a wanted language, and posts that declare none', () => {
    expect(languageAllowed(['nl'], ['nl'])).toBe(true);
    expect(languageAllowed(['en-GB', 'nl-BE'], ['nl'])).toBe(true);
    expect(languageAllowed(['en'], ['nl'])).toBe(false);
    expect(languageAllowed([], ['nl'])).toBe(true);
    expect(languageAllowed(['en'], undefined)).toBe(true);
  });
});

describe('Jetstream configuration', () => {
  it('requires wss (ws only for localhost) and fills the defaults', () => {
    expect(jetstreamConfigSchema.safeParse({ endpoint: 'ws://jetstream.example/subscribe' }).success).toBe(false);
    expect(jetstreamConfigSchema.safeParse({ endpoint: 'https://jetstream.example/subscribe' }).success).toBe(false);
    expect(jetstreamConfigSchema.parse({ endpoint: 'ws://127.0.0.1:6008/subscribe' })).toEqual({
      endpoint: 'ws://127.0.0.1:6008/subscribe',
      keywords: [],
      wantedCollections: ['app.bsky.feed.post'],
    });
    expect(jetstreamConfigSchema.safeParse({ endpoint: 'wss://x.example', wantedCollections: ['app.bsky.feed.like'] }).success).toBe(false);
    expect(jetstreamConfigSchema.parse({ endpoint: 'wss://x.example', languages: ['NL'], keywords: [' brand '] })).toMatchObject({ languages: ['nl'], keywords: ['brand'] });
  });

  it('builds the subscribe URL with repeated collections and the cursor', () => {
    const url = new URL(subscribeUrl({ endpoint: 'wss://jetstream2.us-east.bsky.network', wantedCollections: ['app.bsky.feed.post', 'app.bsky.feed.repost'] }, 1725519626134432));
    expect(url.pathname).toBe('/subscribe');
    expect(url.searchParams.getAll('wantedCollections')).toEqual(['app.bsky.feed.post', 'app.bsky.feed.repost']);
    expect(url.searchParams.get('cursor')).toBe('1725519626134432');
    expect(new URL(subscribeUrl({ endpoint: 'wss://x.example/subscribe?cursor=1', wantedCollections: ['app.bsky.feed.post'] }, undefined)).searchParams.has('cursor')).toBe(false);
  });
});
