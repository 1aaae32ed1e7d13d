import type { Generated } from 'kysely';

/**
 * Kysely table interfaces: the typed shape of every table. Each module's tables are listed under
 * its name; a module only queries its own (ARCHITECTURE.md). Times are ISO strings, JSON is text,
 * booleans are 0/1 (see dialect.ts).
 */

// platform
export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  created_at: string;
}

export interface UserTable {
  id: string;
  organisation_id: string;
  email: string;
  name: string;
  password_hash: string;
  /** JSON array of role names. */
  roles: string;
  disabled: number;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the cookie. */
  token_hash: string;
  user_id: string;
  organisation_id: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: string;
  organisation_id: string;
  name: string;
  token_hash: string;
  /** JSON array of permission names. */
  permissions: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  organisation_id: string | null;
  at: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  /** JSON object. */
  data: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  id: string;
  type: string;
  organisation_id: string | null;
  occurred_at: string;
  /** JSON payload. */
  payload: string;
  /** When the relay handed the event to an external transport (NATS); null until then. */
  published_at: string | null;
}

export interface BusOffsetTable {
  consumer: string;
  last_seq: number;
}

export interface ProcessedEventTable {
  consumer: string;
  event_id: string;
  processed_at: string;
}

export interface JobTable {
  id: string;
  kind: string;
  run_at: string;
  /** JSON payload. */
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  locked_until: string | null;
  /** Optional unique key: scheduling the same key twice keeps one job. */
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface SecretTable {
  name: string;
  value: string;
}

// watch
export interface PostTable {
  id: string;
  organisation_id: string;
  source: string;
  source_id: string;
  url: string | null;
  author_pseudonym: string;
  text: string;
  language: string | null;
  created_at: string;
  received_at: string;
  lat: number | null;
  lon: number | null;
  location_precision: 'exact' | 'place' | null;
  place_name: string | null;
  /** JSON arrays. */
  hashtags: string;
  mentions: string;
  media: string;
  reply_to: string | null;
  repost_of: string | null;
  quote_of: string | null;
}

export interface ConnectorCursorTable {
  organisation_id: string;
  connector_id: string;
  /** JSON: the connector's own resume position and counters. */
  cursor: string;
  updated_at: string;
}

export interface ConnectorTable {
  id: string;
  organisation_id: string;
  kind: string;
  name: string;
  /** JSON configuration, secrets included (the API never returns them). */
  config: string;
  enabled: number;
  created_at: string;
  updated_at: string;
}

export interface ConnectorHealthTable {
  connector_id: string;
  state: string;
  message: string | null;
  since: string;
  last_post_at: string | null;
  posts_total: number;
  malformed_total: number;
  updated_at: string;
}

export interface PostAnalysisTable {
  post_id: string;
  organisation_id: string;
  language: string | null;
  relevant: number;
  relevance: number;
  category: string | null;
  priority: string;
  confidence: number;
  /** JSON array of { feature, weight }. */
  explanation: string;
  /** JSON array of { name, kind }. */
  places: string;
  lat: number | null;
  lon: number | null;
  location_precision: 'exact' | 'place' | null;
  place_name: string | null;
  near_duplicate_of: string | null;
  /** The operator's last correction or confirmation, if any. */
  feedback_label: string | null;
  feedback_priority: string | null;
  feedback_at: string | null;
  analysed_at: string;
}

export interface ClassificationFeedbackTable {
  id: string;
  organisation_id: string;
  post_id: string;
  label: string;
  priority: string | null;
  actor: string;
  /** The post text, kept so the feedback can be re-learnt after a restart (retention: as posts). */
  text: string;
  language: string | null;
  created_at: string;
}

export interface AuthorIdentityTable {
  organisation_id: string;
  pseudonym: string;
  source: string;
  /** The handle, encrypted (AES-256-GCM) with a key derived from the pseudonym key. */
  sealed_handle: string;
  first_seen: string;
  last_seen: string;
}

// send
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

// watch: signals, watchlists, alert rules (0007)
export interface SignalTable {
  id: string;
  organisation_id: string;
  category: string;
  /** H3 cell; null for posts without a location (organisation-wide). */
  cell: string | null;
  resolution: number;
  centre_lat: number | null;
  centre_lon: number | null;
  /** open | closed (the detector's view). */
  status: string;
  /** new | acknowledged | dismissed (the operator's view). */
  review: string;
  detected_at: string;
  window_start: string;
  first_post_at: string;
  last_post_at: string;
  observed: number;
  expected: number;
  score: number;
  baseline_per_hour: number;
  /** JSON: what fired it (window count, expectation, threshold). */
  fired: string;
  created_at: string;
  updated_at: string;
}

export interface SignalPostTable {
  signal_id: string;
  post_id: string;
  organisation_id: string;
  added_at: string;
}

export interface SignalDetectorStateTable {
  organisation_id: string;
  /** JSON snapshot of the burst detector. */
  state: string;
  /** Compare-and-set between workers. */
  version: number;
  updated_at: string;
}

export interface WatchlistTable {
  id: string;
  organisation_id: string;
  name: string;
  purpose: string;
  legal_basis: string;
  /** JSON: keywords, areas, accounts, events, categories. */
  scope: string;
  sensitivity: number;
  enabled: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AlertRuleTable {
  id: string;
  organisation_id: string;
  watchlist_id: string;
  name: string;
  /** JSON: { on: 'post', minPriority } | { on: 'signal' }. */
  condition: string;
  /** JSON: { dashboard, email: [addresses], webhook: { url, secret } | null }. */
  channels: string;
  throttle_minutes: number;
  enabled: number;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  organisation_id: string;
  rule_id: string;
  watchlist_id: string;
  subject_type: string;
  subject_id: string;
  /** `<rule>:<post|signal>:<id>`: one notification per rule and subject, however often it is seen. */
  idempotency_key: string;
  title: string;
  summary: string;
  priority: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationDeliveryTable {
  notification_id: string;
  /** email | webhook */
  channel: string;
  organisation_id: string;
  rule_id: string;
  /** pending | sent | failed */
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface Schema {
  organisations: OrganisationTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  bus_offsets: BusOffsetTable;
  processed_events: ProcessedEventTable;
  jobs: JobTable;
  secrets: SecretTable;
  posts: PostTable;
  connector_cursors: ConnectorCursorTable;
  connectors: ConnectorTable;
  connector_health: ConnectorHealthTable;
  post_analysis: PostAnalysisTable;
  classification_feedback: ClassificationFeedbackTable;
  author_identities: AuthorIdentityTable;
  send_messages: SendMessageTable;
  send_templates: SendTemplateTable;
  send_subscriptions: SendSubscriptionTable;
  send_deliveries: SendDeliveryTable;
  signals: SignalTable;
  signal_posts: SignalPostTable;
  signal_detector_state: SignalDetectorStateTable;
  watchlists: WatchlistTable;
  alert_rules: AlertRuleTable;
  notifications: NotificationTable;
  notification_deliveries: NotificationDeliveryTable;
}
