/**
 * Tip intake (SPEC §10: ≥ 1,000 text tips/s and ≥ 100 photos/s of 2 megapixels, p99 ≤ 200 ms,
 * nothing lost). The real server (`waakzaam serve --roles api,worker` on SQLite, the in-process
 * bus, the ask consumers) runs in a child process on loopback; autocannon, in this one, sends (1) JSON text tips to POST /api/public/tips
 * and (2) multipart uploads of one 2-megapixel JPEG to POST /api/public/tips/upload. Reported:
 * requests/s and p99 of each, photos processed/s by the media consumer (hash, EXIF, thumbnail,
 * display copy) until the queue is drained, and that every accepted tip is stored. Peers in the
 * same run: a bare Fastify route that parses the same JSON and answers 202 (the HTTP ceiling),
 * and raw SQLite inserts of comparable rows, one transaction per row (the store ceiling).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import sharp from 'sharp';
import { newId } from '#core/ids.ts';
import { openDatabase } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';
import { rawSqliteInserts } from './peers.ts';

const SECONDS = 10;
const TEXT_CONNECTIONS = 32;
const PHOTO_CONNECTIONS = 16;

interface Load {
  requestsPerSecond: number;
  p99Ms: number;
  ok: number;
  errors: number;
}

/** Closed loop (as fast as `connections` allow), or open loop at `rate` requests/s in all (the targets' "at 100 photos/s"). */
async function load(url: string, body: Buffer | string, headers: Record<string, string>, connections: number, rate?: number): Promise<Load> {
  const result = await autocannon({ url, method: 'POST', body, headers, connections, duration: SECONDS, ...(rate ? { overallRate: rate } : {}) });
  return {
    requestsPerSecond: Math.round(result['2xx'] / SECONDS),
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

/** A 2-megapixel (1920 × 1080) JPEG with photo-like structure, as a phone camera would send. */
async function twoMegapixelJpeg(): Promise<Buffer> {
  const noise = await sharp({ create: { width: 240, height: 135, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 128, sigma: 70 } } }).png().toBuffer();
  return sharp(noise).resize(1920, 1080, { kernel: 'cubic' }).blur(1.5).jpeg({ quality: 88 }).toBuffer();
}

async function multipartBody(fields: Record<string, string>, photo: Buffer): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

async function bareFastify(textBody: string): Promise<Load> {
  const app = Fastify({ logger: false });
  app.post('/tips', async (request, reply) => reply.code(202).send({ tipId: 'x', received: (request.body as { text: string }).text.length }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    return await load(`${url}/tips`, textBody, { 'content-type': 'application/json' }, TEXT_CONNECTIONS);
  } finally {
    await app.close();
  }
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/**
 * `waakzaam serve` in a child process, so the load generator never shares the server's event
 * loop. It logs at warn: on Linux, writes to a pipe are synchronous, and a parent busy generating
 * load drains the pipe slowly, which would stall a server logging every request.
 */
async function startServer(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [resolve(import.meta.dirname, '../bin/waakzaam.cjs'), 'serve', '--roles', 'api,worker'], {
    env: { ...process.env, ...env, PORT: String(port), WAAKZAAM_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/healthz`).then((r) => r.ok, () => false))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((done) => {
        child.on('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

export async function tipsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'waakzaam-bench-tips-'));
  const file = join(dir, 'waakzaam.db');
  const database = openDatabase({ driver: 'sqlite', path: file });
  await migrateToLatest(database);
  const organisationId = newId();
  await database.db.insertInto('organisations').values({ id: organisationId, name: 'Bench', kind: 'police', created_at: new Date().toISOString() }).execute();
  const server = await startServer({
    WAAKZAAM_DATABASE_URL: `sqlite:${file}`,
    WAAKZAAM_WEB_DIR: join(dir, 'no-web'),
    WAAKZAAM_PUBLIC_RATE_LIMIT: '1000000',
  });
  const { db } = database;
  let stopped = false;
  const count = async (table: 'tips' | 'media', pending = false) => {
    let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (pending && table === 'media') q = q.where('status', '=', 'pending');
    return Number((await q.executeTakeFirst())?.n ?? 0);
  };
  try {
    // A running server has its classifier trained (once per process, on first use): warm it up
    // with one tip before measuring, as the watch benchmark does with its model.
    const warm = (await (await fetch(`${server.url}/api/public/tips`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ organisationId, text: 'opwarmen' }) })).json()) as { tipId: string };
    while (!(await db.selectFrom('tips').select('triaged_at').where('id', '=', warm.tipId).executeTakeFirst())?.triaged_at) await new Promise((r) => setTimeout(r, 50));
    const textBody = JSON.stringify({ organisationId, text: 'Ik zie twee mannen met bivakmutsen de juwelier aan de Oudegracht binnengaan', location: { lat: 52.09, lon: 5.12 } });
    const text = await load(`${server.url}/api/public/tips`, textBody, { 'content-type': 'application/json' }, TEXT_CONNECTIONS);
    const textAtTarget = await load(`${server.url}/api/public/tips`, textBody, { 'content-type': 'application/json' }, TEXT_CONNECTIONS, 1000);
    const storedText = (await count('tips')) - 1;
    const acceptedText = text.ok + textAtTarget.ok;
    process.stdout.write(`text tips: ${text.requestsPerSecond} tips/s at most (p99 ${text.p99Ms} ms); at 1,000 tips/s offered: ${textAtTarget.requestsPerSecond}/s, p99 ${textAtTarget.p99Ms} ms; ${acceptedText} accepted, ${storedText} stored, ${text.errors + textAtTarget.errors} errors\n`);

    const photo = await twoMegapixelJpeg();
    const upload = await multipartBody({ tip: JSON.stringify({ organisationId, text: 'Foto van de vluchtauto' }) }, photo);
    const started = performance.now();
    const photos = await load(`${server.url}/api/public/tips/upload`, upload.body, { 'content-type': upload.contentType }, PHOTO_CONNECTIONS);
    // The target as stated: 100 photos/s offered (open loop), and the p99 at that rate.
    const photosAtTarget = await load(`${server.url}/api/public/tips/upload`, upload.body, { 'content-type': upload.contentType }, PHOTO_CONNECTIONS, 100);
    const acceptedPhotos = await count('media');
    while ((await count('media', true)) > 0) await new Promise((r) => setTimeout(r, 100));
    const drainedSeconds = (performance.now() - started) / 1000;
    const processedPerSecond = Math.round(acceptedPhotos / drainedSeconds);
    process.stdout.write(
      `photo uploads (${(photo.length / 1024).toFixed(0)} KiB, 1920×1080): ${photos.requestsPerSecond} photos/s accepted at most (p99 ${photos.p99Ms} ms); at 100 photos/s offered: ${photosAtTarget.requestsPerSecond}/s, p99 ${photosAtTarget.p99Ms} ms; ${photos.errors + photosAtTarget.errors} errors; ` +
        `${acceptedPhotos} stored and processed (hash, EXIF, thumbnail, display copy) in ${drainedSeconds.toFixed(1)} s = ${processedPerSecond} photos/s end to end\n`,
    );
    await server.stop();
    stopped = true;

    const bare = await bareFastify(textBody);
    const raw = Math.round(rawSqliteInserts(dir, 20_000, 1));
    process.stdout.write(`peers: bare Fastify JSON route ${bare.requestsPerSecond} req/s (p99 ${bare.p99Ms} ms); raw SQLite ${raw} rows/s at one row per transaction\n`);
    const result = {
      textTipsPerSecond: text.requestsPerSecond,
      textP99Ms: text.p99Ms,
      textAtTargetPerSecond: textAtTarget.requestsPerSecond,
      textAtTargetP99Ms: textAtTarget.p99Ms,
      textAccepted: acceptedText,
      textStored: storedText,
      textErrors: text.errors + textAtTarget.errors,
      photoUploadsPerSecond: photos.requestsPerSecond,
      photoP99Ms: photos.p99Ms,
      photosAtTargetPerSecond: photosAtTarget.requestsPerSecond,
      photosAtTargetP99Ms: photosAtTarget.p99Ms,
      photoErrors: photos.errors + photosAtTarget.errors,
      photosAccepted: photos.ok + photosAtTarget.ok,
      photosStored: acceptedPhotos,
      photosProcessedPerSecond: processedPerSecond,
      photoBytes: photo.length,
      peerBareFastifyPerSecond: bare.requestsPerSecond,
      peerBareFastifyP99Ms: bare.p99Ms,
      peerRawSqliteRowsPerSecond: raw,
      ratioTextToBareFastify: Math.round((text.requestsPerSecond / bare.requestsPerSecond) * 100) / 100,
      ratioTextToRawSqlite: Math.round((text.requestsPerSecond / raw) * 100) / 100,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return result;
  } finally {
    if (!stopped) await server.stop();
    await database.close();
  }
}
