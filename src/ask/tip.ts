import type { Priority } from '#core/taxonomy.ts';

export const TIP_STATUSES = ['new', 'in_review', 'useful', 'not_useful', 'forwarded'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** What a citizen sends (SPEC A2). Anonymous unless they choose to leave contact details. */
export interface TipSubmission {
  organisationId: string;
  appealId: string | null;
  text: string;
  location: { lat: number; lon: number; accuracyM: number | null } | null;
  observedAt: string | null;
  anonymous: boolean;
  contact: TipContact | null;
}

export interface TipContact {
  name?: string;
  email?: string;
  phone?: string;
}

export interface Photo {
  id: string;
  status: 'pending' | 'processed' | 'rejected';
  contentType: string;
  byteSize: number;
  sha256: string;
  width: number | null;
  height: number | null;
  phash: string | null;
  groupId: string | null;
  /** Other photos of the organisation in the same near-duplicate group. */
  groupSize: number;
  exif: { takenAt: string | null; lat: number | null; lon: number | null };
  rejectReason: string | null;
  processedAt: string | null;
}

/** A tip as staff see it in the triage queue. */
export interface Tip {
  id: string;
  organisationId: string;
  appealId: string | null;
  incidentId: string | null;
  text: string;
  location: { lat: number; lon: number; accuracyM: number | null } | null;
  observedAt: string | null;
  receivedAt: string;
  anonymous: boolean;
  contact: TipContact | null;
  language: string | null;
  category: string | null;
  priority: Priority | null;
  relevance: number | null;
  priorityScore: number;
  triagedAt: string | null;
  status: TipStatus;
  statusChangedAt: string | null;
  statusChangedBy: string | null;
  photoCount: number;
  photos: Photo[];
}
