import { z } from 'zod';
import { notFound } from '#core/errors.ts';
import type { AccountService } from '../../../accounts/account-service.ts';
import type { Principal } from '../../../auth/principal.ts';
import { requirePrincipal } from '../../access.ts';
import { problemSchema } from '../../problem.ts';
import type { HttpApp } from '../../server.ts';

export const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()), permissions: z.array(z.string()) }).nullable(),
  token: z.object({ id: z.string(), permissions: z.array(z.string()) }).nullable(),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
});

export type MeLookup = { accounts: AccountService };

export async function presentMe(deps: MeLookup, principal: Principal): Promise<z.infer<typeof meSchema>> {
  const organisation = await deps.accounts.findOrganisation(principal.organisationId);
  if (!organisation) throw notFound('ORGANISATION_NOT_FOUND', 'The organisation no longer exists.');
  const org = { id: organisation.id, name: organisation.name, kind: organisation.kind };
  if (principal.kind === 'token') return { user: null, token: { id: principal.tokenId, permissions: principal.permissions }, organisation: org };
  const user = (await deps.accounts.listUsers(principal.organisationId)).find((u) => u.id === principal.userId);
  return {
    user: { id: principal.userId, email: principal.email, name: user?.name ?? principal.email, roles: principal.roles, permissions: principal.permissions },
    token: null,
    organisation: org,
  };
}

/** GET /api/auth/me: who is signed in, with their organisation and permissions. */
export function registerMe(app: HttpApp, deps: MeLookup): void {
  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user or token', response: { 200: meSchema, 401: problemSchema } }, config: { access: 'authenticated' } },
    async (request) => presentMe(deps, requirePrincipal(request)),
  );
}
