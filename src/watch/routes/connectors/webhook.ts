import type { Clock } from '#core/clock.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { Database } from '#platform/db/database.ts';
import { problem, sendProblem } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { Logger } from '#platform/log.ts';
import { findConnectorRow, writeHealth } from '../../connectors/connector-store.ts';
import { createConnectorContext } from '../../connectors/context.ts';
import { sourceOf } from '../../connectors/runner.ts';
import { receiveWebhook } from '../../connectors/webhook/kind.ts';
import { MAX_WEBHOOK_BODY_BYTES } from '../../connectors/webhook/parse.ts';
import { webhookConfigSchema } from '../../connectors/webhook/config.ts';
import type { PostService } from '../../post-service.ts';

/** Deliveries per minute per sender address; a busy control room fits well within it. */
const WEBHOOK_RATE_LIMIT = 6000;

/**
 * POST /api/connectors/:id/webhook: a generic JSON webhook (SPEC W1). The HMAC signature over the
 * raw body is the authentication (docs/connectors/webhook.md), so the route is public; unknown,
 * disabled and non-webhook connectors are all "not found".
 */
export function registerWebhookRoute(app: HttpApp, deps: { database: Database; posts: PostService; pseudonyms: Pseudonymiser; clock: Clock; log: Logger }): void {
  void app.register(async (scope) => {
    // The signature covers the exact bytes, so the body must not be parsed before it is checked.
    scope.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_WEBHOOK_BODY_BYTES }, (_request, body, done) => done(null, body));
    scope.post(
      '/api/connectors/:id/webhook',
      {
        schema: { tags: ['watch'], summary: 'Deliver posts to a webhook connector (HMAC-signed, see docs/connectors/webhook.md)', hide: false },
        bodyLimit: MAX_WEBHOOK_BODY_BYTES,
        config: { access: 'public', rateLimit: { max: WEBHOOK_RATE_LIMIT, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const record = id.length <= 64 ? await findConnectorRow(deps.database.db, id) : undefined;
        if (!record || record.kind !== 'webhook' || !record.enabled) {
          return sendProblem(reply, problem(404, request, 'No such webhook connector.', 'CONNECTOR_NOT_FOUND'));
        }
        if (!Buffer.isBuffer(request.body)) return sendProblem(reply, problem(400, request, 'Send the posts as application/json.', 'INVALID_BODY'));
        let malformed = 0;
        let stored = 0;
        const ctx = await createConnectorContext({
          organisationId: record.organisationId,
          connectorId: record.id,
          source: sourceOf(record),
          config: webhookConfigSchema.parse(record.config),
          signal: AbortSignal.timeout(30_000),
          database: deps.database,
          posts: deps.posts,
          pseudonyms: deps.pseudonyms,
          clock: deps.clock,
          log: deps.log,
          onMalformed: () => void (malformed += 1),
          onStored: (n) => void (stored += n),
        });
        const receipt = await receiveWebhook(ctx, request.body, request.headers);
        const now = deps.clock.now().toISOString();
        await writeHealth(deps.database.db, record.id, { state: 'live', message: `last delivery ${now}`, since: now, lastPostAt: stored > 0 ? now : null, addPosts: stored, addMalformed: malformed }, now);
        if (receipt.status === 401) return sendProblem(reply, problem(401, request, `Signature refused: ${receipt.body.reason}`, 'INVALID_SIGNATURE'));
        if (receipt.status === 400) return sendProblem(reply, problem(400, request, `No valid item: ${receipt.body.reason}`, 'INVALID_DELIVERY', { errors: receipt.body.errors }));
        return reply.code(200).send(receipt.body);
      },
    );
  });
}
