/** The verification task table (migration 0008), added to the store's schema by augmentation. */
export interface VerificationTaskTable {
  id: string;
  organisation_id: string;
  /** `rumour` or `incident`. */
  subject_type: string;
  subject_id: string;
  question: string;
  /** The user (a field officer) who is asked to check. */
  assignee_id: string;
  status: string;
  answer: string | null;
  note: string | null;
  created_by: string;
  created_at: string;
  answered_by: string | null;
  answered_at: string | null;
}

declare module '#platform/db/schema.ts' {
  interface Schema {
    verification_tasks: VerificationTaskTable;
  }
}
