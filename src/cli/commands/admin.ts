import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { ORGANISATION_KINDS } from '#platform/accounts/organisations.ts';
import { PERMISSIONS, ROLES } from '#platform/auth/permissions.ts';
import type { CliEnvironment } from '../main.ts';
import { resolveOrganisation } from '../resolve-organisation.ts';
import { withContext } from './with-context.ts';

const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

/** `org`, `user` and `token` administration. */
export function registerAdminCommands(program: Command, env: CliEnvironment): void {
  const org = program.command('org').description('organisations (tenants)');
  org
    .command('create')
    .description('create an organisation')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--kind <kind>', `one of ${ORGANISATION_KINDS.join(', ')}`)
    .action(async (options: { name: string; kind: string }) => {
      await withContext(env, async (ctx) => print(await ctx.accounts.createOrganisation(options, 'cli')));
    });
  org
    .command('list')
    .description('list organisations')
    .action(async () => {
      await withContext(env, async (ctx) => print(await ctx.accounts.listOrganisations()));
    });

  const user = program.command('user').description('staff accounts');
  user
    .command('create')
    .description('create a staff account; prints a generated password unless --password-stdin is given')
    .requiredOption('--org <id-or-name>', 'organisation')
    .requiredOption('--email <email>', 'sign-in email address')
    .option('--name <name>', 'display name', '')
    .requiredOption('--role <role>', `role(s), repeat or comma-separate: ${ROLES.join(', ')}`, collect)
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { org: string; email: string; name: string; role: string[]; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? (await readStdin()).trim() : randomBytes(12).toString('base64url');
      await withContext(env, async (ctx) => {
        const organisationId = await resolveOrganisation(ctx, options.org);
        const created = await ctx.accounts.createUser({ organisationId, email: options.email, name: options.name, password, roles: options.role }, 'cli');
        print(options.passwordStdin ? created : { ...created, password });
      });
    });
  user
    .command('list')
    .description('list the staff of an organisation')
    .requiredOption('--org <id-or-name>', 'organisation')
    .action(async (options: { org: string }) => {
      await withContext(env, async (ctx) => print(await ctx.accounts.listUsers(await resolveOrganisation(ctx, options.org))));
    });

  const token = program.command('token').description('API tokens for machine clients');
  token
    .command('create')
    .description('create an API token scoped to one organisation; the secret is printed once')
    .requiredOption('--org <id-or-name>', 'organisation')
    .requiredOption('--name <name>', 'what the token is for')
    .requiredOption('--permission <permission>', `permission(s), repeat or comma-separate: ${PERMISSIONS.join(', ')}`, collect)
    .option('--expires <iso-time>', 'expiry time (ISO 8601)')
    .action(async (options: { org: string; name: string; permission: string[]; expires?: string }) => {
      await withContext(env, async (ctx) => {
        const organisationId = await resolveOrganisation(ctx, options.org);
        print(await ctx.accounts.createToken({ organisationId, name: options.name, permissions: options.permission, expiresAt: options.expires ?? null }, 'cli'));
      });
    });
  token
    .command('list')
    .description('list the API tokens of an organisation')
    .requiredOption('--org <id-or-name>', 'organisation')
    .action(async (options: { org: string }) => {
      await withContext(env, async (ctx) => print(await ctx.accounts.listTokens(await resolveOrganisation(ctx, options.org))));
    });
  token
    .command('revoke')
    .description('revoke an API token')
    .requiredOption('--org <id-or-name>', 'organisation')
    .requiredOption('--id <token-id>', 'token id')
    .action(async (options: { org: string; id: string }) => {
      await withContext(env, async (ctx) => {
        await ctx.accounts.revokeToken(await resolveOrganisation(ctx, options.org), options.id, 'cli');
        process.stdout.write('revoked\n');
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
