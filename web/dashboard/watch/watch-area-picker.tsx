import type { Feature, FeatureCollection } from 'geojson';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { MapSettings } from '../../ui/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { useT, type Translator } from '../../ui/i18n/language.tsx';
import { choiceFeature, MAX_RADIUS_M, MIN_RADIUS_M, polygonProblem, searchMunicipalities, type AreaChoice, type MunicipalityOption } from '../send/area.ts';
import { parsePointList, pointListText } from './watchlist-form.ts';
import { NumberField } from '../../ui/number-field.tsx';

// The send composer's map (MapLibre, loaded only when a circle or an outline is being drawn).
const AreaMap = lazy(() => import('../send/area-map.tsx').then((module) => ({ default: module.AreaMap })));

type Mode = AreaChoice['kind'];
const MODES: readonly Mode[] = ['municipality', 'circle', 'polygon'];
const DEFAULT_RADIUS_M = 500;
/** Utrecht Centraal, where a circle starts when its centre is typed before the map is used. */
const DEFAULT_CENTRE = { lat: 52.0907, lon: 5.1214 };

export interface MapBase {
  settings: MapSettings | null;
  outlines: FeatureCollection | null;
  municipalities: readonly MunicipalityOption[];
}

/** A chosen area in words. */
export function describeArea(choice: AreaChoice, { t, language }: Pick<Translator, 't' | 'language'>): string {
  switch (choice.kind) {
    case 'municipality':
      return t('watchlists.area.describe.municipality', { name: choice.name });
    case 'circle':
      return t('watchlists.area.describe.circle', { radius: formatNumber(choice.radiusM, language), lat: choice.lat.toFixed(4), lon: choice.lon.toFixed(4) });
    case 'polygon':
      return t('watchlists.area.describe.polygon', { count: choice.points.length });
  }
}

/**
 * One area of a watchlist or event: a municipality from a searchable list, a circle (centre typed
 * or clicked, radius in metres) or an outline — clicked point by point on the map, or typed as
 * lines of "latitude, longitude", so every shape can be made with the keyboard alone.
 */
