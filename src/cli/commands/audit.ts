import type { Command } from 'commander';
import type { CliEnvironment } from '../main.ts';
import { progressBar, type Progress } from '../progress.ts';
import { withContext } from './with-context.ts';

export function registerAuditCommands(program: Command, env: CliEnvironment): void {
  const audit = program.command('audit').description('the tamper-evident audit log (SPEC G2)');
  audit
    .command('verify')
    .description('check the hash chain; exits 1 and lists the rows when a row was changed or removed')
    .action(async () => {
      await withContext(env, async (ctx) => {
        let bar: Progress | undefined;
        const result = await ctx.audit.verify((checked, total) => {
          bar ??= progressBar('verifying', total, 'rows');
          bar.update(checked);
        });
        bar?.stop();
        if (result.ok) {
          process.stdout.write(`audit log intact: ${result.checked} rows verified\n`);
          return;
        }
        process.stdout.write(`audit log TAMPERED: ${result.problems.length} problem(s) in ${result.checked} rows\n`);
        for (const p of result.problems) process.stdout.write(`  row ${p.seq}: ${p.problem}: ${p.detail}\n`);
        process.exitCode = 1;
      });
    });
}
