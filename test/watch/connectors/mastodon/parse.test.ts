import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mastodonConfigSchema } from '#watch/connectors/mastodon/config.ts';
import { decodeEntities, htmlToText } from '#watch/connectors/mastodon/html.ts';
import { normaliseStatus } from '#watch/connectors/mastodon/normalise.ts';
import { compareStatusIds, parseStatus, parseStreamFrame } from '#watch/connectors/mastodon/parse.ts';
import { buildStatus } from '#test/support/fake-mastodon.ts';

const instance = { host: 'mastodon.example', accountDomain: 'mastodon.example' };
const pseudonymise = (acct: string) => `p:${acct.length}`;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const frameOf = (status: unknown, event = 'update') => JSON.stringify({ stream: ['public'], event, payload: JSON.stringify(status) });

const statusArb = fc.record({
  id: fc.bigInt({ min: 1n, max: 2n ** 63n }).map(String),
  content: fc.string({ maxLength: 300 }).map((s) => `<p>${escapeHtml(s)}</p>`),
  acct: fc.oneof(fc.stringMatching(/^[a-z0-9_]{1,30}$/), fc.stringMatching(/^[a-z0-9_]{1,30}@[a-z]{1,10}\.example$/)),
  createdAt: fc.date({ min: new Date('2016-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  language: fc.constantFrom(null, 'nl', 'en', 'de'),
  visibility: fc.constantFrom('public', 'unlisted', 'private', 'direct'),
  tags: fc.array(fc.stringMatching(/^[a-z0-9_]{1,20}$/), { maxLength: 4 }),
});

describe('Mastodon stream frames (property tests)', () => {
  it('never throws on arbitrary text, JSON, or payloads', () => {
    const payloadFrame = fc.record({ stream: fc.constant(['public']), event: fc.constantFrom('update', 'status.update', 'delete', 'notification'), payload: fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v))) });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.jsonValue().map((v) => JSON.stringify(v)), payloadFrame.map((f) => JSON.stringify(f))), (text) => {
        const frame = parseStreamFrame(text);
        expect(['status', 'delete', 'other', 'error', 'malformed']).toContain(frame.kind);
        if (frame.kind === 'malformed') expect(frame.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses every valid update and normalises it (public statuses only), with no markup left', () => {
    fc.assert(
      fc.property(statusArb, fc.constantFrom('update', 'status.update'), (input, event) => {
        const frame = parseStreamFrame(frameOf(buildStatus(input), event));
        expect(frame.kind).toBe('status');
        if (frame.kind !== 'status') return;
        const post = normaliseStatus(frame.status, instance, pseudonymise);
        if (input.visibility === 'private' || input.visibility === 'direct') {
          expect(post).toBeNull();
          return;
        }
        expect(post!.sourceId).toBe(`mastodon.example/${input.id}`);
        expect(post!.createdAt).toBe(input.createdAt);
        expect(post!.text).not.toMatch(/<\/?p>/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any field of a valid status is replaced by anything', () => {
    const fields = ['id', 'uri', 'url', 'created_at', 'content', 'visibility', 'language', 'account', 'mentions', 'tags', 'media_attachments', 'reblog', 'quote', 'in_reply_to_id'];
    fc.assert(
      fc.property(statusArb, fc.constantFrom(...fields), fc.anything(), (input, field, value) => {
        const status: Record<string, unknown> = { ...buildStatus(input), [field]: value };
        const parsed = parseStatus(JSON.parse(JSON.stringify(status)));
        if (parsed.ok) normaliseStatus(parsed.status, instance, pseudonymise);
      }),
      { numRuns: 1000 },
    );
  });

  it('names the problem, and tells deletes, errors and other events apart', () => {
    expect(parseStreamFrame(frameOf({ ...buildStatus(), created_at: '2026-13-01T00:00:00Z' }))).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/^update: status\.created_at: /) });
    expect(parseStreamFrame(JSON.stringify({ stream: ['public'], event: 'delete', payload: '106692867363994015' }))).toEqual({ kind: 'delete', id: '106692867363994015' });
    expect(parseStreamFrame(JSON.stringify({ stream: ['user'], event: 'filters_changed' }))).toEqual({ kind: 'other', event: 'filters_changed' });
    expect(parseStreamFrame('{"error":"Unknown stream type","status":400}')).toEqual({ kind: 'error', message: 'Unknown stream type' });
    expect(parseStreamFrame(JSON.stringify({ event: 'update' }))).toMatchObject({ kind: 'malformed', reason: 'update: no payload' });
  });

  it('orders numeric ids like numbers, and ULIDs like strings', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n }), fc.bigInt({ min: 0n, max: 2n ** 64n }), (a, b) => {
        expect(Math.sign(compareStatusIds(String(a), String(b)))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
    expect(compareStatusIds('01ARZ3NDEKTSV4RRFFQ69G5FAV', '01ARZ3NDEKTSV4RRFFQ69G5FAW')).toBeLessThan(0);
  });
});

describe('HTML content to plain text', () => {
  it('turns paragraphs and line breaks into newlines and decodes entities', () => {
    expect(htmlToText('<p>Eerste regel<br>tweede &amp; derde</p><p>Nieuwe &#39;alinea&#x27; &lt;b&gt; &nbsp;&bogus; caf&eacute;</p>')).toBe("Eerste regel\ntweede & derde\n\nNieuwe 'alinea' <b>  &bogus; caf&eacute;");
    expect(htmlToText('a < b en c > d')).toBe('a < b en c > d');
    expect(htmlToText('<p>x</p><script>alert("<p>")</script><style>p{}</style><!-- <p>verborgen</p> -->y')).toBe('x\n\ny');
    expect(htmlToText('<p>open <a href="x"')).toBe('open');
    expect(htmlToText('<a href="https://x.example/?a>b" title=\'c>d\'>link</a>')).toBe('link');
    expect(decodeEntities('&#0;&#xD800;&#x110000;&#128512;')).toBe('\uFFFD\uFFFD\uFFFD😀');
  });

  it('gives back any text that was escaped into a paragraph', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }).filter((s) => !/[\n\r]/.test(s)), (text) => {
        expect(htmlToText(`<p>${escapeHtml(text)}</p>`)).toBe(text.trim());
      }),
      { numRuns: 1000 },
    );
  });

  it('never leaves a tag of the input in the text: a `<` in the text is one the author wrote', () => {
    const text = fc.string({ maxLength: 10 }).map((s) => s.replace(/[<&]/g, ''));
    const markup = fc.constantFrom('<p>', '</p>', '<br>', '<br/>', '<a href="x>y">', '</a>', '<script>', '</script>', '<!--', '-->', '>', '<b', '<span class="invisible">', '</SPAN >');
    fc.assert(
      fc.property(fc.array(fc.oneof(text, markup), { maxLength: 30 }), (pieces) => {
        expect(htmlToText(pieces.join(''))).not.toContain('<');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads adversarial input in one pass', () => {
    const text = htmlToText('<script>'.repeat(50_000) + '<p'.repeat(50_000) + '&amp'.repeat(50_000));
    expect(typeof text).toBe('string');
  });
});

describe('Mastodon configuration', () => {
  const base = { instanceUrl: 'https://mastodon.social', accessToken: 'token', timeline: 'public' };
  it('requires https (http only for localhost), a tag for hashtags and a list id for lists', () => {
    expect(mastodonConfigSchema.safeParse(base).success).toBe(true);
    expect(mastodonConfigSchema.safeParse({ ...base, instanceUrl: 'http://mastodon.social' }).success).toBe(false);
    expect(mastodonConfigSchema.safeParse({ ...base, instanceUrl: 'http://localhost:3000' }).success).toBe(true);
    expect(mastodonConfigSchema.safeParse({ ...base, timeline: 'hashtag' }).error?.issues[0]?.path).toEqual(['tag']);
    expect(mastodonConfigSchema.safeParse({ ...base, timeline: 'list' }).error?.issues[0]?.path).toEqual(['listId']);
    expect(mastodonConfigSchema.safeParse({ ...base, timeline: 'home' }).success).toBe(false);
    expect(mastodonConfigSchema.parse({ ...base, timeline: 'hashtag', tag: '#Utrecht', language: ['NL'] })).toMatchObject({ tag: 'Utrecht', language: ['nl'] });
  });
});
