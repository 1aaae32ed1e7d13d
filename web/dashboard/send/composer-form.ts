import type { MessageKey } from '../../ui/i18n/catalogue.ts';
import { CATEGORY_LABELS, type CategoryId } from '../../ui/taxonomy.ts';
import { areaInputOf, polygonProblem, sendChoiceOf, type MunicipalityOption, type SendAreaChoice } from './area.ts';
import type { Certainty, ChannelKind, DraftBody, MessageContent, SendMessage, Severity, Template, Urgency } from './send-api.ts';

/*
 * The composer's form as plain data: what the fields hold, what is wrong with them, and the API
 * body they make. Kept apart from the React component so that every rule is tested without a
 * browser (test/web/send-composer.test.ts).
 */

/** Limits of the API (src/send/messages/message.ts). */
export const MAX_HEADLINE = 160;
export const MAX_BODY = 5000;
export const MAX_INSTRUCTION = 2000;
export const MAX_TOPICS = 20;

/** Topics staff tag messages with and citizens subscribe to: the safety categories plus events. */
export const TOPICS = [
  'crowd_safety',
  'events',
  'public_order',
  'fire',
  'weather',
  'traffic_transport',
  'infrastructure_outage',
  'medical',
  'missing_person',
  'violence_weapons',
  'robbery_burglary',
  'suspicious',
  'drugs',
  'rumour',
] as const;

/** The label key of a topic: a category's name, or the events topic. */
export function topicLabelKey(topic: string): MessageKey {
  return topic === 'events' ? 'send.topic.events' : (CATEGORY_LABELS[topic as CategoryId] ?? 'category.none');
}

export interface TextFields {
  headline: string;
  body: string;
  instruction: string;
}

export interface ComposerState {
  nl: TextFields;
  /** English is optional: off means the message has only a Dutch version. */
  withEnglish: boolean;
  en: TextFields;
  category: CategoryId;
  urgency: Urgency;
  severity: Severity;
  certainty: Certainty;
  topics: string[];
  channels: ChannelKind[];
  exercise: boolean;
  /** A `datetime-local` value in the browser's time zone, or '' for "as soon as approved". */
  scheduledFor: string;
  area: SendAreaChoice | null;
}

export const EMPTY_TEXT: TextFields = { headline: '', body: '', instruction: '' };

export function initialComposerState(channels: readonly ChannelKind[] = []): ComposerState {
  return {
    nl: EMPTY_TEXT,
    withEnglish: false,
    en: EMPTY_TEXT,
    category: 'crowd_safety',
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Observed',
    topics: [],
    channels: [...channels],
    exercise: false,
    scheduledFor: '',
    area: null,
  };
}

const SLOT = /\{\{\s*([a-z][a-z0-9_]{0,30})\s*\}\}/g;

/** Fills `{{name}}` slots as the server does; a slot without a value stays visible so it is noticed. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(SLOT, (all, name: string) => {
    const value = values[name]?.trim();
    return value ? value : all;
  });
}

/** Placeholders still left in the texts (a template not fully filled in). */
export function unfilledPlaceholders(state: Pick<ComposerState, 'nl' | 'en' | 'withEnglish'>): string[] {
  const names = new Set<string>();
  const versions = state.withEnglish ? [state.nl, state.en] : [state.nl];
  for (const v of versions) for (const text of [v.headline, v.body, v.instruction]) for (const m of text.matchAll(SLOT)) names.add(m[1]!);
  return [...names];
}

function textsOf(content: MessageContent | undefined, values: Readonly<Record<string, string>>): TextFields {
  if (!content) return EMPTY_TEXT;
  return { headline: fillPlaceholders(content.headline, values), body: fillPlaceholders(content.body, values), instruction: fillPlaceholders(content.instruction ?? '', values) };
}

