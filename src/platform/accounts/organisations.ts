export const ORGANISATION_KINDS = ['police', 'municipality', 'safety_region', 'event_organiser', 'transport', 'security_company', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  createdAt: string;
}

export interface User {
  id: string;
  organisationId: string;
  email: string;
  name: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
}

export interface ApiToken {
  id: string;
  organisationId: string;
  name: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}
