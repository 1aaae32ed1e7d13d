import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient, MapSettings } from '../../ui/api.ts';
import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT, type Translator } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CATEGORY_LABELS } from '../../ui/taxonomy.ts';
import { CategoryChip } from '../analysis-badges.tsx';
import { errorMessage } from '../error-message.ts';
import type { AlertsApi, LinkedIncident, Signal, SignalReview } from './alerts-api.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from './signals-api.ts';
import { SCORE_BANDS, scoreBand, upsertSignal } from './signal-display.ts';
import { SignalTimeline } from './signal-timeline.tsx';
import { useAlertsStream } from './use-alerts-stream.ts';
import { useResource } from './use-resource.ts';
import { LoadError, PostLine } from './watch-parts.tsx';
import './alerts.css';
import './signals.css';

const SignalsMap = lazy(() => import('./signals-map.tsx').then((module) => ({ default: module.SignalsMap })));

export interface SignalsViewProps {
  api: ApiClient;
  alerts: AlertsApi;
  canManage: boolean;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
}

type Filter = 'all' | 'open' | 'closed';

/** The `?signal=` of the address (a notification links to its signal), following in-app navigation. */
function useSignalParam(): string | null {
  const read = () => new URLSearchParams(window.location.search).get('signal');
  const [value, setValue] = useState(read);
  useEffect(() => {
    const update = () => setValue(read());
    // router.tsx announces in-app navigation with this event; the path stays /watch/signals, only the query changes.
    window.addEventListener('popstate', update);
    window.addEventListener('waakzaam:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('waakzaam:navigate', update);
    };
  }, []);
  return value;
}

/** "12 berichten, verwacht 0,8". */
export function observedExpected(signal: Pick<Signal, 'observed' | 'expected'>, { t, tPlural, language }: Pick<Translator, 't' | 'tPlural' | 'language'>): string {
  return t('signals.observedExpected', { posts: tPlural('signals.posts', signal.observed), expected: formatNumber(signal.expected, language, 1) });
}

