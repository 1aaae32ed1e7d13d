import { z } from 'zod';
import type { AccountService } from '../../../accounts/account-service.ts';
import type { ApiToken } from '../../../accounts/organisations.ts';
import { actorOf } from '../../../auth/principal.ts';
import { requirePrincipal } from '../../access.ts';
import { problemSchema } from '../../problem.ts';
import type { HttpApp } from '../../server.ts';
import { permissionSchema, tokenSchema } from './schemas.ts';

const present = ({ organisationId: _o, ...token }: ApiToken) => token;

/** API tokens of the caller's own organisation: list, create (secret shown once), revoke. */
export function registerTokenRoutes(app: HttpApp, deps: { accounts: AccountService }): void {
  app.get(
    '/api/tokens',
    { schema: { tags: ['organisation'], summary: 'API tokens of your organisation', response: { 200: z.object({ items: z.array(tokenSchema) }) } }, config: { access: 'organisation:admin' } },
    async (request) => ({ items: (await deps.accounts.listTokens(requirePrincipal(request).organisationId)).map(present) }),
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Create an API token; the secret is in this response only',
        body: z.object({ name: z.string().max(200), permissions: z.array(permissionSchema).min(1), expiresAt: z.iso.datetime({ offset: true }).nullable().optional() }),
        response: { 201: z.object({ token: z.string(), record: tokenSchema }), 400: problemSchema },
      },
      config: { access: 'organisation:admin' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { token, record } = await deps.accounts.createToken({ ...request.body, organisationId: principal.organisationId }, actorOf(principal));
      return reply.code(201).send({ token, record: present(record) });
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      schema: { tags: ['organisation'], summary: 'Revoke an API token', params: z.object({ id: z.string().max(64) }) },
      config: { access: 'organisation:admin' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await deps.accounts.revokeToken(principal.organisationId, request.params.id, actorOf(principal));
      return reply.code(204).send();
    },
  );
}
