import type {
  Connector,
  ConnectorHealth,
  ConnectorKindInfo,
  FieldText,
  ConnectorState,
  ExplanationFeature,
  FieldError,
  MapSettings,
  Post,
  PostAnalysis,
  PostFeedback,
  PostLocation,
  PostMedia,
  Problem,
  RevealedIdentity,
  StreamStats,
} from './api-types.ts';
import { isCategoryId, isPriority } from './taxonomy.ts';

/*
 * Shape checks of what the server sends. The stream is long-lived and lists are long: a malformed
 * item is dropped (null), never thrown, so one bad record cannot take a view down.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function nullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function parseLocation(value: unknown): PostLocation | null | undefined {
  if (value === null || value === undefined) {
    return null;
  }
  if (!isRecord(value) || typeof value.lat !== 'number' || typeof value.lon !== 'number') {
    return undefined;
  }
  return {
    lat: value.lat,
    lon: value.lon,
    precision: value.precision === 'exact' ? 'exact' : 'place',
    placeName: nullableString(value.placeName),
  };
}

function parseFeedback(value: unknown): PostFeedback | null {
  if (!isRecord(value) || typeof value.label !== 'string' || typeof value.at !== 'string') {
    return null;
  }
  return { label: value.label, priority: isPriority(value.priority) ? value.priority : null, at: value.at };
}

/** The analysis of a post; null when absent or not the expected shape (the post is still shown). */
export function parseAnalysis(value: unknown): PostAnalysis | null {
  if (!isRecord(value) || typeof value.relevant !== 'boolean' || !isPriority(value.priority)) {
    return null;
  }
  const explanation: ExplanationFeature[] = Array.isArray(value.explanation)
    ? value.explanation
        .filter((f): f is { feature: string; weight: number } => isRecord(f) && typeof f.feature === 'string' && typeof f.weight === 'number' && Number.isFinite(f.weight))
        .map((f) => ({ feature: f.feature, weight: f.weight }))
    : [];
  const places = Array.isArray(value.places)
    ? value.places
        .filter((p): p is { name: string; kind: unknown } => isRecord(p) && typeof p.name === 'string')
        .map((p) => ({ name: p.name, kind: typeof p.kind === 'string' ? p.kind : '' }))
    : [];
  return {
    relevant: value.relevant,
    relevance: finiteOr(value.relevance, 0),
    category: isCategoryId(value.category) ? value.category : null,
    priority: value.priority,
    confidence: finiteOr(value.confidence, 0),
    explanation,
    language: nullableString(value.language),
    places,
    nearDuplicateOf: nullableString(value.nearDuplicateOf),
    feedback: parseFeedback(value.feedback),
  };
}

/** Checks the shape of one post from the server; null when it is not a post. */
export function parsePost(value: unknown): Post | null {
  if (!isRecord(value)) {
    return null;
  }
  const { id, source, sourceId, authorPseudonym, text, createdAt, receivedAt } = value;
  if (
    typeof id !== 'string' ||
    typeof source !== 'string' ||
    typeof authorPseudonym !== 'string' ||
    typeof text !== 'string' ||
    typeof createdAt !== 'string' ||
    typeof receivedAt !== 'string'
  ) {
    return null;
  }
  const location = parseLocation(value.location);
  if (location === undefined) {
    return null;
  }
  const media = Array.isArray(value.media)
    ? value.media.filter((m): m is PostMedia => isRecord(m) && typeof m.url === 'string' && typeof m.type === 'string')
    : [];
  return {
    id,
    source,
    sourceId: typeof sourceId === 'string' ? sourceId : '',
    url: nullableString(value.url),
    authorPseudonym,
    text,
    language: nullableString(value.language),
    createdAt,
    receivedAt,
    location,
    hashtags: isStringArray(value.hashtags) ? value.hashtags : [],
    mentions: isStringArray(value.mentions) ? value.mentions : [],
    media: media.map((m) => ({ url: m.url, type: m.type })),
    replyTo: nullableString(value.replyTo),
    repostOf: nullableString(value.repostOf),
    quoteOf: nullableString(value.quoteOf),
    analysis: parseAnalysis(value.analysis),
  };
}

/** Parses `event: stats` data; null when it is not the expected shape. */
export function parseStats(value: unknown): StreamStats | null {
  if (!isRecord(value) || typeof value.received !== 'number' || typeof value.rate !== 'number') {
    return null;
  }
  return { received: value.received, rate: value.rate };
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  return value
    .filter((e): e is { path: unknown; message: string } => isRecord(e) && typeof e.message === 'string')
    .map((e) => ({ path: typeof e.path === 'string' ? e.path : Array.isArray(e.path) ? e.path.join('.') : '', message: e.message }));
}

