import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { systemClock } from '#core/clock.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import { MemoryBus } from '#platform/bus/memory-bus.ts';
import type { Database } from '#platform/db/database.ts';
import { createTestDatabase, type StoreKind, type TestDatabase } from './stores.ts';

export type TransportKind = 'memory' | 'nats';

/** The NATS server tests use, when the environment names one (.ci/run always does). */
export function testNatsUrl(): string | undefined {
  const url = process.env.WAAKZAAM_TEST_NATS_URL;
  return url === undefined || url === '' ? undefined : url;
}

export function testTransports(): TransportKind[] {
  return testNatsUrl() ? ['memory', 'nats'] : ['memory'];
}

export const silentLog = pino({ level: 'silent' });

/** A unique stream name, so NATS tests never see each other's events. */
export function uniqueStream(): string {
  return `T_${randomBytes(6).toString('hex')}`;
}

/**
 * A bus of the given transport over `database`. Pass the same `stream` to a second bus to model
 * a restart of the same deployment.
 */
export async function createTestBus(kind: TransportKind, database: Database, stream: string): Promise<EventBus> {
  if (kind === 'memory') return new MemoryBus({ database, clock: systemClock, log: silentLog, pollMs: 50 });
  const { NatsBus } = await import('#platform/bus/nats-bus.ts');
  // A short ack wait, so that a batch a test leaves unacknowledged comes back within the test.
  return NatsBus.connect({ database, clock: systemClock, log: silentLog, servers: [testNatsUrl()!], stream, relayPollMs: 50, ackWaitMs: 3_000 });
}

/** Deletes a test's JetStream stream (and its consumers); nothing to do for the memory transport. */
export async function deleteTestStream(kind: TransportKind, stream: string): Promise<void> {
  if (kind === 'memory') return;
  const { connect } = await import('nats');
  const nc = await connect({ servers: [testNatsUrl()!] });
  try {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.delete(stream).catch(() => false); // a test that failed early never made one
  } finally {
    await nc.close();
  }
}

/**
 * For a describe block: before each test a fresh database of `store` and a unique stream; after
 * it, every bus made with `bus()` closed, the stream deleted and the database dropped.
 */
export function useTestBuses(transport: TransportKind, store: StoreKind): { db: () => TestDatabase; bus: () => Promise<EventBus> } {
  let tdb: TestDatabase | undefined;
  let stream = '';
  const buses: EventBus[] = [];
  beforeEach(async () => {
    tdb = await createTestDatabase(store);
    stream = uniqueStream();
  });
  afterEach(async () => {
    for (const bus of buses.splice(0)) await bus.close();
    await deleteTestStream(transport, stream);
    await tdb?.drop();
  });
  return {
    db: () => tdb!,
    bus: async () => {
      const bus = await createTestBus(transport, tdb!.database, stream);
      buses.push(bus);
      return bus;
    },
  };
}
