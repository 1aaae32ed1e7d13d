import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { PushDeniedError, pushSupported, subscribeBrowser } from '../subscribe/subscribe-api.ts';
import { AlertScreen } from './alert-screen.tsx';
import { createResponderApi, readStoredToken, storeToken, type ResponderAlert, type ResponderApi, type ResponderProfile } from './responder-api.ts';
import { alertPath, RESPONDER_BASE, responderRouteOf, TOKEN_STORAGE_KEY, tokenFromFragment } from './responder-logic.ts';
import './responder.css';

/** The alert list is fetched this often while the app is open (push wakes it when it is not). */
const POLL_MS = 5_000;

function initialToken(): string | null {
  const fromLink = tokenFromFragment(window.location.hash);
  if (fromLink) {
    storeToken(TOKEN_STORAGE_KEY, fromLink);
    // The token must not stay in the address bar, the history or a screenshot.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromLink;
  }
  return readStoredToken(TOKEN_STORAGE_KEY);
}

/** Hulpverlener: the volunteer responder's app (SPEC R3), at /citizen/hulpverlener. */
export function ResponderApp({ pathname }: { pathname: string }) {
  const { t } = useT();
  const [token, setToken] = useState<string | null>(initialToken);
  const [expired, setExpired] = useState(false);
  const api = useMemo(() => (token ? createResponderApi(token) : null), [token]);
  const route = responderRouteOf(pathname);

  const signOut = useCallback((becauseExpired: boolean) => {
    storeToken(TOKEN_STORAGE_KEY, null);
    setToken(null);
    setExpired(becauseExpired);
  }, []);
  const onUnauthorized = useCallback(() => signOut(true), [signOut]);

  if (!api) return <SignIn expired={expired} onToken={(value) => { storeToken(TOKEN_STORAGE_KEY, value); setExpired(false); setToken(value); }} />;
  if (route.view === 'alert') return <AlertScreen key={route.dispatchId} api={api} dispatchId={route.dispatchId} onUnauthorized={onUnauthorized} />;
  if (route.view === 'notFound') {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('citizen.notFound.title')}</h1>
        <p className="utrecht-paragraph">
          <Link to={RESPONDER_BASE} className="utrecht-link utrecht-link--html-a">
            {t('responder.backHome')}
          </Link>
        </p>
      </>
    );
  }
  return <ResponderHome api={api} onUnauthorized={onUnauthorized} onSignOut={() => signOut(false)} />;
}

