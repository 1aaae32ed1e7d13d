import type { Command } from 'commander';
import { openDatabase } from '#platform/db/database.ts';
import { migrateToLatest } from '#platform/db/migrate.ts';
import type { CliEnvironment } from '../main.ts';

export function registerMigrate(program: Command, env: CliEnvironment): void {
  program
    .command('migrate')
    .description('apply pending database migrations (start-up does this too)')
    .action(async () => {
      const config = env.config();
      const database = openDatabase(config.database);
      try {
        const applied = await migrateToLatest(database);
        process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
      } finally {
        await database.close();
      }
    });
}
