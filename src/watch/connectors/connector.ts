import type { z } from 'zod';
import type { Clock } from '#core/clock.ts';
import type { Logger } from '#platform/log.ts';
import type { IncomingPost } from '../post.ts';

/** What a connector reports about itself; shown in the dashboard (SPEC W1 "report health"). */
export type ConnectorState = 'starting' | 'connecting' | 'live' | 'backoff' | 'error' | 'stopped';

export interface ConnectorHealth {
  state: ConnectorState;
  /** Human-readable detail, e.g. the last error or "polling every 60 s". */
  message: string | null;
  /** When the state last changed. */
  since: string;
}

/**
 * Everything a running connector may use. A connector never touches the store directly: it hands
 * normalised posts and its new resume position to `emit`, which stores both in one transaction,
 * so a restart resumes exactly after the last stored post (no loss, no duplicates).
 */
export interface ConnectorContext<C> {
  organisationId: string;
  connectorId: string;
  /** The validated configuration of this connector (its kind's `configSchema`). */
  config: C;
  /** The last committed cursor, or undefined on the first run. Its shape is the connector's own. */
  cursor: unknown;
  /** Aborted when the connector must stop (shutdown, config change, disable). */
  signal: AbortSignal;
  log: Logger;
  clock: Clock;
  /** Pseudonymises a handle of this connector's source (SPEC G1); never store handles. */
  pseudonymise(handle: string): string;
  /** Stores posts (once each) and the cursor in one transaction. */
  emit(posts: IncomingPost[], cursor: unknown): Promise<{ stored: number; duplicates: number }>;
  /** Saves the cursor alone (e.g. a poll that found nothing new but a new ETag). */
  saveCursor(cursor: unknown): Promise<void>;
  /** Reports a state change; `live` also resets the runner's backoff. */
  reportHealth(state: ConnectorState, message?: string): void;
  /** Counts one rejected input record (malformed frame, invalid item) with the reason. */
  reportMalformed(reason: string): void;
}

/** A form field's label and optional hint in one language. */
export interface FieldText {
  label: string;
  hint?: string;
}

/** Per configuration property: its texts in Dutch and English. */
export type FieldTexts = Readonly<Record<string, { nl: FieldText; en: FieldText }>>;

/**
 * A kind of connector (mastodon, bluesky, rss, cap, webhook, …). `run` runs until the signal is
 * aborted; when it throws, the runner logs, reports `backoff`, waits with exponential backoff and
 * jitter, and calls it again with the last committed cursor.
 */
export interface ConnectorKind<C = unknown> {
  kind: string;
  /** Dutch and English display names for the dashboard. */
  label: { nl: string; en: string };
  /** Validates the organisation's configuration (given through the API and the dashboard). */
  configSchema: z.ZodType<C>;
  /** Config fields that are secrets (tokens, HMAC keys): never returned by the API, shown as "set". */
  secretFields: readonly string[];
  /** Dutch and English label and hint of every configuration field, for the dashboard's form. */
  fields: FieldTexts;
  /** Push connectors (the webhook) have no loop: they receive through an HTTP route. */
  mode: 'pull' | 'push';
  run(ctx: ConnectorContext<C>): Promise<void>;
}
