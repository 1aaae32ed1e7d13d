import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '#core/clock.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import { normaliseReplayLine } from '../normalise.ts';
import type { IncomingPost } from '../post.ts';
import type { PostService } from '../post-service.ts';
import type { TextIndex } from '../search/text-index.ts';
import { loadCursor, saveCursor } from './cursors.ts';
import { readLines } from './line-reader.ts';
import { MAX_LINE_BYTES, parseReplayLine } from './replay-line.ts';

export interface MalformedLine {
  line: number;
  reason: string;
}

/** Where a replay stands; stored with each committed batch, so a restart resumes exactly there. */
export interface ReplayCursor {
  /** Byte offset of the next line to read. */
  offset: number;
  /** Number of the last line consumed. */
  line: number;
  accepted: number;
  duplicates: number;
  malformed: number;
  /** The first malformed lines with the reason, for the report. */
  malformedSamples: MalformedLine[];
  /** The end of the file was reached. */
  done: boolean;
}

export interface ReplayProgress extends ReplayCursor {
  totalBytes: number;
}

export interface ReplayOptions {
  organisationId: string;
  file: string;
  /** Cursor key; default `replay:<file name>`. */
  connectorId?: string;
  /** 1 = as recorded, 60 = an hour a minute; 0 or Infinity = as fast as possible. */
  speed: number;
  batchSize?: number;
  /** Start from the beginning, ignoring a stored cursor. */
  restart?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ReplayProgress) => void;
}

const MAX_SAMPLES = 20;

const freshCursor = (): ReplayCursor => ({ offset: 0, line: 0, accepted: 0, duplicates: 0, malformed: 0, malformedSamples: [], done: false });

/**
 * The JSONL replay connector: plays a recorded stream of posts at a chosen speed. Each batch of
 * posts is stored together with the cursor in one transaction, so a crash (even kill -9) and a
 * restart neither lose nor duplicate a post. Malformed lines are counted and reported, never fatal.
 */
export class ReplayConnector {
  constructor(private readonly options: { database: Database; posts: PostService; pseudonyms: Pseudonymiser; clock: Clock; log: Logger; textIndex?: TextIndex }) {}

  async run(options: ReplayOptions): Promise<ReplayCursor> {
    const { database, posts, pseudonyms, log } = this.options;
    const connectorId = options.connectorId ?? `replay:${basename(options.file)}`;
    const totalBytes = (await stat(options.file)).size;
    const stored = options.restart ? undefined : await loadCursor<ReplayCursor>(database, options.organisationId, connectorId);
    const committed: ReplayCursor = stored ? { ...stored, done: false } : freshCursor();
    const pending: ReplayCursor = { ...committed, malformedSamples: [...committed.malformedSamples] };
    const batchSize = options.batchSize ?? 500;
    const paced = Number.isFinite(options.speed) && options.speed > 0;
    let batch: IncomingPost[] = [];
    let wallStart = 0;
    let firstPostTime: number | undefined;

    const flush = async () => {
      if (batch.length === 0 && pending.offset === committed.offset && pending.done === committed.done) return;
      const toStore = batch;
      batch = [];
      const snapshot: ReplayCursor = { ...pending, malformedSamples: [...pending.malformedSamples] };
      await database.transaction(async (tx) => {
        const result = await posts.ingest(tx, options.organisationId, toStore);
        snapshot.accepted += result.stored.length;
        snapshot.duplicates += result.duplicates;
        await saveCursor(tx, options.organisationId, connectorId, snapshot, this.options.clock.now());
      });
      Object.assign(committed, snapshot);
      pending.accepted = snapshot.accepted;
      pending.duplicates = snapshot.duplicates;
      options.onProgress?.({ ...committed, totalBytes });
    };

    log.info({ connectorId, file: options.file, from: committed.line, speed: options.speed }, 'replay starting');
    for await (const line of readLines(options.file, committed.offset, committed.line, MAX_LINE_BYTES)) {
      if (options.signal?.aborted) break;
      if (line.text.trim() === '') {
        pending.offset = line.nextOffset;
        pending.line = line.number;
        continue;
      }
      const result = parseReplayLine(line.text);
      if (result.ok) {
        if (paced) {
          const at = Date.parse(result.line.createdAt);
          if (firstPostTime === undefined) {
            firstPostTime = at;
            wallStart = performance.now();
          }
          const waitMs = wallStart + (at - firstPostTime) / options.speed - performance.now();
          if (waitMs > 5) {
            await flush();
            try {
              await sleep(waitMs, undefined, { signal: options.signal });
            } catch {
              break; // aborted: this line was not consumed and will be read again on resume
            }
          }
        }
        batch.push(normaliseReplayLine(result.line, pseudonyms));
      } else {
        pending.malformed += 1;
        if (pending.malformedSamples.length < MAX_SAMPLES) pending.malformedSamples.push({ line: line.number, reason: result.reason });
        log.debug({ connectorId, line: line.number, reason: result.reason }, 'malformed line skipped');
      }
      pending.offset = line.nextOffset;
      pending.line = line.number;
      if (batch.length >= batchSize) await flush();
    }
    if (!options.signal?.aborted) pending.done = true;
    await flush();
    log.info({ connectorId, accepted: committed.accepted, duplicates: committed.duplicates, malformed: committed.malformed, done: committed.done }, 'replay stopped');
    return committed;
  }

  /**
   * Forgets a replay and the posts of `organisationId` from that source file, so the stream can
   * be played again from its start (the demo does this once a scenario has finished).
   */
  async reset(organisationId: string, file: string, connectorId?: string): Promise<void> {
    const id = connectorId ?? `replay:${basename(file)}`;
    await this.options.database.transaction(async (tx) => {
      await this.options.textIndex?.removeOrganisation(tx, organisationId);
      await tx.db.deleteFrom('posts').where('organisation_id', '=', organisationId).execute();
      await tx.db.deleteFrom('connector_cursors').where('organisation_id', '=', organisationId).where('connector_id', '=', id).execute();
    });
  }

  /** The stored cursor of a replay, if it ran before. */
  async status(organisationId: string, file: string, connectorId?: string): Promise<ReplayCursor | undefined> {
    return loadCursor<ReplayCursor>(this.options.database, organisationId, connectorId ?? `replay:${basename(file)}`);
  }
}
