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
}
