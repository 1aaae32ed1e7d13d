import { createContext, type AppContext } from '#app/context.ts';
import { loadConfig } from '#platform/config.ts';
import { silentLog } from './buses.ts';
import { exited, listeningUrl, startCli } from './cli.ts';

/** A staff member the browser tests sign in as. */
export interface StaffUser {
  email: string;
  password: string;
  name: string;
  roles: string[];
}

/**
 * Creates an organisation and its staff in the store `env` points at (migrating it), lets `more`
 * add what else the test needs while the context is open, and returns the organisation's id.
 */
export async function seedStaff(
  env: Record<string, string>,
  organisation: { name: string; kind: string },
  users: StaffUser[],
  more?: (ctx: AppContext, organisationId: string) => Promise<void>,
): Promise<string> {
  const ctx = await createContext(loadConfig(env), { log: silentLog });
  try {
    const { id } = await ctx.accounts.createOrganisation(organisation, 'test');
    for (const user of users) await ctx.accounts.createUser({ organisationId: id, ...user }, 'test');
    await more?.(ctx, id);
    return id;
  } finally {
    await ctx.close();
  }
}

export type Server = ReturnType<typeof startCli>;

/**
 * Starts the real `waakzaam serve` with `env` and waits until it listens; `base` is its URL on
 * `localhost` (the name browsers treat as a secure context, as the citizen app needs).
 */
export async function serve(env: Record<string, string>): Promise<{ server: Server; base: string }> {
  const server = startCli(['serve'], env);
  const url = await listeningUrl(server.output);
  return { server, base: url.replace('127.0.0.1', 'localhost') };
}

/** Stops a server started by `serve` (if it was) and waits for it to exit. */
export async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  server.child.kill('SIGTERM');
  await exited(server.child);
}
