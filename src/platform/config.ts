import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The one typed configuration, read from the environment once at start (cli/main.ts passes
 * `process.env`; nothing else reads it). Every variable is declared and documented here and in
 * docs/configuration.md. A wrong value stops start-up with a message naming the variable.
 */
export type DatabaseConfig =
  | { driver: 'sqlite'; path: string }
  | { driver: 'postgres'; url: string };

export type BusConfig = { transport: 'memory' } | { transport: 'nats'; servers: string[]; stream: string };

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  bus: BusConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Session cookie lifetime. */
  sessionTtlHours: number;
  /** Set the Secure flag on the session cookie (browsers accept it on http://localhost too). */
  cookieSecure: boolean;
  /** Trust X-Forwarded-* headers from a reverse proxy (for client addresses in rate limits). */
  trustProxy: boolean;
  /** Requests per minute per client on public (unauthenticated) routes. */
  publicRateLimitPerMinute: number;
  /** Login attempts per minute per client. */
  loginRateLimitPerMinute: number;
  /** Directory with the built web apps (dashboard and citizen app). */
  webDir: string;
  /** Address citizens reach this installation at, for links in messages (unsubscribe, confirmation, message pages). */
  publicUrl: string;
  /** Where tip and appeal photos are kept: originals (evidence) and metadata-free copies. */
  mediaDir: string;
  demo: { password: string | undefined; speed: number; scenarioFile: string };
  /** Days an author's handle is kept (sealed) for reveals; 0 keeps none (SPEC G1). */
  identityRetentionDays: number;
  /** Enrich and classify posts on a worker thread while the pipeline stores (decision 0021). */
  analysisThread: boolean;
  /** On a SQLite file with the memory bus, search posts through a trigram index of its own (decision 0022). */
  textIndex: boolean;
  map: { tileUrl: string | null; attribution: string | null };
  secrets: {
    /** Key for pseudonymising author handles (G1); when absent one is generated and kept in the database. */
    pseudonymKey: string | undefined;
  };
  /** Outgoing email (notification mails, the send module's email channel); null url = no email. */
  mail: { smtpUrl: string | null; from: string | null };
  /** Credentials of the send module's channels (ADR 0010: one global set per installation for now). */
  send: {
    /** VAPID keys for Web Push; when absent a pair is generated and kept in the database. */
    vapid: { publicKey: string | undefined; privateKey: string | undefined; subject: string | undefined };
    sms: { gatewayUrl: string | null; token: string | null };
    mastodon: { instanceUrl: string | null; accessToken: string | null };
    bluesky: { serviceUrl: string; identifier: string | null; appPassword: string | null };
    /** Accept http:// webhook receivers (a relay on the same host, tests); production receivers use https. */
    webhookAllowHttp: boolean;
  };
  /** Respond: geocoding of dispatch and volunteer addresses. */
  respond: {
    /** PDOK Locatieserver base URL; null = offline postcode table only. */
    pdokUrl: string | null;
    /** The offline postcode table (a CSV file or a directory of them). */
    postcodeTable: string;
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanText = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

function positiveInt(max: number) {
  return z.coerce.number().int().min(1).max(max);
}

const variables = {
  /** TCP port of the HTTP server (0 picks a free port). */
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Address to listen on; 0.0.0.0 to accept connections from other hosts. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** `sqlite:PATH` (default `sqlite:./data/waakzaam.db`, `sqlite::memory:` for tests) or `postgres://…`. */
  WAAKZAAM_DATABASE_URL: z.string().default('sqlite:./data/waakzaam.db').transform(parseDatabaseUrl),
  /** `memory:` (in-process bus backed by the outbox table) or `nats://host:port[,nats://…]` for NATS JetStream. */
  WAAKZAAM_BUS_URL: z.string().default('memory:').transform(parseBusUrl),
  /** JetStream stream name used when the bus is NATS. */
  WAAKZAAM_NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only').default('WAAKZAAM'),
  /** pino log level. */
  WAAKZAAM_LOG_LEVEL: z.enum(logLevels).default('info'),
  /** Hours a login session lasts. */
  WAAKZAAM_SESSION_TTL_HOURS: positiveInt(24 * 30).default(12),
  /** Secure flag on the session cookie: `true` (default) or `false` (only for plain-HTTP hosts other than localhost). */
  WAAKZAAM_COOKIE_SECURE: booleanText.default(true),
  /** Trust X-Forwarded-For from a reverse proxy. */
  WAAKZAAM_TRUST_PROXY: booleanText.default(false),
  /** Requests per minute per client on public routes. */
  WAAKZAAM_PUBLIC_RATE_LIMIT: positiveInt(1_000_000).default(300),
  /** Login attempts per minute per client. */
  WAAKZAAM_LOGIN_RATE_LIMIT: positiveInt(10_000).default(10),
  /** Directory of the built web apps. */
  WAAKZAAM_WEB_DIR: z.string().min(1).default('./dist/web'),
  /** Public base URL of this installation (links in alerts, confirmation and unsubscribe mails), without a trailing slash. */
  WAAKZAAM_PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:8080').transform((u) => u.replace(/\/+$/, '')),
  /** Directory for tip and appeal photos; default `media/` beside the SQLite file (`./data/media` for PostgreSQL). */
  WAAKZAAM_MEDIA_DIR: z.string().min(1).optional(),
  /** Password of the demo user created by `waakzaam demo`/`npm start`; random when absent (printed at start). */
  WAAKZAAM_DEMO_PASSWORD: z.string().min(12, 'at least 12 characters (the password rule for every account)').optional(),
  /** Replay speed of the demo scenario (1 = real time, 60 = an hour a minute). */
  WAAKZAAM_DEMO_SPEED: z.coerce.number().positive().max(1_000_000).default(60),
  /** The scenario file the demo replays. */
  WAAKZAAM_DEMO_SCENARIO: z.string().min(1).default('./data/scenarios/festival-utrecht.jsonl'),
  /** Days the sealed handle behind a pseudonym is kept for reveals by a coordinator; 0 keeps none. */
  WAAKZAAM_IDENTITY_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  WAAKZAAM_ANALYSIS_THREAD: booleanText.default(true),
  WAAKZAAM_TEXT_INDEX: booleanText.default(true),
  /** XYZ raster tile URL for the dashboard map, e.g. PDOK's BRT background map; empty = offline outlines only. */
  WAAKZAAM_MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^\s]+\{z\}[^\s]*\{x\}[^\s]*\{y\}/, 'an https URL with {z}, {x} and {y}')
    .optional(),
  /** Attribution shown with the map tiles. */
  WAAKZAAM_MAP_ATTRIBUTION: z.string().max(300).optional(),
  /** Secret key (≥ 32 characters) for author pseudonyms; generated and stored in the database when absent. */
  WAAKZAAM_PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters').optional(),
  /** SMTP server for outgoing mail, e.g. `smtp://user:pass@mail.example.nl:587` or `smtps://…`; absent = no email. */
  WAAKZAAM_SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
  /** Sender of outgoing mail, e.g. `Waakzaam <noreply@gemeente.nl>`. */
  WAAKZAAM_MAIL_FROM: z.string().min(3).max(300).optional(),
  /** VAPID public key (base64url, uncompressed P-256 point) for Web Push; generated when absent. */
  WAAKZAAM_VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{86,88}$/, 'a base64url P-256 public key (87 characters)').optional(),
  /** VAPID private key (base64url, 32 bytes). */
  WAAKZAAM_VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{42,44}$/, 'a base64url P-256 private key (43 characters)').optional(),
  /** VAPID contact: `mailto:…` or an `https://` URL. */
  WAAKZAAM_VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, 'mailto:address or an https:// URL').optional(),
  /** HTTP SMS gateway that accepts `POST {to, text, reference}` with a bearer token; absent = no SMS. */
  WAAKZAAM_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Bearer token for the SMS gateway. */
  WAAKZAAM_SMS_GATEWAY_TOKEN: z.string().min(1).max(2000).optional(),
  /** Mastodon instance the send module posts to, e.g. `https://mastodon.nl`. */
  WAAKZAAM_MASTODON_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Access token (scope write:statuses write:media) of the account that posts. */
  WAAKZAAM_MASTODON_TOKEN: z.string().min(1).max(2000).optional(),
  /** Bluesky PDS the send module posts through. */
  WAAKZAAM_BLUESKY_SERVICE: z.url({ protocol: /^https?$/ }).default('https://bsky.social'),
  /** Bluesky handle or DID that posts. */
  WAAKZAAM_BLUESKY_IDENTIFIER: z.string().min(1).max(300).optional(),
  /** Bluesky app password of that account. */
  WAAKZAAM_BLUESKY_APP_PASSWORD: z.string().min(1).max(300).optional(),
  /** Allow http:// (not only https://) webhook receivers of the send module: `false` (default) or `true`. */
  WAAKZAAM_WEBHOOK_ALLOW_HTTP: booleanText.default(false),
  /** PDOK Locatieserver base URL for geocoding postcode + house number; `off` = use only the offline postcode table. */
  WAAKZAAM_PDOK_URL: z.union([z.literal('off'), z.url({ protocol: /^https?$/ })]).default('https://api.pdok.nl/bzk/locatieserver/search/v3_1'),
  /** Offline postcode table (CSV file or directory of CSV files), the fallback when PDOK cannot be reached. */
  WAAKZAAM_POSTCODE_TABLE: z.string().min(1).default('./data/postcodes'),
} satisfies Record<string, z.ZodType>;

