/**
 * The watch module's tables (migrations 0002, 0003, 0004 and 0007): posts and their analysis,
 * connectors, classification feedback, signals, watchlists, alert rules and notifications, added
 * to the store's typed schema by augmentation. Times are ISO strings, JSON is text, booleans 0/1.
 * Incidents and rumours have their own (incidents/tables.ts, rumours/tables.ts).
 */
declare module '#platform/db/schema.ts' {
  interface Schema {
    posts: PostTable;
    connector_cursors: ConnectorCursorTable;
    connectors: ConnectorTable;
    connector_health: ConnectorHealthTable;
    post_analysis: PostAnalysisTable;
    classification_feedback: ClassificationFeedbackTable;
    signals: SignalTable;
    signal_posts: SignalPostTable;
    signal_detector_state: SignalDetectorStateTable;
    watchlists: WatchlistTable;
    alert_rules: AlertRuleTable;
    notifications: NotificationTable;
    notification_deliveries: NotificationDeliveryTable;
  }
}

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

// signals, watchlists, alert rules (0007)
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
