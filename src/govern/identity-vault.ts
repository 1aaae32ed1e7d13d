import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Clock } from '#core/clock.ts';
import { invalid, notFound } from '#core/errors.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { Db, Database } from '#platform/db/database.ts';

export interface SeenIdentity {
  pseudonym: string;
  source: string;
  handle: string;
}

/** Identities remembered as recorded today; past this the memory starts afresh. */
const RECORDED_CACHE_SIZE = 100_000;

/**
 * The identities behind pseudonyms (SPEC G1). Posts, analyses and graphs hold only pseudonyms;
 * the handle is kept here alone, sealed with AES-256-GCM under a key derived from the pseudonym
 * key, for a limited time (`WAAKZAAM_IDENTITY_RETENTION_DAYS`; 0 keeps none). A coordinator may
 * reveal one for a stated purpose; every reveal is in the audit log.
 */
export class IdentityVault {
  private readonly key: Buffer;
  /** Identities recorded (committed) on a day, by organisation and pseudonym: most authors post many times. */
  private readonly recorded = new Map<string, string>();

  constructor(private readonly options: { database: Database; audit: AuditLog; clock: Clock; pseudonymKey: Buffer; retentionDays: number }) {
    this.key = Buffer.from(hkdfSync('sha256', options.pseudonymKey, Buffer.alloc(0), 'waakzaam identity vault v1', 32));
  }

  get enabled(): boolean {
    return this.options.retentionDays > 0;
  }

  /**
   * Records the identities seen in a batch (inside the batch's transaction). Given the
   * transaction's `onCommit`, an identity already recorded today is skipped: sealing and upserting
   * every author of every batch cost more than storing the post, and `last_seen` only needs the
   * day for a retention counted in days.
   */
  async remember(db: Db, organisationId: string, identities: Iterable<SeenIdentity>, onCommit?: (hook: () => void) => void): Promise<void> {
    if (!this.enabled) return;
    const now = this.options.clock.now().toISOString();
    const today = now.slice(0, 10);
    const rows = [];
    const keys: string[] = [];
    for (const i of identities) {
      const key = `${organisationId}\u0000${i.pseudonym}`;
      if (onCommit && this.recorded.get(key) === today) continue;
      keys.push(key);
      rows.push({ organisation_id: organisationId, pseudonym: i.pseudonym, source: i.source, sealed_handle: this.seal(i.handle), first_seen: now, last_seen: now });
    }
    if (rows.length === 0) return;
    await db
      .insertInto('author_identities')
      .values(rows)
      .onConflict((oc) => oc.columns(['organisation_id', 'pseudonym']).doUpdateSet({ last_seen: now }))
      .execute();
    // Only what committed is known to be stored: a rolled-back batch leaves the cache as it was.
    onCommit?.(() => {
      if (this.recorded.size + keys.length > RECORDED_CACHE_SIZE) this.recorded.clear();
      for (const key of keys) this.recorded.set(key, today);
    });
  }

  /** The handle behind a pseudonym, for a purpose that is written to the audit log with the reveal. */
  async reveal(organisationId: string, pseudonym: string, purpose: string, actor: string): Promise<{ handle: string; source: string; revealedAt: string }> {
    const stated = purpose.trim();
    if (stated.length < 10 || stated.length > 500) throw invalid('PURPOSE_REQUIRED', 'State the purpose of the reveal in 10 to 500 characters.');
    const { database, audit, clock } = this.options;
    return database.transaction(async (tx) => {
      const row = await tx.db.selectFrom('author_identities').selectAll().where('organisation_id', '=', organisationId).where('pseudonym', '=', pseudonym).executeTakeFirst();
      if (!row) throw notFound('IDENTITY_NOT_KEPT', 'No identity is kept for this pseudonym (never seen, or past its retention).');
      const revealedAt = clock.now().toISOString();
      await audit.append(tx, { organisationId, actor, action: 'identity.reveal', subjectType: 'author', subjectId: pseudonym, data: { purpose: stated, source: row.source } });
      return { handle: this.unseal(row.sealed_handle), source: row.source, revealedAt };
    });
  }

  /** Deletes identities not seen within the retention period; returns how many. */
  async purgeExpired(): Promise<number> {
    const cutoff = new Date(this.options.clock.now().getTime() - Math.max(0, this.options.retentionDays) * 86_400_000).toISOString();
    const result = await this.options.database.db.deleteFrom('author_identities').where('last_seen', '<', cutoff).executeTakeFirst();
    this.recorded.clear();
    return Number(result.numDeletedRows);
  }

  private seal(handle: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(handle, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  private unseal(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