export function WatchAreaPicker({ legend, value, onChange, base }: { legend: string; value: AreaChoice | null; onChange: (next: AreaChoice | null) => void; base: MapBase }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [mode, setMode] = useState<Mode>(value?.kind ?? 'municipality');
  const [query, setQuery] = useState('');
  const [pointsText, setPointsText] = useState(value?.kind === 'polygon' ? pointListText(value.points) : '');
  const [pointsInvalid, setPointsInvalid] = useState(false);
  const [mapUnavailable, setMapUnavailable] = useState(false);
  const matches = useMemo(() => searchMunicipalities(base.municipalities, query, 400), [base.municipalities, query]);
  const circle = value?.kind === 'circle' ? value : null;
  const polygon = value?.kind === 'polygon' ? value : null;
  const feature = useMemo(() => choiceFeature(value, base.outlines), [value, base.outlines]);
  const shapes = useMemo(() => {
    const list: Feature[] = feature ? [feature] : [];
    if (polygon) for (const p of polygon.points) list.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });
    if (circle) list.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [circle.lon, circle.lat] } });
    return list;
  }, [feature, polygon, circle]);

  function chooseMode(next: Mode) {
    setMode(next);
    if (value && value.kind !== next) onChange(null);
  }

  function setPolygon(points: [number, number][]) {
    setPointsText(pointListText(points));
    setPointsInvalid(false);
    onChange(points.length > 0 ? { kind: 'polygon', points } : null);
  }

  function mapClick([lon, lat]: [number, number]) {
    if (mode === 'circle') onChange({ kind: 'circle', lat, lon, radiusM: circle?.radiusM ?? DEFAULT_RADIUS_M });
    else if (mode === 'polygon') setPolygon([...(polygon?.points ?? []), [lon, lat]]);
  }

  const circleWith = (patch: Partial<{ lat: number; lon: number; radiusM: number }>) =>
    onChange({ kind: 'circle', lat: circle?.lat ?? DEFAULT_CENTRE.lat, lon: circle?.lon ?? DEFAULT_CENTRE.lon, radiusM: circle?.radiusM ?? DEFAULT_RADIUS_M, ...patch });
  const problem = polygon ? polygonProblem(polygon.points) : null;

  return (
    <fieldset className="signals__fieldset alerts-area">
      <legend className="field__label">{legend}</legend>
      <div className="alerts-segmented" role="radiogroup" aria-label={t('watchlists.area.how')}>
        {MODES.map((m) => (
          <label key={m} className="alerts-segmented__option">
            <input type="radio" name={`${ids}-mode`} value={m} checked={mode === m} onChange={() => chooseMode(m)} /> {t(`watchlists.area.mode.${m}`)}
          </label>
        ))}
      </div>

      {mode === 'municipality' && (
        <div className="alerts-row">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-search`}>
              {t('watchlists.area.search')}
            </label>
            <input id={`${ids}-search`} className="field__input" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-municipality`}>
              {t('watchlists.area.municipality')}
            </label>
            <select
              id={`${ids}-municipality`}
              className="field__input"
              size={5}
              value={value?.kind === 'municipality' ? value.code : ''}
              onChange={(event) => {
                const chosen = base.municipalities.find((m) => m.code === event.target.value);
                if (chosen) onChange({ kind: 'municipality', code: chosen.code, name: chosen.name });
              }}
            >
              {matches.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}

      {mode === 'circle' && (
        <>
          <p className="field__hint">{t('watchlists.area.circleHint')}</p>
          <div className="alerts-row">
            <NumberField label={t('watchlists.area.lat')} value={circle?.lat} step={0.0001} onChange={(lat) => circleWith({ lat })} />
            <NumberField label={t('watchlists.area.lon')} value={circle?.lon} step={0.0001} onChange={(lon) => circleWith({ lon })} />
            <NumberField label={t('watchlists.area.radius')} value={circle?.radiusM} step={50} min={MIN_RADIUS_M} max={MAX_RADIUS_M} onChange={(radiusM) => circleWith({ radiusM })} />
          </div>
        </>
      )}

      {mode === 'polygon' && (
        <>
          <p className="field__hint">{t('watchlists.area.polygonHint')}</p>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-points`}>
              {t('watchlists.area.points')}
            </label>
            <textarea
              id={`${ids}-points`}
              className="field__input"
              rows={4}
              value={pointsText}
              aria-invalid={pointsInvalid || undefined}
              aria-describedby={`${ids}-points-hint`}
              onChange={(event) => {
                setPointsText(event.target.value);
                const points = parsePointList(event.target.value);
                setPointsInvalid(points === null);
                if (points) onChange(points.length > 0 ? { kind: 'polygon', points } : null);
              }}
            />
            <p id={`${ids}-points-hint`} className="field__hint">
              {pointsInvalid ? t('watchlists.area.pointsInvalid') : t('watchlists.area.pointsHint')}
            </p>
          </div>
          <div className="alerts-row">
            <button type="button" className="button button--small" disabled={!polygon} onClick={() => setPolygon(polygon ? polygon.points.slice(0, -1) : [])}>
              {t('watchlists.area.undo')}
            </button>
            <button type="button" className="button button--small" disabled={!polygon} onClick={() => setPolygon([])}>
              {t('watchlists.area.clear')}
            </button>
          </div>
          {problem && <p className="field__hint alerts-warning">{t(`send.area.problem.${problem}`)}</p>}
        </>
      )}

      <p className="alerts-area__chosen" role="status">
        {value ? t('watchlists.area.chosen', { area: describeArea(value, translator) }) : t('watchlists.area.none')}
      </p>

      {mode !== 'municipality' &&
        base.settings &&
        (mapUnavailable ? (
          <p className="notice notice--info">{t('watchlists.area.noMap')}</p>
        ) : (
          <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
            <AreaMap settings={base.settings} outlines={base.outlines} shapes={shapes} focus={null} onClick={mapClick} onUnavailable={() => setMapUnavailable(true)} label={t('watchlists.area.mapLabel')} />
          </Suspense>
        ))}
    </fieldset>
  );
}

