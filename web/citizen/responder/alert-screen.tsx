import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CprInstructions } from './cpr-instructions.tsx';
import type { ResponderAlert, ResponderApi } from './responder-api.ts';
import { actionsFor, isUnderWay, mayShareLocation, RESPONDER_BASE, routeLinks, type ResponderAction } from './responder-logic.ts';
import { SketchMap } from './sketch-map.tsx';
import { useLocationSharing } from './use-location-sharing.ts';

/** While the screen is open the alert is fetched this often: a stand-down must reach the volunteer. */
const POLL_MS = 4_000;

type Load = { kind: 'loading' } | { kind: 'ready'; alert: ResponderAlert } | { kind: 'error'; status: number | null };

const ACTION_LABELS = { accept: 'responder.action.accept', decline: 'responder.action.decline', on_way: 'responder.action.onWay', arrived: 'responder.action.arrived' } as const;

/** One alert, phone first: what to do, accept or decline, then the way there, the AED code and CPR. */
export function AlertScreen({ api, dispatchId, onUnauthorized }: { api: ResponderApi; dispatchId: string; onUnauthorized: () => void }) {
  const { t, language } = useT();
  const ids = useId();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState<ResponderAction | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [code, setCode] = useState<{ kind: 'hidden' } | { kind: 'shown'; code: string | null } | { kind: 'failed' }>({ kind: 'hidden' });
  const statusRef = useRef<HTMLParagraphElement>(null);

  const refresh = useCallback(() => {
    api.alert(dispatchId).then(
      (alert) => setLoad({ kind: 'ready', alert }),
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        else setLoad((current) => (current.kind === 'ready' ? current : { kind: 'error', status: error instanceof ApiError ? error.status : null }));
      },
    );
  }, [api, dispatchId, onUnauthorized]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const alert = load.kind === 'ready' ? load.alert : null;
  const sharing = useLocationSharing(api, alert !== null && mayShareLocation(alert, consent));

  const report = async (action: ResponderAction) => {
    setBusy(action);
    setFailure(null);
    try {
      const next = await api.report(dispatchId, action);
      setLoad({ kind: 'ready', alert: next });
      statusRef.current?.focus();
    } catch (error) {
      const code = error instanceof ApiError ? error.problem?.code : undefined;
      setFailure(code === 'DISPATCH_CLOSED' ? t('responder.error.closed') : code === 'ALERT_EXPIRED' ? t('responder.error.expired') : t('responder.error.general'));
      refresh();
    } finally {
      setBusy(null);
    }
  };

  const revealCode = async () => {
    try {
      setCode({ kind: 'shown', code: await api.cabinetCode(dispatchId) });
    } catch {
      setCode({ kind: 'failed' });
    }
  };

  if (load.kind === 'loading') return <p className="utrecht-paragraph">{t('common.loading')}</p>;
  if (load.kind === 'error' || !alert) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('responder.alert.notFoundTitle')}</h1>
        <p className="utrecht-paragraph">{load.kind === 'error' && load.status === 404 ? t('responder.alert.notFound') : t('responder.error.general')}</p>
        <p className="utrecht-paragraph">
          <Link to={RESPONDER_BASE} className="utrecht-link utrecht-link--html-a">
            {t('responder.backHome')}
          </Link>
        </p>
      </>
    );
  }

  const ended = alert.status === 'closed' || alert.state === 'stood_down';
  const committed = alert.state === 'accepted' || alert.state === 'on_way' || alert.state === 'arrived';
  const underWay = isUnderWay(alert);
  const actions = actionsFor(alert.state, alert.status);
  const here = sharing.kind === 'sharing' ? sharing.position : null;
  const toVictim = routeLinks(alert.victim, alert.role === 'via_aed' && alert.aed ? alert.aed : here, alert.victim.address);
  const toAed = alert.aed ? routeLinks(alert.aed, here, `AED ${alert.aed.name}`) : null;
  const distance = formatNumber(Math.round(alert.distanceM), language);
  const minutes = Math.max(1, Math.round(alert.etaS / 60));

  return (
    <div className={`responder-alert responder-alert--${ended ? 'ended' : alert.state}`}>
      <h1 className="utrecht-heading-1 responder-alert__title">{ended ? t('responder.alert.endedTitle') : t('responder.alert.title')}</h1>
      <p ref={statusRef} tabIndex={-1} className="responder-alert__state" role="status">
        {t(`responder.state.${ended && alert.state !== 'arrived' ? 'stood_down' : alert.state}`)}
      </p>

      {ended ? (
        <p className="utrecht-paragraph utrecht-paragraph--lead">{alert.state === 'arrived' ? t('responder.alert.endedArrived') : t('responder.alert.endedBody')}</p>
      ) : (
        <section className="responder-role" aria-labelledby={`${ids}-role`}>
          <h2 id={`${ids}-role`} className="utrecht-heading-2">
            {alert.role === 'via_aed' && alert.aed ? t('responder.role.viaAedTitle') : t('responder.role.directTitle')}
          </h2>
          <p className="utrecht-paragraph utrecht-paragraph--lead">
            {alert.role === 'via_aed' && alert.aed
              ? t('responder.role.viaAed', { aed: `${alert.aed.name}, ${alert.aed.location}`, victim: alert.victim.address })
              : t('responder.role.direct', { victim: alert.victim.address })}
          </p>
          <p className="utrecht-paragraph">{t('responder.alert.distance', { metres: distance, minutes })}</p>
          <p className="utrecht-paragraph responder-alert__message">
            <span className="visually-hidden">{t('responder.alert.messageLabel')}: </span>
            {alert.message}
          </p>
        </section>
      )}

      {failure && (
        <p className="utrecht-paragraph responder-error" role="alert">
          {failure}
        </p>
      )}

      {actions.length > 0 && (
        <div className="responder-actions">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`utrecht-button ${action === 'decline' ? 'utrecht-button--secondary-action' : 'utrecht-button--primary-action'} responder-actions__button responder-actions__button--${action}`}
              disabled={busy !== null}
              onClick={() => void report(action)}
            >
              {t(ACTION_LABELS[action])}
            </button>
          ))}
        </div>
      )}

      {committed && !ended && alert.aed && alert.role === 'via_aed' && (
        <section className="responder-box" aria-labelledby={`${ids}-aed`}>
          <h2 id={`${ids}-aed`} className="utrecht-heading-2">
            {t('responder.aed.title')}
          </h2>
          <p className="utrecht-paragraph">
            <strong>{alert.aed.name}</strong>, {alert.aed.location}
          </p>
          {alert.aed.accessNotes && <p className="utrecht-paragraph">{alert.aed.accessNotes}</p>}
          {alert.aed.hasCabinetCode &&
            (code.kind === 'shown' ? (
              <p className="responder-code" aria-live="polite">
                {t('responder.aed.code')}: <strong data-testid="cabinet-code">{code.code ?? '–'}</strong>
              </p>
            ) : (
              <>
                <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void revealCode()}>
                  {t('responder.aed.showCode')}
                </button>
                {code.kind === 'failed' && (
                  <p className="utrecht-paragraph responder-error" role="alert">
                    {t('responder.aed.codeFailed')}
                  </p>
                )}
              </>
            ))}
        </section>
      )}

      {!ended && (
        <section className="responder-box" aria-labelledby={`${ids}-route`}>
          <h2 id={`${ids}-route`} className="utrecht-heading-2">
            {t('responder.route.title')}
          </h2>
          <ul className="utrecht-link-list utrecht-link-list--html-ul responder-links">
            {toAed && alert.role === 'via_aed' && (
              <>
                <li className="utrecht-link-list__item">
                  <a className="utrecht-link utrecht-link--html-a" href={toAed.geo}>
                    {t('responder.route.toAedApp')}
                  </a>
                </li>
                <li className="utrecht-link-list__item">
                  <a className="utrecht-link utrecht-link--html-a" href={toAed.web} target="_blank" rel="noreferrer noopener">
                    {t('responder.route.toAedWeb')} {t('common.opensInNewTab')}
                  </a>
                </li>
              </>
            )}
            <li className="utrecht-link-list__item">
              <a className="utrecht-link utrecht-link--html-a" href={toVictim.geo}>
                {t('responder.route.toVictimApp')}
              </a>
            </li>
            <li className="utrecht-link-list__item">
              <a className="utrecht-link utrecht-link--html-a" href={toVictim.web} target="_blank" rel="noreferrer noopener">
                {t('responder.route.toVictimWeb')} {t('common.opensInNewTab')}
              </a>
            </li>
          </ul>
          <SketchMap
            me={here}
            aed={alert.role === 'via_aed' ? alert.aed : null}
            victim={alert.victim}
            description={alert.role === 'via_aed' && alert.aed ? t('responder.map.describeViaAed', { aed: alert.aed.name, victim: alert.victim.address }) : t('responder.map.describeDirect', { victim: alert.victim.address })}
          />
        </section>
      )}

      {underWay && (
        <section className="responder-box" aria-labelledby={`${ids}-location`}>
          <h2 id={`${ids}-location`} className="utrecht-heading-2">
            {t('responder.location.title')}
          </h2>
          <p className="utrecht-paragraph">{t('responder.location.body')}</p>
          <div className="responder-check">
            <input id={`${ids}-consent`} type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
            <label htmlFor={`${ids}-consent`}>{t('responder.location.consent')}</label>
          </div>
          <p className="utrecht-paragraph utrecht-paragraph--small" aria-live="polite">
            {sharing.kind === 'sharing'
              ? t('responder.location.sharing')
              : sharing.kind === 'waiting'
                ? t('responder.location.waiting')
                : sharing.kind === 'denied'
                  ? t('responder.location.denied')
                  : sharing.kind === 'unavailable'
                    ? t('responder.location.unavailable')
                    : t('responder.location.off')}
          </p>
        </section>
      )}

      {!ended && <CprInstructions open={committed} />}

      <p className="utrecht-paragraph">
        <Link to={RESPONDER_BASE} className="utrecht-link utrecht-link--html-a">
          {t('responder.backHome')}
        </Link>
      </p>
    </div>
  );
}
