import { connect, nanos, StorageType, type JetStreamManager, type NatsConnection } from 'nats';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '#core/clock.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { NatsBus, durableName, type NatsBusOptions } from '#platform/bus/nats-bus.ts';
import { silentLog, testNatsUrl, uniqueStream } from '#test/support/buses.ts';
import { createTestDatabase, testStores, type TestDatabase } from '#test/support/stores.ts';
import { sleep, waitFor } from '#test/support/wait.ts';

declare module '#platform/bus/events.ts' {
  interface EventMap {
    'natstest.a': { n: number };
    'natstest.b': { n: number };
    'natstest.c': { n: number };
  }
}

// What only the JetStream transport does: the relay, the stream, de-duplication, durable names.
// The delivery guarantees themselves are in bus-contract.test.ts.
const natsUrl = testNatsUrl();

describe.skipIf(!natsUrl)('NATS JetStream transport', () => {
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    nc = await connect({ servers: [natsUrl!] });
    jsm = await nc.jetstreamManager();
  });
  afterAll(async () => {
    await nc.close();
  });

  for (const store of testStores()) {
    describe(`[${store}]`, () => {
      let tdb: TestDatabase;
      let stream: string;
      const buses: NatsBus[] = [];

      beforeEach(async () => {
        tdb = await createTestDatabase(store);
        stream = uniqueStream();
      });
      afterEach(async () => {
        for (const bus of buses.splice(0)) await bus.close();
        await jsm.streams.delete(stream).catch(() => false);
        await tdb.drop();
      });

      async function bus(overrides: Partial<NatsBusOptions> = {}): Promise<NatsBus> {
        const b = await NatsBus.connect({
          database: tdb.database,
          clock: systemClock,
          log: silentLog,
          servers: [natsUrl!],
          stream,
          relayPollMs: 50,
          ackWaitMs: 3_000,
          ...overrides,
        });
        buses.push(b);
        return b;
      }

      async function closeBus(b: NatsBus): Promise<void> {
        await b.close();
        buses.splice(buses.indexOf(b), 1);
      }

      async function publish(b: NatsBus, type: 'natstest.a' | 'natstest.b' | 'natstest.c', n: number): Promise<BusEvent> {
        return tdb.database.transaction((tx) => b.publish(tx, type, { n }));
      }

      async function publishedAt(id: string): Promise<string | null> {
        const row = await tdb.database.db.selectFrom('outbox').select('published_at').where('id', '=', id).executeTakeFirstOrThrow();
        return row.published_at;
      }

      async function messagesInStream(): Promise<number> {
        return (await jsm.streams.info(stream)).state.messages;
      }

      it('creates the stream with its subjects, file storage and limits, and updates the limits of an existing one', async () => {
        await bus();
        const created = (await jsm.streams.info(stream)).config;
        expect(created.subjects).toEqual([`${stream.toLowerCase()}.>`]);
        expect(created.storage).toBe(StorageType.File);
        expect(created.duplicate_window).toBe(nanos(120_000));
        expect(created.max_age).toBe(nanos(7 * 24 * 3_600_000));

        await bus({ duplicateWindowMs: 60_000, maxAgeMs: 3_600_000 });
        const updated = (await jsm.streams.info(stream)).config;
        expect(updated.duplicate_window).toBe(nanos(60_000));
        expect(updated.max_age).toBe(nanos(3_600_000));
      });

      it('publishes committed outbox rows to <stream>.<type> and marks them published_at', async () => {
        const b = await bus();
        await b.start();
        const event = await publish(b, 'natstest.a', 1);
        await waitFor(async () => (await publishedAt(event.id)) !== null, 'published_at');
        expect(await messagesInStream()).toBe(1);
        const stored = await jsm.streams.getMessage(stream, { last_by_subj: `${stream.toLowerCase()}.natstest.a` });
        expect(stored.json<BusEvent>()).toEqual(event);
        expect(stored.header.get('Nats-Msg-Id')).toBe(event.id);
      });

      it('relays rows committed by another process, found by polling', async () => {
        const relaying = await bus();
        await relaying.start();
        const other = await bus(); // never started: it stages events but runs no relay, like a CLI
        const event = await publish(other, 'natstest.a', 1);
        await waitFor(async () => (await publishedAt(event.id)) !== null, 'the relay of the running bus');
      });

      it('stores an event once when a crashed relay publishes it again, so a consumer sees it once', async () => {
        const first = await bus();
        await first.start();
        const event = await publish(first, 'natstest.a', 1);
        await waitFor(async () => (await publishedAt(event.id)) !== null, 'first publish');
        await closeBus(first);
        // The crash: the PubAck came, the mark did not.
        await tdb.database.db.updateTable('outbox').set({ published_at: null }).where('id', '=', event.id).execute();

        const second = await bus();
        const seen: string[] = [];
        second.subscribe('c1', ['natstest.a'], async (events) => void seen.push(...events.map((e) => e.id)));
        await second.start();
        await waitFor(async () => (await publishedAt(event.id)) !== null, 'second publish');
        await waitFor(() => seen.length === 1, 'delivery');
        await sleep(300);
        expect(seen).toEqual([event.id]);
        expect(await messagesInStream()).toBe(1);
      });

      it('gives a consumer of several types exactly those types, in order', async () => {
        const b = await bus();
        const seen: string[] = [];
        b.subscribe('several', ['natstest.a', 'natstest.b'], async (events) => void seen.push(...events.map((e) => `${e.type}:${e.payload.n}`)));
        await b.start();
        await tdb.database.transaction(async (tx) => {
          for (let n = 0; n < 3; n++) {
            await b.publish(tx, 'natstest.a', { n });
            await b.publish(tx, 'natstest.c', { n });
            await b.publish(tx, 'natstest.b', { n });
          }
        });
        await waitFor(() => seen.length === 6, 'six events');
        await sleep(200);
        expect(seen).toEqual(['natstest.a:0', 'natstest.b:0', 'natstest.a:1', 'natstest.b:1', 'natstest.a:2', 'natstest.b:2']);
      });

      it('keeps a consumer in place when its types change between releases', async () => {
        const first = await bus();
        const before: number[] = [];
        first.subscribe('c1', ['natstest.a'], async (events) => void before.push(...events.map((e) => e.payload.n)));
        await first.start();
        await publish(first, 'natstest.a', 1);
        await waitFor(() => before.length === 1, 'the first release');
        await closeBus(first);

        const second = await bus();
        const after: string[] = [];
        second.subscribe('c1', ['natstest.a', 'natstest.b'], async (events) => void after.push(...events.map((e) => `${e.type}:${e.payload.n}`)));
        await second.start();
        await publish(second, 'natstest.b', 2);
        await waitFor(() => after.includes('natstest.b:2'), 'the newly subscribed type');
        expect(after).toEqual(['natstest.b:2']);
      });

      it('recreates a consumer deleted from under it (starting over: at least once)', async () => {
        const b = await bus();
        const seen: number[] = [];
        b.subscribe('c1', ['natstest.a'], async (events) => void seen.push(...events.map((e) => e.payload.n)));
        await b.start();
        await publish(b, 'natstest.a', 1);
        await waitFor(() => seen.length === 1, 'first');
        await jsm.consumers.delete(stream, 'c1');
        await publish(b, 'natstest.a', 2);
        await waitFor(() => seen.includes(2), 'delivery after the consumer was recreated', 15_000);
        expect(seen).toEqual([1, 1, 2]);
      });

      it('names durable consumers with the characters NATS allows, keeping distinct names distinct', async () => {
        expect(durableName('watch-rank_2')).toBe('watch-rank_2');
        expect(durableName('watch.rank')).toMatch(/^watch_rank_[0-9a-f]{8}$/);
        expect(durableName('watch.rank')).not.toBe(durableName('watch_rank'));
        const b = await bus();
        const seen: number[] = [];
        b.subscribe('watch.rank', ['natstest.a'], async (events) => void seen.push(...events.map((e) => e.payload.n)));
        await b.start();
        await publish(b, 'natstest.a', 4);
        await waitFor(() => seen.length === 1, 'delivery');
        expect((await jsm.consumers.info(stream, durableName('watch.rank'))).config.durable_name).toBe(durableName('watch.rank'));
      });

      it('does not redeliver a batch whose handler outlasts ack_wait: the running process keeps it', async () => {
        const b = await bus({ ackWaitMs: 1_000 });
        let calls = 0;
        b.subscribe('slow', ['natstest.a'], async () => {
          calls += 1;
          if (calls === 1) await sleep(2_500);
        });
        await b.start();
        await publish(b, 'natstest.a', 1);
        await waitFor(() => calls === 1, 'first call');
        await sleep(3_500);
        expect(calls).toBe(1);
      });

      it('refuses event types that cannot be subjects', async () => {
        const b = await bus();
        const bad = 'natstest.*' as 'natstest.a';
        await expect(tdb.database.transaction((tx) => b.publish(tx, bad, { n: 1 }))).rejects.toThrow(/cannot be a NATS subject/);
        expect(() => b.subscribe('c1', [bad], async () => {})).toThrow(/cannot be a NATS subject/);
      });
    });
  }

  it('fails to connect with an error that names the servers', async () => {
    const database = (await createTestDatabase('sqlite')).database;
    try {
      await expect(
        NatsBus.connect({ database, clock: systemClock, log: silentLog, servers: ['nats://127.0.0.1:1'], stream: uniqueStream() }),
      ).rejects.toThrow(/nats:\/\/127\.0\.0\.1:1/);
    } finally {
      await database.close();
    }
  });
});
