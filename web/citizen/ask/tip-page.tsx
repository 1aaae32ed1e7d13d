import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, NetworkError } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CITIZEN_PATHS } from '../routes.ts';
import { CitizenErrorSummary, FieldMessage } from '../subscribe/citizen-form-parts.tsx';
import { appealPagePath } from './ask-paths.ts';
import { fetchPublicAppeal, sendTip, type PublicAppeal } from './tip-api.ts';
import { draftKey, failureKey, hasContent, INITIAL_TIP_STATE, MAX_PHOTO_BYTES, MAX_PHOTOS, parseDraft, photoProblems, referenceOf, serialiseDraft, tipRequest, validateTip, type TipFormError, type TipFormState } from './tip-form.ts';
import { LocationField, PhotoField, TipChoice } from './tip-fields.tsx';
import './ask.css';

type Target = { appealId: string } | { organisationId: string };

function readDraft(key: string | null) {
  if (!key) return null;
  try {
    return parseDraft(window.localStorage.getItem(key));
  } catch {
    return null;
  }
}

/** Storage can be full or switched off; the form works on without a draft and says so. */
function writeDraft(key: string, state: TipFormState): string | null {
  try {
    if (!hasContent(state)) {
      window.localStorage.removeItem(key);
      return null;
    }
    const savedAt = new Date().toISOString();
    window.localStorage.setItem(key, serialiseDraft(state, savedAt));
    return savedAt;
  } catch {
    return 'unavailable';
  }
}

/**
 * "Tip geven" (SPEC A2), made for a phone: text, photos from the camera or the gallery with
 * previews, the location only when the resident presses the button, the time they saw it, and
 * anonymous unless they choose otherwise. What they type is kept on the phone as a draft, so a
 * lost connection loses nothing; sending shows its progress and a refusal in plain words.
 */