/** Zwakke signalen: bursts per category and area cell, live, on a map and a timeline, with why each fired (SPEC W5). */
export function SignalsView({ api, alerts, canManage, onOpenPost, onUnauthorized }: SignalsViewProps) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [filter, setFilter] = useState<Filter>('all');
  const linked = useSignalParam();
  const [selected, setSelected] = useState<string | null>(linked);
  const [live, setLive] = useState<Signal[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [incidents, setIncidents] = useState<Map<string, LinkedIncident>>(() => new Map());
  const { resource, reload } = useResource((signal) => alerts.listSignals({ signal }), 'signals', onUnauthorized);

  useEffect(() => {
    if (resource.status === 'ready') setLive(resource.value);
  }, [resource]);
  useEffect(() => {
    if (linked) setSelected(linked);
  }, [linked]);

  useAlertsStream({
    onSignal: (signal, change) => {
      setLive((current) => upsertSignal(current ?? [], signal));
      if (change === 'opened') setAnnouncement(t('signals.announceNew', { category: t(CATEGORY_LABELS[signal.category]), posts: observedExpected(signal, translator) }));
    },
    onReconnected: reload,
  });

  const signals = useMemo(() => (live ?? []).filter((s) => filter === 'all' || s.status === filter), [live, filter]);
  const selectedSignal = signals.find((s) => s.id === selected) ?? (live ?? []).find((s) => s.id === selected) ?? null;
  const rememberIncident = useCallback((signalId: string, incident: LinkedIncident | null) => {
    setIncidents((current) => {
      if (!incident || current.get(signalId)?.id === incident.id) return current;
      return new Map(current).set(signalId, incident);
    });
  }, []);

  return (
    <div className="signals signals--wide">
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <section className="panel signals__list" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="signals__title">
          {t('signals.list')}
        </h2>
        <p className="field__hint">{t('signals.lead')}</p>
        <div className="signals__form signals__form--inline">
          <label className="field__label" htmlFor={`${ids}-filter`}>
            {t('signals.filter')}
          </label>
          <select id={`${ids}-filter`} className="field__input" value={filter} onChange={(event) => setFilter(event.target.value as Filter)}>
            <option value="all">{t('signals.filter.all')}</option>
            <option value="open">{t('signals.filter.open')}</option>
            <option value="closed">{t('signals.filter.closed')}</option>
          </select>
        </div>
        {resource.status === 'loading' && live === null && <p role="status">{t('common.loading')}</p>}
        {resource.status === 'error' && <LoadError error={resource.error} />}
        {live !== null && signals.length === 0 && <p className="feed-state">{t('signals.empty')}</p>}
        <ol className="signals__items">
          {signals.map((signal, index) => (
            <li key={signal.id} className={`signals__item${signal.id === selected ? ' signals__item--selected' : ''}`}>
              <div className="signals__chips">
                <span className="alerts-number" aria-hidden="true">
                  {index + 1}
                </span>
                <CategoryChip category={signal.category} />
                <ScoreBadge score={signal.score} />
                <span className={`status-badge status-badge--signal-${signal.status}`}>{t(`signals.status.${signal.status}`)}</span>
                {signal.review !== 'new' && <span className={`status-badge status-badge--${signal.review}`}>{t(`signals.review.${signal.review}`)}</span>}
              </div>
              <p className="signals__name">{observedExpected(signal, translator)}</p>
              <p className="signals__meta">
                {t('signals.span', { from: formatAbsoluteTime(signal.firstPostAt, language), to: formatAbsoluteTime(signal.lastPostAt, language) })}
                {' · '}
                {signal.centre ? t('signals.cell', { lat: signal.centre.lat.toFixed(4), lon: signal.centre.lon.toFixed(4) }) : t('signals.noCell')}
              </p>
              <button type="button" className="button button--small" aria-label={t('signals.openLabel', { number: index + 1, category: t(CATEGORY_LABELS[signal.category]) })} onClick={() => setSelected(signal.id)}>
                {t('signals.open')}
              </button>
            </li>
          ))}
        </ol>
      </section>
      <div className="signals__side">
        <section className="panel" aria-labelledby={`${ids}-map`}>
          <h2 id={`${ids}-map`} className="signals__title">
            {t('signals.mapTitle')}
          </h2>
          <BandLegend />
          <SignalsMapPanel api={api} signals={signals} selectedId={selected} onSelect={setSelected} />
          <h3 className="signals__subtitle">{t('signals.timeline')}</h3>
          {signals.length === 0 ? <p className="field__hint">{t('signals.empty')}</p> : <SignalTimeline signals={signals} incidents={incidents} selectedId={selected} onSelect={setSelected} />}
        </section>
        {selectedSignal && (
          <SignalPanel
            key={selectedSignal.id}
            summary={selectedSignal}
            alerts={alerts}
            canManage={canManage}
            onReviewed={(signal) => setLive((current) => upsertSignal(current ?? [], signal))}
            onIncident={rememberIncident}
            onOpenPost={onOpenPost}
            onUnauthorized={onUnauthorized}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </div>
  );
}

/** Score as text and a band name; the band's colour is the map's. */
function ScoreBadge({ score }: { score: number }) {
  const { t, language } = useT();
  const band = scoreBand(score);
  return (
    <span className={`chip alerts-band alerts-band--${band}`}>
      <span className="alerts-band__swatch" aria-hidden="true" />
      {t(`signals.band.${band}`)} · {t('signals.score', { score: formatNumber(score, language, 1) })}
    </span>
  );
}

function BandLegend() {
  const { t } = useT();
  return (
    <div className="alerts-legend">
      <p className="field__hint">{t('signals.legendLead')}</p>
      <ul className="alerts-legend__items">
        {SCORE_BANDS.map((band, i) => (
          <li key={band.id} className={`alerts-band alerts-band--${band.id}`}>
            <span className="alerts-band__swatch" aria-hidden="true" />
            {t(`signals.band.${band.id}`)}: {t(`signals.legend.${band.id}`, { from: band.from === 0 ? 3 : band.from, to: SCORE_BANDS[i + 1]?.from ?? '' })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SignalsMapPanel({ api, signals, selectedId, onSelect }: { api: ApiClient; signals: readonly Signal[]; selectedId: string | null; onSelect: (id: string) => void }) {
  const { t } = useT();
  const [base, setBase] = useState<{ settings: MapSettings; outlines: FeatureCollection | null } | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void Promise.all([api.getMapSettings().catch((): MapSettings => ({ tileUrl: null, attribution: null })), api.getMunicipalities().catch(() => null)]).then(([settings, outlines]) => {
      if (!cancelled) setBase({ settings, outlines });
    });
    return () => {
      cancelled = true;
    };
  }, [api]);
  if (unavailable) return <p className="notice notice--info">{t('map.unavailable')}</p>;
  if (!base) return <p role="status">{t('map.loading')}</p>;
  return (
    <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
      <SignalsMap settings={base.settings} outlines={base.outlines} signals={signals} selectedId={selectedId} onSelect={onSelect} onUnavailable={() => setUnavailable(true)} />
    </Suspense>
  );
}

interface PanelProps {
  summary: Signal;
  alerts: AlertsApi;
  canManage: boolean;
  onReviewed: (signal: Signal) => void;
  onIncident: (signalId: string, incident: LinkedIncident | null) => void;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
  onClose: () => void;
}

const REVIEW_ACTIONS: readonly { review: SignalReview; key: 'signals.acknowledge' | 'signals.dismiss' | 'signals.reopen' }[] = [
  { review: 'acknowledged', key: 'signals.acknowledge' },
  { review: 'dismissed', key: 'signals.dismiss' },
  { review: 'new', key: 'signals.reopen' },
];

function SignalPanel({ summary, alerts, canManage, onReviewed, onIncident, onOpenPost, onUnauthorized, onClose }: PanelProps) {
  const translator = useT();
  const { t, tPlural, language } = translator;
  const ids = useId();
  // The detail is reloaded when the signal grows (its updatedAt changes on the stream).
  const { resource } = useResource((signal) => alerts.getSignal(summary.id, { signal }), `${summary.id}:${summary.updatedAt}`, onUnauthorized);
  const incident = useResource((signal) => alerts.incidentOf(summary, { signal }), `${summary.id}:${summary.updatedAt}:incident`, onUnauthorized, 15_000);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const linked = incident.resource.status === 'ready' ? incident.resource.value : null;

  useEffect(() => {
    if (incident.resource.status === 'ready') onIncident(summary.id, incident.resource.value);
  }, [incident.resource, onIncident, summary.id]);

  async function review(next: SignalReview) {
    setBusy(true);
    setMessage(null);
    try {
      onReviewed(await alerts.reviewSignal(summary.id, next));
      setMessage({ kind: 'ok', text: t(`signals.done.${next}`) });
    } catch (error) {
      setMessage({ kind: 'error', text: `${t('signals.actionError')} ${errorMessage(error, translator)}` });
    } finally {
      setBusy(false);
    }
  }

  const detail = resource.status === 'ready' ? resource.value : null;
  const f = summary.fired;
  return (
    <section className="panel signals__detail" aria-labelledby={`${ids}-title`}>
      <div className="signals__detail-head">
        <h2 id={`${ids}-title`} className="signals__title">
          {t('signals.detail', { category: t(CATEGORY_LABELS[summary.category]) })}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('signals.close')}
        </button>
      </div>
      <p role="status" className={message ? `notice notice--${message.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
        {message?.text ?? ''}
      </p>
      <h3 className="signals__subtitle">{t('signals.why')}</h3>
      <p className="signals__claim">{language === 'en' ? summary.reason.en : summary.reason.nl}</p>
      <dl className="alerts-facts">
        <dt>{t('signals.fact.observed')}</dt>
        <dd>{observedExpected(summary, translator)}</dd>
        <dt>{t('signals.fact.fired')}</dt>
        <dd>{t('signals.fact.firedValue', { observed: f.observed, minutes: f.windowMinutes, expected: formatNumber(f.expected, language, 1), time: formatAbsoluteTime(summary.detectedAt, language) })}</dd>
        <dt>{t('signals.fact.score')}</dt>
        <dd>{t('signals.fact.scoreValue', { score: formatNumber(summary.score, language, 1), threshold: formatNumber(f.threshold, language, 1) })}</dd>
        <dt>{t('signals.fact.baseline')}</dt>
        <dd>{t('signals.fact.baselineValue', { rate: formatNumber(summary.baselinePerHour, language, 1) })}</dd>
        <dt>{t('signals.fact.posts')}</dt>
        <dd>{t('signals.span', { from: formatAbsoluteTime(summary.firstPostAt, language), to: formatAbsoluteTime(summary.lastPostAt, language) })}</dd>
        <dt>{t('signals.fact.status')}</dt>
        <dd>
          {t(`signals.status.${summary.status}`)} · {t(`signals.review.${summary.review}`)}
        </dd>
      </dl>
      {canManage && (
        <div className="signals__form signals__form--inline" role="group" aria-label={t('signals.reviewGroup')}>
          {REVIEW_ACTIONS.filter((a) => a.review !== summary.review).map((a) => (
            <button key={a.review} type="button" className="button button--small" disabled={busy} onClick={() => void review(a.review)}>
              {t(a.key)}
            </button>
          ))}
        </div>
      )}

      <h3 className="signals__subtitle">{t('signals.incident')}</h3>
      {incident.resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {incident.resource.status === 'ready' && !linked && <p className="field__hint">{t('signals.noIncident')}</p>}
      {linked && (
        <p>
          {t('signals.incidentSummary', { place: linked.placeName ?? t('incidents.noPlace'), posts: tPlural('signals.posts', linked.postCount), status: INCIDENT_STATUSES.includes(linked.status as IncidentStatus) ? t(`incidents.status.${linked.status as IncidentStatus}`) : linked.status })}{' '}
          <Link to="/watch/incidents">{t('signals.toIncidents')}</Link>
        </p>
      )}

      <h3 className="signals__subtitle">{t('signals.postsTitle', { count: detail?.postIds.length ?? summary.observed })}</h3>
      {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {resource.status === 'error' && <LoadError error={resource.error} />}
      {detail && detail.posts.length < detail.postIds.length && <p className="field__hint">{t('signals.postsShown', { shown: detail.posts.length, total: detail.postIds.length })}</p>}
      <ol className="signals__posts">
        {detail?.posts.map((post) => (
          <li key={post.id} className="signals__post">
            <PostLine text={post.text} createdAt={post.createdAt} placeName={post.placeName} onOpen={() => onOpenPost(post.id)} />
          </li>
        ))}
      </ol>
    </section>
  );
}
