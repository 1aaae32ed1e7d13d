import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pseudonymiser } from '#govern/pseudonyms.ts';
import { MAX_LINE_BYTES, parseReplayLine, PLAIN_HTTP_URL, replayLineSchema } from '#watch/connectors/replay-line.ts';
import { extractHashtags, extractMentions, normaliseReplayLine } from '#watch/normalise.ts';
import { buildReplayLine } from '#test/support/posts.ts';

const pseudonyms = new Pseudonymiser(Buffer.alloc(32, 7));

describe('replay line parsing (property tests)', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parseReplayLine(text);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary JSON values, and accepts only well-formed posts', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseReplayLine(JSON.stringify(value));
        if (result.ok) {
          expect(typeof result.line.id).toBe('string');
          expect(Number.isNaN(Date.parse(result.line.createdAt))).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts any valid post and normalises it without throwing', () => {
    const line = fc.record({
      id: fc.string({ minLength: 1, maxLength: 40 }),
      source: fc.constantFrom('mastodon', 'bluesky', 'rss'),
      author: fc.record({ handle: fc.string({ minLength: 1, maxLength: 40 }) }),
      text: fc.string({ maxLength: 500 }),
      createdAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      geo: fc.option(fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) }), { nil: undefined }),
    });
    fc.assert(
      fc.property(line, (value) => {
        const result = parseReplayLine(JSON.stringify(value));
        expect(result.ok).toBe(true);
        if (result.ok) {
          const post = normaliseReplayLine(result.line, pseudonyms);
          expect(post.sourceId).toBe(value.id);
          expect(post.authorPseudonym).toMatch(/^[0-9a-f]{32}$/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names the field that is wrong', () => {
    expect(parseReplayLine('{"id":"1"}')).toEqual({ ok: false, reason: expect.stringMatching(/^source: /) });
    expect(parseReplayLine(buildReplayLine({ createdAt: 'yesterday' }))).toEqual({ ok: false, reason: expect.stringMatching(/^createdAt: /) });
    expect(parseReplayLine(buildReplayLine({ url: 'javascript:alert(1)' }))).toEqual({ ok: false, reason: expect.stringMatching(/^url: /) });
    expect(parseReplayLine('{"id": ')).toEqual({ ok: false, reason: expect.stringMatching(/^not JSON/) });
    expect(parseReplayLine(buildReplayLine({ text: 'x'.repeat(MAX_LINE_BYTES) }))).toEqual({ ok: false, reason: expect.stringMatching(/longer than/) });
  });
});

describe('normalisation (SPEC W2, G1)', () => {
  it('pseudonymises the author with a keyed hash: stable per key, different across keys, handle case-insensitive', () => {
    const other = new Pseudonymiser(Buffer.alloc(32, 8));
    expect(pseudonyms.pseudonymise('mastodon', 'Sanne@mastodon.nl')).toBe(pseudonyms.pseudonymise('mastodon', 'sanne@mastodon.nl'));
    expect(pseudonyms.pseudonymise('mastodon', 'sanne@mastodon.nl')).not.toBe(other.pseudonymise('mastodon', 'sanne@mastodon.nl'));
    expect(pseudonyms.pseudonymise('mastodon', 'sanne')).not.toBe(pseudonyms.pseudonymise('bluesky', 'sanne'));
  });

  it('keeps no handle: author and mentions become pseudonyms', () => {
    const result = parseReplayLine(buildReplayLine({ author: { handle: '@sanne@mastodon.nl', name: 'Sanne' }, text: 'Hee @gemeente_utrecht wat nu? #stroomstoring #Zomerfeest', mentions: ['@politie'] }));
    if (!result.ok) throw new Error(result.reason);
    const { authorHandle, ...post } = normaliseReplayLine(result.line, pseudonyms);
    expect(authorHandle).toBe('@sanne@mastodon.nl'); // only for the sealed identity vault
    expect(JSON.stringify(post)).not.toContain('sanne@mastodon.nl');
    expect(post.authorPseudonym).toBe(pseudonyms.pseudonymise('mastodon', 'sanne@mastodon.nl'));
    expect(post.mentions).toEqual([pseudonyms.pseudonymise('mastodon', 'politie'), pseudonyms.pseudonymise('mastodon', 'gemeente_utrecht')]);
    expect(post.hashtags).toEqual(['stroomstoring', 'zomerfeest']);
  });

  it('extracts hashtags and mentions the way people write them', () => {
    expect(extractHashtags('#1 feest! #Vuurwerk,#vuurwerk en&#39; niet mail#tag')).toEqual(['1', 'vuurwerk']);
    expect(extractMentions('hey @Sanne_R. en @piet@mastodon.social, mail me op a@b.nl')).toEqual(['Sanne_R', 'piet@mastodon.social']);
  });

  it('finds the hashtags the regex of the SPEC finds, by hand (property)', () => {
    const HASHTAG = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]{1,100})/gu;
    const oracle = (text: string) => [...new Set([...text.matchAll(HASHTAG)].map((m) => m[1]!.toLowerCase()))];
    const unit = fc.constantFrom('#', '#', '&', 'a', 'Z', 'é', '1', '²', 'Ⅻ', '_', ' ', '🔥', '\ud83d', '\ude00', '𝒜', '١', 'ß', 'İ', '-', '@', '\u0301', '🄀', '①', 'x'.repeat(99));
    fc.assert(
      fc.property(fc.oneof(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), fc.string({ unit: 'grapheme', maxLength: 80 })), (text) => {
        expect(extractHashtags(text)).toEqual(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives a handle as written the pseudonym of the handle without its @ (property)', () => {
    const handle = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }).map((h) => `@${h}`), fc.constantFrom('@Sanne@Mastodon.nl', ' @x', '@@x', '@'));
    fc.assert(
      fc.property(fc.constantFrom('mastodon', 'bluesky'), handle, (source, h) => {
        const bare = h.charCodeAt(0) === 0x40 ? h.slice(1) : h;
        expect(pseudonyms.pseudonymiseHandle(source, h)).toBe(new Pseudonymiser(Buffer.alloc(32, 7)).pseudonymise(source, bare));
      }),
      { numRuns: 300 },
    );
  });
});

