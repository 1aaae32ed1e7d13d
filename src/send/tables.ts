/**
 * The send module's tables (migration 0005): messages, templates, subscriptions and deliveries,
 * added to the store's typed schema by augmentation. Times are ISO strings, JSON is text,
 * booleans 0/1.
 */
declare module '#platform/db/schema.ts' {
  interface Schema {
    send_messages: SendMessageTable;
    send_templates: SendTemplateTable;
    send_subscriptions: SendSubscriptionTable;
    send_deliveries: SendDeliveryTable;
  }
}

export interface SendMessageTable {
  id: string;
  organisation_id: string;
  /** draft | pending_approval | approved | scheduled | published | updated | cancelled | discarded (send/lifecycle.ts). */
  status: string;
  /** CAP msgType: Alert | Update | Cancel. */
  msg_type: string;
  /** The earlier message an Update or Cancel refers to. */
  references_id: string | null;
  exercise: number;
  category: string;
  urgency: string;
  severity: string;
  certainty: string;
  /** JSON arrays. */
  topics: string;
  channels: string;
  /** JSON: the text per language ({ nl: {headline, body, instruction?}, en?: … }). */
  content: string;
  /** JSON: the target as given (polygon, circle, municipality). */
  area: string | null;
  area_description: string | null;
  /** JSON GeoJSON Polygon | MultiPolygon the target resolved to. */
  area_geometry: string | null;
  scheduled_for: string | null;
  expires_at: string | null;
  author: string;
  submitted_by: string | null;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  emergency: number;
  emergency_reason: string | null;
  rejection_reason: string | null;
  published_at: string | null;
  superseded_by: string | null;
  /** Incremented on every change (compare-and-set between concurrent editors). */
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface SendTemplateTable {
  id: string;
  organisation_id: string;
  name: string;
  category: string;
  urgency: string;
  severity: string;
  certainty: string;
  /** JSON. */
  topics: string;
  content: string;
  created_by: string;
  created_at: string;
}

export interface SendSubscriptionTable {
  id: string;
  /** Null: messages of every organisation of this installation. */
  organisation_id: string | null;
  channel: string;
  /** Only what the channel needs: a Web Push subscription (JSON), an email address, a URL. */
  address: string;
  language: string;
  /** JSON array; empty = every topic. */
  topics: string;
  /** JSON: the area as given (polygon, circle, municipality). */
  area: string;
  /** JSON GeoJSON polygon, only for drawn areas (circles and municipalities are resolved from `area`). */
  geometry: string | null;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  /** pending (email not yet confirmed) | active | removed (personal data wiped). */
  status: string;
  /** SHA-256 of the confirmation token. */
  confirm_token_hash: string | null;
  confirm_expires_at: string | null;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
}

export interface SendDeliveryTable {
  /** `<message>/<channel>/<recipient or language>`: stable across retries and restarts. */
  idempotency_key: string;
  organisation_id: string;
  message_id: string;
  channel: string;
  /** Subscription id; null for a broadcast channel. */
  recipient_id: string | null;
  language: string;
  /** queued | in_flight | retrying | delivered | failed | gone | skipped. */
  status: string;
  attempts: number;
  next_attempt_at: string;
  /** The claim of the worker that handed it over (compare-and-set). */
  lease: string | null;
  locked_until: string | null;
  last_error: string | null;
  external_id: string | null;
  created_at: string;
  finished_at: string | null;
}
