import type { Channel, ChannelKind, ChannelPreview, DeliveryOutcome, OutgoingMessage, Recipient } from '#send/channels/channel.ts';
import { markedHeadline } from '#send/channels/text.ts';

export interface HandOver {
  message: OutgoingMessage;
  recipient: Recipient | null;
  idempotencyKey: string;
  at: number;
}

/**
 * A channel that stands in for an outside service in engine tests: it records every hand-over and
 * answers what the test tells it (per recipient id, or for all), like a service that accepts,
 * throttles, refuses or reports a dead address.
 */
export class RecordingChannel implements Channel {
  readonly handOvers: HandOver[] = [];
  /** The answer for the next hand-overs; a function decides per hand-over. */
  answer: DeliveryOutcome | ((h: HandOver) => DeliveryOutcome) = { outcome: 'delivered' };

  constructor(
    readonly kind: ChannelKind,
    readonly audience: 'broadcast' | 'recipient',
    readonly maxPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly limit: number | null = 500,
  ) {}

  preview(message: OutgoingMessage): ChannelPreview {
    // Marked like every real channel marks it (exercise, update, cancellation).
    const text = `${markedHeadline(message)}\n\n${message.body}${message.instruction ? `\n\n${message.instruction}` : ''}\n${message.url}`;
    const problems = this.limit !== null && text.length > this.limit ? [`${text.length} characters; ${this.kind} allows ${this.limit}`] : [];
    return { text, length: text.length, limit: this.limit, unit: 'characters', problems };
  }

  async deliver(message: OutgoingMessage, recipient: Recipient | null, idempotencyKey: string): Promise<DeliveryOutcome> {
    const handOver = { message, recipient, idempotencyKey, at: this.now() };
    this.handOvers.push(handOver);
    return typeof this.answer === 'function' ? this.answer(handOver) : this.answer;
  }
}

/** The channels map of a test: a broadcast channel (mastodon) and a recipient channel (webpush). */
export function recordingChannels(now?: () => number, rates: { broadcast?: number; recipient?: number } = {}): { channels: Map<ChannelKind, Channel>; broadcast: RecordingChannel; push: RecordingChannel } {
  const broadcast = new RecordingChannel('mastodon', 'broadcast', rates.broadcast ?? 1, now);
  const push = new RecordingChannel('webpush', 'recipient', rates.recipient ?? 1000, now, null);
  return { channels: new Map<ChannelKind, Channel>([['mastodon', broadcast], ['webpush', push]]), broadcast, push };
}
