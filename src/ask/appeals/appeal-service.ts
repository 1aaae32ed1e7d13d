import type { Clock } from '#core/clock.ts';
import { conflict, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database, Tx } from '#platform/db/database.ts';
import '../events.ts';
import type { VerifiedPhoto } from '../intake/verify.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { appealTipFigures, insertMedia } from '../tip-store.ts';
import { publishBlocker, secondsBetween, type Appeal, type AppealArea, type AppealFigures, type AppealKind, type AppealOutcome, type AppealStatus, type Consent } from './appeal.ts';
import type { AppealPublisher } from './appeal-publisher.ts';
import { findAppealRow, insertAppeal, listAppealRows, photoIdsOf, toAppeal, type AppealRow } from './appeal-store.ts';

export interface AppealDraft {
  kind: AppealKind;
  title: string;
  description: string;
  area: AppealArea;
  responseInstructions: string;
  durationMinutes: number;
}

/** Photos an appeal may carry (a description, a face, a vehicle). */
export const MAX_APPEAL_PHOTOS = 6;

/**
 * Appeals (SPEC A1): draft → active (published through the {@link AppealPublisher}) → closed with
 * an outcome, whose closing message goes to everyone the appeal reached. Every change is in the
 * audit log (SPEC G2); a missing-person appeal cannot be published without the family's consent.
 */
