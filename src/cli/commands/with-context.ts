import { createContext, type AppContext } from '#app/context.ts';
import { createLogger } from '#platform/log.ts';
import type { CliEnvironment } from '../main.ts';

/** Runs a short command with a context whose logs stay quiet unless asked for. */
export async function withContext<T>(env: CliEnvironment, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = env.config();
  const level = env.isSet('WAAKZAAM_LOG_LEVEL') ? config.logLevel : 'warn';
  const ctx = await createContext(config, { log: createLogger(level, process.stderr) });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
