import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { municipalityOptions, searchMunicipalities, type MunicipalityOption } from '../../dashboard/send/area.ts';
import { topicLabelKey, TOPICS } from '../../dashboard/send/composer-form.ts';
import { CITIZEN_PATHS } from '../routes.ts';
import { createSubscription, fetchMunicipalities, PushDeniedError, pushSupported, subscribeBrowser } from './subscribe-api.ts';
import { emailSubscriptionBody, INITIAL_SUBSCRIBE_STATE, parseStoredPush, PUSH_STORAGE_KEY, pushSubscriptionBody, validateSubscribe, type SubscribeError, type SubscribeState } from './subscribe-form.ts';
import { CitizenErrorSummary, FieldMessage } from './citizen-form-parts.tsx';
import './subscribe.css';

type Done = { kind: 'push'; municipality: string } | { kind: 'email'; email: string };

function readStoredPush() {
  try {
    return parseStoredPush(window.localStorage.getItem(PUSH_STORAGE_KEY));
  } catch {
    return null;
  }
}

/**
 * "Meldingen ontvangen" (SPEC S5): a resident chooses a municipality, topics and a channel. Web
 * Push asks the browser's permission only when they press the button; email gets a confirmation
 * link first (double opt-in). No account and no name; only the address the channel needs.
 */
