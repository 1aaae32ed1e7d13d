import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createContext } from '#app/context.ts';
import { loadConfig } from '#platform/config.ts';
import { destination } from '#respond/geo.ts';
import { silentLog } from '#test/support/buses.ts';
import { databaseUrlOf, exited, listeningUrl, startCli } from '#test/support/cli.ts';
import { createTestDatabase, describeEachStore } from '#test/support/stores.ts';
import { sleep, waitFor } from '#test/support/wait.ts';

const VICTIM = { lon: 5.1115, lat: 52.0894 };
const PER_WAVE = 3;
const WAVES = 4;

describeEachStore('kill -9 of the server during a dispatch', (store) => {
  it('goes on after a restart: pending waves and time-outs fire, nobody is alerted twice', { timeout: 180_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waakzaam-kill-dispatch-'));
    const tdb = await createTestDatabase(store, join(dir, 'waakzaam.db'));
    const env = {
      WAAKZAAM_DATABASE_URL: databaseUrlOf(tdb.config),
      WAAKZAAM_WEB_DIR: join(dir, 'no-web'),
      WAAKZAAM_PDOK_URL: 'off',
      WAAKZAAM_LOG_LEVEL: 'info',
      PORT: '0',
    };
    const { db } = tdb.database;
    try {
      // Seed with a context of this process on the same store: 20 volunteers, an API token.
      const seedCtx = await createContext(loadConfig(env), { database: tdb.database, log: silentLog, migrate: false });
      const org = await seedCtx.accounts.createOrganisation({ name: 'Meldkamer', kind: 'safety_region' }, 'system');
      const { token } = await seedCtx.accounts.createToken({ organisationId: org.id, name: 'meldkamer', permissions: ['dispatch:manage'] }, 'system');
      for (let i = 0; i < 20; i++) {
        const home = destination(VICTIM, 50 + i * 40, i * 67);
        await seedCtx.respond.registry.createVolunteer(org.id, { name: `V${i}`, qualifiedUntil: '2099-01-01', addresses: [{ lat: home.lat, lon: home.lon }] }, 'system');
      }
      seedCtx.respond.close();

      const first = startCli(['serve'], env);
      const url = await listeningUrl(first.output);
      const response = await fetch(`${url}/api/dispatches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ location: VICTIM, params: { maxVolunteers: PER_WAVE, targetAccepted: 10, maxWaves: WAVES, waveDelayMs: 2000, ackTimeoutMs: 3000 } }),
      });
      expect(response.status).toBe(201);
      const { id } = (await response.json()) as { id: string };
      first.child.kill('SIGKILL');
      await exited(first.child);
      const atKill = await db.selectFrom('respond_responders').select('volunteer_id').where('dispatch_id', '=', id).execute();
      expect(atKill).toHaveLength(PER_WAVE);

      await sleep(2500); // the second wave's timer is now overdue while nothing runs
      const second = startCli(['serve'], env);
      await listeningUrl(second.output);
      const settled = async () => {
        const rows = await db.selectFrom('respond_responders').select(['state']).where('dispatch_id', '=', id).execute();
        return rows.length === PER_WAVE * WAVES && rows.every((r) => r.state === 'timed_out');
      };
      await waitFor(settled, `all ${WAVES} waves and their time-outs after the restart:\n${second.output()}`, 90_000);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);

      const responders = await db.selectFrom('respond_responders').select(['volunteer_id', 'wave']).where('dispatch_id', '=', id).execute();
      expect(new Set(responders.map((r) => r.volunteer_id)).size).toBe(PER_WAVE * WAVES);
      expect([...new Set(responders.map((r) => r.wave))].sort()).toEqual([1, 2, 3, 4]);
      const alerted = await db.selectFrom('outbox').select('payload').where('type', '=', 'dispatch.alerted').execute();
      const alertedIds = alerted.map((row) => (JSON.parse(row.payload) as { volunteerId: string }).volunteerId);
      expect(alertedIds).toHaveLength(PER_WAVE * WAVES);
      expect(new Set(alertedIds).size).toBe(PER_WAVE * WAVES);
      const dispatch = await db.selectFrom('respond_dispatches').select(['wave', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      expect(dispatch).toEqual({ wave: WAVES, status: 'active' });
    } finally {
      await tdb.drop();
    }
  });
});
