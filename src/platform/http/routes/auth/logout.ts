import type { AuthService } from '../../../auth/auth-service.ts';
import { SESSION_COOKIE } from '../../access.ts';
import type { HttpApp } from '../../server.ts';

/** POST /api/auth/logout: ends the session and clears the cookie. */
export function registerLogout(app: HttpApp, deps: { auth: AuthService }): void {
  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' }, config: { access: 'public' } }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) await deps.auth.logout(session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
