import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '#core/clock.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import { purgeOutbox } from '#platform/bus/outbox.ts';
import { silentLog } from '#test/support/buses.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/stores.ts';
import { sleep, waitFor } from '#test/support/wait.ts';

declare module '#platform/bus/events.ts' {
  interface EventMap {
    'test.ping': { n: number };
    'test.other': { s: string };
  }
}

let tdb: TestDatabase;
let bus: MemoryBus;
beforeEach(async () => {
  tdb = await createTestDatabase('sqlite');
  // Polling so slow that only a wake by commit can explain a prompt delivery within the test.
  bus = new MemoryBus({ database: tdb.database, clock: systemClock, log: silentLog, pollMs: 60_000 });
});
afterEach(async () => {
  await bus.close();
  await tdb.drop();
});

const offsetOf = async (consumer: string) => (await tdb.database.db.selectFrom('bus_offsets').select('last_seq').where('consumer', '=', consumer).executeTakeFirst())?.last_seq ?? null;

it('a commit wakes the consumers of its event type at once, and leaves the others idle', async () => {
  const pings: BusEvent<'test.ping'>[] = [];
  const others: BusEvent<'test.other'>[] = [];
  bus.subscribe('pings', ['test.ping'], async (events) => void pings.push(...events));
  bus.subscribe('others', ['test.other'], async (events) => void others.push(...events));
  await bus.start();
  await sleep(50); // both loops are idle now

  for (let n = 0; n < 20; n++) await tdb.database.transaction((tx) => bus.publish(tx, 'test.ping', { n }));
  await waitFor(() => pings.length === 20, 'pings delivered by wake');
  await waitFor(async () => Number(await offsetOf('pings')) >= 20, 'pings offset saved');
  // The other consumer was not woken: its offset is still the one recorded when the bus started.
  expect(await offsetOf('others')).toBe(0);

  await tdb.database.transaction((tx) => bus.publish(tx, 'test.other', { s: 'x' }));
  await waitFor(() => others.length === 1, 'other delivered by wake');
  expect(others[0]!.payload).toEqual({ s: 'x' });
  expect(pings).toHaveLength(20);
});

it('an idle consumer records, within seconds, how far it passed over other types\' events', async () => {
  const seen: BusEvent<'test.other'>[] = [];
  const polling = new MemoryBus({ database: tdb.database, clock: systemClock, log: silentLog, pollMs: 100 });
  polling.subscribe('others', ['test.other'], async (events) => void seen.push(...events));
  await polling.start();
  try {
    await tdb.database.transaction((tx) => polling.publish(tx, 'test.other', { s: 'first' }));
    await waitFor(() => seen.length === 1, 'first delivered');
    for (let n = 0; n < 5; n++) await tdb.database.transaction((tx) => polling.publish(tx, 'test.ping', { n }));
    // Not at once (saving on every passed-over event cost each commit a write per consumer) …
    expect(Number(await offsetOf('others'))).toBe(1);
    // … but once idle, within the save interval: monitoring and restarts see the true position.
    await waitFor(async () => Number(await offsetOf('others')) === 6, 'offset over the pings saved', 8_000);
  } finally {
    await polling.close();
  }
});

it('holds a new consumer\'s events back from the outbox purge until it has passed them', async () => {
  // Events staged before the bus starts, as in a store that gains a consumer in an upgrade.
  for (let n = 0; n < 3; n++) await tdb.database.transaction((tx) => bus.publish(tx, 'test.ping', { n }));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const slow: BusEvent<'test.ping'>[] = [];
  bus.subscribe('fast', ['test.ping'], async () => {});
  bus.subscribe('slow', ['test.ping'], async (events) => {
    await held;
    slow.push(...events);
  });
  await bus.start();
  await waitFor(async () => Number(await offsetOf('fast')) >= 3, 'fast consumer passed the events');
  // The slow one has read nothing yet: a purge now must leave its events.
  expect(await purgeOutbox(tdb.database, 'memory', new Date('2100-01-01T00:00:00Z'))).toBe(0);
  release();
  await waitFor(() => slow.length === 3, 'slow consumer got all three');
  await waitFor(async () => Number(await offsetOf('slow')) >= 3, 'slow offset saved');
  expect(await purgeOutbox(tdb.database, 'memory', new Date('2100-01-01T00:00:00Z'))).toBe(3);
});
