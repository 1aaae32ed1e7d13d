import { beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '#platform/bus/bus.ts';
import type { BusEvent } from '#platform/bus/events.ts';
import { testTransports, useTestBuses } from '#test/support/buses.ts';
import { testStores, type TestDatabase } from '#test/support/stores.ts';
import { sleep, waitFor } from '#test/support/wait.ts';

declare module '#platform/bus/events.ts' {
  interface EventMap {
    'test.ping': { n: number };
    'test.other': { s: string };
  }
}

// One contract, both transports; the memory transport on both stores (NATS keeps its outbox in
// the store too, so it runs on SQLite here and on PostgreSQL in the store-backed service tests).
for (const transport of testTransports()) {
  for (const store of transport === 'memory' ? testStores() : (['sqlite'] as const)) {
    describe(`event bus contract [${transport} on ${store}]`, () => {
      const { db, bus } = useTestBuses(transport, store);
      let tdb: TestDatabase;
      beforeEach(() => {
        tdb = db();
      });

      async function publish(b: EventBus, n: number, organisationId: string | null = null): Promise<BusEvent<'test.ping'>> {
        return tdb.database.transaction((tx) => b.publish(tx, 'test.ping', { n }, { organisationId }));
      }

      it('delivers a committed event to a durable consumer with its id, type, organisation and payload', async () => {
        const b = await bus();
        const seen: BusEvent<'test.ping'>[] = [];
        b.subscribe('c1', ['test.ping'], async (events) => void seen.push(...events));
        await b.start();
        const sent = await publish(b, 7, 'org-1');
        await waitFor(() => seen.length === 1, 'delivery');
        expect(seen[0]).toEqual(sent);
        expect(seen[0]!.organisationId).toBe('org-1');
      });

      it('never delivers the event of a rolled-back transaction', async () => {
        const b = await bus();
        const seen: number[] = [];
        b.subscribe('c1', ['test.ping'], async (events) => void seen.push(...events.map((e) => e.payload.n)));
        await b.start();
        await expect(
          tdb.database.transaction(async (tx) => {
            await b.publish(tx, 'test.ping', { n: 1 });
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        await publish(b, 2);
        await waitFor(() => seen.length === 1, 'the committed event');
        await sleep(200);
        expect(seen).toEqual([2]);
      });

      it('delivers in publication order, in batches no larger than batchSize, only the subscribed types', async () => {
        const b = await bus();
        const batches: number[][] = [];
        b.subscribe('c1', ['test.ping'], async (events) => void batches.push(events.map((e) => e.payload.n)), { batchSize: 10 });
        await b.start();
        await tdb.database.transaction(async (tx) => {
          for (let n = 0; n < 45; n++) {
            await b.publish(tx, 'test.ping', { n });
            await b.publish(tx, 'test.other', { s: String(n) });
          }
        });
        await waitFor(() => batches.flat().length === 45, '45 events');
        expect(batches.flat()).toEqual(Array.from({ length: 45 }, (_, n) => n));
        expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(10);
      });

      it('delivers a batch published with publishMany in order, with distinct ids', async () => {
        const b = await bus();
        const seen: BusEvent<'test.ping'>[] = [];
        b.subscribe('c1', ['test.ping'], async (events) => void seen.push(...events));
        await b.start();
        const sent = await tdb.database.transaction((tx) => b.publishMany(tx, 'test.ping', Array.from({ length: 600 }, (_, n) => ({ payload: { n }, organisationId: 'org' }))));
        await waitFor(() => seen.length === 600, '600 events');
        expect(seen.map((e) => e.payload.n)).toEqual(Array.from({ length: 600 }, (_, n) => n));
        expect(new Set(seen.map((e) => e.id)).size).toBe(600);
        expect(seen.map((e) => e.id)).toEqual(sent.map((e) => e.id));
      });

      it('redelivers a batch whose handler threw', async () => {
        const b = await bus();
        let attempts = 0;
        const done: number[] = [];
        b.subscribe('c1', ['test.ping'], async (events) => {
          attempts += 1;
          if (attempts < 3) throw new Error('transient');
          done.push(...events.map((e) => e.payload.n));
        });
        await b.start();
        await publish(b, 5);
        await waitFor(() => done.length > 0, 'redelivery', 15_000);
        expect(attempts).toBeGreaterThanOrEqual(3);
        expect(done).toEqual([5]);
      });

      it('gives every durable consumer every event', async () => {
        const b = await bus();
        const a: number[] = [];
        const c: number[] = [];
        b.subscribe('a', ['test.ping'], async (events) => void a.push(...events.map((e) => e.payload.n)));
        b.subscribe('c', ['test.ping'], async (events) => void c.push(...events.map((e) => e.payload.n)));
        await b.start();
        for (let n = 0; n < 5; n++) await publish(b, n);
        await waitFor(() => a.length === 5 && c.length === 5, 'both consumers');
        expect(a).toEqual([0, 1, 2, 3, 4]);
        expect(c).toEqual([0, 1, 2, 3, 4]);
      });

      it('resumes after a restart: nothing handled is redelivered, nothing published meanwhile is lost', async () => {
        const first = await bus();
        const seen: number[] = [];
        first.subscribe('c1', ['test.ping'], async (events) => void seen.push(...events.map((e) => e.payload.n)));
        await first.start();
        await publish(first, 1);
        await publish(first, 2);
        await waitFor(() => seen.length === 2, 'first two');
        await first.close();

        const producer = await bus(); // a bus with no consumers, as a separate ingest process would have
        await producer.start();
        await publish(producer, 3);
        await publish(producer, 4);

        const second = await bus();
        const after: number[] = [];
        second.subscribe('c1', ['test.ping'], async (events) => void after.push(...events.map((e) => e.payload.n)));
        await second.start();
        await waitFor(() => after.length === 2, 'the two published while down');
        await sleep(200);
        expect(after).toEqual([3, 4]);
      });

      it('redelivers a batch that was in flight when the process stopped without acknowledging', async () => {
        const first = await bus();
        let release!: () => void;
        const stuck = new Promise<void>((resolve) => (release = resolve));
        let started = false;
        first.subscribe('c1', ['test.ping'], async () => {
          started = true;
          await stuck;
          throw new Error('process died before finishing');
        });
        await first.start();
        await publish(first, 9);
        await waitFor(() => started, 'handler start');
        release();
        await first.close();

        const second = await bus();
        const after: number[] = [];
        second.subscribe('c1', ['test.ping'], async (events) => void after.push(...events.map((e) => e.payload.n)));
        await second.start();
        await waitFor(() => after.length === 1, 'redelivery after restart', 15_000);
        expect(after).toEqual([9]);
      });

      it('gives a live listener the events committed after it started listening, until it stops', async () => {
        const b = await bus();
        await b.start();
        await publish(b, 1);
        await sleep(150);
        const live: number[] = [];
        const stop = b.listen(['test.ping'], (event) => live.push(event.payload.n));
        await sleep(100);
        await publish(b, 2);
        await waitFor(() => live.length === 1, 'live event');
        stop();
        await publish(b, 3);
        await sleep(300);
        expect(live).toEqual([2]);
      });
    });
  }
}