function parseDatabaseUrl(value: string, ctx: z.RefinementCtx): DatabaseConfig {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'sqlite: needs a file path, e.g. sqlite:./data/waakzaam.db' });
      return z.NEVER;
    }
    return { driver: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not a valid postgres:// URL' });
      return z.NEVER;
    }
    return { driver: 'postgres', url: value };
  }
  ctx.addIssue({ code: 'custom', message: `expected sqlite:PATH or postgres://…, got "${value.slice(0, 60)}"` });
  return z.NEVER;
}

function parseBusUrl(value: string, ctx: z.RefinementCtx): BusConfig {
  if (value === 'memory:' || value === 'memory') return { transport: 'memory' };
  const servers = value.split(',').map((s) => s.trim());
  for (const server of servers) {
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      ctx.addIssue({ code: 'custom', message: `expected memory: or nats://host:port, got "${server.slice(0, 60)}"` });
      return z.NEVER;
    }
    if (url.protocol !== 'nats:' && url.protocol !== 'tls:') {
      ctx.addIssue({ code: 'custom', message: `expected memory: or nats://host:port, got "${server.slice(0, 60)}"` });
      return z.NEVER;
    }
  }
  return { transport: 'nats', servers, stream: 'WAAKZAAM' };
}

/** Photos live beside the SQLite file they belong to, so one data directory holds a whole installation. */
function defaultMediaDir(database: DatabaseConfig): string {
  if (database.driver === 'postgres') return './data/media';
  if (database.path === ':memory:') return join(tmpdir(), 'waakzaam-media');
  return join(dirname(database.path), 'media');
}

