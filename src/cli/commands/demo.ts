import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { createContext, type AppContext } from '#app/context.ts';
import { startRespondDemo } from '#demo/respond/index.ts';
import { writeScenario } from '#demo/scenario/index.ts';
import { createLogger } from '#platform/log.ts';
import type { CliEnvironment } from '../main.ts';
import { progressBar, type Progress } from '../progress.ts';
import { startRoles } from '../roles.ts';
import { shutdownSignal, untilAborted } from '../signals.ts';
import { parseSpeed, printReplaySummary, replayProgress } from './replay.ts';

export const DEMO_ORGANISATION = 'Demo Veiligheidsregio Utrecht';
export const DEMO_EMAIL = 'demo@waakzaam.test';

/** The demo organisation and coordinator account; the password is (re)set on every start. */
export async function ensureDemoAccount(ctx: AppContext, password: string): Promise<string> {
  const organisation =
    (await ctx.accounts.findOrganisationByName(DEMO_ORGANISATION)) ?? (await ctx.accounts.createOrganisation({ name: DEMO_ORGANISATION, kind: 'safety_region' }, 'demo'));
  const user = await ctx.accounts.findUserByEmail(DEMO_EMAIL);
  if (user) await ctx.accounts.setPassword(user.id, password, 'demo');
  else await ctx.accounts.createUser({ organisationId: organisation.id, email: DEMO_EMAIL, name: 'Demo coördinator', password, roles: ['coordinator', 'admin'] }, 'demo');
  return organisation.id;
}

async function generate(dir: string, options: { seed?: number; posts?: number }): Promise<string> {
  let bar: Progress | undefined;
  const result = await writeScenario(dir, {
    ...options,
    onProgress: (done, total) => {
      bar ??= progressBar('generating scenario', total, 'posts');
      bar.update(done);
    },
  });
  bar?.stop();
  process.stdout.write(`scenario written: ${result.postsFile} (${result.count} posts), ${result.eventsFile}\n`);
  return result.postsFile;
}

export function registerDemoCommands(program: Command, env: CliEnvironment): void {
  const demo = program
    .command('demo')
    .description('run the demo: migrate, create the demo organisation and user, serve everything and replay the festival scenario')
    .option('--speed <factor>', 'replay speed (default WAAKZAAM_DEMO_SPEED, 60 = an hour a minute)')
    .option('--fresh', 'play the scenario from the start even if a previous run stopped half-way')
    .action(async (options: { speed?: string; fresh?: boolean }) => {
      const config = env.config();
      const speed = options.speed === undefined ? config.demo.speed : parseSpeed(options.speed);
      const signal = shutdownSignal();
      const ctx = await createContext(config, { log: createLogger(env.isSet('WAAKZAAM_LOG_LEVEL') ? config.logLevel : 'warn', process.stderr) });
      const file = config.demo.scenarioFile;
      if (!existsSync(file)) await generate(dirname(file), {});
      const password = config.demo.password ?? randomBytes(9).toString('base64url');
      const organisationId = await ensureDemoAccount(ctx, password);
      const server = await startRoles(ctx, ['api', 'worker', 'ingest']);
      const url = (server.url ?? '').replace('127.0.0.1', 'localhost');
      const respond = await startRespondDemo(ctx, organisationId, { speed, signal, baseUrl: server.url ?? '' });
      process.stdout.write(
        [
          '',
          'Waakzaam demo is running.',
          `  Dashboard:   ${url}/`,
          `  Citizen app: ${url}/citizen/`,
          `  Responder:   ${url}${respond.responderLink}  (you play one volunteer; the others are simulated)`,
          `  API docs:    ${url}/api/docs`,
          `  Sign in as ${DEMO_EMAIL} with password ${password}`,
          `  Replaying ${file} at ${speed === 0 ? 'full' : `${speed}×`} speed. Ctrl+C stops.`,
          '',
        ].join('\n') + '\n',
      );
      const previous = await ctx.watch.replay.status(organisationId, file);
      if (options.fresh || previous?.done) await ctx.watch.replay.reset(organisationId, file);
      const progress = replayProgress('festival evening');
      const started = performance.now();
      const cursor = await ctx.watch.replay.run({ organisationId, file, speed, signal, onProgress: progress.onProgress });
      progress.stop();
      printReplaySummary(cursor, (performance.now() - started) / 1000);
      if (!signal.aborted) process.stdout.write('The scenario has finished; the server keeps running until Ctrl+C.\n');
      await untilAborted(signal);
      await server.stop();
    });

  demo
    .command('generate')
    .description('write the festival scenario (posts with ground truth, and its storyline) into a directory')
    .option('--out <dir>', 'output directory', 'data/scenarios')
    .option('--seed <n>', 'random seed (same seed, same file)')
    .option('--posts <n>', 'number of posts')
    .action(async (options: { out: string; seed?: string; posts?: string }) => {
      const seed = options.seed === undefined ? undefined : Number(options.seed);
      const posts = options.posts === undefined ? undefined : Number(options.posts);
      if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed: expected an integer, got "${options.seed}"`);
      if (posts !== undefined && (!Number.isInteger(posts) || posts < 100 || posts > 1_000_000)) throw new Error(`--posts: expected an integer from 100 to 1000000, got "${options.posts}"`);
      await generate(options.out, { ...(seed === undefined ? {} : { seed }), ...(posts === undefined ? {} : { posts }) });
    });
}
