import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { ApiError, type ApiClient, type MapSettings, type Post } from '../ui/api.ts';
import { formatAbsoluteTime } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';
import {
  legendCounts,
  locatedFromPost,
  MAP_CATEGORIES,
  matchesMapCategory,
  mergeLocated,
  sinceFor,
  TIME_WINDOWS,
  type LocatedPost,
  type TimeWindow,
} from '../ui/map-data.ts';
import { CATEGORY_LABELS } from '../ui/taxonomy.ts';
import { CategoryChip, CategorySwatch, PriorityBadge } from './analysis-badges.tsx';
import { errorMessage } from './error-message.ts';
import { MapCanvas } from './map-canvas.tsx';
import './map.css';

/** The map's posts are fetched again this often, so that posts leave the time window. */
const REFRESH_MS = 30_000;
/** The accessible list shows this many posts; the map shows them all. */
const LIST_LIMIT = 100;

const WINDOW_LABELS = { '15m': 'map.window.15m', '1h': 'map.window.1h', all: 'map.window.all' } as const;

export interface MapViewProps {
  api: ApiClient;
  subscribe: (listener: (posts: readonly Post[]) => void) => () => void;
  onOpenPost: (id: string) => void;
  onUnauthorized: () => void;
}

type Load = { status: 'loading' } | { status: 'ready'; at: number } | { status: 'error'; error: unknown };

