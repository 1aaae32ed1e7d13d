import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { BusEvent } from '#platform/bus/events.ts';
import '#watch/events.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildReplayLine } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

const dir = mkdtempSync(join(tmpdir(), 'waakzaam-replay-'));

function writeStream(name: string, lines: string[]): string {
  const path = join(dir, `${name}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

describeEachStore('JSONL replay connector', (store) => {
  let t: TestContext;
  let organisationId: string;

  beforeEach(async () => {
    t = await createTestContext(store);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
  });
  afterEach(() => t.close());

  it('stores every well-formed line once, announces the new ones with posts.received, and reports malformed lines', async () => {
    const received: BusEvent<'posts.received'>[] = [];
    t.ctx.bus.subscribe('test', ['posts.received'], async (events) => void received.push(...events));
    await t.ctx.bus.start();
    const file = writeStream('mixed', [buildReplayLine({ id: 'a' }), 'not json', buildReplayLine({ id: 'b', lang: 'nl', geo: { lat: 52.09, lon: 5.12 } }), '{"id":"c"}', '', buildReplayLine({ id: 'a' })]);
    const cursor = await t.ctx.watch.replay.run({ organisationId, file, speed: 0, batchSize: 2 });
    expect(cursor).toMatchObject({ accepted: 2, duplicates: 1, malformed: 2, done: true, line: 6 });
    expect(cursor.malformedSamples).toEqual([
      { line: 2, reason: expect.stringMatching(/^not JSON/) },
      { line: 4, reason: expect.stringMatching(/^source: /) },
    ]);
    const page = await t.ctx.watch.posts.list({ organisationId, limit: 10 });
    expect(page.items.map((p) => p.sourceId).sort()).toEqual(['a', 'b']);
    const b = page.items.find((p) => p.sourceId === 'b')!;
    expect(b.location).toEqual({ lat: 52.09, lon: 5.12, precision: 'exact', placeName: null });
    expect(b.language).toBe('nl');
    const announced = () => received.flatMap((e) => e.payload.posts.map((p) => p.id));
    await waitFor(() => announced().length === 2, 'two posts announced');
    expect(announced().sort()).toEqual(page.items.map((p) => p.id).sort());
    expect(received.every((e) => e.organisationId === organisationId)).toBe(true);
  });

  it('resumes from its cursor: a second run reads only what was appended', async () => {
    const file = writeStream('resume', [buildReplayLine({ id: '1' }), buildReplayLine({ id: '2' })]);
    await t.ctx.watch.replay.run({ organisationId, file, speed: 0 });
    appendFileSync(file, buildReplayLine({ id: '3' }) + '\n');
    const cursor = await t.ctx.watch.replay.run({ organisationId, file, speed: 0 });
    expect(cursor).toMatchObject({ accepted: 3, duplicates: 0, line: 3, done: true });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(3);
  });

  it('stops at once when aborted, and the next run neither loses nor repeats a post', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => buildReplayLine({ id: `p${i}`, createdAt: new Date(Date.UTC(2026, 6, 4, 19, 0, 0) + i * 60_000).toISOString() }));
    const file = writeStream('abort', lines);
    const controller = new AbortController();
    // One minute between posts at 600× is 100 ms: abort after a few posts.
    const first = t.ctx.watch.replay.run({ organisationId, file, speed: 600, signal: controller.signal });
    await waitFor(async () => (await t.ctx.watch.posts.count(organisationId)) >= 3, 'a few posts');
    controller.abort();
    const stopped = await first;
    expect(stopped.done).toBe(false);
    expect(stopped.accepted).toBeLessThan(40);
    const finished = await t.ctx.watch.replay.run({ organisationId, file, speed: 0 });
    expect(finished).toMatchObject({ accepted: 40, duplicates: 0, done: true });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(40);
  });

  it('plays the same file into two organisations independently', async () => {
    const other = (await seedOrganisation(t.ctx)).organisationId;
    const file = writeStream('two', [buildReplayLine({ id: 'x' })]);
    await t.ctx.watch.replay.run({ organisationId, file, speed: 0 });
    await t.ctx.watch.replay.run({ organisationId: other, file, speed: 0 });
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(1);
    expect(await t.ctx.watch.posts.count(other)).toBe(1);
  });
});
