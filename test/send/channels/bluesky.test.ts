import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlueskyChannel, recordKey } from '#send/channels/bluesky.ts';
import { linkFacets } from '#send/channels/bluesky-facets.ts';
import { graphemeCount } from '#send/channels/text.ts';
import { startFakeBlueskyPds, type FakeBlueskyPds } from '#test/support/fake-bluesky-pds.ts';
import { buildOutgoingMessage, never } from './build-message.ts';

describe('linkFacets', () => {
  it('gives UTF-8 byte offsets after emoji and accents', () => {
    const text = 'Café 👩🏽‍🚒 brand! Zie https://waakzaam.example/b/1. En ook http://x.nl/é';
    const facets = linkFacets(text);
    const bytes = Buffer.from(text, 'utf8');
    expect(facets.map((f) => bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8'))).toEqual(['https://waakzaam.example/b/1', 'http://x.nl/é']);
    expect(facets[0]!.index.byteStart).toBe(Buffer.byteLength('Café 👩🏽‍🚒 brand! Zie '));
    expect(facets[0]!.index.byteStart).not.toBe(text.indexOf('https://'));
  });

  it('property: every facet covers exactly its URI, whatever text surrounds it', () => {
    const stripLinks = (s: string): string => {
      const stripped = s.replace(/https?:\/\//g, '');
      return stripped === s ? s : stripLinks(stripped);
    };
    const word = fc.string({ unit: 'grapheme', maxLength: 20 }).map(stripLinks);
    const link = fc.webUrl({ withQueryParameters: false, withFragments: false }).filter((u) => !/[.,;:!?'")\]}]$/.test(u) && !/[\s<>"]/.test(u));
    fc.assert(
      fc.property(fc.array(fc.tuple(word, link), { minLength: 1, maxLength: 4 }), word, (pairs, end) => {
        const text = `${pairs.map(([w, l]) => `${w} ${l}`).join(' ')} ${end}`;
        const bytes = Buffer.from(text, 'utf8');
        const facets = linkFacets(text);
        for (const facet of facets) expect(bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8')).toBe(facet.features[0].uri);
        expect(facets.map((f) => f.features[0].uri)).toEqual(pairs.map(([, l]) => l));
      }),
    );
  });
});

describe('recordKey', () => {
  it('is a TID, the same for the same delivery and different for another', () => {
    const a = recordKey('msg-1:bluesky', '2026-07-04T19:30:00.000Z');
    expect(a).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(recordKey('msg-1:bluesky', '2026-07-04T19:30:00.000Z')).toBe(a);
    expect(recordKey('msg-2:bluesky', '2026-07-04T19:30:00.000Z')).not.toBe(a);
  });
});

describe('Bluesky channel', () => {
  let pds: FakeBlueskyPds;
  beforeAll(async () => {
    pds = await startFakeBlueskyPds();
  });
  afterAll(() => pds.close());
  const make = () => createBlueskyChannel({ serviceUrl: pds.url, identifier: pds.identifier, appPassword: pds.password });

  it('logs in once and posts a record with a link facet, language and tags', async () => {
    const channel = make();
    const message = buildOutgoingMessage({ headline: 'Drukte 🎉 bij de Jaarbeurs — één ingang open' });
    const first = await channel.deliver(message, null, 'm1:bluesky', never);
    const second = await channel.deliver(buildOutgoingMessage({ id: 'm2' }), null, 'm2:bluesky', never);
    expect(first.outcome).toBe('delivered');
    expect(second.outcome).toBe('delivered');
    expect(pds.sessionsCreated).toBe(1);
    const post = pds.posts.find((p) => first.outcome === 'delivered' && p.uri === first.externalId)!;
    expect(post.record).toMatchObject({ $type: 'app.bsky.feed.post', langs: ['nl'], tags: ['drukte', 'jaarbeurs'], createdAt: '2026-07-04T19:30:00.000Z' });
    expect(post.record.text).toBe(channel.preview(message).text);
    expect(post.facetTexts).toEqual([message.url]);
  });

  it('shortens long texts to 300 graphemes (emoji count as one) and marks exercises', async () => {
    const channel = make();
    const message = buildOutgoingMessage({ status: 'Exercise', body: '👩‍👩‍👧‍👦 Gezinnen verzamelen bij de oostingang. '.repeat(30) });
    const preview = channel.preview(message);
    expect(preview.unit).toBe('graphemes');
    expect(preview.length).toBeLessThanOrEqual(300);
    expect(preview.length).toBe(graphemeCount(preview.text));
    expect(preview.text.startsWith('OEFENING — ')).toBe(true);
    const outcome = await channel.deliver(message, null, 'm3:bluesky', never);
    expect(outcome.outcome).toBe('delivered');
    expect(pds.posts.at(-1)!.facetTexts).toEqual([message.url]);
  });

  it('a retry of a delivery whose answer was lost finds the record instead of posting twice', async () => {
    const channel = make();
    const message = buildOutgoingMessage({ id: 'm4' });
    const first = await channel.deliver(message, null, 'm4:bluesky', never);
    const count = pds.posts.length;
    const again = await channel.deliver(message, null, 'm4:bluesky', never);
    expect(again).toEqual(first);
    expect(pds.posts.length).toBe(count);
  });

  it('refreshes an expired session instead of logging in again', async () => {
    const channel = make();
    await channel.deliver(buildOutgoingMessage(), null, 'm5:bluesky', never);
    const sessions = pds.sessionsCreated;
    pds.expireAccessTokens();
    expect((await channel.deliver(buildOutgoingMessage(), null, 'm6:bluesky', never)).outcome).toBe('delivered');
    expect(pds.sessionsCreated).toBe(sessions);
    expect(pds.refreshes).toBeGreaterThan(0);
  });

  it('wrong password → failed; 429 → retry; 500 and garbage → retry; a headline too long → failed', async () => {
    const wrong = createBlueskyChannel({ serviceUrl: pds.url, identifier: pds.identifier, appPassword: 'wrong' });
    expect((await wrong.deliver(buildOutgoingMessage(), null, 'm7', never)).outcome).toBe('failed');
    const channel = make();
    const reset = Math.floor(Date.now() / 1000) + 60;
    pds.recordAnswers.push({ status: 429, body: '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}', headers: { 'ratelimit-reset': String(reset) } });
    const limited = await channel.deliver(buildOutgoingMessage(), null, 'm8', never);
    expect(limited.outcome).toBe('retry');
    expect(limited.outcome === 'retry' && limited.retryAfterMs).toBeGreaterThan(30_000);
    pds.recordAnswers.push({ status: 500, body: 'oops' });
    expect((await channel.deliver(buildOutgoingMessage(), null, 'm9', never)).outcome).toBe('retry');
    pds.recordAnswers.push({ status: 200, body: '{"uri": 5}' });
    expect((await channel.deliver(buildOutgoingMessage(), null, 'm10', never)).outcome).toBe('retry');
    const long = buildOutgoingMessage({ headline: 'é'.repeat(301) });
    expect(channel.preview(long).problems).toHaveLength(1);
    expect((await channel.deliver(long, null, 'm11', never)).outcome).toBe('failed');
    const down = createBlueskyChannel({ serviceUrl: 'http://127.0.0.1:1', identifier: 'x', appPassword: 'y' });
    expect((await down.deliver(buildOutgoingMessage(), null, 'm12', never)).outcome).toBe('retry');
  });
});
