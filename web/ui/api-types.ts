import type { CategoryId, Priority } from './taxonomy.ts';

/*
 * The HTTP contract as the web apps see it. Everything in a Post comes from the outside world and
 * is rendered as text, never as HTML.
 */

/** One field error of a validation problem. */
export interface FieldError {
  /** Where in the body, e.g. "config.instanceUrl" or "/config/instanceUrl". */
  path: string;
  message: string;
}

/** RFC 9457 problem details, as the server sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: FieldError[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  permissions: string[];
}

export type OrganisationKind =
  | 'police'
  | 'municipality'
  | 'safety_region'
  | 'event_organiser'
  | 'transport'
  | 'security_company'
  | 'other';

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind | (string & {});
}

export interface Session {
  user: User;
  organisation: Organisation;
}

export interface PostLocation {
  lat: number;
  lon: number;
  precision: 'exact' | 'place';
  placeName: string | null;
}

export interface PostMedia {
  url: string;
  type: string;
}

/** One feature that drove a classification; a positive weight pushed towards the decision. */
export interface ExplanationFeature {
  feature: string;
  weight: number;
}

export interface PostFeedback {
  /** The category an operator confirmed or chose, or `none` (not relevant). */
  label: string;
  priority: Priority | null;
  at: string;
}

/** The classification of a post (SPEC W3/W4). */
export interface PostAnalysis {
  relevant: boolean;
  /** 0..1 */
  relevance: number;
  category: CategoryId | null;
  priority: Priority;
  /** 0..1 */
  confidence: number;
  explanation: ExplanationFeature[];
  language: string | null;
  places: { name: string; kind: string }[];
  nearDuplicateOf: string | null;
  feedback: PostFeedback | null;
}

/** A normalised public post (SPEC W2) with its analysis (null until analysed). */
export interface Post {
  id: string;
  source: string;
  sourceId: string;
  url: string | null;
  authorPseudonym: string;
  text: string;
  language: string | null;
  createdAt: string;
  receivedAt: string;
  location: PostLocation | null;
  hashtags: string[];
  mentions: string[];
  media: PostMedia[];
  replyTo: string | null;
  repostOf: string | null;
  quoteOf: string | null;
  analysis: PostAnalysis | null;
}

export interface PostPage {
  items: Post[];
  nextCursor: string | null;
}

/** Server-side filters of `GET /api/posts`. */
export interface PostQuery {
  q?: string;
  source?: string;
  /** A category id or `none`. */
  category?: string;
  /** One priority, or several (sent comma-separated). */
  priority?: Priority | readonly Priority[];
  relevant?: boolean;
  located?: boolean;
}

/** `event: stats` on the post stream. */
export interface StreamStats {
  received: number;
  /** Posts per second over the last 10 seconds. */
  rate: number;
}

/** The answer to an identity reveal (SPEC G1); shown only in the reveal dialog. */
export interface RevealedIdentity {
  handle: string;
  source: string;
  revealedAt: string;
}

/** `GET /api/settings/map`: a raster tile URL template, or null when the map runs offline. */
export interface MapSettings {
  tileUrl: string | null;
  attribution: string | null;
}

export type ConnectorState = 'starting' | 'connecting' | 'live' | 'backoff' | 'error' | 'stopped';

export interface ConnectorHealth {
  state: ConnectorState;
  message: string | null;
  since: string;
  lastPostAt: string | null;
  postsTotal: number;
  malformedTotal: number;
}

/** A JSON Schema object as the server sends it; read by web/ui/connector-form.ts. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface ConnectorKindInfo {
  kind: string;
  label: { nl: string; en: string };
  mode: 'pull' | 'push';
  configSchema: JsonSchema;
  secretFields: string[];
  /** Per configuration field: its label and hint in Dutch and English. */
  fields: Record<string, { nl: FieldText; en: FieldText }>;
}

export interface FieldText {
  label: string;
  hint?: string;
}

export interface Connector {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  /** Secret fields are replaced by SECRET_MASK. */
  config: Record<string, unknown>;
  health: ConnectorHealth;
  webhookUrl: string | null;
}

export interface ConnectorInput {
  kind: string;
  name: string;
  config: Record<string, unknown>;
  enabled: boolean;
}

export type ConnectorPatch = Partial<Pick<ConnectorInput, 'name' | 'config' | 'enabled'>>;

/** What the server puts in place of a stored secret; sending it back keeps the secret. */
export const SECRET_MASK = '********';
