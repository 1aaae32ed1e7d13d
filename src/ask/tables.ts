/**
 * The ask module's tables (migration 0009-ask), added to the store's typed schema by declaration
 * merging so that the module owns them in its own folder. Times are ISO strings, JSON is text,
 * booleans are 0/1 (platform/db/dialect.ts).
 */
declare module '#platform/db/schema.ts' {
  interface Schema {
    appeals: AppealTable;
    tips: TipTable;
    media: MediaTable;
  }
}

export interface AppealTable {
  id: string;
  organisation_id: string;
  kind: 'suspect' | 'vehicle' | 'missing_person' | 'witness_call';
  status: 'draft' | 'active' | 'closed';
  title: string;
  description: string;
  /** JSON: `{ type: 'circle', center, radiusM }` or `{ type: 'polygon', coordinates }` (GeoJSON ring order). */
  area: string;
  /** How citizens should respond (tip form, phone number, 112 when in danger). */
  response_instructions: string;
  duration_minutes: number;
  /** JSON `{ givenBy, relation, method, recordedAt, recordedBy, note }` for missing persons; null otherwise. */
  consent: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  ends_at: string | null;
  closed_at: string | null;
  outcome: string | null;
  outcome_text: string | null;
  /** Message ids handed back by the publisher (the send module, or the bus request). */
  publish_message_id: string | null;
  close_message_id: string | null;
}

export interface TipTable {
  id: string;
  organisation_id: string;
  appeal_id: string | null;
  /** A watch incident id (strings for now; incidents are another module's). */
  incident_id: string | null;
  text: string;
  lat: number | null;
  lon: number | null;
  location_accuracy_m: number | null;
  /** When the tipster saw it (their statement), else null. */
  observed_at: string | null;
  received_at: string;
  anonymous: number;
  /** JSON `{ name?, email?, phone? }`, only when the tipster chose not to be anonymous. */
  contact: string | null;
  language: string | null;
  category: string | null;
  priority: string | null;
  relevance: number | null;
  /** Sort key of the triage queue: classifier priority plus appeal link and photos. */
  priority_score: number;
  triaged_at: string | null;
  status: 'new' | 'in_review' | 'useful' | 'not_useful' | 'forwarded';
  status_changed_at: string | null;
  status_changed_by: string | null;
  photo_count: number;
}

export interface MediaTable {
  id: string;
  organisation_id: string;
  owner_type: 'tip' | 'appeal';
  owner_id: string;
  status: 'pending' | 'processed' | 'rejected';
  /** The type found by magic-byte sniffing (never the client's claim). */
  content_type: string;
  /** What the client declared, kept for the record. */
  declared_type: string | null;
  byte_size: number;
  /** SHA-256 (hex) of the original bytes as received: the chain-of-custody anchor. */
  sha256: string;
  /** Paths relative to the media directory. */
  original_path: string;
  display_path: string | null;
  thumb_path: string | null;
  width: number | null;
  height: number | null;
  /** 64-bit DCT perceptual hash, 16 hex digits. */
  phash: string | null;
  /** Id of the first photo of its near-duplicate group (its own id when it starts one). */
  group_id: string | null;
  exif_taken_at: string | null;
  exif_lat: number | null;
  exif_lon: number | null;
  reject_reason: string | null;
  created_at: string;
  processed_at: string | null;
}
