import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { JobRunner } from '#platform/jobs/job-runner.ts';
import { silentLog } from '#test/support/buses.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

describeEachStore('persistent jobs and timers', (store) => {
  let tdb: TestDatabase;
  let clock: ManualClock;
  const runners: JobRunner[] = [];

  beforeEach(async () => {
    tdb = await createTestDatabase(store);
    clock = new ManualClock('2026-07-04T20:00:00Z');
  });
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.close();
    await tdb.drop();
  });

  function runner(): JobRunner {
    const r = new JobRunner({ database: tdb.database, clock, log: silentLog, pollMs: 20, leaseMs: 30_000 });
    runners.push(r);
    return r;
  }

  it('fires a timer when it is due, not before', async () => {
    const r = runner();
    const fired: string[] = [];
    r.register<{ dispatch: string }>('dispatch.timeout', async (job) => void fired.push(job.payload.dispatch));
    await r.schedule({ kind: 'dispatch.timeout', runAt: new Date('2026-07-04T20:00:30Z'), payload: { dispatch: 'd1' } });
    expect(await r.runDue()).toBe(0);
    clock.advance(30_000);
    expect(await r.runDue()).toBe(1);
    expect(fired).toEqual(['d1']);
    expect(await r.runDue()).toBe(0);
  });

  it('survives a restart: a timer scheduled before is fired by the next runner', async () => {
    const first = runner();
    first.register('t', async () => {});
    await first.schedule({ kind: 't', runAt: new Date('2026-07-04T20:01:00Z'), payload: { n: 1 } });
    await first.close();

    const second = runner();
    const fired: unknown[] = [];
    second.register('t', async (job) => void fired.push(job.payload));
    second.start();
    clock.advance(60_000);
    await waitFor(() => fired.length === 1, 'the timer after restart');
    expect(fired).toEqual([{ n: 1 }]);
  });

  it('runs again a job whose runner died mid-run once its lease has expired', async () => {
    const r = runner();
    let calls = 0;
    r.register('t', async () => {
      calls += 1;
    });
    const id = await r.schedule({ kind: 't', runAt: clock.now(), payload: {} });
    // Simulate a runner that claimed the job and was killed before finishing.
    await tdb.database.db.updateTable('jobs').set({ status: 'running', locked_until: new Date(clock.now().getTime() + 30_000).toISOString(), attempts: 1 }).where('id', '=', id).execute();
    expect(await r.runDue()).toBe(0);
    clock.advance(31_000);
    expect(await r.runDue()).toBe(1);
    expect(calls).toBe(1);
    expect((await r.get(id))?.status).toBe('done');
  });

  it('retries a failing job with backoff and gives up after maxAttempts', async () => {
    const r = runner();
    let calls = 0;
    r.register('flaky', async () => {
      calls += 1;
      throw new Error('smtp down');
    });
    const id = await r.schedule({ kind: 'flaky', runAt: clock.now(), payload: {}, maxAttempts: 3 });
    for (let i = 0; i < 3; i++) {
      await r.runDue();
      clock.advance(3_600_000);
    }
    expect(calls).toBe(3);
    const job = await r.get(id);
    expect(job?.status).toBe('failed');
    expect(job?.last_error).toBe('smtp down');
  });

  it('keeps one job per dedupe key and cancels by key', async () => {
    const r = runner();
    r.register('t', async () => {});
    await r.schedule({ kind: 't', runAt: clock.now(), payload: {}, dedupeKey: 'k1' });
    await r.schedule({ kind: 't', runAt: clock.now(), payload: {}, dedupeKey: 'k1' });
    const count = await tdb.database.db.selectFrom('jobs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
    expect(await r.cancel({ dedupeKey: 'k1' })).toBe(true);
    expect(await r.runDue()).toBe(0);
  });

  it('never runs one job twice when two runners compete', async () => {
    const a = runner();
    const b = runner();
    let calls = 0;
    const handler = async () => {
      calls += 1;
    };
    a.register('t', handler);
    b.register('t', handler);
    for (let i = 0; i < 20; i++) await a.schedule({ kind: 't', runAt: clock.now(), payload: { i } });
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(calls).toBe(20);
  });
});
