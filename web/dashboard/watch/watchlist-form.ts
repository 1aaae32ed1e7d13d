import { DISPLAY_TIME_ZONE } from '../../ui/format.ts';
import type { CategoryId, Priority } from '../../ui/taxonomy.ts';
import { areaInputOf, choiceOf, type AreaChoice, type MunicipalityOption } from '../send/area.ts';
import type { Area, AlertRule, Watchlist, WatchlistBody } from './alerts-api.ts';

/*
 * The watchlist editor's state and its translation to and from the API, pure so that it is
 * tested without a browser. Checks mirror the server's (src/watch/watchlists/watchlist.ts) so that
 * people hear about a missing purpose before they press save; the server checks again.
 */

/** Shown by the API instead of a stored webhook secret; sent back, it keeps the secret. */
export const SECRET_PLACEHOLDER = '********';

export interface RuleForm {
  name: string;
  on: 'post' | 'signal';
  minPriority: Priority;
  minScore: number;
  dashboard: boolean;
  emails: string;
  webhookUrl: string;
  /** A secret made in this editor (shown until saved), or the placeholder for a stored one. */
  webhookSecret: string;
  throttleMinutes: number;
  enabled: boolean;
}

export interface EventForm {
  name: string;
  area: AreaChoice | null;
  /** `YYYY-MM-DDTHH:MM` in Dutch time, as a datetime-local field holds it. */
  from: string;
  to: string;
}

export interface WatchlistForm {
  name: string;
  purpose: string;
  legalBasis: string;
  /** One keyword or phrase per line (commas also separate). */
  keywords: string;
  areas: AreaChoice[];
  /** One account per line: source and handle, e.g. `mastodon @naam@server.nl`. */
  accounts: string;
  /** Accounts already stored (pseudonyms only); the API cannot keep them unless their handles are given again. */
  storedAccounts: number;
  events: EventForm[];
  categories: CategoryId[];
  sensitivity: number;
  enabled: boolean;
  rules: RuleForm[];
}

export type FormField = 'name' | 'purpose' | 'legalBasis' | 'scope' | 'keywords' | 'accounts' | 'sensitivity' | `event.${number}` | `rule.${number}.name` | `rule.${number}.emails` | `rule.${number}.webhook`;
export type FormProblem = 'required' | 'purposeShort' | 'legalBasisShort' | 'noScope' | 'accountLine' | 'eventIncomplete' | 'eventOrder' | 'email' | 'webhookUrl' | 'webhookSecret';

export function emptyRule(): RuleForm {
  return { name: '', on: 'signal', minPriority: 'high', minScore: 3, dashboard: true, emails: '', webhookUrl: '', webhookSecret: '', throttleMinutes: 15, enabled: true };
}

export function emptyForm(): WatchlistForm {
  return { name: '', purpose: '', legalBasis: '', keywords: '', areas: [], accounts: '', storedAccounts: 0, events: [], categories: [], sensitivity: 1, enabled: true, rules: [] };
}

