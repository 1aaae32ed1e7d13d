import { randomBytes } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids instead of one per id
// (ids are made per post on the ingest hot path).
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;

function nextRandom16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

/**
 * A time-ordered unique id (UUID version 7, RFC 9562): sortable by creation time, so "newest
 * first" queries and cursors need no separate sequence, and safe to create on any process.
 */
export function newId(now: number = Date.now()): string {
  const bytes = nextRandom16();
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when the value has the shape of an id made by {@link newId} (or any UUID). */
export function isId(value: string): boolean {
  return UUID.test(value);
}
