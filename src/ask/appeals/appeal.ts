/** Appeals (SPEC A1), in the manner of Burgernet and AMBER Alert: the model and its rules. */
export const APPEAL_KINDS = ['suspect', 'vehicle', 'missing_person', 'witness_call'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_STATUSES = ['draft', 'active', 'closed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

/** How an appeal ended, as the closing message tells everyone who received it. */
export const APPEAL_OUTCOMES = ['found', 'arrested', 'resolved', 'not_found', 'withdrawn'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

export type AppealArea =
  | { type: 'circle'; center: { lat: number; lon: number }; radiusM: number }
  /** GeoJSON Polygon coordinates: rings of [lon, lat], the first the outline, each closed. */
  | { type: 'polygon'; coordinates: [number, number][][] };

/** The family's consent to publish a missing-person appeal, as the operator recorded it. */
export interface Consent {
  givenBy: string;
  relation: string;
  method: 'in_person' | 'phone' | 'written';
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface Appeal {
  id: string;
  organisationId: string;
  kind: AppealKind;
  status: AppealStatus;
  title: string;
  description: string;
  area: AppealArea;
  responseInstructions: string;
  durationMinutes: number;
  consent: Consent | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  endsAt: string | null;
  closedAt: string | null;
  outcome: AppealOutcome | null;
  outcomeText: string | null;
  publishMessageId: string | null;
  closeMessageId: string | null;
  photoIds: string[];
}

/** Figures per appeal (SPEC A1, E1). */
export interface AppealFigures {
  /** Recipients the send module reports for the appeal's message; null until it knows. */
  reach: number | null;
  closingReach: number | null;
  tips: number;
  usefulTips: number;
  /** Seconds from publication to the first tip an operator marked useful. */
  secondsToFirstUsefulTip: number | null;
  secondsToFirstTip: number | null;
}

/** Why an appeal cannot be published now, or null when it can. */
export function publishBlocker(appeal: Pick<Appeal, 'status' | 'kind' | 'consent'>): { code: string; message: string } | null {
  if (appeal.status !== 'draft') return { code: 'APPEAL_NOT_DRAFT', message: `The appeal is ${appeal.status}; only a draft can be published.` };
  if (appeal.kind === 'missing_person' && !appeal.consent) {
    return { code: 'CONSENT_REQUIRED', message: "A missing-person appeal needs the family's consent, recorded first." };
  }
  return null;
}

/** Whole seconds between two ISO times, or null when either is missing. */
export function secondsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}

/** The closing text for everyone reached; Dutch first, like the appeal itself. */
export function closingBody(appeal: Pick<Appeal, 'title'>, outcome: AppealOutcome, text: string | null): string {
  const phrases: Record<AppealOutcome, string> = {
    found: 'De vermiste persoon is gevonden. / The missing person has been found.',
    arrested: 'Er is een verdachte aangehouden. / A suspect has been arrested.',
    resolved: 'De zaak is opgelost. / The case has been resolved.',
    not_found: 'De oproep is beëindigd zonder resultaat. / The appeal has ended without a result.',
    withdrawn: 'De oproep is ingetrokken. / The appeal has been withdrawn.',
  };
  return [`${appeal.title}: ${phrases[outcome]}`, text?.trim() ? text.trim() : null, 'Bedankt voor uw hulp. / Thank you for your help.'].filter(Boolean).join('\n\n');
}
