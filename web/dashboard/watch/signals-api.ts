import { ApiError, NetworkError } from '../../ui/api.ts';
import { isRecord, parseProblem } from '../../ui/api-parse.ts';
import type { Priority } from '../../ui/taxonomy.ts';

/*
 * The dashboard's door to the incidents, rumours, network and verification-task API. Kept beside
 * its views so that the shared ApiClient does not grow with every Watch view; errors are the same
 * ApiError / NetworkError as everywhere else.
 */

export type IncidentStatus = 'new' | 'monitoring' | 'confirmed' | 'closed';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['new', 'monitoring', 'confirmed', 'closed'];

export interface Incident {
  id: string;
  status: IncidentStatus;
  category: string | null;
  priority: Priority;
  placeName: string | null;
  firstAt: string;
  lastAt: string;
  postCount: number;
  locatedCount: number;
  centre: { lat: number; lon: number } | null;
  terms: string[];
  mergedInto: string | null;
  verdict: { answer: string; note: string | null } | null;
  sparkline?: number[];
}

export interface IncidentDetail extends Incident {
  timeline: { minute: string; count: number }[];
  members: { postId: string; createdAt: string; lat: number | null; lon: number | null; category: string | null; priority: Priority; text: string; placeName: string | null }[];
}

export type ClaimState = 'observed' | 'marked_rumour' | 'verifying' | 'confirmed' | 'denied' | 'unverifiable' | 'corrected';

export interface Claim {
  id: string;
  state: ClaimState;
  text: string;
  category: string | null;
  priority: Priority;
  firstAt: string;
  lastAt: string;
  postCount: number;
  velocity: { perWindow: number; acceleration: number; uniqueAuthors: number };
  verdictNote: string | null;
  correction: { textNl: string; textEn: string | null; recordedAt: string; reachPosts: number; messageId: string | null } | null;
}

export interface SeriesPoint {
  at: string;
  count: number;
  cumulative: number;
}

export interface ClaimDetail extends Claim {
  posts: { postId: string; createdAt: string; text: string; authorPseudonym: string }[];
  reach: { rumour: SeriesPoint[]; correction: SeriesPoint[]; deliveries: SeriesPoint[] };
}

export interface Task {
  id: string;
  subjectType: 'rumour' | 'incident';
  subjectId: string;
  question: string;
  assigneeId: string;
  status: 'open' | 'answered';
  answer: 'confirmed' | 'denied' | 'unverifiable' | null;
  note: string | null;
  createdAt: string;
}

export interface Assignee {
  id: string;
  name: string;
  email: string;
}

export interface NetworkNode {
  id: string;
  pagerank: number;
  degree: number;
  reach: number;
  community: number;
  posts: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: { from: string; to: string; weight: number }[];
  communities: { id: number; size: number }[];
  top: NetworkNode[];
  totals: { nodes: number; edges: number; interactions: number };
}

export interface SignalsApi {
  listIncidents(options?: { signal?: AbortSignal }): Promise<Incident[]>;
  getIncident(id: string, options?: { signal?: AbortSignal }): Promise<IncidentDetail>;
  setIncidentStatus(id: string, status: IncidentStatus): Promise<Incident>;
  mergeIncidents(survivorId: string, incidentIds: readonly string[]): Promise<Incident>;
  splitIncident(id: string, postIds: readonly string[]): Promise<Incident>;
  listClaims(options?: { signal?: AbortSignal }): Promise<Claim[]>;
  getClaim(id: string, options?: { signal?: AbortSignal }): Promise<ClaimDetail>;
  markClaim(id: string): Promise<Claim>;
  verifyClaim(id: string, input: { assigneeId: string; question: string }): Promise<Claim>;
  correctClaim(id: string, input: { textNl: string; textEn: string | null }): Promise<Claim>;
  listAssignees(): Promise<Assignee[]>;
  listMyTasks(options?: { signal?: AbortSignal }): Promise<Task[]>;
  answerTask(id: string, input: { answer: 'confirmed' | 'denied' | 'unverifiable'; note: string }): Promise<Task>;
  getNetwork(options?: { category?: string; signal?: AbortSignal }): Promise<Network>;
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A JSON body of the expected rough shape, else an ApiError (the server and the client disagree). */
function expectObject<T>(status: number, body: unknown, key?: string): T {
  if (!isRecord(body) || (key !== undefined && !Array.isArray(body[key]))) {
    throw new ApiError(status, null);
  }
  return (key === undefined ? body : body[key]) as T;
}

export function createSignalsApi(options: { fetch?: FetchLike } = {}): SignalsApi {
  const doFetch: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function call<T>(path: string, init: RequestInit & { key?: string } = {}): Promise<T> {
    const { key, ...rest } = init;
    let response: Response;
    try {
      response = await doFetch(path, { credentials: 'same-origin', ...rest, headers: { accept: 'application/json', ...rest.headers } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw new NetworkError(error instanceof Error ? error.message : 'network error');
    }
    let body: unknown = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      body = await response.json().catch(() => null);
    }
    if (!response.ok) {
      throw new ApiError(response.status, parseProblem(body, response.status));
    }
    return expectObject<T>(response.status, body, key);
  }

  const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const empty: RequestInit = { method: 'POST' };
  const id = encodeURIComponent;

  return {
    listIncidents: ({ signal } = {}) => call('/api/incidents?minPosts=3&limit=100', { key: 'items', ...(signal ? { signal } : {}) }),
    getIncident: (incident, { signal } = {}) => call(`/api/incidents/${id(incident)}`, signal ? { signal } : {}),
    setIncidentStatus: (incident, status) => call(`/api/incidents/${id(incident)}/status`, post({ status })),
    mergeIncidents: (survivor, incidentIds) => call(`/api/incidents/${id(survivor)}/merge`, post({ incidentIds })),
    splitIncident: (incident, postIds) => call(`/api/incidents/${id(incident)}/split`, post({ postIds })),
    listClaims: ({ signal } = {}) => call('/api/rumours?minPosts=3&limit=100', { key: 'items', ...(signal ? { signal } : {}) }),
    getClaim: (claim, { signal } = {}) => call(`/api/rumours/${id(claim)}`, signal ? { signal } : {}),
    markClaim: (claim) => call(`/api/rumours/${id(claim)}/mark`, empty),
    verifyClaim: async (claim, input) => (await call<{ claim: Claim }>(`/api/rumours/${id(claim)}/verification`, post(input))).claim,
    correctClaim: (claim, input) => call(`/api/rumours/${id(claim)}/correction`, post(input)),
    listAssignees: () => call('/api/verification/assignees', { key: 'items' }),
    listMyTasks: ({ signal } = {}) => call('/api/verification/tasks?mine=true&status=open', { key: 'items', ...(signal ? { signal } : {}) }),
    answerTask: (task, input) => call(`/api/verification/tasks/${id(task)}/answer`, post(input)),
    getNetwork: ({ category, signal } = {}) => call(`/api/network?limit=120${category ? `&category=${encodeURIComponent(category)}` : ''}`, signal ? { signal } : {}),
  };
}
