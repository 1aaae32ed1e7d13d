import { Command, CommanderError, Option } from 'commander';
import { isAppError } from '#core/errors.ts';
import { ConfigError, loadConfig, type Config } from '#platform/config.ts';
import { registerAdminCommands } from './commands/admin.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerClassify } from './commands/classify.ts';
import { registerDemoCommands } from './commands/demo.ts';
import { registerDetect } from './commands/detect.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerReplay } from './commands/replay.ts';
import { registerServe } from './commands/serve.ts';
import { registerRespondCommands } from '#respond/cli.ts';

/** What every command receives: the validated configuration (read once, here) and the raw flags. */
export interface CliEnvironment {
  config(): Config;
  /** True when the variable was set explicitly (the demo lowers the log level otherwise). */
  isSet(variable: string): boolean;
}

function createProgram(env: CliEnvironment): Command {
  const program = new Command('waakzaam')
    .description('Waakzaam: social media and citizen participation for social safety (watch, send, ask, respond, interact, evaluate).')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addOption(new Option('--env-help', 'list the environment variables').hideHelp())
    .exitOverride();
  registerServe(program, env);
  registerMigrate(program, env);
  registerAdminCommands(program, env);
  registerReplay(program, env);
  registerDemoCommands(program, env);
  registerAuditCommands(program, env);
  registerClassify(program, env);
  registerDetect(program, env);
  registerRespondCommands(program, env);
  return program;
}

/** Runs the CLI; returns the exit code. Errors are printed as one precise line, never a stack. */
export async function main(argv: string[], processEnv: NodeJS.ProcessEnv): Promise<number> {
  let config: Config | undefined;
  const env: CliEnvironment = {
    config: () => (config ??= loadConfig(processEnv)),
    isSet: (variable) => processEnv[variable] !== undefined && processEnv[variable] !== '',
  };
  const program = createProgram(env);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ConfigError) {
      process.stderr.write(`waakzaam: configuration error: ${error.message}\n`);
      return 2;
    }
    if (isAppError(error)) {
      process.stderr.write(`waakzaam: ${error.message} (${error.code})\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`waakzaam: ${message}\n`);
    if (processEnv.WAAKZAAM_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
