import type { Clock } from '#core/clock.ts';
import { invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import '../events.ts';
import type { MediaFiles } from '../media/media-files.ts';
import { insertMedia, insertTips, type MediaRow, type TipRow } from '../tip-store.ts';
import type { TipContact } from '../tip.ts';
import { priorityScore } from '../triage.ts';
import type { VerifiedPhoto } from './verify.ts';

export interface TipInput {
  organisationId?: string;
  appealId?: string;
  text: string;
  location?: { lat: number; lon: number; accuracyM?: number };
  observedAt?: string;
  anonymous: boolean;
  contact?: TipContact;
}

export interface TipReceipt {
  tipId: string;
  receivedAt: string;
  photoIds: string[];
}

const TARGET_CACHE_MS = 60_000;
/** Most tips written in one group-commit transaction. */
const MAX_GROUP = 256;

interface Pending {
  tip: TipRow;
  media: MediaRow[];
  done(error?: unknown): void;
}

/**
 * Tip intake (SPEC A2, A3): stores first, processes later. A tip is accepted once its row, its
 * photos' rows and the `tip.received` event are committed in one transaction, after the
 * originals are durable on disk; classification and photo work run afterwards in the bus
 * consumers, so a flood is absorbed at the speed of a small insert. Nothing identifying the
 * sender's device or network is stored; contact details only when the tipster gives them.
 */
export class TipIntake {
  private readonly organisations = new Map<string, number>();
  private readonly pending: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  /** When (epoch ms) the last tip with photos was submitted; see `busyWithPhotos`. */
  private lastPhotoAt = 0;

  constructor(private readonly options: { database: Database; bus: EventBus; clock: Clock; files: MediaFiles }) {}


  /**
   * Group commit: tips arriving while a transaction is being written wait for the next one,
   * which writes them all (one multi-row insert and one event insert per kind). Each caller is
   * answered only after its tip committed, so durability per tip is unchanged; under a flood
   * the store sees a few large transactions instead of thousands of small ones.
   */
  private commit(entry: Omit<Pending, 'done'>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...entry, done: (error) => (error === undefined ? resolve() : reject(error instanceof Error ? error : new Error('tip not stored', { cause: error }))) });
      // Flush after this turn of the event loop, not now: SQLite's writes complete without
      // yielding to I/O, so a flush started at once would always hold this one tip. Waiting for
      // setImmediate lets every request read in the same I/O phase join the transaction.
      if (!this.flushing && !this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.flush();
        });
      }
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, MAX_GROUP);
        try {
          await this.write(batch);
          for (const entry of batch) entry.done();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.done(error);
            continue;
          }
          // One bad tip must not fail the others: write them one by one.
          for (const entry of batch) {
            try {
              await this.write([entry]);
              entry.done();
            } catch (single) {
              entry.done(single);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(batch: Pending[]): Promise<void> {
    const { database, bus } = this.options;
    await database.transaction(async (tx) => {
      await insertTips(tx.db, batch.map((e) => e.tip));
      await insertMedia(tx.db, batch.flatMap((e) => e.media));
      await bus.publishMany(
        tx,
        'tip.received',
        batch.map((e) => ({ payload: { tipId: e.tip.id, appealId: e.tip.appeal_id, mediaIds: e.media.map((m) => m.id) }, organisationId: e.tip.organisation_id })),
      );
      const withPhotos = batch.filter((e) => e.media.length > 0);
      await bus.publishMany(
        tx,
        'media.received',
        withPhotos.map((e) => ({ payload: { mediaIds: e.media.map((m) => m.id), ownerType: 'tip' as const, ownerId: e.tip.id }, organisationId: e.tip.organisation_id })),
      );
    });
  }

  /** True when photos arrived in the last second: the media processor of this process then yields. */
  busyWithPhotos(): boolean {
    return Date.now() - this.lastPhotoAt < 1000;
  }

  async submit(input: TipInput, photos: readonly VerifiedPhoto[] = []): Promise<TipReceipt> {
    const { clock, files } = this.options;
    if (photos.length > 0) this.lastPhotoAt = Date.now();
    if (input.text.trim().length === 0 && photos.length === 0) throw invalid('TIP_EMPTY', 'A tip needs a text or a photo.');
    if (input.anonymous && input.contact && Object.values(input.contact).some((v) => v)) {
      throw invalid('CONTACT_WHEN_ANONYMOUS', 'An anonymous tip cannot carry contact details; send anonymous: false to leave them.');
    }
    const target = await this.resolveTarget(input);
    const now = clock.now();
    const receivedAt = now.toISOString();
    const tipId = newId(now.getTime());
    const media: MediaRow[] = [];
    for (const photo of photos) {
      const id = newId(now.getTime());
      const originalPath = await files.keepOriginal(photo.incoming, target.organisationId, id, photo.extension);
      media.push({
        id,
        organisation_id: target.organisationId,
        owner_type: 'tip',
        owner_id: tipId,
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
        created_at: receivedAt,
        processed_at: null,
      });
    }
    const contact = !input.anonymous && input.contact ? compactContact(input.contact) : null;
    await this.commit({
      tip: {
        id: tipId,
        organisation_id: target.organisationId,
        appeal_id: target.appealId,
        incident_id: null,
        text: input.text.trim(),
        lat: input.location?.lat ?? null,
        lon: input.location?.lon ?? null,
        location_accuracy_m: input.location?.accuracyM ?? null,
        observed_at: input.observedAt ?? null,
        received_at: receivedAt,
        anonymous: input.anonymous ? 1 : 0,
        contact: contact ? JSON.stringify(contact) : null,
        language: null,
        category: null,
        priority: null,
        relevance: null,
        priority_score: priorityScore({ priority: null, relevance: null, hasAppeal: target.appealId !== null, photoCount: media.length }),
        triaged_at: null,
        status: 'new',
        status_changed_at: null,
        status_changed_by: null,
        photo_count: media.length,
      },
      media,
    });
    return { tipId, receivedAt, photoIds: media.map((m) => m.id) };
  }

  /** The tip's organisation: the appeal's when it answers one, else the one named. */
  private async resolveTarget(input: TipInput): Promise<{ organisationId: string; appealId: string | null }> {
    const { db } = this.options.database;
    if (input.appealId) {
      const appeal = await db.selectFrom('appeals').select(['organisation_id', 'status']).where('id', '=', input.appealId).executeTakeFirst();
      // A draft is not public yet: to a citizen it does not exist.
      if (!appeal || appeal.status === 'draft') throw notFound('APPEAL_NOT_FOUND', 'No such appeal.');
      if (input.organisationId && input.organisationId !== appeal.organisation_id) throw invalid('APPEAL_ORGANISATION_MISMATCH', 'The appeal belongs to another organisation.');
      return { organisationId: appeal.organisation_id, appealId: input.appealId };
    }
    if (!input.organisationId) throw invalid('ORGANISATION_REQUIRED', 'Name the organisation (organisationId) or the appeal (appealId) the tip is for.');
    const known = this.organisations.get(input.organisationId);
    const now = Date.now();
    if (known === undefined || known < now) {
      const found = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
      if (!found) throw notFound('ORGANISATION_NOT_FOUND', 'No such organisation.');
      this.organisations.set(input.organisationId, now + TARGET_CACHE_MS);
    }
    return { organisationId: input.organisationId, appealId: null };
  }
}

function compactContact(contact: TipContact): TipContact | null {
  const out: TipContact = {};
  if (contact.name?.trim()) out.name = contact.name.trim();
  if (contact.email?.trim()) out.email = contact.email.trim();
  if (contact.phone?.trim()) out.phone = contact.phone.trim();
  return Object.keys(out).length > 0 ? out : null;
}