/** The form after choosing a template: its texts (slots filled where a value is given) and CAP fields; channels, area and schedule stay. */
export function applyTemplate(state: ComposerState, template: Template, values: Readonly<Record<string, string>> = {}): ComposerState {
  return {
    ...state,
    nl: textsOf(template.content.nl, values),
    withEnglish: template.content.en !== undefined,
    en: textsOf(template.content.en, values),
    category: template.category,
    urgency: template.urgency,
    severity: template.severity,
    certainty: template.certainty,
    topics: [...template.topics],
  };
}

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local field shows an ISO instant. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The ISO instant of a datetime-local value (read in the browser's time zone), or null. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The form filled from a stored message (editing a draft, or writing its update). */
export function stateFromMessage(message: Pick<SendMessage, 'content' | 'category' | 'urgency' | 'severity' | 'certainty' | 'topics' | 'channels' | 'exercise' | 'scheduledFor' | 'area'>, municipalities: readonly MunicipalityOption[]): ComposerState {
  const text = (c: MessageContent | undefined): TextFields => (c ? { headline: c.headline, body: c.body, instruction: c.instruction ?? '' } : EMPTY_TEXT);
  return {
    nl: text(message.content.nl),
    withEnglish: message.content.en !== undefined,
    en: text(message.content.en),
    category: message.category,
    urgency: message.urgency,
    severity: message.severity,
    certainty: message.certainty,
    topics: [...message.topics],
    channels: [...message.channels],
    exercise: message.exercise,
    scheduledFor: toLocalInput(message.scheduledFor),
    area: sendChoiceOf(message.area, municipalities),
  };
}

/** One problem with the form: the id of the field to focus and the text to show. */
export interface FormError {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Channels that reach people by where they subscribed, and so need an area. */
const AREA_CHANNELS: readonly ChannelKind[] = ['webpush', 'email', 'sms', 'webhook', 'cap'];

function textErrors(prefix: 'nl' | 'en', fields: TextFields): FormError[] {
  const errors: FormError[] = [];
  const headline = fields.headline.trim();
  if (headline.length < 3) errors.push({ field: `${prefix}-headline`, key: prefix === 'nl' ? 'send.error.headlineNl' : 'send.error.headlineEn' });
  else if (headline.length > MAX_HEADLINE) errors.push({ field: `${prefix}-headline`, key: 'send.error.headlineLong', params: { max: MAX_HEADLINE } });
  if (fields.body.trim() === '') errors.push({ field: `${prefix}-body`, key: prefix === 'nl' ? 'send.error.bodyNl' : 'send.error.bodyEn' });
  else if (fields.body.trim().length > MAX_BODY) errors.push({ field: `${prefix}-body`, key: 'send.error.bodyLong', params: { max: MAX_BODY } });
  if (fields.instruction.trim().length > MAX_INSTRUCTION) errors.push({ field: `${prefix}-instruction`, key: 'send.error.instructionLong', params: { max: MAX_INSTRUCTION } });
  return errors;
}

/** Everything wrong with the form, in the order the fields appear; empty when it can be saved. */
export function validateComposer(state: ComposerState, now: Date = new Date()): FormError[] {
  const errors: FormError[] = [...textErrors('nl', state.nl)];
  if (state.withEnglish) errors.push(...textErrors('en', state.en));
  const left = unfilledPlaceholders(state);
  if (left.length > 0) errors.push({ field: 'nl-headline', key: 'send.error.placeholders', params: { names: left.join(', ') } });
  if (state.topics.length > MAX_TOPICS) errors.push({ field: 'topics', key: 'send.error.topics', params: { max: MAX_TOPICS } });
  if (state.channels.length === 0) errors.push({ field: 'channels', key: 'send.error.channels' });
  if (state.area?.kind === 'polygon') {
    const problem = polygonProblem(state.area.points);
    if (problem) errors.push({ field: 'area', key: `send.area.problem.${problem}` });
  } else if (state.area && areaInputOf(state.area) === null) {
    errors.push({ field: 'area', key: 'send.error.area' });
  }
  if (!state.area && state.channels.some((c) => AREA_CHANNELS.includes(c))) errors.push({ field: 'area', key: 'send.error.areaNeeded' });
  if (state.scheduledFor !== '') {
    const at = fromLocalInput(state.scheduledFor);
    if (at === null) errors.push({ field: 'scheduled', key: 'send.error.schedule' });
    else if (Date.parse(at) <= now.getTime()) errors.push({ field: 'scheduled', key: 'send.error.schedulePast' });
  }
  return errors;
}

function contentOf(fields: TextFields): MessageContent {
  const instruction = fields.instruction.trim();
  return { headline: fields.headline.trim(), body: fields.body.trim(), ...(instruction ? { instruction } : {}) };
}

/** The API body of the form (call after validateComposer found nothing). */
export function composerBody(state: ComposerState): DraftBody {
  return {
    category: state.category,
    urgency: state.urgency,
    severity: state.severity,
    certainty: state.certainty,
    exercise: state.exercise,
    topics: [...new Set(state.topics)],
    channels: [...new Set(state.channels)],
    content: { nl: contentOf(state.nl), ...(state.withEnglish ? { en: contentOf(state.en) } : {}) },
    area: areaInputOf(state.area),
    scheduledFor: state.scheduledFor === '' ? null : fromLocalInput(state.scheduledFor),
    expiresAt: null,
  };
}

/** Adds or removes one value of a set-like list, keeping the order of `order`. */
export function toggle<T>(list: readonly T[], value: T, on: boolean, order: readonly T[]): T[] {
  const set = new Set(list);
  if (on) set.add(value);
  else set.delete(value);
  const ordered = order.filter((v) => set.has(v));
  return [...ordered, ...[...set].filter((v) => !order.includes(v))];
}
