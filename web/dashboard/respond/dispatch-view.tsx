import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { ApiError, type ApiClient, type MapSettings } from '../../ui/api.ts';
import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { applyBoardEvent, COMMITTED_STATES, formatDuration, keyMoments, RESPOND_PATHS, STATE_STYLE } from './board.ts';
import { CloseControls } from './close-controls.tsx';
import { DispatchMap, type MapPoint } from './dispatch-map.tsx';
import { RESPONDER_STATES, type DispatchDetail, type RespondApi, type ResponderPosition } from './respond-api.ts';
import { LiveIndicator, useBoardStream } from './use-board-stream.tsx';

/** Positions are not on the event stream (too frequent); they are polled while someone is under way. */
const POSITIONS_MS = 4_000;

type Load = { status: 'loading' } | { status: 'ready'; dispatch: DispatchDetail } | { status: 'error'; error: unknown };

/** One dispatch, live: key figures, the map, every responder with their state, the timeline, and ending it. */
export function DispatchView({ api, mapApi, id, onUnauthorized }: { api: RespondApi; mapApi: ApiClient; id: string; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const [positions, setPositions] = useState<ResponderPosition[]>([]);
  const [base, setBase] = useState<{ settings: MapSettings; outlines: FeatureCollection | null } | null>(null);
  const [mapUnavailable, setMapUnavailable] = useState(false);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const controller = new AbortController();
    api.getDispatch(id, { signal: controller.signal }).then(
      (dispatch) => setLoad({ status: 'ready', dispatch }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) onUnauthorized();
        else setLoad({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [api, id, tick, onUnauthorized]);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([mapApi.getMapSettings().catch((): MapSettings => ({ tileUrl: null, attribution: null })), mapApi.getMunicipalities().catch(() => null)]).then(([settings, outlines]) => {
      if (!cancelled) setBase({ settings, outlines });
    });
    return () => {
      cancelled = true;
    };
  }, [mapApi]);

  const dispatch = load.status === 'ready' ? load.dispatch : null;
  const someoneUnderWay = dispatch !== null && dispatch.status === 'active' && dispatch.responders.some((r) => COMMITTED_STATES.includes(r.state));

  useEffect(() => {
    if (!someoneUnderWay) return undefined;
    let timer: number | undefined;
    const controller = new AbortController();
    const poll = () => {
      api.getPositions(id, { signal: controller.signal }).then(
        (items) => setPositions(items),
        () => undefined,
      );
      timer = window.setTimeout(poll, POSITIONS_MS);
    };
    poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [api, id, someoneUnderWay]);

  const stream = useBoardStream(
    (event) => setLoad((current) => (current.status === 'ready' ? { status: 'ready', dispatch: applyBoardEvent(current.dispatch, event) } : current)),
    (changed) => {
      if (changed.has(id) || changed.has('*')) reload();
    },
  );

  const points = useMemo<MapPoint[]>(() => {
    if (!dispatch) return [];
    const result: MapPoint[] = [{ kind: 'victim', id: 'victim', lat: dispatch.lat, lon: dispatch.lon }];
    for (const aed of dispatch.aeds) result.push({ kind: 'aed', id: aed.id, lat: aed.point.lat, lon: aed.point.lon, label: aed.name });
    const byVolunteer = new Map(positions.map((p) => [p.volunteerId, p]));
    for (const r of dispatch.responders) {
      const fix = byVolunteer.get(r.volunteerId);
      // Someone who arrived is at the victim, whether or not the app still shares a location.
      const at = fix ?? (r.state === 'arrived' ? { lat: dispatch.lat, lon: dispatch.lon } : null);
      if (at && COMMITTED_STATES.includes(r.state)) result.push({ kind: 'responder', id: r.volunteerId, lat: at.lat, lon: at.lon, state: r.state, label: r.name });
    }
    return result;
  }, [dispatch, positions]);

  if (load.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (load.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        <p>
          {t('respond.loadError')} {errorMessage(load.error, translator)}
        </p>
        <p>
          <Link to={RESPOND_PATHS.board}>{t('respond.dispatch.back')}</Link>
        </p>
      </div>
    );
  }
  const d = load.dispatch;
  const aedNames = new Map(d.aeds.map((a) => [a.id, a.name]));
  const names = new Map(d.responders.map((r) => [r.volunteerId, r.name]));
  const shownPositions = new Set(points.filter((p) => p.kind === 'responder').map((p) => p.id));

  return (
    <article className="respond-dispatch" aria-labelledby={`${ids}-title`}>
      <p>
        <Link to={RESPOND_PATHS.board}>{t('respond.dispatch.back')}</Link>
      </p>
      <div className="respond-board__head">
        <h2 id={`${ids}-title`} className="respond-section-title">
          {t('respond.dispatch.title', { address: d.address })}
        </h2>
        <LiveIndicator connection={stream.state} onReconnectNow={stream.reconnectNow} />
      </div>
      <p className="respond-card__meta">
        <span className={`respond-status respond-status--${d.status}`}>{t(d.status === 'active' ? 'respond.status.active' : 'respond.status.closed')}</span>
        {d.closeReason && <span>{t(`respond.close.reason.${d.closeReason === 'ems_on_scene' || d.closeReason === 'cancelled' ? d.closeReason : 'expired'}`)}</span>}
        <span>
          {t('respond.dispatch.started')} <time dateTime={d.startedAt}>{formatAbsoluteTime(d.startedAt, language)}</time>
        </span>
        <span>{t('respond.dispatch.wave', { wave: d.wave })}</span>
        <span>{t('respond.dispatch.geocodedBy', { source: d.geocodedBy })}</span>
      </p>
      {d.note && <p className="respond-note">{d.note}</p>}

      <section aria-labelledby={`${ids}-figures`}>
        <h3 id={`${ids}-figures`} className="visually-hidden">
          {t('respond.figures.title')}
        </h3>
        <dl className="respond-figures">
          <div className="respond-figures__item">
            <dt>{t('respond.figure.firstAccept')}</dt>
            <dd data-figure="first-accept">{formatDuration(d.figures.timeToFirstAcceptS)}</dd>
          </div>
          <div className="respond-figures__item">
            <dt>{t('respond.figure.firstArrival')}</dt>
            <dd data-figure="first-arrival">{formatDuration(d.figures.timeToFirstArrivalS)}</dd>
          </div>
          <div className="respond-figures__item">
            <dt>{t('respond.figure.aedOnScene')}</dt>
            <dd data-figure="aed-on-scene">{formatDuration(d.figures.timeToAedOnSceneS)}</dd>
          </div>
        </dl>
      </section>

      {d.status === 'active' && <CloseControls api={api} dispatchId={d.id} onClosed={(closed) => setLoad({ status: 'ready', dispatch: { ...d, ...closed } })} />}

      <div className="respond-dispatch__layout">
        <section className="respond-dispatch__map" aria-labelledby={`${ids}-map`}>
          <h3 id={`${ids}-map`} className="respond-subtitle">
            {t('respond.map.title')}
          </h3>
          {mapUnavailable ? (
            <p className="notice notice--info">{t('map.unavailable')}</p>
          ) : base ? (
            <DispatchMap settings={base.settings} outlines={base.outlines} centre={{ lat: d.lat, lon: d.lon }} radiusM={Number(d.params.radiusM ?? 1000)} points={points} label={t('respond.map.label', { address: d.address })} onUnavailable={() => setMapUnavailable(true)} />
          ) : (
            <div className="respond-map respond-map--loading">{t('common.loading')}</div>
          )}
          <Legend />
          <p className="field__hint">{t('respond.map.hint')}</p>
        </section>

        <section className="respond-dispatch__aeds" aria-labelledby={`${ids}-aeds`}>
          <h3 id={`${ids}-aeds`} className="respond-subtitle">
            {t('respond.aeds.title')}
          </h3>
          {d.aeds.length === 0 ? (
            <p className="feed-state">{t('respond.aeds.none')}</p>
          ) : (
            <ul className="respond-aeds">
              {d.aeds.map((aed) => {
                const fetchers = d.responders.filter((r) => r.aedId === aed.id && r.role === 'via_aed');
                return (
                  <li key={aed.id}>
                    <strong>{aed.name}</strong> — {aed.location} ({t('respond.distance', { metres: formatNumber(Math.round(aed.distanceM), language) })})
                    <br />
                    {fetchers.length === 0
                      ? t('respond.aeds.noFetcher')
                      : t('respond.aeds.fetchers', { names: fetchers.map((r) => `${r.name} (${t(STATE_STYLE[r.state].label)})`).join(', ') })}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby={`${ids}-responders`}>
        <h3 id={`${ids}-responders`} className="respond-subtitle">
          {t('respond.responders.title')}
        </h3>
        <p className="respond-counts-line">
          {RESPONDER_STATES.map((s) => `${t(STATE_STYLE[s].label)}: ${d.counts[s]}`).join(' · ')}
        </p>
        {d.responders.length === 0 ? (
          <p className="feed-state">{t('respond.responders.none')}</p>
        ) : (
          <div className="respond-table-wrap">
            <table className="respond-table">
              <caption className="visually-hidden">{t('respond.responders.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('respond.responders.name')}</th>
                  <th scope="col">{t('respond.responders.state')}</th>
                  <th scope="col">{t('respond.responders.role')}</th>
                  <th scope="col">{t('respond.responders.distance')}</th>
                  <th scope="col">{t('respond.responders.eta')}</th>
                  <th scope="col">{t('respond.responders.wave')}</th>
                  <th scope="col">{t('respond.responders.onMap')}</th>
                </tr>
              </thead>
              <tbody>
                {d.responders.map((r) => (
                  <tr key={r.volunteerId} data-state={r.state}>
                    <th scope="row">{r.name}</th>
                    <td>
                      <span className="respond-symbol" style={{ background: STATE_STYLE[r.state].colour }} aria-hidden="true">
                        {STATE_STYLE[r.state].symbol}
                      </span>{' '}
                      {t(STATE_STYLE[r.state].label)}
                    </td>
                    <td>{r.role === 'via_aed' ? t('respond.role.via_aed', { aed: aedNames.get(r.aedId ?? '') ?? '?' }) : t('respond.role.direct')}</td>
                    <td>{t('respond.distance', { metres: formatNumber(Math.round(r.distanceM), language) })}</td>
                    <td>{formatDuration(r.etaS)}</td>
                    <td>{r.wave}</td>
                    <td>{shownPositions.has(r.volunteerId) ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby={`${ids}-timeline`}>
        <h3 id={`${ids}-timeline`} className="respond-subtitle">
          {t('respond.timeline.title')}
        </h3>
        <ol className="respond-moments">
          {keyMoments(d).map((m) => (
            <li key={`${m.kind}-${m.at}-${m.detail ?? ''}`} className={`respond-moments__item respond-moments__item--${m.kind}`}>
              <span className="respond-moments__offset">+{formatDuration(m.offsetS)}</span> {t(`respond.moment.${m.kind}`, { wave: m.detail ?? '' })}
              {m.kind === 'closed' && m.detail ? ` (${t(`respond.close.reason.${m.detail === 'ems_on_scene' || m.detail === 'cancelled' ? m.detail : 'expired'}`)})` : ''}{' '}
              <time className="respond-moments__time" dateTime={m.at}>
                {formatAbsoluteTime(m.at, language)}
              </time>
            </li>
          ))}
        </ol>
        <details className="respond-log">
          <summary>{t('respond.timeline.all', { count: d.timeline.length })}</summary>
          <ol>
            {d.timeline.map((entry, index) => (
              <li key={index}>
                <time dateTime={entry.at}>{formatAbsoluteTime(entry.at, language)}</time> — {t(`respond.log.${logKind(entry.kind)}`)}
                {entry.volunteerId ? `: ${names.get(entry.volunteerId) ?? entry.volunteerId}` : ''}
              </li>
            ))}
          </ol>
        </details>
      </section>
    </article>
  );
}

const LOG_KINDS = ['started', 'alerted', 'wave', 'accepted', 'declined', 'on_way', 'arrived', 'timed_out', 'stood_down', 'closed'] as const;
function logKind(kind: string): (typeof LOG_KINDS)[number] | 'unknown' {
  return (LOG_KINDS as readonly string[]).includes(kind) ? (kind as (typeof LOG_KINDS)[number]) : 'unknown';
}

function Legend() {
  const { t } = useT();
  return (
    <ul className="respond-legend" aria-label={t('respond.legend.title')}>
      <li>
        <span className="respond-marker respond-marker--victim respond-marker--inline" aria-hidden="true">
          ✚
        </span>{' '}
        {t('respond.legend.victim')}
      </li>
      <li>
        <span className="respond-marker respond-marker--aed respond-marker--inline" aria-hidden="true">
          AED
        </span>{' '}
        {t('respond.legend.aed')}
      </li>
      {RESPONDER_STATES.map((s) => (
        <li key={s}>
          <span className="respond-symbol" style={{ background: STATE_STYLE[s].colour }} aria-hidden="true">
            {STATE_STYLE[s].symbol}
          </span>{' '}
          {t(STATE_STYLE[s].label)}
        </li>
      ))}
    </ul>
  );
}
