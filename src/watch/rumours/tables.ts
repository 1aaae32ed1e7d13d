/** The rumour tables (migration 0008), added to the store's schema by augmentation (see incidents/tables.ts). */
export interface RumourClaimTable {
  id: string;
  organisation_id: string;
  state: string;
  /** The text of the first post that made the claim (the representative text). */
  text: string;
  root_post_id: string;
  category: string | null;
  priority: string;
  first_at: string;
  last_at: string;
  post_count: number;
  verdict_note: string | null;
  created_at: string;
  updated_at: string;
}

export interface RumourClaimPostTable {
  organisation_id: string;
  post_id: string;
  claim_id: string;
  created_at: string;
  author_pseudonym: string;
}

export interface RumourClaimUrlTable {
  organisation_id: string;
  url: string;
  claim_id: string;
}

export interface RumourCorrectionTable {
  id: string;
  organisation_id: string;
  claim_id: string;
  text_nl: string;
  text_en: string | null;
  url: string | null;
  /** The send module's message that published the correction, once there is one. */
  message_id: string | null;
  actor: string;
  recorded_at: string;
}

export interface RumourCorrectionPostTable {
  correction_id: string;
  organisation_id: string;
  post_id: string;
  created_at: string;
  author_pseudonym: string;
}

declare module '#platform/db/schema.ts' {
  interface Schema {
    rumour_claims: RumourClaimTable;
    rumour_claim_posts: RumourClaimPostTable;
    rumour_claim_urls: RumourClaimUrlTable;
    rumour_corrections: RumourCorrectionTable;
    rumour_correction_posts: RumourCorrectionPostTable;
  }
}
