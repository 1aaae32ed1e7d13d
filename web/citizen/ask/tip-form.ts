import type { MessageKey } from '../../ui/i18n/catalogue.ts';

/*
 * The citizen's tip form as data (SPEC A2): what they fill in, what is missing, the request the
 * API takes (src/ask/routes/schemas.ts tipInputSchema), the draft kept on the phone while there is
 * no connection, and the server's refusals in plain words. Pure, tested without a browser.
 */

/** What the server accepts (DEFAULT_UPLOAD_LIMITS and the sniffer in src/ask). */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTOS = 5;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_TEXT = 5000;

export interface TipFormState {
  text: string;
  /** The value of an `<input type="datetime-local">` (local time), or '' when not given. */
  observedAt: string;
  location: { lat: number; lon: number; accuracyM: number | null } | null;
  anonymous: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
}

export const INITIAL_TIP_STATE: TipFormState = {
  text: '',
  observedAt: '',
  location: null,
  anonymous: true,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
};

export type TipField = 'text' | 'photos' | 'observedAt' | 'contactEmail' | 'contactPhone';

export interface TipFormError {
  field: TipField;
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** What the form knows of a chosen photo (a File has these). */
export interface PhotoFacts {
  name: string;
  size: number;
  type: string;
}

const PHONE = /^[+0-9 ()-]{6,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Problems with the chosen photos before anything is sent: too many, too big, not a photo we can read. */
export function photoProblems(photos: readonly PhotoFacts[]): TipFormError[] {
  const errors: TipFormError[] = [];
  if (photos.length > MAX_PHOTOS) errors.push({ field: 'photos', key: 'tip.error.tooManyPhotos', params: { max: MAX_PHOTOS } });
  photos.forEach((photo, index) => {
    if (photo.size > MAX_PHOTO_BYTES) errors.push({ field: 'photos', key: 'tip.error.photoTooBig', params: { number: index + 1, max: MAX_PHOTO_BYTES / 1024 / 1024 } });
    else if (photo.size === 0) errors.push({ field: 'photos', key: 'tip.error.photoEmpty', params: { number: index + 1 } });
    // Browsers turn HEIC into JPEG when a photo is chosen for upload; a type we do not know is left to the server.
    else if (/^image\/(heic|heif|gif|tiff|bmp|avif)$/i.test(photo.type)) errors.push({ field: 'photos', key: 'tip.error.photoType', params: { number: index + 1 } });
    else if (photo.type !== '' && !photo.type.startsWith('image/')) errors.push({ field: 'photos', key: 'tip.error.photoType', params: { number: index + 1 } });
  });
  return errors;
}

/** Everything that keeps the tip from being sent, in the order of the form. */
export function validateTip(state: TipFormState, photos: readonly PhotoFacts[], nowMs: number): TipFormError[] {
  const errors: TipFormError[] = [];
  const text = state.text.trim();
  if (text.length === 0 && photos.length === 0) errors.push({ field: 'text', key: 'tip.error.empty' });
  if (state.text.length > MAX_TEXT) errors.push({ field: 'text', key: 'tip.error.textTooLong', params: { max: MAX_TEXT } });
  errors.push(...photoProblems(photos));
  if (state.observedAt !== '') {
    const at = Date.parse(state.observedAt);
    if (!Number.isFinite(at)) errors.push({ field: 'observedAt', key: 'tip.error.observedAt' });
    // A few minutes of grace for a phone clock that runs ahead.
    else if (at > nowMs + 5 * 60_000) errors.push({ field: 'observedAt', key: 'tip.error.observedAtFuture' });
  }
  if (!state.anonymous) {
    const email = state.contactEmail.trim();
    const phone = state.contactPhone.trim();
    if (email === '' && phone === '') errors.push({ field: 'contactEmail', key: 'tip.error.contactMissing' });
    if (email !== '' && (!EMAIL.test(email) || email.length > 320)) errors.push({ field: 'contactEmail', key: 'tip.error.email' });
    if (phone !== '' && !PHONE.test(phone)) errors.push({ field: 'contactPhone', key: 'tip.error.phone' });
  }
  return errors;
}

/** The tip as the API takes it (JSON body, or the `tip` field of the upload). */
export interface TipRequest {
  appealId?: string;
  organisationId?: string;
  text: string;
  location?: { lat: number; lon: number; accuracyM?: number };
  observedAt?: string;
  anonymous: boolean;
  contact?: { name?: string; email?: string; phone?: string };
}

/**
 * The request for a validated form. Anonymous means no contact at all, even if the resident
 * typed some and then chose anonymous again: what is not sent cannot be stored.
 */
export function tipRequest(state: TipFormState, target: { appealId: string } | { organisationId: string }): TipRequest {
  const request: TipRequest = { ...target, text: state.text.trim(), anonymous: state.anonymous };
  if (state.location) {
    const { lat, lon, accuracyM } = state.location;
    request.location = { lat: round(lat, 6), lon: round(lon, 6), ...(accuracyM !== null ? { accuracyM: Math.min(100_000, Math.max(0, Math.round(accuracyM))) } : {}) };
  }
  if (state.observedAt !== '') {
    const at = Date.parse(state.observedAt);
    if (Number.isFinite(at)) request.observedAt = new Date(at).toISOString();
  }
  if (!state.anonymous) {
    const contact: NonNullable<TipRequest['contact']> = {};
    if (state.contactName.trim()) contact.name = state.contactName.trim().slice(0, 200);
    if (state.contactEmail.trim()) contact.email = state.contactEmail.trim();
    if (state.contactPhone.trim()) contact.phone = state.contactPhone.trim();
    request.contact = contact;
  }
  return request;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/* The draft: kept in localStorage on the resident's own phone, so a lost connection or a closed tab loses nothing. */

export const DRAFT_PREFIX = 'waakzaam.tipDraft.';
const DRAFT_VERSION = 1;

/** The storage key of the draft for one appeal (or the general tip form of an organisation). */
export function draftKey(target: { appealId: string } | { organisationId: string }): string {
  return DRAFT_PREFIX + ('appealId' in target ? `appeal:${target.appealId}` : `org:${target.organisationId}`);
}

/** Whether a form holds anything worth keeping. */
export function hasContent(state: TipFormState): boolean {
  return state.text.trim() !== '' || state.observedAt !== '' || state.location !== null || state.contactName.trim() !== '' || state.contactEmail.trim() !== '' || state.contactPhone.trim() !== '';
}

export function serialiseDraft(state: TipFormState, savedAt: string): string {
  return JSON.stringify({ v: DRAFT_VERSION, savedAt, state });
}

function str(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A stored draft, or null when there is none or it cannot be read (another version, edited by
 * hand, a full disk that cut it off). Never throws: a broken draft must not break the form.
 */
export function parseDraft(raw: string | null): { state: TipFormState; savedAt: string } | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, savedAt, state } = value as { v?: unknown; savedAt?: unknown; state?: unknown };
  if (v !== DRAFT_VERSION || typeof savedAt !== 'string' || !Number.isFinite(Date.parse(savedAt)) || typeof state !== 'object' || state === null) return null;
  const s = state as Record<string, unknown>;
  const location = s.location as Record<string, unknown> | null | undefined;
  const validLocation = location && finite(location.lat) && finite(location.lon) && Math.abs(location.lat) <= 90 && Math.abs(location.lon) <= 180;
  return {
    savedAt,
    state: {
      text: str(s.text, MAX_TEXT * 2),
      observedAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(str(s.observedAt, 40)) ? str(s.observedAt, 40) : '',
      location: validLocation ? { lat: location.lat as number, lon: location.lon as number, accuracyM: finite(location.accuracyM) && location.accuracyM >= 0 ? location.accuracyM : null } : null,
      anonymous: s.anonymous !== false,
      contactName: str(s.contactName, 200),
      contactEmail: str(s.contactEmail, 320),
      contactPhone: str(s.contactPhone, 32),
    },
  };
}

/** The server's refusal (status and problem code) or a failed connection, as a sentence key for the resident. */
export function failureKey(failure: { status: number; code?: string | null } | 'offline'): MessageKey {
  if (failure === 'offline') return 'tip.failure.offline';
  const { status, code } = failure;
  if (code === 'FILE_TOO_LARGE' || (status === 413 && code !== 'TOO_MANY_FILES')) return 'tip.failure.tooBig';
  if (code === 'TOO_MANY_FILES') return 'tip.failure.tooMany';
  if (code === 'UNSUPPORTED_MEDIA_TYPE' || status === 415) return 'tip.failure.fileType';
  if (code === 'IMAGE_DIMENSIONS_TOO_LARGE') return 'tip.failure.tooManyPixels';
  if (code === 'IMAGE_TRUNCATED' || code === 'IMAGE_MALFORMED' || code === 'EMPTY_FILE' || status === 422) return 'tip.failure.badImage';
  if (status === 429) return 'tip.failure.busy';
  if (code === 'APPEAL_NOT_FOUND' || code === 'ORGANISATION_NOT_FOUND' || status === 404) return 'tip.failure.notFound';
  if (status >= 500) return 'tip.failure.server';
  return 'tip.failure.general';
}

/** The tip's reference as the resident may quote it: its id in groups of four, easy to read aloud. */
export function referenceOf(tipId: string): string {
  const compact = tipId.replace(/[^0-9a-zA-Z]/g, '').toUpperCase();
  return compact.slice(-12).replace(/(.{4})(?=.)/g, '$1-');
}