function SignIn({ expired, onToken }: { expired: boolean; onToken: (token: string) => void }) {
  const { t } = useT();
  const ids = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromFragment(`token=${value.trim()}`);
    if (!token) {
      setInvalid(true);
      return;
    }
    onToken(token);
  };
  return (
    <>
      <h1 className="utrecht-heading-1">{t('responder.title')}</h1>
      {expired && (
        <p className="utrecht-paragraph responder-error" role="alert">
          {t('responder.signIn.expired')}
        </p>
      )}
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('responder.signIn.lead')}</p>
      <form onSubmit={submit} noValidate className="responder-signin">
        <label className="utrecht-form-label" htmlFor={`${ids}-token`}>
          {t('responder.signIn.label')}
        </label>
        <p id={`${ids}-hint`} className="utrecht-form-field-description">
          {t('responder.signIn.hint')}
        </p>
        {invalid && (
          <p id={`${ids}-error`} className="utrecht-form-field-error-message">
            {t('responder.signIn.invalid')}
          </p>
        )}
        <input
          id={`${ids}-token`}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${ids}-hint ${ids}-error` : `${ids}-hint`}
        />
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('responder.signIn.submit')}
        </button>
      </form>
    </>
  );
}

type HomeLoad = { kind: 'loading' } | { kind: 'ready'; profile: ResponderProfile; alerts: ResponderAlert[]; at: number } | { kind: 'error' };

function ResponderHome({ api, onUnauthorized, onSignOut }: { api: ResponderApi; onUnauthorized: () => void; onSignOut: () => void }) {
  const { t, language } = useT();
  const ids = useId();
  const [load, setLoad] = useState<HomeLoad>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let timer: number | undefined;
    const poll = () => {
      Promise.all([api.me(), api.alerts()]).then(
        ([profile, alerts]) => {
          if (!cancelled) setLoad({ kind: 'ready', profile, alerts, at: Date.now() });
        },
        (error: unknown) => {
          if (cancelled) return;
          if (error instanceof ApiError && error.status === 401) onUnauthorized();
          else setLoad((current) => (current.kind === 'ready' ? current : { kind: 'error' }));
        },
      );
      timer = window.setTimeout(poll, POLL_MS);
    };
    poll();
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        window.clearTimeout(timer);
        poll();
      }
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [api, onUnauthorized]);

  if (load.kind === 'loading') return <p className="utrecht-paragraph">{t('common.loading')}</p>;
  if (load.kind === 'error') {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('responder.title')}</h1>
        <p className="utrecht-paragraph responder-error" role="alert">
          {t('responder.error.general')}
        </p>
      </>
    );
  }
  const open = load.alerts.filter((a) => a.status === 'active' && a.state !== 'declined' && a.state !== 'timed_out' && a.state !== 'stood_down');
  const waiting = open.filter((a) => a.state === 'alerted');

  return (
    <>
      <h1 className="utrecht-heading-1">{t('responder.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('responder.home.welcome', { name: load.profile.name })}</p>
      {waiting.length > 0 && (
        <div className="responder-incoming" role="alert">
          <p className="responder-incoming__title">{t('responder.home.incoming')}</p>
          <Link to={alertPath(waiting[0]!.dispatchId)} className="utrecht-button utrecht-button--primary-action responder-incoming__open">
            {t('responder.home.open')}
          </Link>
        </div>
      )}
      <section aria-labelledby={`${ids}-alerts`}>
        <h2 id={`${ids}-alerts`} className="utrecht-heading-2">
          {t('responder.home.alerts')}
        </h2>
        {open.length === 0 ? (
          <p className="utrecht-paragraph">{t('responder.home.none')}</p>
        ) : (
          <ul className="utrecht-link-list utrecht-link-list--html-ul">
            {open.map((alert) => (
              <li key={alert.dispatchId} className="utrecht-link-list__item">
                <Link to={alertPath(alert.dispatchId)} className="utrecht-link utrecht-link--html-a">
                  {alert.victim.address}
                </Link>{' '}
                — {t(`responder.state.${alert.state}`)}, <time dateTime={alert.alertedAt}>{formatAbsoluteTime(alert.alertedAt, language)}</time>
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph utrecht-paragraph--small">{t('responder.home.polling')}</p>
      </section>
      <PushSection api={api} registered={load.profile.hasPushSubscription} />
      <section aria-labelledby={`${ids}-account`}>
        <h2 id={`${ids}-account`} className="utrecht-heading-2">
          {t('responder.home.account')}
        </h2>
        <p className="utrecht-paragraph">
          {t('responder.home.qualification', { qualification: load.profile.qualification, until: load.profile.qualifiedUntil ?? '–' })}
        </p>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onSignOut}>
          {t('responder.home.signOut')}
        </button>
      </section>
    </>
  );
}

type PushState = 'idle' | 'busy' | 'on' | 'denied' | 'unsupported' | 'unavailable';

/**
 * Alerts by Web Push, using the citizen app's service worker and the server's VAPID key (the send
 * module's). Where push is unsupported or not set up on the server, the app says so: alerts then
 * arrive only while the app is open (it polls).
 */
function PushSection({ api, registered }: { api: ResponderApi; registered: boolean }) {
  const { t } = useT();
  const ids = useId();
  const [state, setState] = useState<PushState>(() => (!pushSupported() ? 'unsupported' : registered ? 'on' : 'idle'));
  const enable = async () => {
    setState('busy');
    try {
      const subscription = await subscribeBrowser();
      await api.setPushSubscription(subscription);
      setState('on');
    } catch (error) {
      setState(error instanceof PushDeniedError ? 'denied' : 'unavailable');
    }
  };
  return (
    <section aria-labelledby={`${ids}-push`}>
      <h2 id={`${ids}-push`} className="utrecht-heading-2">
        {t('responder.push.title')}
      </h2>
      <p className="utrecht-paragraph" aria-live="polite">
        {t(`responder.push.${state}`)}
      </p>
      {(state === 'idle' || state === 'busy') && (
        <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={state === 'busy'} onClick={() => void enable()}>
          {t('responder.push.enable')}
        </button>
      )}
    </section>
  );
}
