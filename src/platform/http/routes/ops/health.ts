import { sql } from 'kysely';
import { z } from 'zod';
import type { EventBus } from '../../../bus/bus.ts';
import type { Database } from '../../../db/database.ts';
import type { Metrics } from '../../../metrics.ts';
import { problem, sendProblem } from '../../problem.ts';
import type { HttpApp } from '../../server.ts';

/** Liveness, readiness (store and bus answer) and Prometheus metrics. */
export function registerHealthRoutes(app: HttpApp, deps: { database: Database; bus: EventBus; metrics: Metrics }): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: z.object({ status: z.literal('ok') }) } }, config: { access: 'public' } }, () => ({
    status: 'ok' as const,
  }));

  app.get('/readyz', { schema: { tags: ['operations'] }, config: { access: 'public' } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(deps.database.db);
    } catch {
      return sendProblem(reply, problem(503, request, 'The store does not answer.', 'STORE_UNAVAILABLE'));
    }
    return { status: 'ready', store: deps.database.dialect.name, bus: deps.bus.transport };
  });

  app.get('/metrics', { schema: { tags: ['operations'], hide: true }, config: { access: 'public' } }, async (_request, reply) => {
    return reply.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
