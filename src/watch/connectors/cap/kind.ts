import type { ConnectorContext, ConnectorKind } from '../connector.ts';
import { pause } from '../rss/fetch-document.ts';
import type { PollingKindOptions } from '../rss/kind.ts';
import { capConfigSchema, capFieldTexts, type CapConfig } from './config.ts';
import { initialCapCursor, pollCap } from './poll.ts';

/**
 * CAP 1.2 alerts of other agencies (SPEC W10): an Atom or RSS index of alerts (or one alert's
 * URL) polled with conditional requests; a post per new alert.
 */
export function createCapKind(options: PollingKindOptions = {}): ConnectorKind<CapConfig> {
  return {
    kind: 'cap',
    label: { nl: 'CAP-waarschuwingen (CAP 1.2)', en: 'CAP alerts (CAP 1.2)' },
    configSchema: capConfigSchema,
    secretFields: [],
    fields: capFieldTexts,
    mode: 'pull',
    run: (ctx) => runCap(ctx, options),
  };
}

async function runCap(ctx: ConnectorContext<CapConfig>, options: PollingKindOptions): Promise<void> {
  let cursor = initialCapCursor(ctx);
  ctx.reportHealth('connecting', `polling ${ctx.config.indexUrl}`);
  while (!ctx.signal.aborted) {
    const result = await pollCap(ctx, cursor, options.http);
    cursor = result.cursor;
    ctx.reportHealth(result.health.state, result.health.message);
    await pause(result.waitMs, ctx.signal);
  }
}

export const capKind: ConnectorKind<CapConfig> = createCapKind();
