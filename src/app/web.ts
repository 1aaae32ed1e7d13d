import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from '#platform/http/problem.ts';
import type { HttpApp } from '#platform/http/server.ts';

/** Where the citizen app lives; everything else outside /api is the operator dashboard. */
export const CITIZEN_PREFIX = '/citizen';

/**
 * Serves the built web apps (Vite output) and answers client-side routes with the right
 * index.html. Hashed assets are cached for a year; the HTML never.
 */
export async function registerWebApps(app: HttpApp, webDir: string): Promise<void> {
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ webDir: root }, 'web apps not built (npm run build); the dashboard is unavailable');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: true,
    index: ['index.html'],
    setHeaders: (res, path) => {
      res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}

/** The not-found fallback: index.html of the app that owns the path, for GET requests of pages. */
export function webFallback(webDir: string) {
  const root = resolve(webDir);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const path = request.url.split('?')[0]!;
    if (request.method !== 'GET' || path.startsWith('/api/') || /\.[a-z0-9]{1,8}$/i.test(path)) return false;
    const page = path === CITIZEN_PREFIX || path.startsWith(`${CITIZEN_PREFIX}/`) ? 'citizen/index.html' : 'index.html';
    if (!existsSync(resolve(root, page))) {
      await sendProblem(reply, problem(503, request, 'The web apps are not built. Run `npm run build` (npm start does this).', 'WEB_NOT_BUILT'));
      return true;
    }
    await reply.header('cache-control', 'no-cache').sendFile(page, root);
    return true;
  };
}
