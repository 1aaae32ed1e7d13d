/**
 * Staff roles (SPEC §2) and the permissions they carry. Routes require permissions, never roles,
 * so API tokens (which have permissions but no role) pass through the same checks.
 */
export const ROLES = ['viewer', 'analyst', 'communicator', 'operator', 'coordinator', 'admin', 'field_officer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'posts:read',
  'watch:manage',
  'identities:reveal',
  'messages:write',
  'messages:approve',
  'appeals:manage',
  'tips:read',
  'dispatch:manage',
  'conversations:handle',
  'evaluate:read',
  'audit:read',
  'organisation:admin',
  'tasks:answer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const grants: Record<Role, readonly Permission[]> = {
  viewer: ['posts:read', 'evaluate:read'],
  analyst: ['posts:read', 'watch:manage', 'evaluate:read'],
  communicator: ['posts:read', 'messages:write', 'evaluate:read'],
  operator: ['posts:read', 'appeals:manage', 'tips:read', 'dispatch:manage', 'conversations:handle', 'evaluate:read'],
  coordinator: ['posts:read', 'watch:manage', 'messages:write', 'messages:approve', 'appeals:manage', 'tips:read', 'dispatch:manage', 'conversations:handle', 'identities:reveal', 'evaluate:read', 'audit:read'],
  admin: [...PERMISSIONS],
  // A neighbourhood officer on the street: reads posts, answers verification tasks (SPEC I4).
  field_officer: ['posts:read', 'tasks:answer'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** The union of the permissions of `roles`. */
export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of grants[role]) set.add(p);
  return PERMISSIONS.filter((p) => set.has(p));
}
