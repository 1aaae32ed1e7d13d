import type { Command } from 'commander';
import { createContext } from '#app/context.ts';
import type { CliEnvironment } from '../main.ts';
import { parseRoles, startRoles } from '../roles.ts';
import { shutdownSignal, untilAborted } from '../signals.ts';

export function registerServe(program: Command, env: CliEnvironment): void {
  program
    .command('serve')
    .description('run the server: API and web apps, workers and connectors (migrates first)')
    .option('--roles <roles>', 'comma-separated roles of this process: api, worker, ingest', 'api,worker,ingest')
    .action(async (options: { roles: string }) => {
      const roles = parseRoles(options.roles);
      const config = env.config();
      const signal = shutdownSignal();
      const ctx = await createContext(config);
      const server = await startRoles(ctx, roles);
      ctx.log.info({ roles, url: server.url, store: config.database.driver, bus: config.bus.transport }, 'waakzaam running');
      await untilAborted(signal);
      await server.stop();
    });
}