export class AppealService {
  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; files: MediaFiles; publisher: AppealPublisher }) {}

  async create(organisationId: string, draft: AppealDraft, actor: string): Promise<Appeal> {
    const now = this.options.clock.now().toISOString();
    const row: AppealRow = {
      id: newId(),
      organisation_id: organisationId,
      kind: draft.kind,
      status: 'draft',
      title: draft.title,
      description: draft.description,
      area: JSON.stringify(draft.area),
      response_instructions: draft.responseInstructions,
      duration_minutes: draft.durationMinutes,
      consent: null,
      created_by: actor,
      created_at: now,
      updated_at: now,
      published_at: null,
      ends_at: null,
      closed_at: null,
      outcome: null,
      outcome_text: null,
      publish_message_id: null,
      close_message_id: null,
    };
    await this.options.database.transaction(async (tx) => {
      await insertAppeal(tx.db, row);
      await this.record(tx, row, actor, 'appeal.create', { kind: draft.kind, title: draft.title });
    });
    return toAppeal(row, []);
  }

  /** Edits a draft (published appeals are changed by closing them and starting a new one). */
  async update(organisationId: string, id: string, change: Partial<AppealDraft>, actor: string): Promise<Appeal> {
    await this.mutate(organisationId, id, actor, 'appeal.update', async (tx, row) => {
      if (row.status !== 'draft') throw conflict('APPEAL_NOT_DRAFT', 'Only a draft can be edited.');
      if (change.kind && change.kind !== row.kind && row.consent) throw conflict('APPEAL_KIND_LOCKED', 'Consent was recorded for this kind of appeal; start a new draft instead.');
      await tx.db
        .updateTable('appeals')
        .set({
          ...(change.kind ? { kind: change.kind } : {}),
          ...(change.title ? { title: change.title } : {}),
          ...(change.description ? { description: change.description } : {}),
          ...(change.area ? { area: JSON.stringify(change.area) } : {}),
          ...(change.responseInstructions ? { response_instructions: change.responseInstructions } : {}),
          ...(change.durationMinutes ? { duration_minutes: change.durationMinutes } : {}),
          updated_at: this.options.clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      return { fields: Object.keys(change) };
    });
    return this.get(organisationId, id);
  }

  /** Records the family's consent for a missing-person appeal (Burgernet requires it). */
  async recordConsent(organisationId: string, id: string, consent: Omit<Consent, 'recordedAt' | 'recordedBy'>, actor: string): Promise<Appeal> {
    await this.mutate(organisationId, id, actor, 'appeal.consent', async (tx, row) => {
      if (row.kind !== 'missing_person') throw invalid('CONSENT_NOT_APPLICABLE', 'Consent is recorded for missing-person appeals only.');
      if (row.status !== 'draft') throw conflict('APPEAL_NOT_DRAFT', 'Consent is recorded before publication.');
      const now = this.options.clock.now().toISOString();
      const full: Consent = { ...consent, recordedAt: now, recordedBy: actor };
      await tx.db.updateTable('appeals').set({ consent: JSON.stringify(full), updated_at: now }).where('id', '=', id).execute();
      return { givenBy: consent.givenBy, relation: consent.relation, method: consent.method };
    });
    return this.get(organisationId, id);
  }

  async publish(organisationId: string, id: string, actor: string): Promise<Appeal> {
    await this.mutate(organisationId, id, actor, 'appeal.publish', async (tx, row) => {
      const current = toAppeal(row, []);
      const blocker = publishBlocker(current);
      if (blocker) throw conflict(blocker.code, blocker.message);
      const now = this.options.clock.now();
      const endsAt = new Date(now.getTime() + current.durationMinutes * 60_000).toISOString();
      // Claim the transition first: of two concurrent publishes only one changes the row, so only one message goes out.
      const claimed = await tx.db
        .updateTable('appeals')
        .set({ status: 'active', published_at: now.toISOString(), ends_at: endsAt, updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw conflict('APPEAL_NOT_DRAFT', 'The appeal was published meanwhile.');
      const { messageId } = await this.options.publisher.publish(tx, { ...current, status: 'active', publishedAt: now.toISOString(), endsAt });
      await tx.db.updateTable('appeals').set({ publish_message_id: messageId }).where('id', '=', id).execute();
      return { messageId, endsAt };
    });
    return this.get(organisationId, id);
  }

  async close(organisationId: string, id: string, outcome: AppealOutcome, outcomeText: string | null, actor: string): Promise<Appeal> {
    await this.mutate(organisationId, id, actor, 'appeal.close', async (tx, row) => {
      if (row.status !== 'active') throw conflict('APPEAL_NOT_ACTIVE', `The appeal is ${row.status}; only an active appeal can be closed.`);
      const now = this.options.clock.now().toISOString();
      const claimed = await tx.db
        .updateTable('appeals')
        .set({ status: 'closed', closed_at: now, outcome, outcome_text: outcomeText, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) throw conflict('APPEAL_NOT_ACTIVE', 'The appeal was closed meanwhile.');
      const { messageId } = await this.options.publisher.close(tx, toAppeal(row, []), outcome, outcomeText);
      await tx.db.updateTable('appeals').set({ close_message_id: messageId }).where('id', '=', id).execute();
      return { outcome, messageId };
    });
    return this.get(organisationId, id);
  }

  async get(organisationId: string, id: string): Promise<Appeal> {
    const row = await findAppealRow(this.options.database.db, organisationId, id);
    if (!row) throw notFound('APPEAL_NOT_FOUND', 'No such appeal in this organisation.');
    return toAppeal(row, (await photoIdsOf(this.options.database.db, [id])).get(id) ?? []);
  }

  /** A published or closed appeal as the public may see it; drafts do not exist for the public. */
  async getPublic(id: string): Promise<Appeal> {
    const row = await findAppealRow(this.options.database.db, null, id);
    if (!row || row.status === 'draft') throw notFound('APPEAL_NOT_FOUND', 'No such appeal.');
    return toAppeal(row, (await photoIdsOf(this.options.database.db, [id])).get(id) ?? []);
  }

  async list(organisationId: string, status: AppealStatus[] | undefined, limit: number): Promise<Appeal[]> {
    const rows = await listAppealRows(this.options.database.db, organisationId, status, limit);
    const photos = await photoIdsOf(this.options.database.db, rows.map((r) => r.id));
    return rows.map((r) => toAppeal(r, photos.get(r.id) ?? []));
  }

  async figures(organisationId: string, id: string): Promise<AppealFigures> {
    const appeal = await this.get(organisationId, id);
    const tips = await appealTipFigures(this.options.database.db, id);
    const { publisher } = this.options;
    return {
      reach: appeal.publishMessageId ? await publisher.reach(organisationId, appeal.publishMessageId) : null,
      closingReach: appeal.closeMessageId ? await publisher.reach(organisationId, appeal.closeMessageId) : null,
      tips: tips.tips,
      usefulTips: tips.useful,
      secondsToFirstUsefulTip: secondsBetween(appeal.publishedAt, tips.firstUsefulReceivedAt),
      secondsToFirstTip: secondsBetween(appeal.publishedAt, tips.firstTipReceivedAt),
    };
  }

  /** Adds a photo to a draft; processed like tip photos, and its metadata-free copy is what the public sees. */
  async addPhoto(organisationId: string, id: string, photo: VerifiedPhoto, actor: string): Promise<string> {
    const { database, bus, clock, files } = this.options;
    const row = await findAppealRow(database.db, organisationId, id);
    if (!row) throw notFound('APPEAL_NOT_FOUND', 'No such appeal in this organisation.');
    if (row.status !== 'draft') throw conflict('APPEAL_NOT_DRAFT', 'Photos are added to a draft.');
    const existing = (await photoIdsOf(database.db, [id])).get(id) ?? [];
    if (existing.length >= MAX_APPEAL_PHOTOS) throw conflict('TOO_MANY_PHOTOS', `An appeal carries at most ${MAX_APPEAL_PHOTOS} photos.`);
    const now = clock.now().toISOString();
    const mediaId = newId();
    const originalPath = await files.keepOriginal(photo.incoming, organisationId, mediaId, photo.extension);
    await database.transaction(async (tx) => {
      await insertMedia(tx.db, [
        {
          id: mediaId,
          organisation_id: organisationId,
          owner_type: 'appeal',
          owner_id: id,
          status: 'pending',
          content_type: photo.contentType,
          declared_type: photo.declaredType,
          byte_size: photo.incoming.byteSize,
          sha256: photo.incoming.sha256,
          original_path: originalPath,
          display_path: null,
          thumb_path: null,
          width: photo.width,
          height: photo.height,
          phash: null,
          group_id: null,
          exif_taken_at: null,
          exif_lat: null,
          exif_lon: null,
          reject_reason: null,
          created_at: now,
          processed_at: null,
        },
      ]);
      await this.record(tx, row, actor, 'appeal.photo_add', { mediaId, sha256: photo.incoming.sha256 });
      await bus.publish(tx, 'media.received', { mediaIds: [mediaId], ownerType: 'appeal', ownerId: id }, { organisationId });
    });
    return mediaId;
  }

  /** The display copy of a photo of a published appeal, for the public page. */
  async publicPhotoPath(appealId: string, mediaId: string): Promise<string> {
    const appeal = await this.getPublic(appealId);
    const media = await this.options.database.db
      .selectFrom('media')
      .select(['display_path'])
      .where('id', '=', mediaId)
      .where('owner_type', '=', 'appeal')
      .where('owner_id', '=', appeal.id)
      .executeTakeFirst();
    if (!media?.display_path) throw notFound('MEDIA_NOT_FOUND', 'No such photo (or not ready yet).');
    return media.display_path;
  }

  private async mutate(organisationId: string, id: string, actor: string, action: string, change: (tx: Tx, row: AppealRow) => Promise<Record<string, unknown>>): Promise<void> {
    await this.options.database.transaction(async (tx) => {
      const row = await findAppealRow(tx.db, organisationId, id);
      if (!row) throw notFound('APPEAL_NOT_FOUND', 'No such appeal in this organisation.');
      const data = await change(tx, row);
      await this.record(tx, row, actor, action, data);
    });
  }

  private async record(tx: Tx, row: AppealRow, actor: string, action: string, data: Record<string, unknown>): Promise<void> {
    await this.options.audit.append(tx, { organisationId: row.organisation_id, actor, action, subjectType: 'appeal', subjectId: row.id, data });
    const status = (await tx.db.selectFrom('appeals').select('status').where('id', '=', row.id).executeTakeFirst())?.status ?? row.status;
    await this.options.bus.publish(tx, 'appeal.changed', { appealId: row.id, status }, { organisationId: row.organisation_id });
  }
}
