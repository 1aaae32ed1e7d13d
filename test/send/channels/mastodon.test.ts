import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMastodonChannel, mastodonLength } from '#send/channels/mastodon.ts';
import { mastodonCharacterCount, startFakeMastodon, type FakeMastodon } from '#test/support/fake-mastodon.ts';
import { buildOutgoingMessage, never } from './build-message.ts';

describe('Mastodon channel', () => {
  let mastodon: FakeMastodon;
  let mediaServer: Server;
  let mediaUrl: string;
  beforeAll(async () => {
    mastodon = await startFakeMastodon();
    mediaServer = createServer((req, res) => {
      if (req.url === '/kaart.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => mediaServer.listen(0, '127.0.0.1', () => resolve()));
    mediaUrl = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await mastodon.close();
    await new Promise<void>((resolve) => mediaServer.close(() => resolve()));
  });
  const channel = () => createMastodonChannel({ instanceUrl: mastodon.url, accessToken: mastodon.token });

  it('posts a public status in the message language and returns its id', async () => {
    const message = buildOutgoingMessage();
    const outcome = await channel().deliver(message, null, 'msg-1:mastodon', never);
    expect(outcome).toMatchObject({ outcome: 'delivered' });
    const posted = mastodon.posted.at(-1)!;
    expect(outcome).toEqual({ outcome: 'delivered', externalId: posted.status.id });
    expect(posted).toMatchObject({ idempotencyKey: 'msg-1:mastodon', visibility: 'public', language: 'nl', mediaIds: [] });
    expect(posted.text).toBe(channel().preview(message).text);
    expect(posted.text.startsWith('Erg druk rond de Jaarbeurs\n\n')).toBe(true);
    expect(posted.text.endsWith(message.url)).toBe(true);
  });

  it('a retry with the same key returns the same status instead of a second one', async () => {
    const before = mastodon.posted.length;
    const first = await channel().deliver(buildOutgoingMessage(), null, 'msg-2:mastodon', never);
    const again = await channel().deliver(buildOutgoingMessage(), null, 'msg-2:mastodon', never);
    expect(again).toEqual(first);
    expect(mastodon.posted.length).toBe(before + 1);
  });

  it('marks exercises and cancellations', async () => {
    const message = buildOutgoingMessage({ status: 'Exercise', msgType: 'Cancel' });
    await channel().deliver(message, null, 'msg-3:mastodon', never);
    expect(mastodon.posted.at(-1)!.text.startsWith('OEFENING — Ingetrokken: Erg druk')).toBe(true);
    const english = channel().preview(buildOutgoingMessage({ status: 'Exercise', language: 'en', headline: 'Crowding' }));
    expect(english.text.startsWith('EXERCISE — Crowding')).toBe(true);
  });

  it('shortens a long body to the limit as Mastodon counts it, keeping the link', async () => {
    const message = buildOutgoingMessage({ body: `${'Zeer lange tekst met één emoji 🚧 '.repeat(40)}zie https://example.org/${'x'.repeat(200)}` });
    const preview = channel().preview(message);
    expect(preview.problems).toEqual([]);
    expect(preview.length).toBeLessThanOrEqual(500);
    expect(preview.length).toBeGreaterThan(480);
    expect(preview.length).toBe(mastodonCharacterCount(preview.text));
    expect(preview.text).toContain('…');
    const outcome = await channel().deliver(message, null, 'msg-4:mastodon', never);
    expect(outcome.outcome).toBe('delivered');
    expect(mastodon.posted.at(-1)!.text.endsWith(message.url)).toBe(true);
  });

  it('counts every URL as 23 characters', () => {
    expect(mastodonLength('zie https://example.org/een/heel/lange/weg/naar/iets')).toBe(4 + 23);
    expect(mastodonLength('é👍🏽')).toBe(2);
  });

  it('refuses a headline that cannot fit without calling the server', async () => {
    const message = buildOutgoingMessage({ headline: 'x'.repeat(600) });
    expect(channel().preview(message).problems[0]).toMatch(/longer than/);
    const before = mastodon.posted.length;
    expect((await channel().deliver(message, null, 'msg-5:mastodon', never)).outcome).toBe('failed');
    expect(mastodon.posted.length).toBe(before);
  });

  it('uploads media with its description before the status', async () => {
    const message = buildOutgoingMessage({ media: [{ url: `${mediaUrl}/kaart.png`, mimeType: 'image/png', description: 'Kaart van de omleiding' }] });
    const outcome = await channel().deliver(message, null, 'msg-6:mastodon', never);
    expect(outcome.outcome).toBe('delivered');
    const posted = mastodon.posted.at(-1)!;
    expect(posted.mediaIds).toHaveLength(1);
    expect(mastodon.media.get(posted.mediaIds[0]!)).toMatchObject({ mimeType: 'image/png', description: 'Kaart van de omleiding', size: 16 });
    const missing = buildOutgoingMessage({ media: [{ url: `${mediaUrl}/weg.png`, mimeType: 'image/png', description: '' }] });
    expect((await channel().deliver(missing, null, 'msg-7:mastodon', never)).outcome).toBe('failed');
  });

  it('429 → retry after X-RateLimit-Reset; 503 → retry; 422 → failed; 401 → failed', async () => {
    const reset = new Date(Date.now() + 120_000).toISOString();
    mastodon.statusAnswers.push({ status: 429, body: '{"error":"Too many requests"}', headers: { 'X-RateLimit-Reset': reset, 'X-RateLimit-Remaining': '0' } });
    const limited = await channel().deliver(buildOutgoingMessage(), null, 'msg-8', never);
    expect(limited.outcome).toBe('retry');
    expect(limited.outcome === 'retry' && limited.retryAfterMs).toBeGreaterThan(100_000);
    mastodon.statusAnswers.push({ status: 503, body: '<html>Bad gateway</html>' });
    expect((await channel().deliver(buildOutgoingMessage(), null, 'msg-8', never)).outcome).toBe('retry');
    mastodon.maxCharacters = 20;
    const refused = await channel().deliver(buildOutgoingMessage(), null, 'msg-9', never);
    mastodon.maxCharacters = 500;
    expect(refused).toEqual({ outcome: 'failed', reason: 'HTTP 422: Validation failed: Text character limit of 20 exceeded' });
    const wrongToken = createMastodonChannel({ instanceUrl: mastodon.url, accessToken: 'wrong' });
    expect(await wrongToken.deliver(buildOutgoingMessage(), null, 'msg-10', never)).toEqual({ outcome: 'failed', reason: 'HTTP 401: The access token is invalid' });
  });

  it('malformed answers and an unreachable instance never crash', async () => {
    mastodon.statusAnswers.push({ status: 200, body: 'not json at all' });
    expect((await channel().deliver(buildOutgoingMessage(), null, 'msg-11', never)).outcome).toBe('retry');
    mastodon.statusAnswers.push({ status: 200, body: '{"id": 12}' });
    expect((await channel().deliver(buildOutgoingMessage(), null, 'msg-12', never)).outcome).toBe('retry');
    const down = createMastodonChannel({ instanceUrl: 'http://127.0.0.1:1', accessToken: 'x' });
    expect((await down.deliver(buildOutgoingMessage(), null, 'msg-13', never)).outcome).toBe('retry');
  });
});
