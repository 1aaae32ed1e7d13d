import { afterEach, beforeEach, expect, it } from 'vitest';
import { purgeOutbox } from '#platform/bus/outbox.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';

describeEachStore('outbox retention', (store) => {
  let tdb: TestDatabase;

  beforeEach(async () => {
    tdb = await createTestDatabase(store);
    const old = '2026-07-01T00:00:00.000Z';
    const recent = '2026-07-04T00:00:00.000Z';
    await tdb.database.db
      .insertInto('outbox')
      .values([
        { id: 'e1', type: 't', organisation_id: null, occurred_at: old, payload: '{}', published_at: old },
        { id: 'e2', type: 't', organisation_id: null, occurred_at: old, payload: '{}', published_at: null },
        { id: 'e3', type: 't', organisation_id: null, occurred_at: recent, payload: '{}', published_at: recent },
      ])
      .execute();
  });
  afterEach(() => tdb.drop());

  const ids = async () => (await tdb.database.db.selectFrom('outbox').select('id').orderBy('seq').execute()).map((r) => r.id);
  const cutoff = new Date('2026-07-03T00:00:00.000Z');

  it('NATS: removes only old rows the relay has published', async () => {
    expect(await purgeOutbox(tdb.database, 'nats', cutoff)).toBe(1);
    expect(await ids()).toEqual(['e2', 'e3']);
  });

  it('memory: removes only old rows every consumer has passed, nothing before any consumer read', async () => {
    expect(await purgeOutbox(tdb.database, 'memory', cutoff)).toBe(0);
    const first = await tdb.database.db.selectFrom('outbox').select('seq').where('id', '=', 'e1').executeTakeFirstOrThrow();
    await tdb.database.db.insertInto('bus_offsets').values([{ consumer: 'fast', last_seq: first.seq + 2 }, { consumer: 'slow', last_seq: first.seq }]).execute();
    expect(await purgeOutbox(tdb.database, 'memory', cutoff)).toBe(1);
    expect(await ids()).toEqual(['e2', 'e3']);
  });
});
