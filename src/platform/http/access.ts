import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '#core/errors.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Permission } from '../auth/permissions.ts';
import type { Principal } from '../auth/principal.ts';

export const SESSION_COOKIE = 'waakzaam_session';

/**
 * Who may call a route: `public` (anyone, rate-limited), `authenticated` (any signed-in user or
 * token of an organisation) or one permission. Every /api route must declare it; start-up fails
 * for a route that does not, so authorisation cannot be forgotten.
 */
export type Access = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The principal of a request whose route requires more than `public`; throws otherwise. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated('AUTHENTICATION_REQUIRED', 'Sign in or send an API token.');
  return request.principal;
}

export function registerAccessControl(app: FastifyInstance, auth: AuthService, limits: { publicRateLimitPerMinute: number }): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs') || route.url === '/api/openapi.json') {
      route.config = { ...route.config, access: 'public' };
    }
    if (!route.config?.access) {
      if (!route.url.startsWith('/api/')) return; // static web assets
      throw new Error(`route ${route.method.toString()} ${route.url} declares no access (config.access)`);
    }
    // Every public route is rate-limited per client; a route may set a stricter limit itself.
    if (route.config.access === 'public' && route.config.rateLimit === undefined) {
      route.config = { ...route.config, rateLimit: { max: limits.publicRateLimitPerMinute, timeWindow: '1 minute' } };
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.principal = await auth.authenticateToken(authorization.slice('Bearer '.length).trim());
      if (!request.principal && access !== 'public') throw unauthenticated('INVALID_TOKEN', 'The API token is unknown, revoked or expired.');
    } else {
      const session = request.cookies[SESSION_COOKIE];
      if (session) {
        request.principal = await auth.authenticateSession(session);
        // Cookies ride along on cross-site requests: refuse unsafe methods from another origin.
        if (request.principal && UNSAFE.has(request.method) && !sameOrigin(request)) {
          throw forbidden('CROSS_ORIGIN_REQUEST', 'Cross-origin requests with a session cookie are refused.');
        }
      }
    }
    if (access === 'public') return;
    const principal = requirePrincipal(request);
    if (access !== 'authenticated' && !principal.permissions.includes(access)) {
      throw forbidden('PERMISSION_DENIED', `This needs the permission ${access}.`);
    }
  });
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // same-origin fetches may omit it; SameSite=Strict covers the rest
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
