import { hash, verify } from '@node-rs/argon2';
import type { Clock } from '#core/clock.ts';
import { unauthenticated } from '#core/errors.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Database } from '../db/database.ts';
import { isPermission, isRole, permissionsOf } from './permissions.ts';
import type { Principal } from './principal.ts';
import { hashSecret, newSecret } from './secrets.ts';

export interface LoginResult {
  sessionToken: string;
  expiresAt: string;
  principal: Principal & { kind: 'user' };
}

/**
 * Staff sign-in with argon2id passwords and server-side sessions, and API-token authentication
 * for machine clients. Only hashes of session and API tokens are stored.
 */
export class AuthService {
  /** A hash to verify against when the email is unknown, so timing does not reveal accounts. */
  private dummyHash: Promise<string> | undefined;

  constructor(private readonly options: { database: Database; audit: AuditLog; clock: Clock; sessionTtlHours: number }) {}

  async login(email: string, password: string): Promise<LoginResult> {
    const { database, audit, clock } = this.options;
    const user = await database.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
    if (!user) {
      this.dummyHash ??= hash('waakzaam-timing-equaliser');
      await verify(await this.dummyHash, password).catch(() => false);
      throw unauthenticated('INVALID_CREDENTIALS', 'The email address or password is not correct.');
    }
    const valid = await verify(user.password_hash, password).catch(() => false);
    if (!valid || user.disabled === 1) {
      await audit.record({ organisationId: user.organisation_id, actor: `user:${user.id}`, action: 'auth.login_failed', subjectType: 'user', subjectId: user.id });
      throw unauthenticated('INVALID_CREDENTIALS', 'The email address or password is not correct.');
    }
    const now = clock.now();
    const sessionToken = newSecret('');
    const expiresAt = new Date(now.getTime() + this.options.sessionTtlHours * 3_600_000).toISOString();
    await database.transaction(async (tx) => {
      await tx.db.insertInto('sessions').values({ token_hash: hashSecret(sessionToken), user_id: user.id, organisation_id: user.organisation_id, created_at: now.toISOString(), expires_at: expiresAt }).execute();
      await audit.append(tx, { organisationId: user.organisation_id, actor: `user:${user.id}`, action: 'auth.login', subjectType: 'user', subjectId: user.id });
    });
    const roles = (JSON.parse(user.roles) as string[]).filter(isRole);
    return { sessionToken, expiresAt, principal: { kind: 'user', userId: user.id, organisationId: user.organisation_id, email: user.email, roles, permissions: permissionsOf(roles) } };
  }

  async logout(sessionToken: string): Promise<void> {
    await this.options.database.db.deleteFrom('sessions').where('token_hash', '=', hashSecret(sessionToken)).execute();
  }

  /** The user behind a session cookie, or null when it is unknown, expired or the user is disabled. */
  async authenticateSession(sessionToken: string): Promise<(Principal & { kind: 'user' }) | null> {
    const now = this.options.clock.now().toISOString();
    const row = await this.options.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['users.id', 'users.organisation_id', 'users.email', 'users.roles', 'users.disabled', 'sessions.expires_at'])
      .where('sessions.token_hash', '=', hashSecret(sessionToken))
      .executeTakeFirst();
    if (!row || row.disabled === 1 || row.expires_at <= now) return null;
    const roles = (JSON.parse(row.roles) as string[]).filter(isRole);
    return { kind: 'user', userId: row.id, organisationId: row.organisation_id, email: row.email, roles, permissions: permissionsOf(roles) };
  }

  /** The machine client behind a bearer token, or null when unknown, revoked or expired. */
  async authenticateToken(token: string): Promise<(Principal & { kind: 'token' }) | null> {
    const now = this.options.clock.now().toISOString();
    const row = await this.options.database.db.selectFrom('api_tokens').selectAll().where('token_hash', '=', hashSecret(token)).executeTakeFirst();
    if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at <= now)) return null;
    const permissions = (JSON.parse(row.permissions) as string[]).filter(isPermission);
    return { kind: 'token', tokenId: row.id, organisationId: row.organisation_id, permissions };
  }

  /** Removes expired sessions (run as a periodic job). */
  async purgeExpiredSessions(): Promise<number> {
    const result = await this.options.database.db.deleteFrom('sessions').where('expires_at', '<=', this.options.clock.now().toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
