import { createHash } from 'node:crypto';
import type { Clock } from '#core/clock.ts';
import { AppError, invalid, notFound } from '#core/errors.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import './events.ts';
import type { MediaFiles } from './media/media-files.ts';
import { findMediaRow, findTipRow, hydrateTips, queryQueue, type QueueQuery } from './tip-store.ts';
import type { Tip, TipStatus } from './tip.ts';

export interface TipPage {
  items: Tip[];
  nextCursor: string | null;
}

export interface TipChange {
  status?: TipStatus;
  /** null unlinks. */
  appealId?: string | null;
  incidentId?: string | null;
}

export interface OriginalFile {
  bytes: Buffer;
  contentType: string;
  sha256: string;
  fileName: string;
}

/**
 * The operators' side of tips (SPEC A2): the triage queue, status and links, and access to the
 * photos. Originals are evidence: every view or export is written to the audit log (who, which
 * photo, its SHA-256, why) before the bytes leave, and the bytes are checked against the SHA-256
 * taken on receipt. The copies staff normally see carry no metadata.
 */
export class TipService {
  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; files: MediaFiles }) {}

  async queue(query: Omit<QueueQuery, 'after'> & { cursor?: string }): Promise<TipPage> {
    const after = query.cursor ? parseCursor(query.cursor) : undefined;
    const rows = await queryQueue(this.options.database.db, { ...query, after, limit: query.limit + 1 });
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const items = await hydrateTips(this.options.database.db, query.organisationId, page);
    const last = page[page.length - 1];
    return { items, nextCursor: more && last ? `${Number(last.priority_score)}:${last.id}` : null };
  }

  async get(organisationId: string, id: string): Promise<Tip> {
    const row = await findTipRow(this.options.database.db, organisationId, id);
    if (!row) throw notFound('TIP_NOT_FOUND', 'No such tip in this organisation.');
    return (await hydrateTips(this.options.database.db, organisationId, [row]))[0]!;
  }

  /** Changes status and links; audited, and announced for the live queue. */
  async update(organisationId: string, id: string, change: TipChange, actor: string): Promise<Tip> {
    const { database, bus, audit, clock } = this.options;
    await database.transaction(async (tx) => {
      const row = await findTipRow(tx.db, organisationId, id);
      if (!row) throw notFound('TIP_NOT_FOUND', 'No such tip in this organisation.');
      if (change.appealId) {
        const appeal = await tx.db.selectFrom('appeals').select('id').where('id', '=', change.appealId).where('organisation_id', '=', organisationId).executeTakeFirst();
        if (!appeal) throw notFound('APPEAL_NOT_FOUND', 'No such appeal in this organisation.');
      }
      if (change.status === 'new' && row.status !== 'new') throw invalid('TIP_STATUS_BACKWARDS', 'A tip that has been looked at cannot become new again.');
      const now = clock.now().toISOString();
      const next = {
        status: change.status ?? row.status,
        appeal_id: change.appealId === undefined ? row.appeal_id : change.appealId,
        incident_id: change.incidentId === undefined ? row.incident_id : change.incidentId,
      };
      const statusChanged = next.status !== row.status;
      await tx.db
        .updateTable('tips')
        .set({ ...next, ...(statusChanged ? { status_changed_at: now, status_changed_by: actor } : {}) })
        .where('id', '=', id)
        .execute();
      await audit.append(tx, {
        organisationId,
        actor,
        action: 'tip.update',
        subjectType: 'tip',
        subjectId: id,
        data: { from: { status: row.status, appealId: row.appeal_id, incidentId: row.incident_id }, to: { status: next.status, appealId: next.appeal_id, incidentId: next.incident_id } },
      });
      await bus.publish(tx, 'tip.updated', { tipId: id, status: next.status, appealId: next.appeal_id, incidentId: next.incident_id }, { organisationId });
    });
    return this.get(organisationId, id);
  }

  /** The original bytes as received, after an audit entry; refuses if they no longer match their hash. */
  async original(organisationId: string, mediaId: string, use: 'view' | 'export', actor: string, purpose: string | null): Promise<OriginalFile> {
    const { database, audit, files } = this.options;
    const row = await findMediaRow(database.db, organisationId, mediaId);
    if (!row) throw notFound('MEDIA_NOT_FOUND', 'No such photo in this organisation.');
    const bytes = await files.read(row.original_path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const intact = sha256 === row.sha256;
    await audit.record({
      organisationId,
      actor,
      action: intact ? `media.original.${use}` : 'media.original.integrity_failure',
      subjectType: 'media',
      subjectId: mediaId,
      data: { owner: `${row.owner_type}:${row.owner_id}`, sha256: row.sha256, ...(intact ? {} : { found: sha256 }), ...(purpose ? { purpose } : {}) },
    });
    if (!intact) throw new AppError('unavailable', 'MEDIA_INTEGRITY_FAILURE', 'The stored original no longer matches the SHA-256 taken on receipt; this has been logged.');
    const extension = row.original_path.split('.').pop() ?? 'bin';
    return { bytes, contentType: row.content_type, sha256, fileName: `${row.owner_type}-${row.owner_id}-${row.id}.${extension}` };
  }

  /** A metadata-free copy (display or thumbnail) of a processed photo. */
  async copy(organisationId: string, mediaId: string, kind: 'display' | 'thumbnail'): Promise<Buffer> {
    const row = await findMediaRow(this.options.database.db, organisationId, mediaId);
    if (!row) throw notFound('MEDIA_NOT_FOUND', 'No such photo in this organisation.');
    const path = kind === 'display' ? row.display_path : row.thumb_path;
    if (!path) throw new AppError('conflict', 'MEDIA_NOT_READY', row.status === 'rejected' ? `The photo was rejected: ${row.reject_reason ?? ''}` : 'The photo is still being processed.');
    return this.options.files.read(path);
  }
}

function parseCursor(cursor: string): { score: number; id: string } {
  const match = /^(-?\d{1,9}):([0-9a-f-]{36})$/.exec(cursor);
  if (!match) throw invalid('INVALID_CURSOR', 'The cursor is not one this API gave out.');
  return { score: Number(match[1]), id: match[2]! };
}
