import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { municipalityOptions, normalisePostcode, type MunicipalityOption } from '../../dashboard/send/area.ts';
import { topicLabelKey, TOPICS } from '../../dashboard/send/composer-form.ts';
import { CITIZEN_PATHS } from '../routes.ts';
import { createSubscription, fetchMunicipalities, PushDeniedError, pushSupported, subscribeBrowser } from './subscribe-api.ts';
import {
  areaSummaryOf,
  describeArea,
  emailSubscriptionBody,
  INITIAL_SUBSCRIBE_STATE,
  parseStoredPush,
  PUSH_STORAGE_KEY,
  pushSubscriptionBody,
  validateSubscribe,
  type AreaSummary,
  type StoredPush,
  type SubscribeError,
  type SubscribeState,
} from './subscribe-form.ts';
import { Choice, CitizenErrorSummary, FieldMessage } from './citizen-form-parts.tsx';
import { SubscribeArea } from './subscribe-area.tsx';
import './subscribe.css';

type Done = { kind: 'push'; area: AreaSummary } | { kind: 'email'; email: string; area: AreaSummary };

function readStoredPush() {
  try {
    return parseStoredPush(window.localStorage.getItem(PUSH_STORAGE_KEY));
  } catch {
    return null;
  }
}

/**
 * "Meldingen ontvangen" (SPEC S5): a resident chooses an area (municipality, postcode or a circle
 * on the map), topics and a channel. Web
 * Push asks the browser's permission only when they press the button; email gets a confirmation
 * link first (double opt-in). No account and no name; only the address the channel needs.
 */
export function SubscribePage() {
  const { t, language } = useT();
  const ids = useId();
  const [state, setState] = useState<SubscribeState>(INITIAL_SUBSCRIBE_STATE);
  const [options, setOptions] = useState<MunicipalityOption[] | null>(null);
  const [outlines, setOutlines] = useState<FeatureCollection | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
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
      (collection) => {
        setOutlines(collection);
        setOptions(municipalityOptions(collection));
      },
      () => setLoadFailed(true),
    );
  }, []);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const chosen = options?.find((m) => m.code === state.municipality) ?? null;
  const errorOf = (field: SubscribeError['field']) => errors.find((e) => e.field === field);
  // Functional: the postcode lookup answers later, and must not undo what was typed meanwhile.
  const set = useCallback((next: Partial<SubscribeState>) => setState((current) => ({ ...current, ...next })), []);
  const words = (area: AreaSummary | null) => {
    if (!area) return '—';
    const { key, params } = describeArea(area, language);
    return t(key, params);
  };

  function showErrors(problems: SubscribeError[]) {
    setErrors(problems);
    if (problems.length > 0) requestAnimationFrame(() => summaryRef.current?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = validateSubscribe(state, { pushSupported: canPush });
    setFailure(null);
    showErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    const area = areaSummaryOf(state, chosen?.name ?? null);
    try {
      if (state.channel === 'webpush') {
        // The permission prompt comes first, straight from the click, as browsers require.
        const subscription = await subscribeBrowser();
        const answer = await createSubscription(pushSubscriptionBody(state, language, subscription));
        if (answer.unsubscribeToken) {
          const record: StoredPush = { id: answer.id, unsubscribeToken: answer.unsubscribeToken, area };
          window.localStorage.setItem(PUSH_STORAGE_KEY, JSON.stringify(record));
          setStored(record);
        }
        setDone({ kind: 'push', area });
      } else {
        await createSubscription(emailSubscriptionBody(state, language));
        setDone({ kind: 'email', email: state.email.trim(), area });
      }
    } catch (error) {
      const code = error instanceof ApiError ? error.problem?.code : undefined;
      if (code === 'UNKNOWN_POSTCODE') {
        // The lookup did not answer before; the server knows better: show it at the field.
        const postcode = normalisePostcode(state.postcode) ?? state.postcode;
        set({ postcodeCheck: { postcode, status: 'unknown' } });
        showErrors([{ field: 'postcode', key: 'subscribe.error.postcodeUnknown' }]);
      } else if (code === 'POSTCODE_AREAS_UNAVAILABLE') setFailure(t('subscribe.failure.postcodeUnavailable'));
      else if (error instanceof PushDeniedError) setFailure(t('subscribe.failure.denied'));
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
        <p className="utrecht-paragraph utrecht-paragraph--lead">{done.kind === 'email' ? t('subscribe.done.emailBody', { email: done.email }) : t('subscribe.done.pushLead')}</p>
        <p className="utrecht-paragraph">{t('subscribe.done.area', { area: words(done.area) })}</p>
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
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('subscribe.leadArea')}</p>
      {stored && (
        <div className="utrecht-alert utrecht-alert--info subscribe-block">
          <div className="utrecht-alert__content">
            <p className="utrecht-paragraph utrecht-alert__message">
              {t('subscribe.already', { area: words(stored.area) })}{' '}
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
        <SubscribeArea state={state} set={set} options={options} outlines={outlines} loadFailed={loadFailed} errorOf={errorOf} />

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
        <p className="utrecht-paragraph">{t('subscribe.privacy.bodyArea')}</p>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-disabled={busy || undefined}>
          {busy ? t('subscribe.busy') : t('subscribe.submit')}
        </button>
      </form>
    </>
  );
}
