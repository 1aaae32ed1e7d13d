import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { IncomingMessage, ServerResponse } from 'node:http';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, type RawServerDefault } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuthService } from '../auth/auth-service.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { registerAccessControl } from './access.ts';
import { createErrorHandler, problem, sendProblem } from './problem.ts';

/** The app type every route registers on: Fastify with zod schemas as the type provider. */
export type HttpApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The Content-Security-Policy of every response: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/**
 * A Fastify instance with the platform's cross-cutting parts: zod validation, OpenAPI from the
 * route schemas, problem+json errors, security headers, rate limiting for public routes, request
 * ids, cookies, access control and request metrics. It never listens (main does).
 */
export interface ServerDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  auth: AuthService;
  /**
   * Answers requests that match no route before the problem+json 404 does (the web apps' client
   * side routes); returns false to let the 404 through.
   */
  fallback?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
}

export async function createServer(deps: ServerDeps): Promise<HttpApp> {
  const loggerInstance: FastifyBaseLogger = deps.log.child({ component: 'http' });
  const app = Fastify({
    loggerInstance,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(createErrorHandler(deps.log));
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  // Before the rate-limit plugin: its onRoute hook must already see the limits set for public routes.
  registerAccessControl(app, deps.auth, { publicRateLimitPerMinute: deps.config.publicRateLimitPerMinute });

  // A configured map tile server is the one outside origin the dashboard may load from.
  const tileOrigin = deps.config.map.tileUrl ? new URL(deps.config.map.tileUrl.replace(/[{}]/g, '')).origin : null;
  const directives = tileOrigin
    ? { ...CONTENT_SECURITY_POLICY, imgSrc: [...CONTENT_SECURITY_POLICY.imgSrc, tileOrigin], connectSrc: [...CONTENT_SECURITY_POLICY.connectSrc, tileOrigin] }
    : CONTENT_SECURITY_POLICY;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 'RATE_LIMITED', `Too many requests: at most ${context.max} per ${context.after}. Try again later.`),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Waakzaam API', version: '0.1.0', description: 'Watch, send, ask, respond, interact and evaluate. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'waakzaam_session' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token of one organisation (`waakzaam token create`).' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false });

  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());
  app.setNotFoundHandler(async (request, reply) => {
    if (deps.fallback && (await deps.fallback(request, reply))) return reply;
    return sendProblem(reply, problem(404, request, `No route for ${request.method} ${request.url.split('?')[0]}.`, 'ROUTE_NOT_FOUND'));
  });
  return app;
}
