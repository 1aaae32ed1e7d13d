import type { ConnectorContext, ConnectorKind, ConnectorState } from '#watch/connectors/connector.ts';
import { createConnectorContext } from '#watch/connectors/context.ts';
import type { Post } from '#watch/post.ts';
import type { TestContext } from '#test/support/context.ts';

// Shared by the RSS, CAP and webhook connector tests.

export interface Probe {
  health: { state: ConnectorState; message: string | null }[];
  malformed: string[];
}

/**
 * A real connector context over the test database, as the runner and the webhook route build it:
 * `emit` stores posts and cursor in one transaction, and a new context starts from the cursor
 * last committed (a restart). Health reports and malformed counts land in `probe`.
 */
export async function connectorContext<C>(
  t: TestContext,
  kind: ConnectorKind<C>,
  options: { organisationId: string; config: unknown; connectorId?: string; source?: string; signal?: AbortSignal; probe?: Probe; onHealth?: (state: ConnectorState) => void },
): Promise<{ ctx: ConnectorContext<C>; probe: Probe }> {
  const probe = options.probe ?? { health: [], malformed: [] };
  const ctx = await createConnectorContext({
    organisationId: options.organisationId,
    connectorId: options.connectorId ?? `test-${kind.kind}`,
    source: options.source ?? kind.kind,
    config: kind.configSchema.parse(options.config),
    signal: options.signal ?? new AbortController().signal,
    database: t.ctx.database,
    posts: t.ctx.watch.posts,
    pseudonyms: t.ctx.pseudonyms,
    clock: t.ctx.clock,
    log: t.ctx.log,
    onHealth: (state, message) => {
      probe.health.push({ state, message });
      options.onHealth?.(state);
    },
    onMalformed: (reason) => probe.malformed.push(reason),
  });
  return { ctx, probe };
}

/** All posts of an organisation, oldest first by creation time. */
export async function storedPosts(t: TestContext, organisationId: string): Promise<Post[]> {
  const page = await t.ctx.watch.posts.list({ organisationId, limit: 500 });
  return [...page.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sourceId.localeCompare(b.sourceId));
}

/** Runs a pull connector until it first reports `state`, then stops it; resolves when `run` returned. */
export async function runUntil<C>(t: TestContext, kind: ConnectorKind<C>, state: ConnectorState, options: { organisationId: string; config: unknown; probe?: Probe }): Promise<Probe> {
  const controller = new AbortController();
  const { ctx, probe } = await connectorContext(t, kind, { ...options, signal: controller.signal, onHealth: (s) => s === state && controller.abort() });
  await kind.run(ctx);
  return probe;
}
