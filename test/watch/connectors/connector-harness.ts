import type { ConnectorKind, ConnectorState } from '#watch/connectors/connector.ts';
import { createConnectorContext } from '#watch/connectors/context.ts';
import type { TestContext } from '#test/support/context.ts';

// Shared by the Mastodon and Jetstream connector tests.

export interface SupervisedConnector {
  health: Array<{ state: ConnectorState; message: string | null }>;
  malformed: string[];
  /** Messages of the errors `run` threw, in order. */
  errors: string[];
  /** How often `run` was called. */
  attempts: number;
  states(): ConnectorState[];
  stop(): Promise<void>;
}

/**
 * Runs a connector the way the runner does: a fresh context (with the last committed cursor)
 * for every attempt, and a retry after a short pause whenever `run` throws; without the runner's
 * health table and backoff, so tests see every report and reconnect quickly.
 */
export function superviseConnector<C>(
  t: TestContext,
  kind: ConnectorKind<C>,
  options: { organisationId: string; config: unknown; connectorId?: string; retryMs?: number },
): SupervisedConnector {
  const controller = new AbortController();
  const signal = controller.signal;
  const supervised: SupervisedConnector = {
    health: [],
    malformed: [],
    errors: [],
    attempts: 0,
    states: () => supervised.health.map((h) => h.state),
    stop: async () => {
      controller.abort();
      await done;
    },
  };
  const loop = async () => {
    while (!signal.aborted) {
      supervised.attempts += 1;
      try {
        const ctx = await createConnectorContext({
          organisationId: options.organisationId,
          connectorId: options.connectorId ?? `test-${kind.kind}`,
          source: kind.kind,
          config: kind.configSchema.parse(options.config),
          signal,
          database: t.ctx.database,
          posts: t.ctx.watch.posts,
          pseudonyms: t.ctx.pseudonyms,
          clock: t.ctx.clock,
          log: t.ctx.log,
          onHealth: (state, message) => supervised.health.push({ state, message }),
          onMalformed: (reason) => supervised.malformed.push(reason),
        });
        await kind.run(ctx);
        if (!signal.aborted) supervised.errors.push('run returned without being stopped');
      } catch (error) {
        if (signal.aborted) break;
        supervised.errors.push(error instanceof Error ? error.message : String(error));
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, options.retryMs ?? 50));
    }
  };
  const done = loop();
  return supervised;
}