export function parseProblem(value: unknown, status: number): Problem | null {
  if (!isRecord(value)) {
    return null;
  }
  const errors = parseFieldErrors(value.errors);
  return {
    type: typeof value.type === 'string' ? value.type : 'about:blank',
    title: typeof value.title === 'string' ? value.title : '',
    status: typeof value.status === 'number' ? value.status : status,
    ...(typeof value.detail === 'string' ? { detail: value.detail } : {}),
    ...(typeof value.instance === 'string' ? { instance: value.instance } : {}),
    ...(typeof value.code === 'string' ? { code: value.code } : {}),
    ...(errors ? { errors } : {}),
  };
}

export function parseRevealed(value: unknown): RevealedIdentity | null {
  if (!isRecord(value) || typeof value.handle !== 'string') {
    return null;
  }
  return { handle: value.handle, source: typeof value.source === 'string' ? value.source : '', revealedAt: typeof value.revealedAt === 'string' ? value.revealedAt : '' };
}

export function parseMapSettings(value: unknown): MapSettings {
  if (!isRecord(value)) {
    return { tileUrl: null, attribution: null };
  }
  const tileUrl = typeof value.tileUrl === 'string' && value.tileUrl.trim() !== '' ? value.tileUrl : null;
  return { tileUrl, attribution: nullableString(value.attribution) };
}

const CONNECTOR_STATES: readonly ConnectorState[] = ['starting', 'connecting', 'live', 'backoff', 'error', 'stopped'];

function parseHealth(value: unknown): ConnectorHealth {
  const health = isRecord(value) ? value : {};
  const state = CONNECTOR_STATES.find((s) => s === health.state) ?? 'stopped';
  return {
    state,
    message: nullableString(health.message),
    since: typeof health.since === 'string' ? health.since : '',
    lastPostAt: nullableString(health.lastPostAt),
    postsTotal: finiteOr(health.postsTotal, 0),
    malformedTotal: finiteOr(health.malformedTotal, 0),
  };
}

export function parseConnector(value: unknown): Connector | null {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.kind !== 'string') {
    return null;
  }
  return {
    id: value.id,
    kind: value.kind,
    name: typeof value.name === 'string' ? value.name : value.id,
    enabled: value.enabled === true,
    config: isRecord(value.config) ? value.config : {},
    health: parseHealth(value.health),
    webhookUrl: nullableString(value.webhookUrl),
  };
}

export function parseConnectorKind(value: unknown): ConnectorKindInfo | null {
  if (!isRecord(value) || typeof value.kind !== 'string' || !isRecord(value.configSchema)) {
    return null;
  }
  const label = isRecord(value.label) ? value.label : {};
  return {
    kind: value.kind,
    label: { nl: typeof label.nl === 'string' ? label.nl : value.kind, en: typeof label.en === 'string' ? label.en : value.kind },
    mode: value.mode === 'push' ? 'push' : 'pull',
    configSchema: value.configSchema,
    secretFields: isStringArray(value.secretFields) ? value.secretFields : [],
    fields: parseFieldTexts(value.fields),
  };
}

function parseFieldText(value: unknown): FieldText | null {
  if (!isRecord(value) || typeof value.label !== 'string') {
    return null;
  }
  return typeof value.hint === 'string' ? { label: value.label, hint: value.hint } : { label: value.label };
}

/** Per field its Dutch and English texts; a field with a malformed text is left out (the form then falls back to the schema). */
function parseFieldTexts(value: unknown): ConnectorKindInfo['fields'] {
  const fields: ConnectorKindInfo['fields'] = {};
  if (!isRecord(value)) {
    return fields;
  }
  for (const [name, texts] of Object.entries(value)) {
    const nl = isRecord(texts) ? parseFieldText(texts.nl) : null;
    const en = isRecord(texts) ? parseFieldText(texts.en) : null;
    if (nl && en) {
      fields[name] = { nl, en };
    }
  }
  return fields;
}

/** `{ items: [...] }` with each item parsed and the malformed ones dropped. */
export function parseItems<T>(body: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!isRecord(body) || !Array.isArray(body.items)) {
    return null;
  }
  return body.items.map(parse).filter((item): item is T => item !== null);
}
