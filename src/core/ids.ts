import { randomBytes } from 'node:crypto';

// Random bytes are drawn 4 KiB at a time: one system call per 409 ids instead of one per id
// (ids are made per post on the ingest hot path).
const POOL_SIZE = 4096;
const RANDOM_BYTES = 10;
let pool = Buffer.alloc(0);
let poolOffset = POOL_SIZE;

/** 20 random hex digits. */
function randomHex(): string {
  if (poolOffset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + RANDOM_BYTES);
  poolOffset += RANDOM_BYTES;
  return hex;
}

const VARIANT = '89ab';
// A batch stamps many ids with the same millisecond: its hex is made once.
let stampedMs = -1;
let stamp = '';

/**
 * A time-ordered unique id (UUID version 7, RFC 9562): sortable by creation time, so "newest
 * first" queries and cursors need no separate sequence, and safe to create on any process.
 * Layout: 48 bits of Unix milliseconds, the version 7, 12 random bits, the variant (binary 10)
 * and 62 random bits.
 */
export function newId(now: number = Date.now()): string {
  if (now !== stampedMs) {
    const ms = now.toString(16).padStart(12, '0');
    stamp = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
    stampedMs = now;
  }
  const r = randomHex();
  return `${stamp}${r.slice(0, 3)}-${VARIANT[parseInt(r[3]!, 16) & 3]}${r.slice(4, 7)}-${r.slice(7, 19)}`;
}

/** The smallest id {@link newId} makes in millisecond `ms`: ids ≥ it were made at `ms` or later. */
export function firstIdAt(ms: number): string {
  const hex = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when the value has the shape of an id made by {@link newId} (or any UUID). */
export function isId(value: string): boolean {
  return UUID.test(value);
}