describe('replay line fast path', () => {
  it('accepts only what the schema accepts, with the same result (property)', async () => {
    const { fastReplayLineForTests, replayLineSchema } = await import('#watch/connectors/replay-line.ts');
    const value = fc.record(
      {
        id: fc.oneof(fc.string({ maxLength: 300 }), fc.integer()),
        source: fc.oneof(fc.constantFrom('mastodon', 'bluesky', 'rss', 'Mastodon', ''), fc.string({ maxLength: 40 })),
        author: fc.oneof(fc.record({ handle: fc.string({ maxLength: 300 }), name: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }) }, { requiredKeys: [] }), fc.string()),
        text: fc.oneof(fc.string({ maxLength: 100 }), fc.integer()),
        createdAt: fc.oneof(
          fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          fc.constantFrom('2026-07-04T19:13:05Z', '2026-13-04T19:13:05Z', '2026-07-04T19:13:05+02:00', '2026-07-04 19:13:05', '2026-02-31T10:00:00Z'),
          fc.string({ maxLength: 30 }),
        ),
        lang: fc.option(fc.constantFrom('nl', 'en', 'en-GB', 'NL', 'dutch', ''), { nil: undefined }),
        url: fc.option(fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://', 'https://x', 'ftp://a.nl/x', 'https://a b.nl'), fc.string()), { nil: undefined }),
        geo: fc.option(fc.record({ lat: fc.oneof(fc.double(), fc.integer({ min: -100, max: 100 })), lon: fc.double() }), { nil: undefined }),
        mentions: fc.option(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), { nil: undefined }),
        media: fc.option(fc.array(fc.record({ url: fc.oneof(fc.webUrl(), fc.string()), type: fc.string({ maxLength: 70 }) }), { maxLength: 2 }), { nil: undefined }),
        extra: fc.anything(),
      },
      { requiredKeys: ['id', 'source', 'author', 'text', 'createdAt'] },
    );
    fc.assert(
      fc.property(value, (v) => {
        const json: unknown = JSON.parse(JSON.stringify(v));
        const fast = fastReplayLineForTests(json);
        if (fast === undefined) return;
        const slow = replayLineSchema.safeParse(json);
        expect(slow.success).toBe(true);
        if (slow.success) expect(fast).toEqual(slow.data);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes only URLs the schema accepts unchanged for plain ones (property)', () => {
    const url = replayLineSchema.shape.url.unwrap();
    const piece = fc.constantFrom(...'abcxyz019-.-./?#@:%[]AZ_~ \t\\é'.split(''), 'xn--', '--', '..', '0x');
    const urlish = fc.tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'http:/', ''), fc.array(piece, { maxLength: 30 })).map(([p, cs]) => p + cs.join(''));
    fc.assert(
      fc.property(fc.oneof(urlish, fc.webUrl({ withFragments: true, withQueryParameters: true })), (candidate) => {
        if (!PLAIN_HTTP_URL.test(candidate)) return;
        expect(url.safeParse(candidate)).toEqual({ success: true, data: candidate });
      }),
      { numRuns: 5000 },
    );
    expect(PLAIN_HTTP_URL.test('https://bsky.app/profile/juliavisser.bsky.example/post/3mptbnl4k435a')).toBe(true);
    for (const unusual of ['http://xn--a.com', 'http://1.2.3.256', 'https://a.b:8080/', 'https://A.nl/']) expect(PLAIN_HTTP_URL.test(unusual)).toBe(false);
  });

  it('takes the fast path for the demo scenario lines', async () => {
    const { fastReplayLineForTests } = await import('#watch/connectors/replay-line.ts');
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync('data/scenarios/festival-utrecht.jsonl', 'utf8').trim().split('\n').slice(0, 500);
    expect(lines.every((l) => fastReplayLineForTests(JSON.parse(l)) !== undefined)).toBe(true);
  });
});
