import type { Permission, Role } from './permissions.ts';

/** Who is making a request: a signed-in staff member or a machine client with an API token. */
export type Principal =
  | { kind: 'user'; userId: string; organisationId: string; email: string; roles: Role[]; permissions: Permission[] }
  | { kind: 'token'; tokenId: string; organisationId: string; permissions: Permission[] };

/** How the principal appears in the audit log. */
export function actorOf(principal: Principal | null): string {
  if (!principal) return 'system';
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}
