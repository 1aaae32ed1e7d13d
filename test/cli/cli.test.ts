import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '#test/support/cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'waakzaam-cli-'));
const env = { WAAKZAAM_DATABASE_URL: `sqlite:${join(dir, 'cli.db')}` };

describe('waakzaam command line', () => {
  it('has --help on every command', async () => {
    const top = await runCli(['--help'], env);
    expect(top.code).toBe(0);
    for (const command of ['serve', 'migrate', 'org', 'user', 'token', 'replay', 'demo', 'audit']) expect(top.stdout).toContain(command);
    const replay = await runCli(['replay', '--help'], env);
    expect(replay.stdout).toContain('--speed');
    const serve = await runCli(['serve', '--help'], env);
    expect(serve.stdout).toContain('--roles');
  });

  it('stops with a message naming a wrong variable', async () => {
    const result = await runCli(['migrate'], { WAAKZAAM_DATABASE_URL: 'mysql://nope' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('configuration error: WAAKZAAM_DATABASE_URL');
    expect(result.stderr).not.toContain('    at ');
  });

  it('migrates, creates an organisation, a user and a token, and verifies the audit log', { timeout: 180_000 }, async () => {
    expect((await runCli(['migrate'], env)).stdout).toMatch(/applied|up to date/);
    const org = await runCli(['org', 'create', '--name', 'Politie Utrecht', '--kind', 'police'], env);
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Politie Utrecht', kind: 'police' });
    const user = await runCli(['user', 'create', '--org', 'Politie Utrecht', '--email', 'webcare@politie.test', '--role', 'analyst,communicator', '--password-stdin'], env, 'a very good password\n');
    expect(user.code).toBe(0);
    expect(JSON.parse(user.stdout)).toMatchObject({ email: 'webcare@politie.test', roles: ['analyst', 'communicator'] });
    const token = await runCli(['token', 'create', '--org', 'Politie Utrecht', '--name', 'meldkamer', '--permission', 'posts:read'], env);
    expect(token.code).toBe(0);
    expect((JSON.parse(token.stdout) as { token: string }).token).toMatch(/^wz_/);
    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact: \d+ rows verified/);

    // Tamper with the file the way an insider with database access could, then verify again.
    const sqlite = new BetterSqlite3(join(dir, 'cli.db'));
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare('UPDATE audit_log SET actor = ? WHERE seq = 2').run('user:someone-else');
    sqlite.close();
    const tampered = await runCli(['audit', 'verify'], env);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('audit log TAMPERED');
    expect(tampered.stdout).toMatch(/row 2: changed/);
  });

  it('explains precise errors on bad input', { timeout: 120_000 }, async () => {
    const kind = await runCli(['org', 'create', '--name', 'X', '--kind', 'army'], env);
    expect(kind.code).toBe(1);
    expect(kind.stderr).toContain('Organisation kind must be one of');
    const speed = await runCli(['replay', 'x.jsonl', '--org', 'X', '--speed', 'fast'], env);
    expect(speed.code).toBe(1);
    expect(speed.stderr).toContain('--speed: expected a number');
    const missing = await runCli(['replay', join(dir, 'missing.jsonl'), '--org', 'Politie Utrecht'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no such file|ENOENT/);
  });
});
