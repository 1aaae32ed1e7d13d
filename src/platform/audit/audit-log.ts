import { createHash } from 'node:crypto';
import type { Clock } from '#core/clock.ts';
import { newId } from '#core/ids.ts';
import type { Database, Tx } from '../db/database.ts';
import type { AuditLogTable } from '../db/schema.ts';

/** One thing that happened to personal data or to a public message, appeal or dispatch (SPEC G2). */
export interface AuditEntry {
  organisationId: string | null;
  /** `user:<id>`, `token:<id>` or `system` (see actorOf). */
  actor: string;
  /** Dotted verb, e.g. `auth.login`, `identity.reveal`, `token.create`. */
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Context; never secrets. */
  data?: Record<string, unknown>;
}

export interface AuditProblem {
  seq: number;
  problem: 'changed' | 'broken_link' | 'head_mismatch';
  detail: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  problems: AuditProblem[];
}

export const GENESIS_HASH = '0'.repeat(64);

type Row = Omit<AuditLogTable, 'seq'> & { seq: number };

function linkHash(row: Omit<Row, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([row.prev_hash, row.id, row.organisation_id, row.at, row.actor, row.action, row.subject_type, row.subject_id, row.data]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The append-only, hash-chained audit log. Each row's hash covers its content and the previous
 * row's hash; a head row records the newest link. Changing, removing or truncating rows breaks
 * the chain, which {@link AuditLog.verify} reports. The database refuses UPDATE and DELETE on the
 * table (triggers in migration 0001), so tampering needs deliberate schema changes first.
 */
export class AuditLog {
  constructor(private readonly options: { database: Database; clock: Clock }) {}

  /** Appends inside the caller's transaction, so the record exists exactly when the change does. */
  async append(tx: Tx, entry: AuditEntry): Promise<void> {
    await this.options.database.dialect.lockLog(tx.db, 'audit');
    const head = await tx.db.selectFrom('audit_head').select(['hash']).where('id', '=', 1).executeTakeFirst();
    const now = this.options.clock.now();
    const base = {
      id: newId(now.getTime()),
      organisation_id: entry.organisationId,
      at: now.toISOString(),
      actor: entry.actor,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      data: JSON.stringify(entry.data ?? {}),
      prev_hash: head?.hash ?? GENESIS_HASH,
    };
    const hash = linkHash(base);
    const inserted = await tx.db.insertInto('audit_log').values({ ...base, hash }).returning('seq').executeTakeFirstOrThrow();
    await tx.db
      .insertInto('audit_head')
      .values({ id: 1, seq: Number(inserted.seq), hash })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq: Number(inserted.seq), hash }))
      .execute();
  }

  /** Appends in a transaction of its own. */
  async record(entry: AuditEntry): Promise<void> {
    await this.options.database.transaction((tx) => this.append(tx, entry));
  }

  /** Recent entries of one organisation, newest first. */
  async list(organisationId: string, limit: number, beforeSeq?: number): Promise<Row[]> {
    let query = this.options.database.db.selectFrom('audit_log').selectAll().where('organisation_id', '=', organisationId);
    if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
    const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  /** Walks the whole chain; `onProgress` is called with the number of rows checked so far. */
  async verify(onProgress?: (checked: number, total: number) => void): Promise<AuditVerification> {
    const { db } = this.options.database;
    const total = Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const problems: AuditProblem[] = [];
    let previous = GENESIS_HASH;
    let lastSeq = 0;
    let checked = 0;
    for (;;) {
      const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(1000).execute();
      if (page.length === 0) break;
      for (const raw of page) {
        const row = { ...raw, seq: Number(raw.seq) };
        if (row.prev_hash !== previous) {
          problems.push({ seq: row.seq, problem: 'broken_link', detail: 'the previous row was removed or changed (prev_hash does not match)' });
        }
        const { seq: _seq, hash: _hash, ...content } = row;
        if (linkHash(content) !== row.hash) {
          problems.push({ seq: row.seq, problem: 'changed', detail: 'the row content does not match its hash' });
        }
        previous = row.hash;
        lastSeq = row.seq;
        checked += 1;
      }
      onProgress?.(checked, total);
    }
    const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
    if (head && (Number(head.seq) !== lastSeq || head.hash !== previous)) {
      problems.push({ seq: Number(head.seq), problem: 'head_mismatch', detail: `the newest rows were removed (head records seq ${Number(head.seq)}, log ends at ${lastSeq})` });
    } else if (!head && checked > 0) {
      problems.push({ seq: lastSeq, problem: 'head_mismatch', detail: 'the head record is missing' });
    }
    return { ok: problems.length === 0, checked, problems };
  }
}
