import { z } from 'zod';
import type { AccountService } from '../../../accounts/account-service.ts';
import { actorOf } from '../../../auth/principal.ts';
import { requirePrincipal } from '../../access.ts';
import { problemSchema } from '../../problem.ts';
import type { HttpApp } from '../../server.ts';
import { roleSchema, userSchema } from './schemas.ts';

const present = ({ organisationId: _o, ...user }: z.infer<typeof userSchema> & { organisationId: string }) => user;

/** GET and POST /api/users: the staff of the caller's own organisation. */
export function registerUserRoutes(app: HttpApp, deps: { accounts: AccountService }): void {
  app.get(
    '/api/users',
    { schema: { tags: ['organisation'], summary: 'Staff of your organisation', response: { 200: z.object({ items: z.array(userSchema) }) } }, config: { access: 'organisation:admin' } },
    async (request) => ({ items: (await deps.accounts.listUsers(requirePrincipal(request).organisationId)).map(present) }),
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['organisation'],
        summary: 'Add a staff member to your organisation',
        body: z.object({ email: z.string().max(254), name: z.string().max(200), password: z.string().max(1024), roles: z.array(roleSchema).min(1) }),
        response: { 201: userSchema, 400: problemSchema, 409: problemSchema },
      },
      config: { access: 'organisation:admin' },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const user = await deps.accounts.createUser({ ...request.body, organisationId: principal.organisationId }, actorOf(principal));
      return reply.code(201).send(present(user));
    },
  );
}
