import { afterEach, beforeEach, expect, it } from 'vitest';
import { readOutboxOfTypes, stageEvent, stageEvents } from '#platform/bus/outbox.ts';
import '#watch/events.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';

const NOW = new Date('2026-07-04T20:00:00.000Z');

describeEachStore('outbox: staging and reading by type', (store) => {
  let tdb: TestDatabase;

  beforeEach(async () => {
    tdb = await createTestDatabase(store);
  });
  afterEach(() => tdb.drop());

  /** Stages `n` events alternating between two types, each in a transaction of its own. */
  async function stageAlternating(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await tdb.database.transaction(async (tx) => {
        if (i % 2 === 0) await stageEvents(tdb.database, tx, 'connector.changed', [{ payload: { connectorId: `c${i}` }, organisationId: 'org' }], NOW);
        else await stageEvent(tdb.database, tx, 'posts.received', { posts: [] }, null, NOW);
      });
    }
  }

  const allRows = () => tdb.database.db.selectFrom('outbox').selectAll().orderBy('seq').execute();

  it('stores each staged event with its payload, type and organisation', async () => {
    await tdb.database.transaction((tx) => stageEvents(tdb.database, tx, 'connector.changed', [{ payload: { connectorId: 'a' }, organisationId: 'org' }, { payload: { connectorId: 'b' }, organisationId: null }], NOW));
    const rows = await allRows();
    expect(rows.map((r) => [r.type, r.organisation_id, JSON.parse(r.payload) as unknown, r.published_at])).toEqual([
      ['connector.changed', 'org', { connectorId: 'a' }, null],
      ['connector.changed', null, { connectorId: 'b' }, null],
    ]);
    expect(rows[0]!.id).not.toBe(rows[1]!.id);
  });

  it('stages nothing when the transaction rolls back', async () => {
    await expect(
      tdb.database.transaction(async (tx) => {
        await stageEvents(tdb.database, tx, 'connector.changed', [{ payload: { connectorId: 'lost' }, organisationId: 'org' }], NOW);
        await stageEvent(tdb.database, tx, 'connector.changed', { connectorId: 'lost too' }, 'org', NOW);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await allRows()).toEqual([]);
  });

  it('reads only the wanted types, in order, and says how far it has read', async () => {
    await stageAlternating(10);
    const rows = await allRows();
    const wanted = rows.filter((r) => r.type === 'connector.changed');
    // A full batch stops at its last row.
    const first = await readOutboxOfTypes(tdb.database, 0, 3, ['connector.changed']);
    expect(first.rows.map((r) => r.id)).toEqual(wanted.slice(0, 3).map((r) => r.id));
    expect(first.throughSeq).toBe(Number(wanted[2]!.seq));
    // A short batch has read up to the newest row, whatever its type.
    const rest = await readOutboxOfTypes(tdb.database, first.throughSeq, 3, ['connector.changed']);
    expect(rest.rows.map((r) => r.id)).toEqual(wanted.slice(3).map((r) => r.id));
    expect(rest.throughSeq).toBe(Number(rows[rows.length - 1]!.seq));
    // Nothing newer: nothing read, no progress.
    expect(await readOutboxOfTypes(tdb.database, rest.throughSeq, 3, ['connector.changed'])).toEqual({ rows: [], throughSeq: rest.throughSeq });
    // Only other types: passed over.
    const none = await readOutboxOfTypes(tdb.database, 0, 100, ['posts.analysed']);
    expect(none).toEqual({ rows: [], throughSeq: Number(rows[rows.length - 1]!.seq) });
  });
});
