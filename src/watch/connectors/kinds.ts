import { capKind } from './cap/kind.ts';
import type { ConnectorKind } from './connector.ts';
import { jetstreamKind } from './jetstream/kind.ts';
import { mastodonKind } from './mastodon/kind.ts';
import { rssKind } from './rss/kind.ts';
import { webhookKind } from './webhook/kind.ts';

/** Every connector kind an organisation can configure (the JSONL replay runs from the CLI). */
export const connectorKinds: readonly ConnectorKind[] = [mastodonKind, jetstreamKind, rssKind, capKind, webhookKind];
