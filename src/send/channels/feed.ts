import type { Channel, ChannelPreview, DeliveryOutcome, OutgoingMessage } from './channel.ts';
import { markedHeadline } from './text.ts';

export interface FeedChannelOptions {
  /**
   * Called when a message enters the public feeds: the feeds themselves are built on request
   * from the published messages (buildPublicFeeds), so this only has to drop a cached copy or
   * ping a WebSub hub. Optional.
   */
  onPublish?(message: OutgoingMessage, signal: AbortSignal): Promise<void>;
}

/**
 * RSS, Atom and JSON Feed of public messages (SPEC S4): a pull channel. A published message is in
 * the feeds as soon as it is stored, so delivering only tells `onPublish`.
 */
export function createFeedChannel(options: FeedChannelOptions = {}): Channel {
  function preview(message: OutgoingMessage): ChannelPreview {
    const text = `${markedHeadline(message)}\n\n${message.body}`;
    return { text, length: text.length, limit: null, unit: 'characters', problems: [] };
  }

  async function deliver(message: OutgoingMessage, _recipient: unknown, _key: string, signal: AbortSignal): Promise<DeliveryOutcome> {
    try {
      await options.onPublish?.(message, signal);
    } catch (error) {
      return { outcome: 'retry', reason: `feed update failed: ${(error as Error).message}` };
    }
    return { outcome: 'delivered', externalId: message.url };
  }

  return { kind: 'feed', audience: 'broadcast', maxPerSecond: 100, preview, deliver };
}
