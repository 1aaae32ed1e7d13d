import { afterEach, beforeEach, expect, it } from 'vitest';
import { z } from 'zod';
import type { ConnectorKind } from '#watch/connectors/connector.ts';
import { ConnectorService } from '#watch/connectors/connector-service.ts';
import { backoffMs, ConnectorRunner } from '#watch/connectors/runner.ts';
import { silentLog } from '#test/support/buses.ts';
import { createTestContext, seedOrganisation, type TestContext } from '#test/support/context.ts';
import { buildIncomingPost } from '#test/support/posts.ts';
import { describeEachStore } from '#test/support/stores.ts';
import { waitFor } from '#test/support/wait.ts';

/**
 * A connector kind for testing the runner: it emits `perRun` posts numbered after its cursor,
 * and fails on the runs listed in `failOn` (1-based), the way a flaky source would.
 */
function countingKind(state: { runs: number; failOn: number[] }): ConnectorKind<{ perRun: number }> {
  return {
    kind: 'counting',
    label: { nl: 'Teller', en: 'Counter' },
    configSchema: z.object({ perRun: z.number().int().min(1), token: z.string().optional() }),
    secretFields: ['token'],
    fields: { perRun: { nl: { label: 'Per ronde' }, en: { label: 'Per run' } }, token: { nl: { label: 'Token' }, en: { label: 'Token' } } },
    mode: 'pull',
    run: async (ctx) => {
      state.runs += 1;
      ctx.reportHealth('connecting');
      const from = typeof ctx.cursor === 'number' ? ctx.cursor : 0;
      const posts = Array.from({ length: ctx.config.perRun }, (_, i) => buildIncomingPost({ source: 'counting', sourceId: `n${from + i}`, authorPseudonym: ctx.pseudonymise(`@user${i}`) }));
      await ctx.emit(posts, from + ctx.config.perRun);
      ctx.reportMalformed('one bad frame');
      if (state.failOn.includes(state.runs)) throw new Error(`source unavailable (run ${state.runs})`);
      ctx.reportHealth('live', 'streaming');
      if (!ctx.signal.aborted) await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
    },
  };
}

describeEachStore('connector runner', (store) => {
  let t: TestContext;
  let organisationId: string;
  let state: { runs: number; failOn: number[] };
  let service: ConnectorService;
  let runner: ConnectorRunner;

  beforeEach(async () => {
    t = await createTestContext(store);
    organisationId = (await seedOrganisation(t.ctx)).organisationId;
    state = { runs: 0, failOn: [] };
    const kinds = [countingKind(state) as unknown as ConnectorKind];
    service = new ConnectorService({ database: t.ctx.database, bus: t.ctx.bus, audit: t.ctx.audit, clock: t.ctx.clock, kinds });
    runner = new ConnectorRunner({ database: t.ctx.database, bus: t.ctx.bus, posts: t.ctx.watch.posts, pseudonyms: t.ctx.pseudonyms, clock: t.ctx.clock, log: silentLog, kinds, minBackoffMs: 20, maxBackoffMs: 50 });
    await t.ctx.bus.start();
  });
  afterEach(async () => {
    await runner.stop();
    await t.close();
  });

  it('runs an enabled connector, stores its posts and reports live health with counts', async () => {
    const connector = await service.create(organisationId, { kind: 'counting', name: 'teller', config: { perRun: 3 }, enabled: true }, 'test');
    await runner.start();
    await waitFor(async () => (await service.get(organisationId, connector.id)).health.state === 'live', 'live health');
    await waitFor(async () => (await service.get(organisationId, connector.id)).health.postsTotal === 3, 'post count in health', 10_000);
    const view = await service.get(organisationId, connector.id);
    expect(view.health).toMatchObject({ state: 'live', message: 'streaming', postsTotal: 3, malformedTotal: 1 });
    expect(view.health.lastPostAt).not.toBeNull();
    expect(await t.ctx.watch.posts.count(organisationId)).toBe(3);
  });

  it('backs off after a failure and resumes from the committed cursor without duplicates', async () => {
    state.failOn = [1, 2];
    await service.create(organisationId, { kind: 'counting', name: 'flaky', config: { perRun: 2 }, enabled: true }, 'test');
    await runner.start();
    await waitFor(() => state.runs >= 3, 'two restarts');
    await waitFor(async () => (await t.ctx.watch.posts.count(organisationId)) === 6, 'posts of three runs');
    const page = await t.ctx.watch.posts.list({ organisationId, limit: 10 });
    expect(page.items.map((p) => p.sourceId).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('stops a connector that is disabled and starts it again when enabled', async () => {
    const connector = await service.create(organisationId, { kind: 'counting', name: 'teller', config: { perRun: 1 }, enabled: true }, 'test');
    await runner.start();
    await waitFor(() => runner.runningIds().includes(connector.id), 'running');
    await service.update(organisationId, connector.id, { enabled: false }, 'test');
    await waitFor(() => !runner.runningIds().includes(connector.id), 'stopped after disable');
    await service.update(organisationId, connector.id, { enabled: true }, 'test');
    await waitFor(() => runner.runningIds().includes(connector.id), 'running after enable');
  });

  it('keeps author handles out of posts and in the sealed identity vault', async () => {
    await service.create(organisationId, { kind: 'counting', name: 'teller', config: { perRun: 2 }, enabled: true }, 'test');
    await runner.start();
    await waitFor(async () => (await t.ctx.watch.posts.count(organisationId)) === 2, 'posts');
    const rows = await t.ctx.database.db.selectFrom('posts').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('@user0');
    const vault = await t.ctx.database.db.selectFrom('author_identities').selectAll().execute();
    expect(vault).toHaveLength(2);
    expect(JSON.stringify(vault)).not.toContain('user0');
  });
});

it('backs off exponentially with jitter within its bounds', () => {
  for (let failures = 1; failures <= 30; failures++) {
    const ms = backoffMs(failures, 1000, 300_000);
    const base = Math.min(300_000, 1000 * 2 ** (failures - 1));
    expect(ms).toBeGreaterThanOrEqual(base * 0.5);
    expect(ms).toBeLessThanOrEqual(base * 1.5);
  }
});
