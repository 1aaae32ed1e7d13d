import type { AppContext } from '#app/context.ts';
import { buildApp } from '#app/build-app.ts';
import type { HttpApp } from '#platform/http/server.ts';
import { registerPlatformJobs } from '#app/jobs.ts';

export const SERVER_ROLES = ['api', 'worker', 'ingest'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

export function parseRoles(value: string): ServerRole[] {
  const roles = value.split(',').map((r) => r.trim()).filter(Boolean);
  const unknown = roles.filter((r) => !(SERVER_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`--roles: unknown role ${unknown.join(', ') || '(none)'}; choose from ${SERVER_ROLES.join(', ')}`);
  }
  return roles as ServerRole[];
}

export interface RunningServer {
  app: HttpApp | undefined;
  url: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the chosen roles of one process: `api` (HTTP, dashboards), `worker` (bus consumers,
 * timers and jobs), `ingest` (connectors). The embedded default runs all three in one process;
 * at scale each runs in its own processes against PostgreSQL and NATS.
 */
export async function startRoles(ctx: AppContext, roles: readonly ServerRole[]): Promise<RunningServer> {
  if (roles.includes('worker')) {
    ctx.watch.pipeline.register();
    ctx.watch.textIndex.register(ctx.bus);
    ctx.signals.register();
    ctx.send.registerWorkers();
    ctx.incidents.register();
    ctx.ask.register();
    registerPlatformJobs(ctx);
    ctx.jobs.start();
  }
  await ctx.bus.start();
  if (roles.includes('worker')) ctx.send.startWorkers();
  if (roles.includes('ingest')) await ctx.watch.runner.start();
  let app: HttpApp | undefined;
  let url: string | undefined;
  if (roles.includes('api')) {
    app = await buildApp(ctx);
    url = await app.listen({ port: ctx.config.port, host: ctx.config.host });
  }
  return {
    app,
    url,
    stop: async () => {
      await app?.close();
      await ctx.close();
    },
  };
}
