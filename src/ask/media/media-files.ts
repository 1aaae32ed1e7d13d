import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '#core/ids.ts';

const STALE_INCOMING_MS = 3_600_000;

export interface IncomingFile {
  /** Absolute path of the temporary file. */
  path: string;
  byteSize: number;
  sha256: string;
  /** True when the stream was cut off at the size limit. */
  truncated: boolean;
}

/**
 * The media directory: `incoming/` (uploads being received), `originals/<organisation>/` (the
 * bytes exactly as received, the evidence) and `derived/<organisation>/` (metadata-free copies).
 * Originals are made durable (fsync of the file and its directory) before the database row that
 * points at them commits, so an accepted photo survives a crash at any later moment.
 */
export class MediaFiles {
  readonly root: string;
  /** This process's own part of `incoming/`, so that processes sharing the directory never clear each other's uploads. */
  private readonly incoming = join('incoming', newId());

  constructor(root: string) {
    this.root = resolve(root);
  }

  /**
   * Creates the directories and removes what a crashed process left in `incoming/` (uploads cut
   * off before they were accepted): every other process's folder untouched for an hour.
   */
  async prepare(): Promise<void> {
    for (const dir of [this.incoming, 'originals', 'derived']) await mkdir(this.path(dir), { recursive: true });
    const cutoff = Date.now() - STALE_INCOMING_MS;
    for (const entry of await readdir(this.path('incoming'))) {
      const path = this.path('incoming', entry);
      if (path === this.path(this.incoming)) continue;
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(path, { recursive: true, force: true });
    }
  }

  /** Streams an upload to a temporary file, hashing it on the way. */
  async receive(stream: Readable & { truncated?: boolean }): Promise<IncomingFile> {
    const path = this.path(this.incoming, newId());
    const hash = createHash('sha256');
    let byteSize = 0;
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      byteSize += chunk.length;
    });
    try {
      await pipeline(stream, createWriteStream(path, { flags: 'wx' }));
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
    return { path, byteSize, sha256: hash.digest('hex'), truncated: stream.truncated === true };
  }

  /** Moves a received file to its permanent place, durably; returns the path relative to the root. */
  async keepOriginal(incoming: IncomingFile, organisationId: string, mediaId: string, extension: string): Promise<string> {
    const relative = join('originals', safeSegment(organisationId), `${mediaId}.${extension}`);
    const target = this.path(relative);
    await mkdir(dirname(target), { recursive: true });
    await fsyncFile(incoming.path);
    await rename(incoming.path, target);
    await fsyncDirectory(dirname(target));
    return relative;
  }

  /** Writes a derived copy (replaceable: it can always be made again from the original). */
  async writeDerived(organisationId: string, name: string, bytes: Buffer): Promise<string> {
    const relative = join('derived', safeSegment(organisationId), name);
    const target = this.path(relative);
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.${newId()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
    return relative;
  }

  async read(relative: string): Promise<Buffer> {
    return readFile(this.path(relative));
  }

  async discard(incoming: IncomingFile): Promise<void> {
    await rm(incoming.path, { force: true });
  }

  /** Files in this process's `incoming/` (nothing should linger after a request). */
  async incomingCount(): Promise<number> {
    return (await readdir(this.path(this.incoming)).catch(() => [])).length;
  }

  /** The absolute path of a relative one; refuses anything that would leave the root. */
  path(...parts: string[]): string {
    const full = resolve(this.root, ...parts);
    if (full !== this.root && !full.startsWith(this.root + sep)) throw new Error('media path outside the media directory');
    return full;
  }
}

function safeSegment(value: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new Error('unsafe path segment');
  return value;
}

async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
