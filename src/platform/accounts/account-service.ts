import { hash } from '@node-rs/argon2';
import type { Clock } from '#core/clock.ts';
import { conflict, invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { isPermission, isRole } from '../auth/permissions.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import type { Database } from '../db/database.ts';
import type { ApiTokenTable, UserTable } from '../db/schema.ts';
import { ORGANISATION_KINDS, type ApiToken, type Organisation, type OrganisationKind, type User } from './organisations.ts';

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toUser(row: UserTable): User {
  return { id: row.id, organisationId: row.organisation_id, email: row.email, name: row.name, roles: JSON.parse(row.roles) as string[], disabled: row.disabled === 1, createdAt: row.created_at };
}

function toToken(row: ApiTokenTable): ApiToken {
  return { id: row.id, organisationId: row.organisation_id, name: row.name, permissions: JSON.parse(row.permissions) as string[], createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at };
}

/**
 * Organisations (tenants), their staff and their API tokens. Every operation that takes an
 * organisation id only ever touches that organisation's records.
 */
export class AccountService {
  constructor(private readonly options: { database: Database; audit: AuditLog; clock: Clock }) {}

  async createOrganisation(input: { name: string; kind: string }, actor: string): Promise<Organisation> {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw invalid('INVALID_NAME', 'An organisation name has 1 to 200 characters.');
    if (!(ORGANISATION_KINDS as readonly string[]).includes(input.kind)) {
      throw invalid('INVALID_KIND', `Organisation kind must be one of ${ORGANISATION_KINDS.join(', ')}.`);
    }
    const now = this.options.clock.now();
    const organisation: Organisation = { id: newId(now.getTime()), name, kind: input.kind as OrganisationKind, createdAt: now.toISOString() };
    await this.options.database.transaction(async (tx) => {
      await tx.db.insertInto('organisations').values({ id: organisation.id, name, kind: organisation.kind, created_at: organisation.createdAt }).execute();
      await this.options.audit.append(tx, { organisationId: organisation.id, actor, action: 'organisation.create', subjectType: 'organisation', subjectId: organisation.id, data: { name, kind: organisation.kind } });
    });
    return organisation;
  }

  async findOrganisation(id: string): Promise<Organisation | undefined> {
    const row = await this.options.database.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, name: row.name, kind: row.kind as OrganisationKind, createdAt: row.created_at };
  }

  async findOrganisationByName(name: string): Promise<Organisation | undefined> {
    const row = await this.options.database.db.selectFrom('organisations').selectAll().where('name', '=', name).orderBy('id').executeTakeFirst();
    return row && { id: row.id, name: row.name, kind: row.kind as OrganisationKind, createdAt: row.created_at };
  }

  async listOrganisations(): Promise<Organisation[]> {
    const rows = await this.options.database.db.selectFrom('organisations').selectAll().orderBy('name').execute();
    return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind as OrganisationKind, createdAt: row.created_at }));
  }

  async createUser(input: { organisationId: string; email: string; name: string; password: string; roles: string[] }, actor: string): Promise<User> {
    const email = input.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw invalid('INVALID_EMAIL', 'That is not a valid email address.');
    if (input.password.length < MIN_PASSWORD_LENGTH) throw invalid('WEAK_PASSWORD', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (input.password.length > 1024) throw invalid('INVALID_PASSWORD', 'A password has at most 1024 characters.');
    const roles = [...new Set(input.roles)];
    const unknown = roles.filter((r) => !isRole(r));
    if (roles.length === 0 || unknown.length > 0) throw invalid('INVALID_ROLES', `Unknown or missing roles: ${unknown.join(', ') || '(none given)'}.`);
    if (!(await this.findOrganisation(input.organisationId))) throw notFound('ORGANISATION_NOT_FOUND', 'No such organisation.');
    const now = this.options.clock.now();
    const row: UserTable = {
      id: newId(now.getTime()),
      organisation_id: input.organisationId,
      email,
      name: input.name.trim().slice(0, 200) || email,
      password_hash: await hash(input.password),
      roles: JSON.stringify(roles),
      disabled: 0,
      created_at: now.toISOString(),
    };
    try {
      await this.options.database.transaction(async (tx) => {
        await tx.db.insertInto('users').values(row).execute();
        await this.options.audit.append(tx, { organisationId: input.organisationId, actor, action: 'user.create', subjectType: 'user', subjectId: row.id, data: { roles } });
      });
    } catch (error) {
      if (this.options.database.dialect.isUniqueViolation(error)) throw conflict('EMAIL_TAKEN', 'A user with that email address exists already.');
      throw error;
    }
    return toUser(row);
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    const row = await this.options.database.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    return row && toUser(row);
  }

  async setPassword(userId: string, password: string, actor: string): Promise<void> {
    if (password.length < MIN_PASSWORD_LENGTH) throw invalid('WEAK_PASSWORD', `A password has at least ${MIN_PASSWORD_LENGTH} characters.`);
    const passwordHash = await hash(password);
    await this.options.database.transaction(async (tx) => {
      const user = await tx.db.selectFrom('users').select(['organisation_id']).where('id', '=', userId).executeTakeFirst();
      if (!user) throw notFound('USER_NOT_FOUND', 'No such user.');
      await tx.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
      // A new password ends every existing session of the user.
      await tx.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
      await this.options.audit.append(tx, { organisationId: user.organisation_id, actor, action: 'user.password_set', subjectType: 'user', subjectId: userId });
    });
  }

  async listUsers(organisationId: string): Promise<User[]> {
    const rows = await this.options.database.db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).orderBy('email').execute();
    return rows.map(toUser);
  }

  /** Creates an API token; the secret is returned once and only its hash is kept. */
  async createToken(input: { organisationId: string; name: string; permissions: string[]; expiresAt?: string | null }, actor: string): Promise<{ token: string; record: ApiToken }> {
    const permissions = [...new Set(input.permissions)];
    const unknown = permissions.filter((p) => !isPermission(p));
    if (permissions.length === 0 || unknown.length > 0) throw invalid('INVALID_PERMISSIONS', `Unknown or missing permissions: ${unknown.join(', ') || '(none given)'}.`);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw invalid('INVALID_NAME', 'A token name has 1 to 200 characters.');
    if (!(await this.findOrganisation(input.organisationId))) throw notFound('ORGANISATION_NOT_FOUND', 'No such organisation.');
    const now = this.options.clock.now();
    if (input.expiresAt && !(new Date(input.expiresAt).getTime() > now.getTime())) throw invalid('INVALID_EXPIRY', 'The expiry must be a time in the future.');
    const token = newSecret('wz_');
    const row: ApiTokenTable = {
      id: newId(now.getTime()),
      organisation_id: input.organisationId,
      name,
      token_hash: hashSecret(token),
      permissions: JSON.stringify(permissions),
      created_at: now.toISOString(),
      expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      revoked_at: null,
    };
    await this.options.database.transaction(async (tx) => {
      await tx.db.insertInto('api_tokens').values(row).execute();
      await this.options.audit.append(tx, { organisationId: input.organisationId, actor, action: 'token.create', subjectType: 'api_token', subjectId: row.id, data: { name, permissions } });
    });
    return { token, record: toToken(row) };
  }

  async listTokens(organisationId: string): Promise<ApiToken[]> {
    const rows = await this.options.database.db.selectFrom('api_tokens').selectAll().where('organisation_id', '=', organisationId).orderBy('created_at', 'desc').execute();
    return rows.map(toToken);
  }

  /** Revokes a token of `organisationId`; a token of another organisation is "not found". */
  async revokeToken(organisationId: string, tokenId: string, actor: string): Promise<void> {
    const now = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      const result = await tx.db
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', tokenId)
        .where('organisation_id', '=', organisationId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw notFound('TOKEN_NOT_FOUND', 'No such active token in this organisation.');
      await this.options.audit.append(tx, { organisationId, actor, action: 'token.revoke', subjectType: 'api_token', subjectId: tokenId });
    });
  }
}

