import { afterEach, beforeEach, expect, it } from 'vitest';
import { systemClock } from '#core/clock.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import { silentLog } from '#test/support/buses.ts';
import { createTestDatabase, type TestDatabase } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

declare module '#platform/bus/events.ts' {
  interface EventMap {
    'test.batch': { items: { n: number; text: string }[] };
  }
}

// The in-process bus hands committed events to this process's consumers from memory. What must
// hold: every consumer sees every event with the payload that was committed, whether it came
// from memory or from the outbox (after a restart, or beyond the memory budget); consumers share
// the objects, which are frozen under test so that one consumer cannot change another's event.

let tdb: TestDatabase;
const buses: MemoryBus[] = [];
beforeEach(async () => {
  tdb = await createTestDatabase('sqlite');
});
afterEach(async () => {
  for (const bus of buses.splice(0)) await bus.close();
  await tdb.drop();
});

function newBus(committedBudget?: number): MemoryBus {
  const bus = new MemoryBus({ database: tdb.database, clock: systemClock, log: silentLog, pollMs: 50, committedBudget });
  buses.push(bus);
  return bus;
}

const payload = (n: number) => ({ items: Array.from({ length: 20 }, (_, k) => ({ n: n * 100 + k, text: `tekst ${n}-${k} ✓` })) });

async function run(bus: MemoryBus, events: number): Promise<{ a: BusEvent<'test.batch'>[]; b: BusEvent<'test.batch'>[] }> {
  const a: BusEvent<'test.batch'>[] = [];
  const b: BusEvent<'test.batch'>[] = [];
  bus.subscribe('a', ['test.batch'], async (batch) => void a.push(...batch), { batchSize: 3 });
  bus.subscribe('b', ['test.batch'], async (batch) => void b.push(...batch), { batchSize: 7 });
  await bus.start();
  for (let n = 0; n < events; n++) await tdb.database.transaction((tx) => bus.publish(tx, 'test.batch', payload(n)));
  await waitFor(() => a.length === events && b.length === events, 'every event to both consumers');
  return { a, b };
}

it('gives each consumer every committed event once, in order, as committed, sharing frozen objects', async () => {
  const { a, b } = await run(newBus(), 30);
  expect(a.map((e) => e.payload)).toEqual(Array.from({ length: 30 }, (_, n) => payload(n)));
  expect(b.map((e) => e.id)).toEqual(a.map((e) => e.id));
  expect(b[5]).toBe(a[5]); // the same object, not a copy per consumer
  expect(Object.isFrozen(a[5]!.payload.items[3])).toBe(true);
  expect(() => {
    (a[5]!.payload.items[3] as { n: number }).n = -1;
  }).toThrow(TypeError);
});

it('reads from the outbox what it no longer holds: beyond its budget, the same events and payloads', async () => {
  // A budget smaller than one event: every event is read back from the outbox.
  const { a, b } = await run(newBus(100), 30);
  expect(a.map((e) => e.payload)).toEqual(Array.from({ length: 30 }, (_, n) => payload(n)));
  expect(b.map((e) => e.payload)).toEqual(a.map((e) => e.payload));
  expect(a.every((e, i) => e !== b[i])).toBe(true); // parsed for each consumer
});

it('after a restart, delivers from the outbox what consumers had not yet handled', async () => {
  const first = newBus();
  await tdb.database.transaction((tx) => first.publishMany(tx, 'test.batch', [0, 1, 2].map((n) => ({ payload: payload(n), organisationId: null }))));
  await first.close();
  const second = newBus();
  const seen: BusEvent<'test.batch'>[] = [];
  second.subscribe('a', ['test.batch'], async (batch) => void seen.push(...batch));
  await second.start();
  await waitFor(() => seen.length === 3, 'the three events staged before the restart');
  expect(seen.map((e) => e.payload)).toEqual([0, 1, 2].map(payload));
});
