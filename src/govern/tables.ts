/**
 * The identity vault's table (migration 0004): sealed author handles behind pseudonyms (SPEC G1),
 * added to the store's typed schema by augmentation.
 */
declare module '#platform/db/schema.ts' {
  interface Schema {
    author_identities: AuthorIdentityTable;
  }
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