export function SubscribePage() {
  const { t, language } = useT();
  const ids = useId();
  const [state, setState] = useState<SubscribeState>(INITIAL_SUBSCRIBE_STATE);
  const [options, setOptions] = useState<MunicipalityOption[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [errors, setErrors] = useState<SubscribeError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [stored, setStored] = useState(readStoredPush);
  const canPush = useMemo(pushSupported, []);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    fetchMunicipalities().then(
      (collection) => setOptions(municipalityOptions(collection)),
      () => setLoadFailed(true),
    );
  }, []);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const matches = useMemo(() => (options ? searchMunicipalities(options, query, 400) : []), [options, query]);
  const chosen = options?.find((m) => m.code === state.municipality) ?? null;
  const errorOf = (field: SubscribeError['field']) => errors.find((e) => e.field === field);
  const set = (next: Partial<SubscribeState>) => setState({ ...state, ...next });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateSubscribe(state, { pushSupported: canPush });
    setErrors(problems);
    setFailure(null);
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      if (state.channel === 'webpush') {
        // The permission prompt comes first, straight from the click, as browsers require.
        const subscription = await subscribeBrowser();
        const answer = await createSubscription(pushSubscriptionBody(state, language, subscription));
        if (answer.unsubscribeToken) {
          const record = { id: answer.id, unsubscribeToken: answer.unsubscribeToken, municipality: chosen?.name ?? '' };
          window.localStorage.setItem(PUSH_STORAGE_KEY, JSON.stringify(record));
          setStored(record);
        }
        setDone({ kind: 'push', municipality: chosen?.name ?? '' });
      } else {
        await createSubscription(emailSubscriptionBody(state, language));
        setDone({ kind: 'email', email: state.email.trim() });
      }
    } catch (error) {
      if (error instanceof PushDeniedError) setFailure(t('subscribe.failure.denied'));
      else if (error instanceof ApiError && error.status === 503) setFailure(t('subscribe.failure.unavailable'));
      else if (error instanceof ApiError && error.status === 429) setFailure(t('subscribe.failure.busy'));
      else setFailure(t('subscribe.failure.general'));
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return (
      <>
        <h1 ref={doneRef} tabIndex={-1} className="utrecht-heading-1">
          {done.kind === 'email' ? t('subscribe.done.emailTitle') : t('subscribe.done.pushTitle')}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{done.kind === 'email' ? t('subscribe.done.emailBody', { email: done.email }) : t('subscribe.done.pushBody', { area: done.municipality })}</p>
        <p className="utrecht-paragraph">{done.kind === 'email' ? t('subscribe.done.emailNoMail') : t('subscribe.done.pushStop')}</p>
        <p className="utrecht-paragraph">
          <Link to={CITIZEN_PATHS.home} className="utrecht-link utrecht-link--html-a">
            {t('citizen.notFound.home')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('subscribe.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('subscribe.lead')}</p>
      {stored && (
        <div className="utrecht-alert utrecht-alert--info subscribe-block">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">
              {t('subscribe.already', { area: stored.municipality || '—' })}{' '}
              <Link to={`${CITIZEN_PATHS.unsubscribe}?s=${encodeURIComponent(stored.id)}&t=${encodeURIComponent(stored.unsubscribeToken)}`} className="utrecht-link utrecht-link--html-a">
                {t('subscribe.alreadyStop')}
              </Link>
            </p>
          </div>
        </div>
      )}
      <CitizenErrorSummary ref={summaryRef} errors={errors.map((e) => ({ field: e.field, text: t(e.key) }))} />
      {failure && (
        <div className="utrecht-alert utrecht-alert--error subscribe-block" role="alert">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">{failure}</p>
          </div>
        </div>
      )}

      <form noValidate onSubmit={(event) => void submit(event)} className="subscribe-form">
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset subscribe-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subscribe.area.legend')}</legend>
          <p className="utrecht-paragraph">{t('subscribe.area.hint')}</p>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={`${ids}-search`}>
                {t('subscribe.area.search')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input id={`${ids}-search`} className="utrecht-textbox utrecht-textbox--html-input" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
          </div>
          <div className={`utrecht-form-field${errorOf('municipality') ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="municipality">
                {t('subscribe.area.municipality')}
              </label>
            </div>
            <FieldMessage id="municipality-error" text={errorOf('municipality') ? t(errorOf('municipality')!.key) : null} />
            <div className="utrecht-form-field__input">
              <select
                id="municipality"
                className="utrecht-select utrecht-select--html-select subscribe-list"
                size={7}
                value={state.municipality}
                aria-invalid={errorOf('municipality') ? true : undefined}
                aria-describedby={errorOf('municipality') ? 'municipality-error' : `${ids}-count`}
                onChange={(event) => set({ municipality: event.target.value })}
              >
                {matches.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <p id={`${ids}-count`} className="utrecht-paragraph utrecht-paragraph--small" aria-live="polite">
              {options === null ? (loadFailed ? t('subscribe.area.loadFailed') : t('common.loading')) : chosen ? t('subscribe.area.chosen', { name: chosen.name }) : t('subscribe.area.matches', { count: matches.length })}
            </p>
          </div>
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset subscribe-fieldset" id="topics" tabIndex={-1} aria-describedby={errorOf('topics') ? 'topics-error' : undefined}>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subscribe.topics.legend')}</legend>
          <FieldMessage id="topics-error" text={errorOf('topics') ? t(errorOf('topics')!.key) : null} />
          <Choice type="radio" name={`${ids}-mode`} checked={state.topicsMode === 'all'} onChange={() => set({ topicsMode: 'all' })} label={t('subscribe.topics.all')} />
          <Choice type="radio" name={`${ids}-mode`} checked={state.topicsMode === 'some'} onChange={() => set({ topicsMode: 'some' })} label={t('subscribe.topics.some')} />
          {state.topicsMode === 'some' && (
            <div className="subscribe-topics">
              {TOPICS.map((topic) => (
                <Choice key={topic} type="checkbox" checked={state.topics.includes(topic)} onChange={(on) => set({ topics: on ? [...state.topics, topic] : state.topics.filter((x) => x !== topic) })} label={t(topicLabelKey(topic))} />
              ))}
            </div>
          )}
        </fieldset>

        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset subscribe-fieldset" id="channel" tabIndex={-1} aria-describedby={errorOf('channel') ? 'channel-error' : undefined}>
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subscribe.channel.legend')}</legend>
          <FieldMessage id="channel-error" text={errorOf('channel') ? t(errorOf('channel')!.key) : null} />
          <Choice type="radio" name={`${ids}-channel`} checked={state.channel === 'webpush'} onChange={() => set({ channel: 'webpush' })} label={t('subscribe.channel.push')} description={canPush ? t('subscribe.channel.pushHint') : t('subscribe.channel.pushUnsupported')} />
          <Choice type="radio" name={`${ids}-channel`} checked={state.channel === 'email'} onChange={() => set({ channel: 'email' })} label={t('subscribe.channel.email')} description={t('subscribe.channel.emailHint')} />
          {state.channel === 'email' && (
            <div className={`utrecht-form-field subscribe-email${errorOf('email') ? ' utrecht-form-field--invalid' : ''}`}>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label" htmlFor="email">
                  {t('subscribe.email.label')}
                </label>
              </div>
              <FieldMessage id="email-error" text={errorOf('email') ? t(errorOf('email')!.key) : null} />
              <div className="utrecht-form-field__input">
                <input id="email" className="utrecht-textbox utrecht-textbox--html-input" type="email" autoComplete="email" inputMode="email" value={state.email} aria-invalid={errorOf('email') ? true : undefined} aria-describedby={errorOf('email') ? 'email-error' : undefined} onChange={(event) => set({ email: event.target.value })} />
              </div>
            </div>
          )}
        </fieldset>

        <h2 className="utrecht-heading-2">{t('subscribe.privacy.title')}</h2>
        <p className="utrecht-paragraph">{t('subscribe.privacy.body')}</p>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('subscribe.busy') : t('subscribe.submit')}
        </button>
      </form>
    </>
  );
}

function Choice({ type, name, checked, onChange, label, description }: { type: 'radio' | 'checkbox'; name?: string; checked: boolean; onChange: (on: boolean) => void; label: string; description?: string }) {
  const id = useId();
  return (
    <div className={`utrecht-form-field utrecht-form-field--${type} subscribe-choice`}>
      <div className="utrecht-form-field__input">
        <input
          id={id}
          type={type}
          name={name}
          className={type === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
          checked={checked}
          aria-describedby={description ? `${id}-description` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className={`utrecht-form-label utrecht-form-label--${type}`} htmlFor={id}>
          {label}
        </label>
      </div>
      {description && (
        <div id={`${id}-description`} className="utrecht-form-field-description subscribe-choice__description">
          {description}
        </div>
      )}
    </div>
  );
}
