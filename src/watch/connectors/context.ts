import type { Clock } from '#core/clock.ts';
import type { Pseudonymiser } from '#govern/pseudonyms.ts';
import type { Database } from '#platform/db/database.ts';
import type { Logger } from '#platform/log.ts';
import type { IncomingPost } from '../post.ts';
import type { PostService } from '../post-service.ts';
import type { ConnectorContext, ConnectorState } from './connector.ts';
import { loadCursor, saveCursor } from './cursors.ts';

export interface ConnectorContextOptions<C> {
  organisationId: string;
  connectorId: string;
  /** The source name posts get (mastodon, bluesky, rss, cap, webhook…); also the pseudonym domain. */
  source: string;
  config: C;
  signal: AbortSignal;
  database: Database;
  posts: PostService;
  pseudonyms: Pseudonymiser;
  clock: Clock;
  log: Logger;
  onHealth?: (state: ConnectorState, message: string | null) => void;
  onMalformed?: (reason: string) => void;
  onStored?: (stored: number) => void;
}

/**
 * Builds the context a connector runs in, with `emit` storing posts and cursor in one
 * transaction. Used by the runner, by the webhook route and by connector tests.
 */
export async function createConnectorContext<C>(options: ConnectorContextOptions<C>): Promise<ConnectorContext<C>> {
  const { database, posts, organisationId, connectorId } = options;
  const cursor = await loadCursor<unknown>(database, organisationId, connectorId);
  // Handles seen since the last emit, so that `emit` can hand them to the identity vault.
  const handles = new Map<string, string>();
  return {
    organisationId,
    connectorId,
    config: options.config,
    cursor,
    signal: options.signal,
    log: options.log,
    clock: options.clock,
    pseudonymise: (handle) => {
      const pseudonym = options.pseudonyms.pseudonymiseHandle(options.source, handle);
      if (handles.size < 10_000) handles.set(pseudonym, handle);
      return pseudonym;
    },
    emit: async (given: IncomingPost[], next: unknown) => {
      const incoming = given.map((p) => (p.authorHandle === undefined && handles.has(p.authorPseudonym) ? { ...p, authorHandle: handles.get(p.authorPseudonym) } : p));
      handles.clear();
      const result = await database.transaction(async (tx) => {
        const r = await posts.ingest(tx, organisationId, incoming);
        await saveCursor(tx, organisationId, connectorId, next, options.clock.now());
        return r;
      });
      options.onStored?.(result.stored.length);
      return { stored: result.stored.length, duplicates: result.duplicates };
    },
    saveCursor: (next: unknown) => database.transaction((tx) => saveCursor(tx, organisationId, connectorId, next, options.clock.now())),
    reportHealth: (state, message) => options.onHealth?.(state, message ?? null),
    reportMalformed: (reason) => options.onMalformed?.(reason),
  };
}
