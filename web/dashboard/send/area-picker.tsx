import type { Feature, FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MapSettings } from '../../ui/api.ts';
import { formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { choiceFeature, MAX_RADIUS_M, MIN_RADIUS_M, normalisePostcode, polygonProblem, searchMunicipalities, type AreaChoice, type MunicipalityOption, type PostcodeChoice, type SendAreaChoice } from './area.ts';
import { lookupPostcodeArea } from './area-postcode.ts';
import { NumberField } from '../../ui/number-field.tsx';

// MapLibre is about a megabyte: loaded only when the composer shows the map.
const AreaMap = lazy(() => import('./area-map.tsx').then((module) => ({ default: module.AreaMap })));

type Mode = SendAreaChoice['kind'];
const MODES: readonly Mode[] = ['municipality', 'postcode', 'circle', 'polygon'];
const DEFAULT_RADIUS_M = 500;

interface CommonProps {
  municipalities: readonly MunicipalityOption[];
  outlines: FeatureCollection | null;
  settings: MapSettings | null;
  /** Set when the form's error summary points here. */
  invalid: boolean;
  errorId?: string;
}

/**
 * Without `postcode` the picker offers the shared AreaChoice kinds only (appeals use it so);
 * with it, also a postcode area (the send composer).
 */
export type AreaPickerProps = CommonProps &
  ({ postcode?: false; value: AreaChoice | null; onChange: (next: AreaChoice | null) => void } | { postcode: true; value: SendAreaChoice | null; onChange: (next: SendAreaChoice | null) => void });

/**
 * The target area: a municipality from a searchable list (the keyboard way), a postcode-4 area
 * (typed; its approximate outline is fetched and shown), a circle (centre by a click on the map or
 * typed in, radius in metres) or an outline drawn point by point on the map.
 */
export function AreaPicker(props: AreaPickerProps) {
  const { value, municipalities, outlines, settings, invalid, errorId } = props;
  // Safe: without `postcode` the postcode mode is not offered, so only AreaChoice values are passed on.
  const onChange = props.onChange as (next: SendAreaChoice | null) => void;
  const modes = props.postcode ? MODES : MODES.filter((m) => m !== 'postcode');
  const { t, language } = useT();
  const ids = useId();
  const [mode, setMode] = useState<Mode>(value?.kind ?? 'municipality');
  const [query, setQuery] = useState('');
  const [mapUnavailable, setMapUnavailable] = useState(false);
  const matches = useMemo(() => searchMunicipalities(municipalities, query, 400), [municipalities, query]);
  const circle = value?.kind === 'circle' ? value : null;
  const polygon = value?.kind === 'polygon' ? value : null;
  const postcode = value?.kind === 'postcode' ? value : null;
  const [postcodeText, setPostcodeText] = useState(postcode?.postcode ?? '');
  const [lookup, setLookup] = useState<{ postcode: string; status: 'checking' | 'found' | 'unknown' | 'failed' } | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  // A stored draft may arrive after the first render: follow its kind, and show its postcode.
  useEffect(() => {
    if (value) setMode(value.kind);
    if (value?.kind === 'postcode') setPostcodeText((text) => (normalisePostcode(text) === value.postcode || text.trim() === value.postcode ? text : value.postcode));
  }, [value]);

  // A valid postcode without its outline yet (typed, or from a stored draft): fetch the outline.
  const pendingPostcode = postcode && !postcode.geometry && normalisePostcode(postcode.postcode) === postcode.postcode ? postcode.postcode : null;
  useEffect(() => {
    if (!pendingPostcode) return undefined;
    const controller = new AbortController();
    setLookup({ postcode: pendingPostcode, status: 'checking' });
    lookupPostcodeArea(pendingPostcode, controller.signal).then(
      (result) => {
        setLookup({ postcode: pendingPostcode, status: result.status });
        if (result.status === 'found') onChangeRef.current({ kind: 'postcode', postcode: result.area.postcode, place: result.area.place, geometry: result.area.geometry });
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [pendingPostcode]);

  const feature = useMemo(() => choiceFeature(value, outlines), [value, outlines]);
  const shapes = useMemo(() => {
    const list: Feature[] = feature ? [feature] : [];
    if (polygon) for (const p of polygon.points) list.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } });
    if (circle) list.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [circle.lon, circle.lat] } });
    return list;
  }, [feature, polygon, circle]);
  const focus = value?.kind === 'municipality' || value?.kind === 'postcode' ? feature : null;

  function chooseMode(next: Mode) {
    setMode(next);
    if (value && value.kind !== next) onChange(null);
  }

  function typePostcode(text: string) {
    setPostcodeText(text);
    const digits = normalisePostcode(text);
    if (digits === postcode?.postcode) return;
    onChange(text.trim() === '' ? null : { kind: 'postcode', postcode: digits ?? text.trim(), place: null, geometry: null });
  }

  function mapClick([lon, lat]: [number, number]) {
    if (mode === 'circle') onChange({ kind: 'circle', lat, lon, radiusM: circle?.radiusM ?? DEFAULT_RADIUS_M });
    else if (mode === 'polygon') onChange({ kind: 'polygon', points: [...(polygon?.points ?? []), [lon, lat]] });
  }

  const problem = polygon ? polygonProblem(polygon.points) : null;
  const describedBy = [invalid && errorId ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="send-fieldset" id="area" tabIndex={-1} aria-describedby={describedBy}>
      <legend className="send-fieldset__legend">{t('send.area.legend')}</legend>
      <div className="send-segmented" role="radiogroup" aria-label={t('send.area.how')}>
        {modes.map((m) => (
          <label key={m} className="send-segmented__option">
            <input type="radio" name={`${ids}-mode`} value={m} checked={mode === m} onChange={() => chooseMode(m)} />
            {t(`send.area.mode.${m}`)}
          </label>
        ))}
      </div>

      {mode === 'municipality' && (
        <div className="send-area__list">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-search`}>
              {t('send.area.search')}
            </label>
            <input id={`${ids}-search`} className="field__input" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-municipality`}>
              {t('send.area.municipality')}
            </label>
            <select
              id={`${ids}-municipality`}
              className="field__input send-area__select"
              size={8}
              value={value?.kind === 'municipality' ? value.code : ''}
              aria-invalid={invalid || undefined}
              onChange={(event) => {
                const chosen = municipalities.find((m) => m.code === event.target.value);
                if (chosen) onChange({ kind: 'municipality', code: chosen.code, name: chosen.name });
              }}
            >
              {matches.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </select>
            <p className="field__hint">{t('send.area.matches', { count: matches.length })}</p>
          </div>
        </div>
      )}

      {mode === 'postcode' && (
        <div className="send-area__postcode">
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-postcode`}>
              {t('send.area.postcode')}
            </label>
            <input
              id={`${ids}-postcode`}
              className="field__input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={7}
              size={8}
              value={postcodeText}
              aria-invalid={invalid || lookup?.status === 'unknown' || undefined}
              aria-describedby={`${ids}-postcode-status ${ids}-postcode-hint`}
              onChange={(event) => typePostcode(event.target.value)}
            />
            <p id={`${ids}-postcode-status`} className="field__hint" role="status">
              {postcodeStatus(postcode, lookup, t)}
            </p>
            <p id={`${ids}-postcode-hint`} className="field__hint">
              {t('send.area.postcodeHint')}
            </p>
          </div>
        </div>
      )}

      {mode === 'circle' && (
        <div className="send-area__circle">
          <p className="field__hint">{t('send.area.circleHint')}</p>
          <div className="send-row">
            <NumberField label={t('send.area.lat')} value={circle?.lat} step={0.0001} onChange={(lat) => onChange({ kind: 'circle', lat, lon: circle?.lon ?? 5.1214, radiusM: circle?.radiusM ?? DEFAULT_RADIUS_M })} />
            <NumberField label={t('send.area.lon')} value={circle?.lon} step={0.0001} onChange={(lon) => onChange({ kind: 'circle', lat: circle?.lat ?? 52.0907, lon, radiusM: circle?.radiusM ?? DEFAULT_RADIUS_M })} />
            <NumberField label={t('send.area.radius')} value={circle?.radiusM} step={50} min={MIN_RADIUS_M} max={MAX_RADIUS_M} onChange={(radiusM) => onChange({ kind: 'circle', lat: circle?.lat ?? 52.0907, lon: circle?.lon ?? 5.1214, radiusM })} />
          </div>
        </div>
      )}

      {mode === 'polygon' && (
        <div className="send-area__polygon">
          <p className="field__hint">{t('send.area.polygonHint')}</p>
          <p>{t('send.area.points', { count: polygon?.points.length ?? 0 })}</p>
          <div className="send-actions">
            <button type="button" className="button button--small" disabled={!polygon || polygon.points.length === 0} onClick={() => onChange(polygon && polygon.points.length > 1 ? { kind: 'polygon', points: polygon.points.slice(0, -1) } : null)}>
              {t('send.area.undo')}
            </button>
            <button type="button" className="button button--small" disabled={!polygon} onClick={() => onChange(null)}>
              {t('send.area.clear')}
            </button>
          </div>
          {problem && polygon && polygon.points.length > 0 && <p className="field__hint send-warning">{t(`send.area.problem.${problem}`)}</p>}
        </div>
      )}

      <p className="send-area__chosen" role="status">
        {value ? t('send.area.chosen', { area: describeChoice(value, t, language) }) : t('send.area.none')}
      </p>

      {settings && !mapUnavailable ? (
        <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
          <AreaMap settings={settings} outlines={outlines} shapes={shapes} focus={focus} onClick={mapClick} onUnavailable={() => setMapUnavailable(true)} label={t('send.area.mapLabel')} />
          {postcode?.geometry && <p className="field__hint">{t('send.area.mapApproximate')}</p>}
        </Suspense>
      ) : (
        mapUnavailable && <p className="notice notice--info">{t('send.area.noMap')}</p>
      )}
    </fieldset>
  );
}

/** A short human description of a chosen area. */
export function describeChoice(choice: SendAreaChoice, t: ReturnType<typeof useT>['t'], language: ReturnType<typeof useT>['language']): string {
  switch (choice.kind) {
    case 'municipality':
      return t('send.area.describe.municipality', { name: choice.name });
    case 'postcode':
      return choice.place ? t('send.area.describe.postcode', { postcode: choice.postcode, place: choice.place }) : t('send.area.describe.postcodeNoPlace', { postcode: choice.postcode });
    case 'circle':
      return t('send.area.describe.circle', { radius: formatNumber(choice.radiusM, language), lat: choice.lat.toFixed(4), lon: choice.lon.toFixed(4) });
    case 'polygon':
      return t('send.area.describe.polygon', { count: choice.points.length });
  }
}

/** What the postcode field says under it: the place found (approximate), or why there is none. */
function postcodeStatus(choice: PostcodeChoice | null, lookup: { postcode: string; status: 'checking' | 'found' | 'unknown' | 'failed' } | null, t: ReturnType<typeof useT>['t']): string {
  if (!choice) return t('send.area.postcodeEmpty');
  if (normalisePostcode(choice.postcode) !== choice.postcode) return t('send.area.postcodeFormat');
  if (choice.geometry) return choice.place ? t('send.area.postcodeFound', { postcode: choice.postcode, place: choice.place }) : t('send.area.postcodeFoundNoPlace', { postcode: choice.postcode });
  if (lookup?.postcode !== choice.postcode || lookup.status === 'checking') return t('send.area.postcodeChecking');
  return lookup.status === 'unknown' ? t('send.area.postcodeUnknown', { postcode: choice.postcode }) : t('send.area.postcodeFailed');
}
