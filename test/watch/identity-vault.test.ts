import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '#core/clock.ts';
import { AuditLog } from '#platform/audit/audit-log.ts';
import { IdentityVault } from '#govern/identity-vault.ts';
import { createTestDatabase, describeEachStore, type TestDatabase } from '#test/support/stores.ts';

describeEachStore('identity vault (SPEC G1)', (store) => {
  let tdb: TestDatabase;
  let clock: ManualClock;
  let audit: AuditLog;
  let vault: IdentityVault;

  beforeEach(async () => {
    tdb = await createTestDatabase(store);
    clock = new ManualClock('2026-07-04T20:00:00Z');
    audit = new AuditLog({ database: tdb.database, clock });
    vault = new IdentityVault({ database: tdb.database, audit, clock, pseudonymKey: Buffer.alloc(32, 1), retentionDays: 30 });
    await tdb.database.transaction((tx) => vault.remember(tx.db, 'org', [{ pseudonym: 'p1', source: 'mastodon', handle: '@sanne@mastodon.example' }]));
  });
  afterEach(() => tdb.drop());

  it('keeps the handle sealed, not in plain text', async () => {
    const rows = await tdb.database.db.selectFrom('author_identities').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('sanne');
  });

  it('reveals for a stated purpose and writes the reveal to the audit log', async () => {
    const revealed = await vault.reveal('org', 'p1', 'Dreiging tegen de burgemeester, melding 2026-123', 'user:coordinator');
    expect(revealed).toMatchObject({ handle: '@sanne@mastodon.example', source: 'mastodon' });
    const entries = await audit.list('org', 10);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'identity.reveal', actor: 'user:coordinator', subject_id: 'p1' });
    expect(JSON.parse(entries[0]!.data)).toMatchObject({ purpose: 'Dreiging tegen de burgemeester, melding 2026-123' });
  });

  it('refuses a reveal without a real purpose, and of another organisation', async () => {
    await expect(vault.reveal('org', 'p1', 'even kijk', 'user:x')).rejects.toMatchObject({ code: 'PURPOSE_REQUIRED' });
    await expect(vault.reveal('other-org', 'p1', 'een voldoende lang doel', 'user:x')).rejects.toMatchObject({ code: 'IDENTITY_NOT_KEPT' });
    expect(await audit.list('org', 10)).toHaveLength(0);
  });

  it('forgets identities past their retention', async () => {
    clock.advance(29 * 86_400_000);
    expect(await vault.purgeExpired()).toBe(0);
    clock.advance(2 * 86_400_000);
    expect(await vault.purgeExpired()).toBe(1);
    await expect(vault.reveal('org', 'p1', 'een voldoende lang doel', 'user:x')).rejects.toMatchObject({ code: 'IDENTITY_NOT_KEPT' });
  });

  it('keeps nothing when the retention is zero', async () => {
    const none = new IdentityVault({ database: tdb.database, audit, clock, pseudonymKey: Buffer.alloc(32, 1), retentionDays: 0 });
    await tdb.database.transaction((tx) => none.remember(tx.db, 'org', [{ pseudonym: 'p2', source: 'bluesky', handle: 'did:plc:abc' }]));
    const rows = await tdb.database.db.selectFrom('author_identities').select('pseudonym').execute();
    expect(rows.map((r) => r.pseudonym)).toEqual(['p1']);
  });
});
