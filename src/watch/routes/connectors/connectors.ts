import { z } from 'zod';
import { actorOf } from '#platform/auth/principal.ts';
import { requirePrincipal } from '#platform/http/access.ts';
import { problemSchema } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';
import type { ConnectorService, ConnectorView } from '../../connectors/connector-service.ts';

const healthSchema = z.object({
  state: z.enum(['starting', 'connecting', 'live', 'backoff', 'error', 'stopped']),
  message: z.string().nullable(),
  since: z.string(),
  lastPostAt: z.string().nullable(),
  postsTotal: z.number(),
  malformedTotal: z.number(),
});

const connectorSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()).describe('Secret fields are shown as ********'),
  createdAt: z.string(),
  updatedAt: z.string(),
  health: healthSchema,
  webhookUrl: z.string().nullable(),
});

const idParams = z.object({ id: z.string().max(64) });

const fieldText = z.object({ label: z.string(), hint: z.string().optional() });

/** Connector administration for the caller's organisation (SPEC W1): kinds, list, create, change, delete. */
export function registerConnectorRoutes(app: HttpApp, deps: { connectors: ConnectorService }): void {
  const present = (view: ConnectorView) => ({ ...view, webhookUrl: deps.connectors.kind(view.kind)?.mode === 'push' ? `/api/connectors/${view.id}/webhook` : null });

  app.get(
    '/api/connectors/kinds',
    {
      schema: {
        tags: ['watch'],
        summary: 'Connector kinds and the JSON Schema of their configuration',
        response: { 200: z.object({ items: z.array(z.object({ kind: z.string(), label: z.object({ nl: z.string(), en: z.string() }), mode: z.enum(['pull', 'push']), configSchema: z.unknown(), secretFields: z.array(z.string()), fields: z.record(z.string(), z.object({ nl: fieldText, en: fieldText })) })) }) },
      },
      config: { access: 'watch:manage' },
    },
    () => ({ items: deps.connectors.listKinds().map((k) => ({ ...k, secretFields: [...k.secretFields] })) }),
  );

  app.get(
    '/api/connectors',
    { schema: { tags: ['watch'], summary: 'Connectors of your organisation with their health', response: { 200: z.object({ items: z.array(connectorSchema) }) } }, config: { access: 'watch:manage' } },
    async (request) => ({ items: (await deps.connectors.list(requirePrincipal(request).organisationId)).map(present) }),
  );

  app.post(
    '/api/connectors',
    {
      schema: {
        tags: ['watch'],
        summary: 'Add a connector',
        body: z.object({ kind: z.string().max(32), name: z.string().max(200), config: z.record(z.string(), z.unknown()), enabled: z.boolean().default(true) }),
        response: { 201: connectorSchema, 400: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const view = await deps.connectors.create(principal.organisationId, request.body, actorOf(principal));
      return reply.code(201).send(present(view));
    },
  );

  app.patch(
    '/api/connectors/:id',
    {
      schema: {
        tags: ['watch'],
        summary: 'Change a connector (omit a secret or send ******** to keep it)',
        params: idParams,
        body: z.object({ name: z.string().max(200).optional(), config: z.record(z.string(), z.unknown()).optional(), enabled: z.boolean().optional() }),
        response: { 200: connectorSchema, 400: problemSchema, 404: problemSchema },
      },
      config: { access: 'watch:manage' },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return present(await deps.connectors.update(principal.organisationId, request.params.id, request.body, actorOf(principal)));
    },
  );

  app.delete('/api/connectors/:id', { schema: { tags: ['watch'], summary: 'Delete a connector', params: idParams }, config: { access: 'watch:manage' } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    await deps.connectors.remove(principal.organisationId, request.params.id, actorOf(principal));
    return reply.code(204).send();
  });
}
