import type { ConnectorContext, ConnectorKind } from '../connector.ts';
import type { FetchPolicy } from '../http-fetch.ts';
import { rssConfigSchema, rssFieldTexts, type RssConfig } from './config.ts';
import { pause } from './fetch-document.ts';
import { initialRssCursor, pollRss } from './poll.ts';

export interface PollingKindOptions {
  /** Overrides of the HTTP policy (e.g. `denyPrivateAddresses` from the deployment's configuration). */
  http?: Partial<FetchPolicy>;
}

/**
 * RSS 2.0, RSS 1.0 and Atom feeds (news sites, police and municipality news; SPEC W1): polled
 * with conditional requests at the configured interval, a post per new item.
 */
export function createRssKind(options: PollingKindOptions = {}): ConnectorKind<RssConfig> {
  return {
    kind: 'rss',
    label: { nl: 'RSS/Atom-feed', en: 'RSS/Atom feed' },
    configSchema: rssConfigSchema,
    secretFields: [],
    fields: rssFieldTexts,
    mode: 'pull',
    run: (ctx) => runRss(ctx, options),
  };
}

async function runRss(ctx: ConnectorContext<RssConfig>, options: PollingKindOptions): Promise<void> {
  let cursor = initialRssCursor(ctx);
  ctx.reportHealth('connecting', `polling ${ctx.config.url}`);
  while (!ctx.signal.aborted) {
    const result = await pollRss(ctx, cursor, options.http);
    cursor = result.cursor;
    ctx.reportHealth(result.health.state, result.health.message);
    await pause(result.waitMs, ctx.signal);
  }
}

export const rssKind: ConnectorKind<RssConfig> = createRssKind();
