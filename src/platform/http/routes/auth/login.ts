import { z } from 'zod';
import type { AuthService } from '../../../auth/auth-service.ts';
import type { Config } from '../../../config.ts';
import { SESSION_COOKIE } from '../../access.ts';
import { problemSchema } from '../../problem.ts';
import type { HttpApp } from '../../server.ts';
import { meSchema, presentMe, type MeLookup } from './me.ts';

const body = z.object({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(1024),
});

/** POST /api/auth/login: password sign-in; sets the session cookie. */
export function registerLogin(app: HttpApp, deps: { auth: AuthService; config: Config } & MeLookup): void {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with email and password', body, response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 429: problemSchema } },
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const result = await deps.auth.login(request.body.email, request.body.password);
      reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        httpOnly: true,
        secure: deps.config.cookieSecure,
        sameSite: 'strict',
        path: '/',
        expires: new Date(result.expiresAt),
      });
      return presentMe(deps, result.principal);
    },
  );
}
