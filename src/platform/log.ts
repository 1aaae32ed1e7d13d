import { pino, type Logger } from 'pino';

export type { Logger };

/** The root logger; children are made once per component (`log.child({ component: 'bus' })`). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { service: 'waakzaam' }, redact: ['req.headers.cookie', 'req.headers.authorization', '*.password'] }, destination ?? process.stdout);
}
