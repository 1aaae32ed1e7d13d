import type { Generated } from 'kysely';

/**
 * Kysely table interfaces: the typed shape of every table. The platform's own are here; each
 * module adds its tables from its own folder (`declare module` in its tables.ts files) and
 * queries only those (ARCHITECTURE.md). Times are ISO strings, JSON is text, booleans are 0/1
 * (see dialect.ts).
 */

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
}
