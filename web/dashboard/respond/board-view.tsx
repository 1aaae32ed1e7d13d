import { useCallback, useEffect, useId, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { applyBoardEvent, dispatchPath, formatDuration, sortDispatches, STATE_STYLE } from './board.ts';
import { RESPONDER_STATES, type Dispatch, type RespondApi } from './respond-api.ts';
import { StartForm } from './start-form.tsx';
import { LiveIndicator, useBoardStream } from './use-board-stream.tsx';

type Load = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

/** The live board: start a dispatch, and every active and recent dispatch with its responders' states. */
export function BoardView({ api, onUnauthorized }: { api: RespondApi; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [dispatches, setDispatches] = useState<Dispatch[]>([]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.listDispatches({ limit: 20, signal: controller.signal }).then(
      (page) => {
        setDispatches(page.items);
        setLoad({ status: 'ready' });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        else setLoad({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [api, tick, onUnauthorized]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const stream = useBoardStream(
    (event) => setDispatches((current) => current.map((d) => applyBoardEvent(d, event))),
    () => reload(),
  );

  const sorted = sortDispatches(dispatches);
  const active = sorted.filter((d) => d.status === 'active');
  const recent = sorted.filter((d) => d.status === 'closed');

  return (
    <div className="respond-board">
      <StartForm api={api} onStarted={(dispatch) => navigate(dispatchPath(dispatch.id))} />
      <section className="respond-board__list" aria-labelledby={`${ids}-title`}>
        <div className="respond-board__head">
          <h2 id={`${ids}-title`} className="respond-section-title">
            {t('respond.board.title')}
          </h2>
          <LiveIndicator connection={stream.state} onReconnectNow={stream.reconnectNow} />
        </div>
        {load.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {load.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>
              {t('respond.loadError')} {errorMessage(load.error, translator)}
            </p>
            <button type="button" className="button button--small" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
        <h3 className="respond-subtitle">{t('respond.board.active')}</h3>
        {load.status === 'ready' && active.length === 0 && <p className="feed-state">{t('respond.board.noActive')}</p>}
        <DispatchCards dispatches={active} language={language} label={t('respond.board.active')} />
        {recent.length > 0 && (
          <>
            <h3 className="respond-subtitle">{t('respond.board.recent')}</h3>
            <DispatchCards dispatches={recent} language={language} label={t('respond.board.recent')} />
          </>
        )}
      </section>
    </div>
  );
}

function DispatchCards({ dispatches, language, label }: { dispatches: readonly Dispatch[]; language: 'nl' | 'en'; label: string }) {
  const { t } = useT();
  if (dispatches.length === 0) return null;
  return (
    <ul className="respond-cards" aria-label={label}>
      {dispatches.map((d) => (
        <li key={d.id} className={`panel respond-card respond-card--${d.status}`}>
          <p className="respond-card__meta">
            <span className={`respond-status respond-status--${d.status}`}>{t(d.status === 'active' ? 'respond.status.active' : 'respond.status.closed')}</span>
            <time dateTime={d.startedAt}>{formatAbsoluteTime(d.startedAt, language)}</time>
          </p>
          <h4 className="respond-card__title">
            <Link to={dispatchPath(d.id)}>{d.address}</Link>
          </h4>
          <ul className="respond-counts" aria-label={t('respond.counts.label')}>
            {RESPONDER_STATES.filter((s) => d.counts[s] > 0).map((s) => (
              <li key={s} className="respond-counts__item">
                <span className="respond-symbol" style={{ background: STATE_STYLE[s].colour }} aria-hidden="true">
                  {STATE_STYLE[s].symbol}
                </span>
                {t(STATE_STYLE[s].label)}: {d.counts[s]}
              </li>
            ))}
          </ul>
          <p className="respond-card__figures">
            {t('respond.figure.firstAccept')}: {formatDuration(d.figures.timeToFirstAcceptS)} · {t('respond.figure.firstArrival')}: {formatDuration(d.figures.timeToFirstArrivalS)} · {t('respond.figure.aedOnScene')}:{' '}
            {formatDuration(d.figures.timeToAedOnSceneS)}
          </p>
        </li>
      ))}
    </ul>
  );
}
