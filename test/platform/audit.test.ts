import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '#core/clock.ts';
import { AuditLog } from '#platform/audit/audit-log.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';

describeEachStore('audit log', (store) => {
  let tdb: TestDatabase;
  let audit: AuditLog;

  beforeEach(async () => {
    tdb = await createTestDatabase(store);
    audit = new AuditLog({ database: tdb.database, clock: systemClock });
    for (let i = 0; i < 5; i++) {
      await audit.record({ organisationId: 'org', actor: 'user:1', action: 'identity.reveal', subjectType: 'author', subjectId: `a${i}`, data: { purpose: 'investigation' } });
    }
  });
  afterEach(() => tdb.drop());

  async function dropGuards(): Promise<void> {
    // An attacker with owner rights on the database must first remove the append-only guard.
    if (store === 'sqlite') {
      await sql`DROP TRIGGER audit_log_no_update`.execute(tdb.database.db);
      await sql`DROP TRIGGER audit_log_no_delete`.execute(tdb.database.db);
    } else {
      await sql`DROP TRIGGER audit_log_append_only ON audit_log`.execute(tdb.database.db);
    }
  }

  it('verifies an untouched chain', async () => {
    const result = await audit.verify();
    expect(result).toEqual({ ok: true, checked: 5, problems: [] });
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(tdb.database.db.updateTable('audit_log').set({ actor: 'user:2' }).where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
    await expect(tdb.database.db.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(/append-only/);
  });

  it('detects a changed row', async () => {
    await dropGuards();
    await tdb.database.db.updateTable('audit_log').set({ data: JSON.stringify({ purpose: 'curiosity' }) }).where('seq', '=', 3).execute();
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 3, problem: 'changed' })]);
  });

  it('detects a removed row in the middle', async () => {
    await dropGuards();
    await tdb.database.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ seq: 3, problem: 'broken_link' })]);
  });

  it('detects removal of the newest rows', async () => {
    await dropGuards();
    await tdb.database.db.deleteFrom('audit_log').where('seq', '>=', 4).execute();
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ problem: 'head_mismatch' })]);
  });

  it('keeps the chain under concurrent appends', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record({ organisationId: 'org', actor: 'system', action: 'x', subjectType: 't', subjectId: String(i) })));
    expect((await audit.verify()).ok).toBe(true);
  });
});
