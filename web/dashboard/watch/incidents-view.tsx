import type { FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import type { ApiClient, MapSettings } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import type { LocatedPost } from '../../ui/map-data.ts';
import { CATEGORY_LABELS, isCategoryId } from '../../ui/taxonomy.ts';
import { CategoryChip, PriorityBadge } from '../analysis-badges.tsx';
import { errorMessage } from '../error-message.ts';
import { SparklineChart } from '../sparkline-chart.tsx';
import { TimelineChart } from './charts.tsx';
import { INCIDENT_STATUSES, type Incident, type IncidentDetail, type IncidentStatus, type SignalsApi } from './signals-api.ts';
import { useResource } from './use-resource.ts';
import { LoadError, PostLine } from './watch-parts.tsx';
import './signals.css';

// MapLibre is about a megabyte: loaded only when an incident is opened.
const MapCanvas = lazy(() => import('../map-canvas.tsx').then((module) => ({ default: module.MapCanvas })));

const REFRESH_MS = 15_000;

export interface IncidentsViewProps {
  api: ApiClient;
  signals: SignalsApi;
  canManage: boolean;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
}

function useIncidentName() {
  const { t } = useT();
  return (incident: Incident) => `${incident.category && isCategoryId(incident.category) ? t(CATEGORY_LABELS[incident.category]) : t('incidents.noCategory')} · ${incident.placeName ?? t('incidents.noPlace')}`;
}

/** Incidenten: related posts clustered into incidents, with timeline, map, status, merge and split (SPEC W7). */
export function IncidentsView({ api, signals, canManage, onOpenPost, onUnauthorized }: IncidentsViewProps) {
  const { t, tPlural, language } = useT();
  const ids = useId();
  const name = useIncidentName();
  const [selected, setSelected] = useState<string | null>(null);
  const { resource, reload } = useResource((signal) => signals.listIncidents({ signal }), 'incidents', onUnauthorized, REFRESH_MS);
  const incidents = resource.status === 'ready' ? resource.value : [];

  return (
    <div className="signals">
      <section className="panel signals__list" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="signals__title">
          {t('incidents.list')}
        </h2>
        <p className="field__hint">{t('incidents.lead')}</p>
        {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {resource.status === 'error' && <LoadError error={resource.error} />}
        {resource.status === 'ready' && incidents.length === 0 && <p className="feed-state">{t('incidents.empty')}</p>}
        <ul className="signals__items">
          {incidents.map((incident) => (
            <li key={incident.id} className={`signals__item${incident.id === selected ? ' signals__item--selected' : ''}`}>
              <div className="signals__chips">
                {incident.category && isCategoryId(incident.category) && <CategoryChip category={incident.category} />}
                <PriorityBadge priority={incident.priority} />
                <span className={`status-badge status-badge--${incident.status}`}>{t(`incidents.status.${incident.status}`)}</span>
              </div>
              <p className="signals__name">{incident.placeName ?? t('incidents.noPlace')}</p>
              <p className="signals__meta">
                {tPlural('signals.posts', incident.postCount)} ·{' '}
                {t('incidents.span', { from: formatAbsoluteTime(incident.firstAt, language), to: formatAbsoluteTime(incident.lastAt, language) })}
              </p>
              {incident.sparkline && incident.sparkline.length > 1 && (
                <SparklineChart values={incident.sparkline} label={t('incidents.sparkline', { name: name(incident), values: incident.sparkline.join(', ') })} />
              )}
              <button type="button" className="button button--small" aria-label={t('incidents.openLabel', { name: name(incident) })} onClick={() => setSelected(incident.id)}>
                {t('incidents.open')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      {selected && (
        <IncidentPanel
          key={selected}
          id={selected}
          api={api}
          signals={signals}
          canManage={canManage}
          others={incidents.filter((i) => i.id !== selected && i.status !== 'closed')}
          onChanged={(next) => {
            reload();
            if (next) setSelected(next);
          }}
          onOpenPost={onOpenPost}
          onUnauthorized={onUnauthorized}
          onClose={() => setSelected(null)}
        />
      )}
    </div>
  );
}

interface PanelProps {
  id: string;
  api: ApiClient;
  signals: SignalsApi;
  canManage: boolean;
  others: Incident[];
  onChanged: (selectIncident?: string) => void;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
  onClose: () => void;
}

function IncidentPanel({ id, api, signals, canManage, others, onChanged, onOpenPost, onUnauthorized, onClose }: PanelProps) {
  const translator = useT();
  const { t, tPlural, language } = translator;
  const ids = useId();
  const name = useIncidentName();
  const [version, setVersion] = useState(0);
  const { resource } = useResource((signal) => signals.getIncident(id, { signal }), `${id}:${version}`, onUnauthorized, REFRESH_MS);
  const [status, setStatus] = useState<IncidentStatus | ''>('');
  const [mergeIds, setMergeIds] = useState<string[]>([]);
  const [splitIds, setSplitIds] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const incident: IncidentDetail | null = resource.status === 'ready' ? resource.value : null;

  async function act(action: () => Promise<unknown>, done: string, select?: (result: unknown) => string | undefined) {
    setBusy(true);
    setMessage(null);
    try {
      const result = await action();
      setMessage({ kind: 'ok', text: done });
      setMergeIds([]);
      setSplitIds([]);
      setVersion((n) => n + 1);
      onChanged(select?.(result));
    } catch (error) {
      setMessage({ kind: 'error', text: `${t('signals.actionError')} ${errorMessage(error, { t })}` });
    } finally {
      setBusy(false);
    }
  }

  const located = useMemo<LocatedPost[]>(
    () =>
      (incident?.members ?? [])
        .filter((m) => m.lat !== null && m.lon !== null)
        .map((m) => ({
          id: m.postId,
          text: m.text,
          category: m.category && isCategoryId(m.category) ? m.category : 'none',
          priority: m.priority,
          createdAt: m.createdAt,
          precision: 'exact',
          placeName: m.placeName,
          lat: m.lat!,
          lon: m.lon!,
        })),
    [incident],
  );

  return (
    <section className="panel signals__detail" aria-labelledby={`${ids}-title`}>
      <div className="signals__detail-head">
        <h2 id={`${ids}-title`} className="signals__title" tabIndex={-1}>
          {incident ? name(incident) : t('common.loading')}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('signals.close')}
        </button>
      </div>
      {resource.status === 'error' && <LoadError error={resource.error} />}
      <p role="status" className={message ? `notice notice--${message.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
        {message?.text ?? ''}
      </p>
      {incident && (
        <>
          <p className="signals__meta">
            <span className={`status-badge status-badge--${incident.status}`}>{t(`incidents.status.${incident.status}`)}</span> · {tPlural('signals.posts', incident.postCount)} ·{' '}
            {t('incidents.span', { from: formatAbsoluteTime(incident.firstAt, language), to: formatAbsoluteTime(incident.lastAt, language) })}
            {incident.verdict && <> · {t('incidents.verdict', { answer: t(`tasks.answer.${incident.verdict.answer as 'confirmed' | 'denied' | 'unverifiable'}`) })}</>}
          </p>
          {canManage && (
            <form
              className="signals__form signals__form--inline"
              onSubmit={(event) => {
                event.preventDefault();
                if (status) void act(() => signals.setIncidentStatus(id, status), t('incidents.done.status'));
              }}
            >
              <label className="field__label" htmlFor={`${ids}-status`}>
                {t('incidents.status')}
              </label>
              <select id={`${ids}-status`} className="field__input" value={status || incident.status} onChange={(event) => setStatus(event.target.value as IncidentStatus)}>
                {INCIDENT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`incidents.status.${s}`)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small" disabled={busy || !status || status === incident.status}>
                {t('incidents.saveStatus')}
              </button>
            </form>
          )}

          <h3 className="signals__subtitle">{t('incidents.timeline')}</h3>
          <TimelineChart
            values={incident.timeline.map((m) => m.count)}
            label={t('incidents.timelineLabel', { count: incident.postCount, max: Math.max(0, ...incident.timeline.map((m) => m.count)) })}
          />

          <h3 className="signals__subtitle">{t('incidents.map')}</h3>
          {located.length === 0 ? <p className="field__hint">{t('incidents.noLocated')}</p> : <IncidentMap api={api} posts={located} onSelect={onOpenPost} />}

          {canManage && (
            <fieldset className="signals__fieldset">
              <legend className="field__label">{t('incidents.merge')}</legend>
              <p className="field__hint">{others.length > 0 ? t('incidents.mergeHint') : t('incidents.mergeNone')}</p>
              <ul className="signals__checks">
                {others.slice(0, 20).map((other) => (
                  <li key={other.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={mergeIds.includes(other.id)}
                        onChange={(event) => setMergeIds((current) => (event.target.checked ? [...current, other.id] : current.filter((x) => x !== other.id)))}
                      />{' '}
                      <span className="visually-hidden">{t('incidents.selectIncident', { name: name(other) })}: </span>
                      {name(other)} ({tPlural('signals.posts', other.postCount)}, {formatAbsoluteTime(other.firstAt, language)})
                    </label>
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--small" disabled={busy || mergeIds.length === 0} onClick={() => void act(() => signals.mergeIncidents(id, mergeIds), t('incidents.done.merged'))}>
                {t('incidents.mergeButton')}
              </button>
            </fieldset>
          )}

          <h3 className="signals__subtitle">{t('incidents.members')}</h3>
          {canManage && <p className="field__hint">{t('incidents.splitHint')}</p>}
          <ol className="signals__posts">
            {incident.members.map((member) => (
              <li key={member.postId} className="signals__post">
                {canManage && (
                  <input
                    type="checkbox"
                    aria-label={t('incidents.selectPost', { time: formatAbsoluteTime(member.createdAt, language) })}
                    checked={splitIds.includes(member.postId)}
                    onChange={(event) => setSplitIds((current) => (event.target.checked ? [...current, member.postId] : current.filter((x) => x !== member.postId)))}
                  />
                )}
                <PostLine text={member.text} createdAt={member.createdAt} placeName={member.placeName} onOpen={() => onOpenPost(member.postId)} />
              </li>
            ))}
          </ol>
          {canManage && (
            <button
              type="button"
              className="button button--small"
              disabled={busy || splitIds.length === 0 || splitIds.length >= incident.members.length}
              onClick={() => void act(() => signals.splitIncident(id, splitIds), t('incidents.done.split'))}
            >
              {t('incidents.splitButton', { count: splitIds.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** The member posts on the map, over the same base layer as the Map view. */
function IncidentMap({ api, posts, onSelect }: { api: ApiClient; posts: LocatedPost[]; onSelect: (id: string) => void }) {
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
    <div className="signals__map">
      <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
        <MapCanvas settings={base.settings} municipalities={base.outlines} posts={posts} onSelect={onSelect} onUnavailable={() => setUnavailable(true)} />
      </Suspense>
    </div>
  );
}
