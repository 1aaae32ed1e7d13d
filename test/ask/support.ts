import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import sharp from 'sharp';
import { createContext, type AppContext } from '#app/context.ts';
import { systemClock, type Clock } from '#core/clock.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import { loadConfig } from '#platform/config.ts';
import { createLogger } from '#platform/log.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from '#test/support/stores.ts';

/** A "photo": blurred colour noise has structure at every scale, like a real scene; each call differs. */
let photoSeed = 1;

/**
 * A photo-like JPEG: smooth blobs of colour from seeded noise, blurred (so its perceptual hash is
 * stable under resizing, as a real photo's is). Each call draws a new scene unless `seed` is given;
 * the same seed gives the same photo, so the tests are repeatable.
 */
export async function makePhoto(width = 640, height = 480, options: { exif?: Record<string, Record<string, string>>; seed?: number } = {}): Promise<Buffer> {
  const w = Math.ceil(width / 8);
  const h = Math.ceil(height / 8);
  let state = (options.seed ?? photoSeed++) * 0x9e3779b1;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pixels = Buffer.alloc(w * h * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.round(next() * 255);
  let image = sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).blur(2);
  if (options.exif) image = image.withExif(options.exif);
  return image.jpeg({ quality: 90 }).toBuffer();
}

/** The same photo as a client might send it again: smaller and recompressed harder. */
export async function recompress(photo: Buffer, scale = 0.5, quality = 55): Promise<Buffer> {
  const meta = await sharp(photo).metadata();
  return sharp(photo)
    .resize(Math.round(meta.width * scale))
    .jpeg({ quality })
    .toBuffer();
}

export interface FilePart {
  field?: string;
  name?: string;
  type?: string;
  bytes: Uint8Array;
}

/** A multipart/form-data body as a browser's FormData would send it. */
export async function multipart(fields: Record<string, string>, files: FilePart[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append(file.field ?? 'photo', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/jpeg' }), file.name ?? 'photo.jpg');
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

export interface AskTestContext {
  ctx: AppContext;
  tdb: TestDatabase;
  mediaDir: string;
  /** Every log line written so far (JSON lines). */
  logs(): string;
  close(): Promise<void>;
}

/** A full context like createTestContext, with its own media directory and a captured log. */
export async function createAskContext(store: StoreKind, options: { env?: Record<string, string>; clock?: Clock } = {}): Promise<AskTestContext> {
  const tdb = await createTestDatabase(store);
  const mediaDir = mkdtempSync(join(tmpdir(), 'waakzaam-ask-'));
  const config = loadConfig({ WAAKZAAM_WEB_DIR: './test/support/no-web', WAAKZAAM_MEDIA_DIR: mediaDir, ...options.env });
  let lines = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines += chunk.toString();
      done();
    },
  });
  const log = createLogger('info', sink);
  const clock = options.clock ?? systemClock;
  const bus = new MemoryBus({ database: tdb.database, clock, log, pollMs: 50 });
  const ctx = await createContext(config, { database: tdb.database, bus, log, clock, migrate: false });
  return {
    ctx,
    tdb,
    mediaDir,
    logs: () => lines,
    close: async () => {
      await ctx.jobs.close();
      await bus.close();
      await tdb.drop();
    },
  };
}