/** Reads and validates the configuration; throws {@link ConfigError} naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const schema = z.object(variables);
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(variables)) {
    const raw = env[name];
    input[name] = raw === undefined || raw === '' ? undefined : raw;
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    throw new ConfigError(variable, issue.message);
  }
  const v = parsed.data;
  const bus: BusConfig = v.WAAKZAAM_BUS_URL.transport === 'nats' ? { ...v.WAAKZAAM_BUS_URL, stream: v.WAAKZAAM_NATS_STREAM } : v.WAAKZAAM_BUS_URL;
  return {
    port: v.PORT,
    host: v.HOST,
    database: v.WAAKZAAM_DATABASE_URL,
    bus,
    logLevel: v.WAAKZAAM_LOG_LEVEL,
    sessionTtlHours: v.WAAKZAAM_SESSION_TTL_HOURS,
    cookieSecure: v.WAAKZAAM_COOKIE_SECURE,
    trustProxy: v.WAAKZAAM_TRUST_PROXY,
    publicRateLimitPerMinute: v.WAAKZAAM_PUBLIC_RATE_LIMIT,
    loginRateLimitPerMinute: v.WAAKZAAM_LOGIN_RATE_LIMIT,
    webDir: v.WAAKZAAM_WEB_DIR,
    publicUrl: v.WAAKZAAM_PUBLIC_URL,
    mediaDir: v.WAAKZAAM_MEDIA_DIR ?? defaultMediaDir(v.WAAKZAAM_DATABASE_URL),
    demo: { password: v.WAAKZAAM_DEMO_PASSWORD, speed: v.WAAKZAAM_DEMO_SPEED, scenarioFile: v.WAAKZAAM_DEMO_SCENARIO },
    identityRetentionDays: v.WAAKZAAM_IDENTITY_RETENTION_DAYS,
    analysisThread: v.WAAKZAAM_ANALYSIS_THREAD,
    textIndex: v.WAAKZAAM_TEXT_INDEX,
    map: { tileUrl: v.WAAKZAAM_MAP_TILE_URL ?? null, attribution: v.WAAKZAAM_MAP_ATTRIBUTION ?? null },
    secrets: { pseudonymKey: v.WAAKZAAM_PSEUDONYM_KEY },
    respond: { pdokUrl: v.WAAKZAAM_PDOK_URL === 'off' ? null : v.WAAKZAAM_PDOK_URL, postcodeTable: v.WAAKZAAM_POSTCODE_TABLE },
    mail: { smtpUrl: v.WAAKZAAM_SMTP_URL ?? null, from: v.WAAKZAAM_MAIL_FROM ?? null },
    send: {
      vapid: { publicKey: v.WAAKZAAM_VAPID_PUBLIC_KEY, privateKey: v.WAAKZAAM_VAPID_PRIVATE_KEY, subject: v.WAAKZAAM_VAPID_SUBJECT },
      sms: { gatewayUrl: v.WAAKZAAM_SMS_GATEWAY_URL ?? null, token: v.WAAKZAAM_SMS_GATEWAY_TOKEN ?? null },
      mastodon: { instanceUrl: v.WAAKZAAM_MASTODON_URL ?? null, accessToken: v.WAAKZAAM_MASTODON_TOKEN ?? null },
      bluesky: { serviceUrl: v.WAAKZAAM_BLUESKY_SERVICE, identifier: v.WAAKZAAM_BLUESKY_IDENTIFIER ?? null, appPassword: v.WAAKZAAM_BLUESKY_APP_PASSWORD ?? null },
      webhookAllowHttp: v.WAAKZAAM_WEBHOOK_ALLOW_HTTP,
    },
  };
}

/** The names of all variables, for docs and `--help`. */
export const CONFIG_VARIABLES = Object.keys(variables);
