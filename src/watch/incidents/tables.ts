/**
 * The incident tables (migration 0008), added to the store's schema by augmentation so that the
 * module keeps its own tables next to its own code (as modules add their events to EventMap).
 * Times are ISO strings, JSON is text (see platform/db/dialect.ts).
 */
export interface IncidentTable {
  id: string;
  organisation_id: string;
  status: string;
  category: string | null;
  priority: string;
  place_name: string | null;
  first_at: string;
  last_at: string;
  post_count: number;
  located_count: number;
  /** Centroid of the located members. */
  lat: number | null;
  lon: number | null;
  /** Bounding box of the located members. */
  min_lat: number | null;
  min_lon: number | null;
  max_lat: number | null;
  max_lon: number | null;
  /** JSON object: term → number of members using it (the text profile, capped). */
  terms: string;
  /** JSON array of the ids of signals that opened or joined the incident. */
  signal_ids: string;
  /** Set when an analyst merged this incident into another: the survivor's id. */
  merged_into: string | null;
  /** The answer of a verification task about the incident (confirmed, denied, unverifiable). */
  verdict: string | null;
  verdict_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface IncidentPostTable {
  organisation_id: string;
  post_id: string;
  incident_id: string;
  /** The post's creation time (not when it joined). */
  created_at: string;
  lat: number | null;
  lon: number | null;
  category: string | null;
  priority: string;
  /** JSON array of the post's terms, so that a split can rebuild both text profiles. */
  terms: string;
}

declare module '#platform/db/schema.ts' {
  interface Schema {
    incidents: IncidentTable;
    incident_posts: IncidentPostTable;
  }
}