/** A webhook secret of 32 random bytes, base64url (the receiver needs at least 16 characters). */
export function newSecret(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(32));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes that Dutch time is ahead of UTC at `ms` (60 in winter, 120 in summer). */
function offsetMinutes(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** An ISO time as `YYYY-MM-DDTHH:MM` in Dutch time (for a datetime-local field). */
export function toLocalInput(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + offsetMinutes(ms) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A datetime-local value read as Dutch time, as an ISO time; null when it is not one. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The offset at the guessed instant; once more in case the guess fell on the other side of a change.
  let ms = wall - offsetMinutes(wall) * 60_000;
  ms = wall - offsetMinutes(ms) * 60_000;
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * Outline points typed as lines of "latitude, longitude" (the keyboard way to draw a polygon), as
 * [lon, lat] positions; null when a line is not a pair of numbers in range.
 */
export function parsePointList(text: string): [number, number][] | null {
  const points: [number, number][] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    // "52.09, 5.11", "52.09;5.11", "52,09 5,11" and "52.09,5.11" all read as latitude then longitude.
    let parts = line.split(/\s*;\s*|\s*,\s+|\s+/).filter(Boolean);
    if (parts.length === 1) parts = line.split(',');
    if (parts.length !== 2 || !parts.every((p) => /^-?\d+(?:[.,]\d+)?$/.test(p))) return null;
    const [lat, lon] = parts.map((p) => Number(p.replace(',', '.'))) as [number, number];
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return null;
    points.push([lon, lat]);
  }
  return points;
}

/** The positions of a drawn polygon as lines of "latitude, longitude". */
export function pointListText(points: readonly [number, number][]): string {
  return points.map(([lon, lat]) => `${lat}, ${lon}`).join('\n');
}

function lines(text: string, commas: boolean): string[] {
  return text
    .split(commas ? /[\n,]/ : /\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The API's body for the form, or the problems that stop it (field and what is wrong). */
export function toBody(form: WatchlistForm): { body: WatchlistBody; problems: [] } | { body: null; problems: { field: FormField; problem: FormProblem }[] } {
  const problems: { field: FormField; problem: FormProblem }[] = [];
  if (form.name.trim() === '') problems.push({ field: 'name', problem: 'required' });
  if (form.purpose.trim().length < 10) problems.push({ field: 'purpose', problem: form.purpose.trim() === '' ? 'required' : 'purposeShort' });
  if (form.legalBasis.trim().length < 3) problems.push({ field: 'legalBasis', problem: form.legalBasis.trim() === '' ? 'required' : 'legalBasisShort' });

  const keywords = lines(form.keywords, true).filter((k) => k.length >= 2);
  const areas = form.areas.map((a) => areaInputOf(a) as Area | null).filter((a): a is Area => a !== null);
  const accounts: { source: string; handle: string }[] = [];
  for (const line of lines(form.accounts, false)) {
    const m = /^([a-z][a-z0-9_-]{0,31})\s+(\S+)$/.exec(line);
    if (!m) {
      problems.push({ field: 'accounts', problem: 'accountLine' });
      break;
    }
    accounts.push({ source: m[1]!, handle: m[2]! });
  }
  const events: WatchlistBody['events'] = [];
  form.events.forEach((e, i) => {
    const area = areaInputOf(e.area) as Area | null;
    const from = fromLocalInput(e.from);
    const to = fromLocalInput(e.to);
    if (e.name.trim() === '' || !area || !from || !to) problems.push({ field: `event.${i}`, problem: 'eventIncomplete' });
    else if (from >= to) problems.push({ field: `event.${i}`, problem: 'eventOrder' });
    else events.push({ name: e.name.trim(), area, from, to });
  });
  if (keywords.length + areas.length + accounts.length + form.events.length + form.categories.length === 0) problems.push({ field: 'scope', problem: 'noScope' });

  const rules: AlertRule[] = [];
  form.rules.forEach((r, i) => {
    if (r.name.trim() === '') problems.push({ field: `rule.${i}.name`, problem: 'required' });
    const emails = lines(r.emails, true);
    if (emails.some((e) => !EMAIL.test(e))) problems.push({ field: `rule.${i}.emails`, problem: 'email' });
    let webhook: AlertRule['channels']['webhook'] = null;
    if (r.webhookUrl.trim() !== '') {
      if (!/^https?:\/\/\S+$/i.test(r.webhookUrl.trim())) problems.push({ field: `rule.${i}.webhook`, problem: 'webhookUrl' });
      else if (r.webhookSecret !== SECRET_PLACEHOLDER && r.webhookSecret.length < 16) problems.push({ field: `rule.${i}.webhook`, problem: 'webhookSecret' });
      else webhook = { url: r.webhookUrl.trim(), secret: r.webhookSecret };
    }
    rules.push({
      name: r.name.trim(),
      condition: r.on === 'post' ? { on: 'post', minPriority: r.minPriority } : { on: 'signal', minScore: r.minScore },
      channels: { dashboard: r.dashboard, email: emails, webhook },
      throttleMinutes: r.throttleMinutes,
      enabled: r.enabled,
    });
  });
  if (problems.length > 0) return { body: null, problems };
  return {
    body: { name: form.name.trim(), purpose: form.purpose.trim(), legalBasis: form.legalBasis.trim(), keywords, areas, accounts, events, categories: form.categories, sensitivity: form.sensitivity, enabled: form.enabled, rules },
    problems: [],
  };
}

/** The form for a stored watchlist (editing). */
export function fromWatchlist(w: Watchlist, municipalities: readonly MunicipalityOption[]): WatchlistForm {
  return {
    name: w.name,
    purpose: w.purpose,
    legalBasis: w.legalBasis,
    keywords: w.keywords.join('\n'),
    areas: w.areas.map((a) => choiceOf(a, municipalities)).filter((a): a is AreaChoice => a !== null),
    accounts: '',
    storedAccounts: w.accounts.length,
    events: w.events.map((e) => ({ name: e.name, area: choiceOf(e.area, municipalities), from: toLocalInput(e.from), to: toLocalInput(e.to) })),
    categories: [...w.categories],
    sensitivity: w.sensitivity,
    enabled: w.enabled,
    rules: w.rules.map((r) => ({
      name: r.name,
      on: r.condition.on,
      minPriority: r.condition.on === 'post' ? r.condition.minPriority : 'high',
      minScore: r.condition.on === 'signal' ? r.condition.minScore : 3,
      dashboard: r.channels.dashboard,
      emails: r.channels.email.join('\n'),
      webhookUrl: r.channels.webhook?.url ?? '',
      webhookSecret: r.channels.webhook ? SECRET_PLACEHOLDER : '',
      throttleMinutes: r.throttleMinutes,
      enabled: r.enabled,
    })),
  };
}