/** Kaart: located posts on a map (offline base layer), with a legend, a time filter and a list as the accessible alternative. */
export function MapView({ api, subscribe, onOpenPost, onUnauthorized }: MapViewProps) {
  const translator = useT();
  const { t, tPlural, language } = translator;
  const ids = useId();
  const [timeWindow, setTimeWindow] = useState<TimeWindow>('1h');
  const [category, setCategory] = useState('');
  // Most located posts are chatter; the map starts with the relevant ones.
  const [relevantOnly, setRelevantOnly] = useState(true);
  const [posts, setPosts] = useState<LocatedPost[]>([]);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [settings, setSettings] = useState<MapSettings | null>(null);
  const [municipalities, setMunicipalities] = useState<FeatureCollection | null>(null);
  const [baseReady, setBaseReady] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  const [refresh, setRefresh] = useState(0);

  const failed = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
        return true;
      }
      return false;
    },
    [onUnauthorized],
  );

  // Base layer first: tile settings and municipality outlines. Either may fail; the map still works.
  useEffect(() => {
    let cancelled = false;
    const settingsRequest = api.getMapSettings().catch((): MapSettings => ({ tileUrl: null, attribution: null }));
    const outlinesRequest = api.getMunicipalities().catch(() => null);
    void Promise.all([settingsRequest, outlinesRequest]).then(([mapSettings, outlines]) => {
      if (!cancelled) {
        setSettings(mapSettings);
        setMunicipalities(outlines);
        setBaseReady(true);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    const controller = new AbortController();
    api.getMapPosts({ category: category || undefined, since: sinceFor(timeWindow, Date.now()), signal: controller.signal }).then(
      (located) => {
        setPosts(mergeLocated([], located));
        setLoad({ status: 'ready', at: Date.now() });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !failed(error)) {
          setLoad({ status: 'error', error });
        }
      },
    );
    const timer = globalThis.setTimeout(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      globalThis.clearTimeout(timer);
    };
  }, [api, timeWindow, category, refresh, failed]);

  // Live posts with a location join the map at once.
  useEffect(
    () =>
      subscribe((incoming) => {
        const located = incoming
          .map(locatedFromPost)
          .filter((post): post is LocatedPost => post !== null && matchesMapCategory(post, category));
        if (located.length > 0) {
          setPosts((current) => mergeLocated(current, located));
        }
      }),
    [subscribe, category],
  );

  const shown = useMemo(() => (relevantOnly && category !== 'none' ? posts.filter((post) => post.category !== 'none') : posts), [posts, relevantOnly, category]);
  const legend = useMemo(() => legendCounts(shown), [shown]);
  const listed = shown.slice(0, LIST_LIMIT);

  return (
    <div className="map-view">
      <section className="panel map-view__controls" aria-labelledby={`${ids}-controls`}>
        <h2 id={`${ids}-controls`} className="visually-hidden">
          {t('map.controls')}
        </h2>
        <fieldset className="segmented">
          <legend className="field__label">{t('map.timeWindow')}</legend>
          {TIME_WINDOWS.map((w) => (
            <label key={w} className="segmented__option">
              <input type="radio" name={`${ids}-window`} value={w} checked={timeWindow === w} onChange={() => setTimeWindow(w)} />
              <span>{t(WINDOW_LABELS[w])}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-category`}>
            {t('map.category')}
          </label>
          <select id={`${ids}-category`} className="field__input" value={category} onChange={(event) => setCategory(event.target.value)}>
            <option value="">{t('map.allCategories')}</option>
            {MAP_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(CATEGORY_LABELS[c])}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--check">
          <input id={`${ids}-relevant`} type="checkbox" checked={relevantOnly} disabled={category === 'none'} onChange={(event) => setRelevantOnly(event.target.checked)} />
          <label className="field__label" htmlFor={`${ids}-relevant`}>
            {t('map.relevantOnly')}
          </label>
        </div>
        <p className="map-view__status" role="status">
          {load.status === 'loading'
            ? t('map.loading')
            : load.status === 'ready'
              ? tPlural('map.count', shown.length)
              : ''}
        </p>
        {load.status === 'error' && (
          <div className="notice notice--error" role="alert">
            <p>
              {t('map.loadError')} {errorMessage(load.error, translator)}
            </p>
            <button type="button" className="button button--small" onClick={() => setRefresh((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        )}

        <h3 className="map-view__legend-title">{t('map.legend')}</h3>
        {legend.length === 0 ? (
          <p className="field__hint">{t('map.legendEmpty')}</p>
        ) : (
          <ul className="legend">
            {legend.map(({ category: c, count }) => (
              <li key={c} className="legend__item">
                <CategorySwatch category={c} />
                <span className="legend__name">{t(CATEGORY_LABELS[c])}</span>
                <span className="legend__count">{count}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="field__hint">{t('map.legendHint')}</p>
      </section>

      <section className="map-view__map" aria-labelledby={`${ids}-map`}>
        <h2 id={`${ids}-map`} className="visually-hidden">
          {t('watch.view.map')}
        </h2>
        {unavailable ? (
          <p className="notice notice--info">{t('map.unavailable')}</p>
        ) : baseReady && settings ? (
          <MapCanvas settings={settings} municipalities={municipalities} posts={shown} onSelect={onOpenPost} onUnavailable={() => setUnavailable(true)} />
        ) : (
          <div className="map-canvas map-canvas--loading">
            <p>{t('map.loading')}</p>
          </div>
        )}
        {baseReady && !municipalities && <p className="field__hint">{t('map.noOutlines')}</p>}
      </section>

      <section className="map-view__list" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="map-view__list-title">
          {t('map.list')}
        </h2>
        {shown.length > LIST_LIMIT && <p className="field__hint">{t('map.listLimited', { shown: LIST_LIMIT, total: shown.length })}</p>}
        {load.status === 'ready' && shown.length === 0 && <p className="feed-state">{t('map.empty')}</p>}
        <ol className="located" aria-label={t('map.list')}>
          {listed.map((post) => (
            <li key={post.id} className="located__item">
              <div className="located__chips">
                <CategoryChip category={post.category} />
                {post.category !== 'none' && <PriorityBadge priority={post.priority} />}
              </div>
              <p className="located__text" dir="auto">
                {post.text}
              </p>
              <p className="located__meta">
                {post.placeName ?? t('map.noPlaceName')} · {t(post.precision === 'exact' ? 'post.placeExact' : 'post.placeApprox')} ·{' '}
                <time dateTime={post.createdAt}>{formatAbsoluteTime(post.createdAt, language)}</time>
              </p>
              <button type="button" className="button button--small" onClick={() => onOpenPost(post.id)}>
                {t('post.details')}
                <span className="visually-hidden"> {t('map.openPostOf', { place: post.placeName ?? '', time: formatAbsoluteTime(post.createdAt, language) })}</span>
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
