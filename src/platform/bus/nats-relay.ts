import type { JetStreamClient } from 'nats';
import type { Clock } from '#core/clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { lastOutboxSeq, readOutbox, rowToEvent, type OutboxRow } from './outbox.ts';
import { Pause } from './pause.ts';

export interface OutboxRelayOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  js: JetStreamClient;
  /** The stream every event must land in (a publish to a subject outside it fails). */
  stream: string;
  /** The JetStream subject of an event type. */
  subjectOf: (type: string) => string;
  /** How often to look for rows committed by other processes. */
  pollMs: number;
  batchSize?: number;
}

/**
 * Moves committed outbox rows to JetStream, oldest first, and marks them `published_at` once the
 * stream has acknowledged them. The publish carries the event id as `Nats-Msg-Id`, so a row sent
 * twice — a crash between the PubAck and the mark, or a relay in another process that read the
 * same row — is stored once as long as the repeat falls in the stream's duplicate window.
 *
 * It walks the outbox by `seq` from a cursor instead of asking for `published_at IS NULL` on
 * every poll: that would scan the table, which has no index on `published_at` and keeps
 * published rows until they are purged. The walk is safe because writers of the outbox hold the
 * log lock until commit (dialect.lockLog), so no row ever appears behind a seq already seen.
 */
export class OutboxRelay {
  private readonly pause = new Pause();
  private readonly log: Logger;
  private readonly encoder = new TextEncoder();
  private loop: Promise<void> | undefined;

  constructor(private readonly options: OutboxRelayOptions) {
    this.log = options.log;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** A transaction in this process committed an event: publish now rather than at the next poll. */
  wake(): void {
    this.pause.wake();
  }

  /** Stops the relay; a batch being published is finished and marked first. */
  async close(): Promise<void> {
    this.pause.stop();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { pollMs } = this.options;
    let cursor: number | undefined;
    let failures = 0;
    while (!this.pause.stopped) {
      try {
        cursor ??= await this.startingCursor();
        const next = await this.relayBatch(cursor);
        failures = 0;
        if (next === cursor) await this.pause.wait(pollMs);
        cursor = next;
      } catch (error) {
        failures += 1;
        const backoffMs = Math.min(30_000, 100 * 2 ** Math.min(failures, 9));
        this.log.error({ err: error, failures, backoffMs }, 'outbox relay failed; retrying');
        await this.pause.wait(backoffMs, false);
      }
    }
  }

  /** Just before the oldest unpublished row, or the end of the outbox when all are published. */
  private async startingCursor(): Promise<number> {
    // Read the end first: a row committed between the two queries lies beyond it and is walked.
    const last = await lastOutboxSeq(this.options.database);
    const oldest = await this.options.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('seq').as('seq'))
      .where('published_at', 'is', null)
      .where('seq', '<=', last)
      .executeTakeFirst();
    return oldest?.seq == null ? last : Number(oldest.seq) - 1;
  }

  /** Publishes the unpublished rows of the next batch after `cursor`; returns the new cursor. */
  private async relayBatch(cursor: number): Promise<number> {
    const rows = await readOutbox(this.options.database, cursor, this.options.batchSize ?? 256);
    const published: number[] = [];
    try {
      // One at a time, each awaiting its PubAck: pipelining would let a failed publish be
      // retried behind later ones and break outbox order in the stream.
      for (const row of rows) {
        if (row.published_at !== null) continue; // another process's relay got there first
        await this.publish(row);
        published.push(row.seq);
      }
    } finally {
      // Mark what did reach the stream even when a later row failed, so it is not sent again.
      if (published.length > 0) await this.markPublished(published);
    }
    return rows.length === 0 ? cursor : rows[rows.length - 1]!.seq;
  }

  private async publish(row: OutboxRow): Promise<void> {
    const event = rowToEvent(row);
    const ack = await this.options.js.publish(this.options.subjectOf(row.type), this.encoder.encode(JSON.stringify(event)), {
      msgID: event.id,
      expect: { streamName: this.options.stream },
    });
    if (ack.duplicate) this.log.debug({ eventId: event.id, seq: row.seq }, 'event was already in the stream');
  }

  private async markPublished(seqs: number[]): Promise<void> {
    await this.options.database.db
      .updateTable('outbox')
      .set({ published_at: this.options.clock.now().toISOString() })
      .where('seq', 'in', seqs)
      .execute();
  }
}
