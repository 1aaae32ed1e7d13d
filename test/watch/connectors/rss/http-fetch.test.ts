import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, isNonPublicAddress, politeGet, retryAfterMs, USER_AGENT } from '#watch/connectors/http-fetch.ts';
import { FakeFeedServer } from '#test/support/fake-feeds.ts';

let server: FakeFeedServer;
beforeAll(async () => {
  server = await FakeFeedServer.start();
});
afterAll(() => server.close());

async function fetchError(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('politeGet', () => {
  it('sends our User-Agent and Accept, and answers 304 when the validators still match', async () => {
    server.set('/feed', { body: '<rss/>', contentType: 'application/rss+xml', etag: '"v1"', lastModified: 'Sat, 04 Jul 2026 19:00:00 GMT' });
    const first = await politeGet({ url: server.url('/feed'), accept: 'application/rss+xml' });
    expect(first).toMatchObject({ status: 200, url: server.url('/feed') });
    expect(first.body.toString()).toBe('<rss/>');
    expect(first.headers.etag).toBe('"v1"');
    const second = await politeGet({ url: server.url('/feed'), etag: first.headers.etag, lastModified: first.headers['last-modified'] });
    expect(second.status).toBe(304);
    const [a, b] = server.requestsTo('/feed');
    expect(a!.headers['user-agent']).toBe(USER_AGENT);
    expect(a!.headers.accept).toBe('application/rss+xml');
    expect(a!.headers['if-none-match']).toBeUndefined();
    expect(b!.headers['if-none-match']).toBe('"v1"');
    expect(b!.headers['if-modified-since']).toBe('Sat, 04 Jul 2026 19:00:00 GMT');
  });

  it('decompresses gzip and counts the limit after decompression (a small bomb is refused)', async () => {
    server.set('/gz', { body: 'hallo '.repeat(1000), gzip: true });
    expect((await politeGet({ url: server.url('/gz') })).body.toString()).toBe('hallo '.repeat(1000));
    server.set('/bomb', { body: Buffer.alloc(2_000_000), gzip: true });
    expect(gzipSync(Buffer.alloc(2_000_000)).length).toBeLessThan(10_000);
    const error = await fetchError(politeGet({ url: server.url('/bomb'), policy: { maxBytes: 1_000_000 } }));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('refuses a body over the limit, by Content-Length and while streaming', async () => {
    server.set('/declared', { body: Buffer.alloc(2048) });
    expect((await fetchError(politeGet({ url: server.url('/declared'), policy: { maxBytes: 1024 } }))).message).toMatch(/2048 bytes exceeds the limit of 1024/);
    server.set('/endless', { streamBytes: 50 * 1024 * 1024 });
    const error = await fetchError(politeGet({ url: server.url('/endless'), policy: { maxBytes: 256 * 1024 } }));
    expect(error.code).toBe('TOO_LARGE');
  });

  it('follows a few redirects, refuses too many and non-http schemes', async () => {
    server.set('/r1', { status: 301, headers: { location: '/r2' } });
    server.set('/r2', { status: 302, headers: { location: server.url('/target') } });
    server.set('/target', { body: 'ok' });
    const response = await politeGet({ url: server.url('/r1') });
    expect(response).toMatchObject({ status: 200, url: server.url('/target') });
    server.set('/loop', { status: 307, headers: { location: '/loop' } });
    expect((await fetchError(politeGet({ url: server.url('/loop'), policy: { maxRedirects: 3 } }))).code).toBe('TOO_MANY_REDIRECTS');
    server.set('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect((await fetchError(politeGet({ url: server.url('/to-file') }))).code).toBe('UNSUPPORTED_SCHEME');
    expect((await fetchError(politeGet({ url: 'ftp://example.nl/feed' }))).code).toBe('UNSUPPORTED_SCHEME');
    expect((await fetchError(politeGet({ url: 'not a url' }))).code).toBe('INVALID_URL');
  });

  it('gives up on a slow server at the deadline, and stops at once when aborted', async () => {
    server.set('/slow', { body: 'late', delayMs: 5_000 });
    expect((await fetchError(politeGet({ url: server.url('/slow'), policy: { timeoutMs: 200 } }))).code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = politeGet({ url: server.url('/slow'), signal: controller.signal });
    controller.abort();
    expect((await fetchError(pending)).code).toBe('ABORTED');
  });

  it('returns error statuses to the caller, and reports a refused connection as a network error', async () => {
    server.set('/busy', { status: 429, headers: { 'retry-after': '120' }, body: 'slow down' });
    const busy = await politeGet({ url: server.url('/busy') });
    expect(busy.status).toBe(429);
    expect(busy.headers['retry-after']).toBe('120');
    const closed = await FakeFeedServer.start();
    const url = closed.url('/gone');
    await closed.close();
    expect((await fetchError(politeGet({ url }))).code).toBe('NETWORK');
  });

  it('refuses non-public addresses when told to, before connecting', async () => {
    server.set('/private', { body: 'secret' });
    const before = server.requestsTo('/private').length;
    const error = await fetchError(politeGet({ url: server.url('/private'), policy: { denyPrivateAddresses: true } }));
    expect(error.code).toBe('BLOCKED_ADDRESS');
    const byName = await fetchError(politeGet({ url: server.url('/private').replace('127.0.0.1', 'localhost'), policy: { denyPrivateAddresses: true } }));
    expect(byName.code).toBe('BLOCKED_ADDRESS');
    expect(server.requestsTo('/private').length).toBe(before);
  });
});

describe('isNonPublicAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['::1', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['145.12.1.1', false],
    ['2a00:1450::1', false],
  ])('%s → %s', (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-07-04T19:00:00Z');
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 04 Jul 2026 19:02:00 GMT', now)).toBe(120_000);
    expect(retryAfterMs('Sat, 04 Jul 2026 18:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs('-5', now)).toBeNull();
    expect(retryAfterMs(undefined, now)).toBeNull();
  });
});
