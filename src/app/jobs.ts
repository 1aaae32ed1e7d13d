import { purgeOutbox } from '#platform/bus/outbox.ts';
import type { AppContext } from './context.ts';

const HOUR = 3_600_000;

/**
 * The platform's recurring housekeeping, as persistent jobs: each run schedules the next, keyed
 * by its time slot, so restarts and several workers never double it.
 */
export function registerPlatformJobs(ctx: AppContext): void {
  const every = (kind: string, periodMs: number, work: () => Promise<unknown>) => {
    const scheduleNext = async () => {
      const slot = Math.floor(ctx.clock.now().getTime() / periodMs) + 1;
      await ctx.jobs.schedule({ kind, runAt: new Date(slot * periodMs), payload: {}, dedupeKey: `${kind}:${slot}` });
    };
    ctx.jobs.register(kind, async () => {
      await work();
      await scheduleNext();
    });
    scheduleNext().catch((error: unknown) => ctx.log.error({ err: error, kind }, 'could not schedule housekeeping'));
  };
  every('sessions.purge', HOUR, () => ctx.auth.purgeExpiredSessions());
  every('identities.purge', 6 * HOUR, () => ctx.vault.purgeExpired());
  every('outbox.purge', 6 * HOUR, () => purgeOutbox(ctx.database, ctx.bus.transport, new Date(ctx.clock.now().getTime() - 3 * 24 * HOUR)));
}
