import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { newId } from '#core/ids.ts';
import { multipart } from '#test/ask/support.ts';
import { databaseUrlOf, exited, listeningUrl, startCli } from '#test/support/cli.ts';
import { createTestDatabase, describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';
import sharp from 'sharp';

const UPLOADS = 240;
const PARALLEL = 8;
const KILL_AFTER_ACCEPTED = 40;

describeEachStore('kill -9 of the server during a burst of photo uploads', (store) => {
  it('keeps every upload that got a 2xx, processes each once after a restart', { timeout: 360_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waakzaam-kill-upload-'));
    const tdb = await createTestDatabase(store, join(dir, 'waakzaam.db'));
    const organisationId = newId();
    await tdb.database.db.insertInto('organisations').values({ id: organisationId, name: 'Kill test', kind: 'police', created_at: new Date().toISOString() }).execute();
    const env = {
      WAAKZAAM_DATABASE_URL: databaseUrlOf(tdb.config),
      WAAKZAAM_MEDIA_DIR: join(dir, 'media'),
      WAAKZAAM_WEB_DIR: join(dir, 'no-web'),
      WAAKZAAM_PUBLIC_RATE_LIMIT: '1000000',
      WAAKZAAM_LOG_LEVEL: 'info',
      PORT: '0',
    };
    const photos = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        sharp({ create: { width: 640, height: 480, channels: 3, background: '#000000', noise: { type: 'gaussian', mean: 100 + i * 20, sigma: 50 } } })
          .jpeg()
          .toBuffer(),
      ),
    );
    const accepted = new Map<string, { photoIds: string[]; sha256: string }>();
    const { db } = tdb.database;
    try {
      const first = startCli(['serve'], env);
      const url = await listeningUrl(first.output);
      let next = 0;
      let killed = false;
      const send = async (i: number) => {
        const photo = photos[i % photos.length]!;
        const form = await multipart({ tip: JSON.stringify({ organisationId, text: `Upload ${i}: verdachte persoon bij de ingang` }) }, [{ bytes: photo }]);
        try {
          const response = await fetch(`${url}/api/public/tips/upload`, { method: 'POST', headers: form.headers, body: new Uint8Array(form.payload) });
          if (response.status === 202) {
            const receipt = (await response.json()) as { tipId: string; photoIds: string[] };
            accepted.set(receipt.tipId, { photoIds: receipt.photoIds, sha256: createHash('sha256').update(photo).digest('hex') });
          } else {
            throw new Error(`unexpected ${response.status}: ${await response.text()}`);
          }
        } catch (error) {
          if (!killed) throw error; // after the kill, refused connections are expected
        }
      };
      const lanes = Array.from({ length: PARALLEL }, async () => {
        while (next < UPLOADS && !killed) {
          await send(next++);
          if (accepted.size >= KILL_AFTER_ACCEPTED && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        }
      });
      await Promise.all(lanes);
      await exited(first.child);
      expect(killed).toBe(true);
      expect(accepted.size).toBeGreaterThanOrEqual(KILL_AFTER_ACCEPTED);
      expect(accepted.size).toBeLessThan(UPLOADS);

      const second = startCli(['serve'], env);
      await listeningUrl(second.output);
      const ids = [...accepted.keys()];
      const mediaIds = [...accepted.values()].flatMap((a) => a.photoIds);
      await waitFor(
        async () => {
          const pending = await db.selectFrom('media').select('id').where('id', 'in', mediaIds).where('status', '=', 'pending').execute();
          const untriaged = await db.selectFrom('tips').select('id').where('id', 'in', ids).where('triaged_at', 'is', null).execute();
          return pending.length === 0 && untriaged.length === 0;
        },
        `every accepted upload processed after the restart:\n${second.output()}`,
        240_000,
      );
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);

      const tips = await db.selectFrom('tips').select(['id', 'photo_count']).where('id', 'in', ids).execute();
      expect(tips).toHaveLength(accepted.size);
      expect(tips.every((t) => Number(t.photo_count) === 1)).toBe(true);
      const media = await db.selectFrom('media').selectAll().where('id', 'in', mediaIds).execute();
      expect(media).toHaveLength(mediaIds.length);
      for (const row of media) {
        expect(row.status).toBe('processed');
        const expected = accepted.get(row.owner_id)!.sha256;
        expect(row.sha256).toBe(expected);
        expect(createHash('sha256').update(readFileSync(join(dir, 'media', row.original_path))).digest('hex')).toBe(expected);
      }
      // Nothing twice: one event per tip and per photo, whatever was redelivered after the kill.
      const count = async (type: string) =>
        (await db.selectFrom('outbox').select('payload').where('type', '=', type).execute()).map((r) => JSON.parse(r.payload) as { tipId?: string; mediaId?: string });
      const received = (await count('tip.received')).filter((p) => accepted.has(p.tipId!));
      expect(received).toHaveLength(accepted.size);
      const triaged = (await count('tip.triaged')).filter((p) => accepted.has(p.tipId!));
      expect(triaged).toHaveLength(accepted.size);
      const processed = (await count('media.processed')).filter((p) => mediaIds.includes(p.mediaId!));
      expect(processed).toHaveLength(mediaIds.length);
      expect(new Set(processed.map((p) => p.mediaId)).size).toBe(mediaIds.length);
    } finally {
      await tdb.drop();
    }
  });
});
