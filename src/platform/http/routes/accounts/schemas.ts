import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../../../auth/permissions.ts';

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const roleSchema = z.enum(ROLES);
export const permissionSchema = z.enum(PERMISSIONS);
