/**
 * The contract between the send module's delivery engine and its channels (SPEC S1, S4). A channel
 * is a small adapter that turns one message into what one outside service expects and hands it
 * over. The engine owns everything around it: who receives what, retries with backoff, throttling,
 * dead letters and idempotency; a channel only reports what happened to one hand-over.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export const CHANNEL_KINDS = ['mastodon', 'bluesky', 'cap', 'feed', 'webpush', 'email', 'sms', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** CAP msgType: a new message, an update of an earlier one, or its cancellation. */
export type MessageType = 'Alert' | 'Update' | 'Cancel';
/** CAP status: Actual for real messages, Exercise for drills (every channel then says "OEFENING"). */
export type MessageStatus = 'Actual' | 'Exercise';
export type MessageLanguage = 'nl' | 'en';

/** An earlier message that an Update or Cancel refers to (CAP `references`: sender, identifier, sent). */
export interface MessageReference {
  messageId: string;
  sentAt: string;
}

/** The area a message concerns, already resolved to polygons (circle, municipality and postcode included). */
export interface MessageArea {
  /** Human description, e.g. "Utrecht, Jaarbeursplein en omgeving" (CAP areaDesc). */
  description: string;
  /** WGS84 outline(s). */
  geometry: Polygon | MultiPolygon;
}

/** A published message as the channels see it: one language, final text, nothing left to decide. */
export interface OutgoingMessage {
  id: string;
  organisationId: string;
  /** The organisation's display name (CAP senderName, email From name, feed author). */
  senderName: string;
  msgType: MessageType;
  status: MessageStatus;
  language: MessageLanguage;
  /** Taxonomy category id (docs/taxonomy.md), e.g. `crowding`. */
  category: string;
  /** CAP urgency/severity/certainty, chosen in the composer. */
  urgency: 'Immediate' | 'Expected' | 'Future' | 'Past' | 'Unknown';
  severity: 'Extreme' | 'Severe' | 'Moderate' | 'Minor' | 'Unknown';
  certainty: 'Observed' | 'Likely' | 'Possible' | 'Unlikely' | 'Unknown';
  headline: string;
  body: string;
  /** What people should do (CAP instruction). */
  instruction?: string;
  /** Public web page of the message (where the CAP document and feeds point to). */
  url: string;
  area?: MessageArea;
  topics: readonly string[];
  sentAt: string;
  expiresAt?: string;
  references: readonly MessageReference[];
  media: readonly { url: string; mimeType: string; description: string }[];
}

/** A citizen or endpoint that receives a message personally (push, email, sms, webhook). */
export interface Recipient {
  /** Subscription or endpoint id; the engine's idempotency key includes it. */
  id: string;
  /** Channel-specific address: a Web Push subscription, an email address, a phone number, a URL. */
  address: string;
  /** Language the recipient chose; the engine picks the message version in it. */
  language: MessageLanguage;
  /** Unsubscribe link that the channel must include where the medium allows (email, push). */
  unsubscribeUrl?: string;
}

/** What one hand-over came to. The engine decides what happens next from this alone. */
export type DeliveryOutcome =
  /** Accepted by the service; `externalId` is its id for the item (status id, record URI, message id). */
  | { outcome: 'delivered'; externalId?: string }
  /** Temporary failure (network, 429, 5xx): the engine retries with backoff, not before `retryAfterMs`. */
  | { outcome: 'retry'; reason: string; retryAfterMs?: number }
  /** Permanent failure for this message (4xx, rejected content): dead letter with the reason. */
  | { outcome: 'failed'; reason: string }
  /** The recipient no longer exists (Web Push 404/410, hard bounce): the engine removes the subscription. */
  | { outcome: 'gone'; reason: string };

/** A channel's text of one message, ready to be checked and shown in the composer's preview. */
export interface ChannelPreview {
  /** The exact text the service will receive (for CAP/feeds a short summary of the document). */
  text: string;
  /** Length in the unit the service counts: characters, graphemes or SMS segments. */
  length: number;
  /** The service's limit in that unit, or null when there is none. */
  limit: number | null;
  unit: 'characters' | 'graphemes' | 'segments' | 'bytes';
  /** Problems that block publishing on this channel (too long, missing area for CAP, …). */
  problems: readonly string[];
}

export interface Channel {
  readonly kind: ChannelKind;
  /**
   * `broadcast`: one hand-over per message (Mastodon, Bluesky, CAP, feeds); `recipient`: one per
   * recipient (Web Push, email, SMS, webhook).
   */
  readonly audience: 'broadcast' | 'recipient';
  /** The service's published rate limit, which the engine's throttle keeps under. */
  readonly maxPerSecond: number;
  preview(message: OutgoingMessage): ChannelPreview;
  /**
   * Hands the message over once. `idempotencyKey` is stable across retries and restarts for the same
   * (message, channel, recipient); channels pass it to services that honour one (Mastodon's
   * Idempotency-Key header) and must not throw for an outside failure: they return an outcome.
   */
  deliver(message: OutgoingMessage, recipient: Recipient | null, idempotencyKey: string, signal: AbortSignal): Promise<DeliveryOutcome>;
}

/** Re-exported for channels and the engine, so that `geojson` types come from one place. */
export type AreaFeature = Feature<Polygon | MultiPolygon>;
