import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhookBody, webhookPostToIncoming } from '#watch/connectors/webhook/parse.ts';

const NOW = new Date('2026-07-04T20:00:00Z');
const config = { sourceName: 'meldkamer' };
const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const item = (overrides: Record<string, unknown> = {}) => ({ id: 'm1', text: 'Brand Oudegracht #brand', createdAt: '2026-07-04T21:59:00+02:00', ...overrides });

describe('parseWebhookBody', () => {
  it('reads one item into a post of the declared source', () => {
    const result = parseWebhookBody(json(item({ author: 'centralist-3', url: 'https://meldkamer.example.nl/m1', lang: 'nl-NL', geo: { lat: 52.09, lon: '5.12' }, tags: ['Brand', 'Binnenstad Utrecht'] })), config, NOW);
    expect(result).toEqual({
      errors: [],
      posts: [
        {
          source: 'meldkamer',
          sourceId: 'm1',
          url: 'https://meldkamer.example.nl/m1',
          author: 'centralist-3',
          text: 'Brand Oudegracht #brand',
          language: 'nl',
          createdAt: '2026-07-04T19:59:00.000Z',
          location: { lat: 52.09, lon: 5.12, precision: 'exact', placeName: null },
          hashtags: ['brand', 'binnenstadutrecht'],
          mentions: [],
          media: [],
          replyTo: null,
          repostOf: null,
          quoteOf: null,
        },
      ],
    });
  });

  it('keeps the valid items of an array and names each invalid one precisely', () => {
    const result = parseWebhookBody(
      json([item({ id: 'a' }), item({ id: 'b', text: '   ' }), 'x', item({ id: 'c', createdAt: 'gisteren' }), item({ id: 'd', geo: { lat: 95, lon: 5 } }), item({ id: 'a' }), item({ id: 42, author: null, createdAt: 1_783_195_200 })]),
      config,
      NOW,
    );
    expect(result.posts.map((p) => [p.sourceId, p.author, p.createdAt])).toEqual([
      ['a', 'meldkamer', '2026-07-04T19:59:00.000Z'],
      ['42', 'meldkamer', '2026-07-04T20:00:00.000Z'],
    ]);
    expect(result.errors).toEqual([
      { index: 1, reason: 'text: must not be empty' },
      { index: 2, reason: 'not a JSON object' },
      { index: 3, reason: 'createdAt: an ISO 8601 time with offset (2026-07-04T21:30:00+02:00) or Unix seconds' },
      { index: 4, reason: expect.stringMatching(/^geo\.lat: /) },
      { index: 5, reason: 'id a appears twice in this delivery' },
    ]);
  });

  it('refuses a body that is not JSON, empty, or too large, as a whole', () => {
    expect(parseWebhookBody(Buffer.from('{"id":'), config, NOW)).toEqual({ posts: [], errors: [{ index: -1, reason: expect.stringMatching(/^not JSON: /) }] });
    expect(parseWebhookBody(json([]), config, NOW).errors).toEqual([{ index: -1, reason: 'no items' }]);
    expect(parseWebhookBody(json(Array.from({ length: 1001 }, (_, i) => item({ id: `x${i}` }))), config, NOW).errors).toEqual([{ index: -1, reason: '1001 items; at most 1000 per delivery' }]);
    expect(parseWebhookBody(Buffer.alloc(6 * 1024 * 1024, 0x20), config, NOW).errors[0]!.reason).toMatch(/^body larger than/);
  });

  it('maps a sender\'s own field names, nested paths and item array', () => {
    const p2000 = { berichten: [{ meta: { nummer: 'P-77', tijd: 1_783_195_140 }, tekst: 'A1 Utrecht 3512 Oudegracht', capcode: '0900001', locatie: { breedte: '52.09', lengte: 5.12 } }] };
    const result = parseWebhookBody(json(p2000), { sourceName: 'p2000', mapping: { itemsPath: 'berichten', id: 'meta.nummer', createdAt: 'meta.tijd', text: 'tekst', author: 'capcode', lat: 'locatie.breedte', lon: 'locatie.lengte' } }, NOW);
    expect(result.errors).toEqual([]);
    expect(result.posts[0]).toMatchObject({ source: 'p2000', sourceId: 'P-77', author: '0900001', text: 'A1 Utrecht 3512 Oudegracht', createdAt: '2026-07-04T19:59:00.000Z', location: { lat: 52.09, lon: 5.12 } });
    expect(parseWebhookBody(json({ other: [] }), { sourceName: 'p2000', mapping: { itemsPath: 'berichten' } }, NOW).errors).toEqual([{ index: -1, reason: 'no array at berichten' }]);
    // A path never walks into the prototype.
    expect(parseWebhookBody(json(item()), { sourceName: 'x', mapping: { text: 'constructor.name' } }, NOW).errors[0]!.reason).toMatch(/^text: /);
  });

  it('clamps a time in the future to now, and pseudonymises author and mentions on the way in', () => {
    const [post] = parseWebhookBody(json(item({ createdAt: '2026-07-05T12:00:00Z', text: 'Zie @wijkagent_noord' })), config, NOW).posts;
    expect(post!.createdAt).toBe(NOW.toISOString());
    const incoming = webhookPostToIncoming(post!, (h) => `p(${h})`);
    expect(incoming).toMatchObject({ authorPseudonym: 'p(meldkamer)', mentions: ['p(wijkagent_noord)'] });
    expect(incoming).not.toHaveProperty('author');
  });

  it('never throws on arbitrary bytes or JSON values', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void parseWebhookBody(Buffer.from(bytes), config, NOW)), { numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, mapped) => {
        const result = parseWebhookBody(json(value), mapped ? { sourceName: 'x', mapping: { itemsPath: 'a', id: 'b.c', text: 'd' } } : config, NOW);
        expect(result.posts.length + result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
