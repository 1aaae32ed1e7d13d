import type { Clock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import { createHash } from 'node:crypto';
import '../events.ts';
import { findMediaRows, recentHashes, type MediaRow } from '../tip-store.ts';
import { BkTree } from './bk-tree.ts';
import type { MediaFiles } from './media-files.ts';
import { processPhoto, type ProcessedPhoto } from './process.ts';

export const MEDIA_CONSUMER = 'ask.media';
/** Photos at most this many bits apart (of 64) are near duplicates: resized, recompressed, cropped a little. */
export const NEAR_DUPLICATE_DISTANCE = 10;
const INDEX_DAYS = 30;
const INDEX_LIMIT = 100_000;
/** Photos decoded at once; sharp runs each on libuv's thread pool. */
const PARALLEL = 4;
/** Photos decoded at once while the intake of this process is taking uploads (it comes first). */
const PARALLEL_UNDER_INTAKE = 1;

interface GroupEntry {
  id: string;
  groupId: string;
}

/**
 * The heavy half of photo intake, as a durable bus consumer on `media.received`: verifies each
 * original against its SHA-256, reads EXIF, decodes fully (a file that fails now is marked
 * rejected — its original stays, as received), hashes, writes the metadata-free copies and
 * puts the photo in a near-duplicate group through a BK-tree over the organisation's recent
 * hashes. Idempotent: only photos still `pending` are done, and the row changes with its
 * `media.processed` event in one transaction.
 */
export class MediaProcessor {
  private readonly indexes = new Map<string, Promise<BkTree<GroupEntry>>>();

  constructor(
    private readonly options: {
      database: Database;
      bus: EventBus;
      clock: Clock;
      files: MediaFiles;
      log: Logger;
      /**
       * True while the tip intake in this process is busy. Accepting a photo is what a citizen
       * waits for; processing can wait, so during a flood it takes one core's worth of work and
       * catches up afterwards (in the scaled setup intake and workers are separate processes).
       */
      intakeBusy?: () => boolean;
    },
  ) {}

  register(): void {
    this.options.bus.subscribe(MEDIA_CONSUMER, ['media.received'], (events) => this.handle(events), { batchSize: 32 });
  }

  async handle(events: BusEvent<'media.received'>[]): Promise<void> {
    const ids = events.flatMap((e) => e.payload.mediaIds);
    const rows = (await findMediaRows(this.options.database.db, ids)).filter((r) => r.status === 'pending').sort((a, b) => (a.id < b.id ? -1 : 1));
    let next = 0;
    const results = new Map<string, ProcessedPhoto | { rejected: string }>();
    const worker = async (slot: number) => {
      while (next < rows.length) {
        // Workers above the reduced parallelism pause while the intake is busy.
        while (slot >= PARALLEL_UNDER_INTAKE && next < rows.length && this.options.intakeBusy?.()) await new Promise((r) => setTimeout(r, 200));
        if (next >= rows.length) break;
        const row = rows[next++]!;
        results.set(row.id, await this.work(row));
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, (_, slot) => worker(slot)));
    // Grouping and storing go in id order, so a rerun groups the same way.
    for (const row of rows) await this.store(row, results.get(row.id)!);
  }

  private async work(row: MediaRow): Promise<ProcessedPhoto | { rejected: string }> {
    const original = await this.options.files.read(row.original_path);
    const sha256 = createHash('sha256').update(original).digest('hex');
    if (sha256 !== row.sha256) {
      this.options.log.error({ mediaId: row.id }, 'original does not match its SHA-256');
      return { rejected: 'the stored original does not match the SHA-256 taken on receipt' };
    }
    try {
      return await processPhoto(original);
    } catch (error) {
      return { rejected: `the image could not be decoded: ${error instanceof Error ? error.message : String(error)}`.slice(0, 300) };
    }
  }

  private async store(row: MediaRow, result: ProcessedPhoto | { rejected: string }): Promise<void> {
    const { database, bus, clock, files } = this.options;
    const processedAt = clock.now().toISOString();
    let update: Partial<MediaRow>;
    let entry: { hash: string; value: GroupEntry } | undefined;
    if ('rejected' in result) {
      update = { status: 'rejected', reject_reason: result.rejected, processed_at: processedAt };
    } else {
      const displayPath = await files.writeDerived(row.organisation_id, `${row.id}-display.jpg`, result.display);
      const thumbPath = await files.writeDerived(row.organisation_id, `${row.id}-thumb.jpg`, result.thumbnail);
      const index = await this.indexOf(row.organisation_id);
      const nearest = index.within(result.phash, NEAR_DUPLICATE_DISTANCE).find((m) => m.value.id !== row.id);
      const groupId = nearest?.value.groupId ?? row.id;
      entry = { hash: result.phash, value: { id: row.id, groupId } };
      update = {
        status: 'processed',
        display_path: displayPath,
        thumb_path: thumbPath,
        width: result.width,
        height: result.height,
        phash: result.phash,
        group_id: groupId,
        exif_taken_at: result.metadata.takenAt,
        exif_lat: result.metadata.lat,
        exif_lon: result.metadata.lon,
        processed_at: processedAt,
      };
    }
    const changed = await database.transaction(async (tx) => {
      const done = await tx.db.updateTable('media').set(update).where('id', '=', row.id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false;
      await bus.publish(
        tx,
        'media.processed',
        { mediaId: row.id, ownerType: row.owner_type, ownerId: row.owner_id, status: update.status as 'processed' | 'rejected', groupId: update.group_id ?? null },
        { organisationId: row.organisation_id },
      );
      return true;
    });
    if (changed && entry) (await this.indexOf(row.organisation_id)).add(entry.hash, entry.value);
  }

  /** The organisation's grouping index, loaded from the store on first use after a start. */
  private indexOf(organisationId: string): Promise<BkTree<GroupEntry>> {
    let index = this.indexes.get(organisationId);
    if (!index) {
      index = (async () => {
        const since = new Date(this.options.clock.now().getTime() - INDEX_DAYS * 86_400_000).toISOString();
        const tree = new BkTree<GroupEntry>();
        const rows = await recentHashes(this.options.database.db, organisationId, since, INDEX_LIMIT);
        for (const r of rows.reverse()) tree.add(r.phash, { id: r.id, groupId: r.group_id });
        return tree;
      })();
      this.indexes.set(organisationId, index);
      void index.catch(() => this.indexes.delete(organisationId));
    }
    return index;
  }
}
