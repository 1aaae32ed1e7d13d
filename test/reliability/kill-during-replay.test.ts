import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { databaseUrlOf, exited, startCli } from '#test/support/cli.ts';
import { buildReplayLine } from '#test/support/posts.ts';
import { createTestDatabase, describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

const LINES = 3000;

describeEachStore('kill -9 of the server during replay', (store) => {
  it('stores and analyses every post exactly once after a restart', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waakzaam-kill-'));
    const tdb = await createTestDatabase(store, join(dir, 'waakzaam.db'));
    const file = join(dir, 'stream.jsonl');
    const start = Date.UTC(2026, 6, 4, 19, 0, 0);
    writeFileSync(file, Array.from({ length: LINES }, (_, i) => buildReplayLine({ id: `k${i}`, createdAt: new Date(start + i * 1000).toISOString() })).join('\n') + '\n');
    const env = {
      WAAKZAAM_DATABASE_URL: databaseUrlOf(tdb.config),
      WAAKZAAM_DEMO_SCENARIO: file,
      WAAKZAAM_DEMO_PASSWORD: 'kill-test-password',
      WAAKZAAM_DEMO_SPEED: '400',
      WAAKZAAM_WEB_DIR: join(dir, 'no-web'),
      PORT: '0',
    };
    const { db } = tdb.database;
    const count = async () => Number((await db.selectFrom('posts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const cursorDone = async () => {
      const row = await db.selectFrom('connector_cursors').select('cursor').executeTakeFirst();
      return row !== undefined && (JSON.parse(row.cursor) as { done: boolean }).done;
    };
    try {
      const first = startCli(['demo'], env);
      await waitFor(async () => (await count()) >= 300, 'the first 300 posts', 60_000);
      first.child.kill('SIGKILL');
      await exited(first.child);
      const atKill = await count();
      expect(atKill).toBeLessThan(LINES);

      const second = startCli(['demo'], env);
      await waitFor(cursorDone, `the replay to finish after restart:\n${second.output()}`, 90_000);
      // The pipeline was killed mid-stream too: every post gets analysed, and announced as
      // analysed, exactly once (analyses are keyed by post id; a redelivered batch stores and
      // announces nothing twice).
      const analysed = async () => Number((await db.selectFrom('post_analysis').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
      await waitFor(async () => (await analysed()) === LINES, `every post analysed after restart:\n${second.output()}`, 90_000);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);

      expect(await count()).toBe(LINES);
      const distinct = await db.selectFrom('posts').select((eb) => eb.fn.count('source_id').distinct().as('n')).executeTakeFirst();
      expect(Number(distinct?.n)).toBe(LINES);
      // Every post announced once as received and once as analysed (events carry batches).
      const payloads = async (type: string) => (await db.selectFrom('outbox').select('payload').where('type', '=', type).execute()).map((r) => JSON.parse(r.payload) as unknown);
      const receivedIds = (await payloads('posts.received')).flatMap((p) => (p as { postIds: string[] }).postIds);
      expect(receivedIds).toHaveLength(LINES);
      expect(new Set(receivedIds).size).toBe(LINES);
      const analysedIds = (await payloads('posts.analysed')).flatMap((p) => (p as { postIds: string[] }).postIds);
      expect(analysedIds.sort()).toEqual(receivedIds.sort());
    } finally {
      await tdb.drop();
    }
  });
});