export function TipPage({ appealId, organisationId }: { appealId: string | null; organisationId: string | null }) {
  const { t, language } = useT();
  const ids = useId();
  const target: Target | null = appealId ? { appealId } : organisationId ? { organisationId } : null;
  const key = target ? draftKey(target) : null;
  const [restored] = useState(() => readDraft(key));
  const [state, setState] = useState<TipFormState>(restored?.state ?? INITIAL_TIP_STATE);
  const [savedAt, setSavedAt] = useState<string | null>(restored?.savedAt ?? null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<TipFormError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [receipt, setReceipt] = useState<{ reference: string; receivedAt: string; photos: number } | null>(null);
  const [appeal, setAppeal] = useState<PublicAppeal | null>(null);
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const previews = useMemo(() => photos.map((file) => URL.createObjectURL(file)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  useEffect(() => {
    if (!appealId) return undefined;
    const controller = new AbortController();
    fetchPublicAppeal(appealId, controller.signal).then(setAppeal, () => setAppeal(null));
    return () => controller.abort();
  }, [appealId]);

  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  // Every change is kept on the phone at once (localStorage is synchronous and small).
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (key && !receipt) setSavedAt(writeDraft(key, state));
  }, [key, state, receipt]);

  useEffect(() => {
    if (receipt) doneRef.current?.focus();
  }, [receipt]);

  const set = (next: Partial<TipFormState>) => setState((current) => ({ ...current, ...next }));
  const errorsOf = (field: TipFormError['field']) => errors.filter((e) => e.field === field).map((e) => t(e.key, e.params));

  function discardDraft() {
    if (key) {
      try {
        window.localStorage.removeItem(key);
      } catch {
        // Nothing was stored, so there is nothing to remove.
      }
    }
    setState(INITIAL_TIP_STATE);
    setPhotos([]);
    setSavedAt(null);
    first.current = true;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || progress !== null) return;
    const problems = validateTip(state, photos, Date.now());
    setErrors(problems);
    setFailure(null);
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setProgress(0);
    try {
      const answer = await sendTip(tipRequest(state, target), photos, setProgress);
      if (key) {
        try {
          window.localStorage.removeItem(key);
        } catch {
          // The draft stays; harmless, and removed with the next tip.
        }
      }
      setReceipt({ reference: referenceOf(answer.tipId), receivedAt: answer.receivedAt, photos: answer.photoIds.length });
    } catch (error) {
      const text = error instanceof ApiError ? t(failureKey({ status: error.status, code: error.problem?.code ?? null })) : error instanceof NetworkError ? t(failureKey('offline')) : t('tip.failure.general');
      setFailure(text);
    } finally {
      setProgress(null);
    }
  }

  if (receipt) {
    return (
      <>
        <h1 ref={doneRef} tabIndex={-1} className="utrecht-heading-1">
          {t('tip.done.title')}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{t('tip.done.body')}</p>
        <p className="utrecht-paragraph">
          {t('tip.done.reference')} <strong className="ask-reference">{receipt.reference}</strong>
        </p>
        <p className="utrecht-paragraph">{t('tip.done.received', { time: formatAbsoluteTime(receipt.receivedAt, language), count: receipt.photos })}</p>
        <h2 className="utrecht-heading-2">{t('tip.done.nextTitle')}</h2>
        <p className="utrecht-paragraph">{state.anonymous ? t('tip.done.nextAnonymous') : t('tip.done.nextContact')}</p>
        <p className="utrecht-paragraph">
          {appealId ? (
            <Link to={appealPagePath(appealId)} className="utrecht-link utrecht-link--html-a">
              {t('tip.backToAppeal')}
            </Link>
          ) : (
            <Link to={CITIZEN_PATHS.home} className="utrecht-link utrecht-link--html-a">
              {t('citizen.notFound.home')}
            </Link>
          )}
        </p>
      </>
    );
  }

  if (!target) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('tip.title')}</h1>
        <p className="utrecht-paragraph">{t('tip.noTarget')}</p>
        <p className="utrecht-paragraph">{t('citizen.emergency.body')}</p>
      </>
    );
  }

  const photoErrors = errorsOf('photos');
  const summary = errors.map((e) => ({ field: e.field === 'photos' ? 'photo-camera' : e.field, text: t(e.key, e.params) }));

  return (
    <>
      <h1 className="utrecht-heading-1">{t('tip.title')}</h1>
      {appeal && (
        <p className="utrecht-paragraph utrecht-paragraph--lead">
          {t('tip.forAppeal')}{' '}
          <Link to={appealPagePath(appeal.id)} className="utrecht-link utrecht-link--html-a">
            {appeal.title}
          </Link>
        </p>
      )}
      <p className="utrecht-paragraph">{t('tip.lead')}</p>
      <div className="utrecht-alert utrecht-alert--warning ask-block">
        <div className="utrecht-alert__content">
          <p className="utrecht-paragraph utrecht-alert__message">{t('tip.emergency')}</p>
        </div>
      </div>

      {restored && savedAt === restored.savedAt && (
        <div className="utrecht-alert utrecht-alert--info ask-block">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">
              {t('tip.draft.restored', { time: formatAbsoluteTime(restored.savedAt, language) })}{' '}
              <button type="button" className="utrecht-button utrecht-button--subtle ask-inline-button" onClick={discardDraft}>
                {t('tip.draft.discard')}
              </button>
            </p>
          </div>
        </div>
      )}
      {!online && (
        <div className="utrecht-alert utrecht-alert--warning ask-block" role="status">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">{t('tip.offline')}</p>
          </div>
        </div>
      )}

      <CitizenErrorSummary ref={summaryRef} errors={summary} />
      {failure && (
        <div className="utrecht-alert utrecht-alert--error ask-block" role="alert">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">{failure}</p>
            <p className="utrecht-paragraph utrecht-alert__message">{t('tip.failure.draftKept')}</p>
          </div>
        </div>
      )}

      <form noValidate onSubmit={(event) => void submit(event)} className="ask-form">
        <div className={`utrecht-form-field${errorsOf('text').length ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="text">
              {t('tip.text.label')}
            </label>
          </div>
          <div id={`${ids}-text-hint`} className="utrecht-form-field-description">
            {t('tip.text.hint')}
          </div>
          <FieldMessage id="text-error" text={errorsOf('text').join(' ') || null} />
          <div className="utrecht-form-field__input">
            <textarea
              id="text"
              className="utrecht-textarea utrecht-textarea--html-textarea ask-textarea"
              rows={6}
              value={state.text}
              aria-invalid={errorsOf('text').length ? true : undefined}
              aria-describedby={[errorsOf('text').length ? 'text-error' : null, `${ids}-text-hint`].filter(Boolean).join(' ')}
              onChange={(event) => set({ text: event.target.value })}
            />
          </div>
        </div>

        <PhotoField
          photos={photos}
          previews={previews}
          errors={photoErrors}
          onAdd={(files) => {
            const next = [...photos, ...files];
            setPhotos(next);
            // Say at once what is wrong with a chosen photo, before the resident types on.
            setErrors((current) => [...current.filter((e) => e.field !== 'photos'), ...photoProblems(next)]);
          }}
          onRemove={(index) => {
            const next = photos.filter((_, i) => i !== index);
            setPhotos(next);
            setErrors((current) => [...current.filter((e) => e.field !== 'photos'), ...photoProblems(next)]);
          }}
          maxPhotos={MAX_PHOTOS}
          maxMb={MAX_PHOTO_BYTES / 1024 / 1024}
        />

        <div className={`utrecht-form-field${errorsOf('observedAt').length ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="observedAt">
              {t('tip.when.label')}
            </label>
          </div>
          <div id={`${ids}-when-hint`} className="utrecht-form-field-description">
            {t('tip.when.hint')}
          </div>
          <FieldMessage id="observedAt-error" text={errorsOf('observedAt').join(' ') || null} />
          <div className="utrecht-form-field__input ask-row">
            <input
              id="observedAt"
              type="datetime-local"
              className="utrecht-textbox utrecht-textbox--html-input ask-when"
              value={state.observedAt}
              aria-invalid={errorsOf('observedAt').length ? true : undefined}
              aria-describedby={[errorsOf('observedAt').length ? 'observedAt-error' : null, `${ids}-when-hint`].filter(Boolean).join(' ')}
              onChange={(event) => set({ observedAt: event.target.value })}
            />
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => set({ observedAt: localNow() })}>
              {t('tip.when.now')}
            </button>
          </div>
        </div>

        <LocationField location={state.location} onChange={(location) => set({ location })} />

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ask-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('tip.who.legend')}</legend>
          <TipChoice type="radio" name={`${ids}-who`} checked={state.anonymous} onChange={() => set({ anonymous: true })} label={t('tip.who.anonymous')} description={t('tip.who.anonymousHint')} />
          <TipChoice type="radio" name={`${ids}-who`} checked={!state.anonymous} onChange={() => set({ anonymous: false })} label={t('tip.who.contact')} description={t('tip.who.contactHint')} />
          {!state.anonymous && (
            <div className="ask-contact">
              <ContactField id="contactName" label={t('tip.contact.name')} autoComplete="name" value={state.contactName} errors={[]} onChange={(contactName) => set({ contactName })} />
              <ContactField id="contactEmail" label={t('tip.contact.email')} type="email" autoComplete="email" value={state.contactEmail} errors={errorsOf('contactEmail')} onChange={(contactEmail) => set({ contactEmail })} />
              <ContactField id="contactPhone" label={t('tip.contact.phone')} type="tel" autoComplete="tel" value={state.contactPhone} errors={errorsOf('contactPhone')} onChange={(contactPhone) => set({ contactPhone })} />
            </div>
          )}
        </fieldset>

        <p className="utrecht-paragraph utrecht-paragraph--small" role="status" aria-live="polite">
          {savedAt === 'unavailable' ? t('tip.draft.unavailable') : savedAt ? t('tip.draft.saved', { time: formatAbsoluteTime(savedAt, language) }) : t('tip.draft.none')}
        </p>
        {progress !== null && (
          <div className="ask-progress">
            <label htmlFor={`${ids}-progress`} className="utrecht-form-label">
              {t('tip.sending', { percent: Math.round(progress * 100) })}
            </label>
            <progress id={`${ids}-progress`} max={1} value={progress} className="ask-progress__bar" />
          </div>
        )}
        <button type="submit" className="utrecht-button utrecht-button--primary-action ask-submit" disabled={progress !== null} aria-disabled={progress !== null || undefined}>
          {progress !== null ? t('tip.busy') : t('tip.submit')}
        </button>
      </form>
    </>
  );
}

function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

function ContactField({ id, label, type = 'text', autoComplete, value, errors, onChange }: { id: string; label: string; type?: string; autoComplete: string; value: string; errors: string[]; onChange: (value: string) => void }) {
  return (
    <div className={`utrecht-form-field${errors.length ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <FieldMessage id={`${id}-error`} text={errors.join(' ') || null} />
      <div className="utrecht-form-field__input">
        <input id={id} type={type} autoComplete={autoComplete} className="utrecht-textbox utrecht-textbox--html-input" value={value} aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${id}-error` : undefined} onChange={(event) => onChange(event.target.value)} />
      </div>
    </div>
  );
}
