import type { Feature, FeatureCollection } from 'geojson';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { circleRing, normalisePostcode, searchMunicipalities, type MunicipalityOption } from '../../dashboard/send/area.ts';
import { lookupPostcodeArea } from '../../dashboard/send/area-postcode.ts';
import type { MapSettings } from '../../ui/api.ts';
import { fetchMapSettings, OFFLINE_MAP } from './subscribe-api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Choice, FieldMessage } from './citizen-form-parts.tsx';
import { AREA_MODES, CIRCLE_RADII_M, formatRadius, roundCentre, type SubscribeError, type SubscribeState } from './subscribe-form.ts';

// MapLibre is about a megabyte: loaded only when a resident opens "Mijn postcode" or "Op de kaart".
const AreaMap = lazy(() => import('../../dashboard/send/area-map.tsx').then((module) => ({ default: module.AreaMap })));


type Locate = 'idle' | 'asking' | 'denied' | 'unavailable' | 'unsupported';

export interface SubscribeAreaProps {
  state: SubscribeState;
  set: (next: Partial<SubscribeState>) => void;
  options: readonly MunicipalityOption[] | null;
  outlines: FeatureCollection | null;
  loadFailed: boolean;
  errorOf: (field: SubscribeError['field']) => SubscribeError | undefined;
}

/**
 * "Voor welk gebied?": the resident's municipality from a list, their postcode (its approximate
 * outline shown on a small map) or a circle around a place ("mijn locatie" or a tap on the map).
 * The map is never the only way: the list, the postcode and the location button work by keyboard.
 */
export function SubscribeArea({ state, set, options, outlines, loadFailed, errorOf }: SubscribeAreaProps) {
  const { t, language } = useT();
  const ids = useId();
  const [query, setQuery] = useState('');
  const [locate, setLocate] = useState<Locate>('idle');
  const [mapUnavailable, setMapUnavailable] = useState(false);
  // The installation's tiles (e.g. PDOK's background map) when configured; the municipal borders alone otherwise.
  const [mapSettings, setMapSettings] = useState<MapSettings>(OFFLINE_MAP);
  useEffect(() => {
    void fetchMapSettings().then(setMapSettings);
  }, []);
  const matches = useMemo(() => (options ? searchMunicipalities(options, query, 400) : []), [options, query]);
  const chosen = options?.find((m) => m.code === state.municipality) ?? null;
  const digits = normalisePostcode(state.postcode);
  const check = state.postcodeCheck?.postcode === digits ? state.postcodeCheck : null;

  // Look the postcode up as soon as it has four digits; a newer postcode cancels the older lookup.
  const checkRef = useRef(state.postcodeCheck);
  const setRef = useRef(set);
  useEffect(() => {
    checkRef.current = state.postcodeCheck;
    setRef.current = set;
  });
  useEffect(() => {
    if (state.areaMode !== 'postcode' || !digits) return undefined;
    const known = checkRef.current;
    if (known?.postcode === digits && (known.status === 'found' || known.status === 'unknown')) return undefined;
    const controller = new AbortController();
    setRef.current({ postcodeCheck: { postcode: digits, status: 'checking' } });
    lookupPostcodeArea(digits, controller.signal).then(
      (result) => setRef.current({ postcodeCheck: result.status === 'found' ? { postcode: digits, status: 'found', place: result.area.place, geometry: result.area.geometry } : { postcode: digits, status: result.status } }),
      () => undefined,
    );
    return () => controller.abort();
  }, [state.areaMode, digits]);

  const feature = useMemo<Feature | null>(() => {
    if (state.areaMode === 'postcode' && check?.status === 'found') return { type: 'Feature', properties: { approximate: true }, geometry: check.geometry };
    if (state.areaMode === 'circle' && state.centre) return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [circleRing(state.centre.lat, state.centre.lon, state.radiusM)] } };
    return null;
  }, [state.areaMode, check, state.centre, state.radiusM]);
  const shapes = useMemo(() => {
    const list: Feature[] = feature ? [feature] : [];
    if (state.areaMode === 'circle' && state.centre) list.push({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [state.centre.lon, state.centre.lat] } });
    return list;
  }, [feature, state.areaMode, state.centre]);
  const showMap = state.areaMode === 'circle' || (state.areaMode === 'postcode' && check?.status === 'found');

  function locateMe() {
    if (!('geolocation' in navigator)) {
      setLocate('unsupported');
      return;
    }
    setLocate('asking');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocate('idle');
        const centre = roundCentre(position.coords.latitude, position.coords.longitude);
        if (centre) set({ centre });
        else setLocate('unavailable');
      },
      (error) => setLocate(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 300_000 },
    );
  }

  function mapClick([lon, lat]: [number, number]) {
    if (state.areaMode !== 'circle') return;
    const centre = roundCentre(lat, lon);
    if (centre) set({ centre });
  }

  const municipalityError = errorOf('municipality');
  const postcodeError = errorOf('postcode');
  const centreError = errorOf('centre');
  const radius = formatRadius(state.radiusM, language);

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset subscribe-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subscribe.where.legend')}</legend>
      <p className="utrecht-paragraph">{t('subscribe.where.hint')}</p>
      {AREA_MODES.map((mode) => (
        <Choice key={mode} type="radio" name={`${ids}-area`} checked={state.areaMode === mode} onChange={() => set({ areaMode: mode })} label={t(`subscribe.where.${mode}`)} />
      ))}

      {state.areaMode === 'municipality' && (
        <div className="subscribe-area">
          <p className="utrecht-paragraph">{t('subscribe.area.hint')}</p>
          <div className="utrecht-form-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor={`${ids}-search`}>
                {t('subscribe.area.search')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input id={`${ids}-search`} className="utrecht-textbox utrecht-textbox--html-input" type="search" autoComplete="off" value={query} onChange={(event) => setQuery(event.target.value)} />
            </div>
          </div>
          <div className={`utrecht-form-field${municipalityError ? ' utrecht-form-field--invalid' : ''}`}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="municipality">
                {t('subscribe.area.municipality')}
              </label>
            </div>
            <FieldMessage id="municipality-error" text={municipalityError ? t(municipalityError.key) : null} />
            <div className="utrecht-form-field__input">
              <select
                id="municipality"
                className="utrecht-select utrecht-select--html-select subscribe-list"
                size={7}
                value={state.municipality}
                aria-invalid={municipalityError ? true : undefined}
                aria-describedby={municipalityError ? 'municipality-error' : `${ids}-count`}
                onChange={(event) => set({ municipality: event.target.value })}
              >
                {matches.map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <p id={`${ids}-count`} className="utrecht-paragraph utrecht-paragraph--small" aria-live="polite">
              {options === null ? (loadFailed ? t('subscribe.area.loadFailed') : t('common.loading')) : chosen ? t('subscribe.area.chosen', { name: chosen.name }) : t('subscribe.area.matches', { count: matches.length })}
            </p>
          </div>
        </div>
      )}

      {state.areaMode === 'postcode' && (
        <div className={`utrecht-form-field subscribe-area${postcodeError ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor="postcode">
              {t('subscribe.postcode.label')}
            </label>
          </div>
          <p id="postcode-hint" className="utrecht-form-field-description">
            {t('subscribe.postcode.hint')}
          </p>
          <FieldMessage id="postcode-error" text={postcodeError ? t(postcodeError.key) : null} />
          <div className="utrecht-form-field__input">
            <input
              id="postcode"
              className="utrecht-textbox utrecht-textbox--html-input subscribe-postcode"
              type="text"
              autoComplete="postal-code"
              maxLength={7}
              value={state.postcode}
              aria-invalid={postcodeError ? true : undefined}
              aria-describedby={`${postcodeError ? 'postcode-error ' : ''}postcode-hint postcode-status`}
              onChange={(event) => set({ postcode: event.target.value })}
            />
          </div>
          <p id="postcode-status" className="utrecht-paragraph utrecht-paragraph--small" aria-live="polite">
            {!check
              ? ''
              : check.status === 'checking'
                ? t('subscribe.postcode.checking')
                : check.status === 'found'
                  ? check.place
                    ? t('subscribe.postcode.found', { postcode: check.postcode, place: check.place })
                    : t('subscribe.postcode.foundNoPlace', { postcode: check.postcode })
                  : check.status === 'unknown'
                    ? t('subscribe.error.postcodeUnknown')
                    : t('subscribe.postcode.failed')}
          </p>
          {check?.status === 'found' && <p className="utrecht-paragraph utrecht-paragraph--small">{t('subscribe.postcode.approximate')}</p>}
        </div>
      )}

      {state.areaMode === 'circle' && (
        <div className={`utrecht-form-field subscribe-area${centreError ? ' utrecht-form-field--invalid' : ''}`}>
          <p className="utrecht-paragraph">{t('subscribe.circle.hint')}</p>
          <FieldMessage id="centre-error" text={centreError ? t(centreError.key) : null} />
          <button id="centre" type="button" className="utrecht-button utrecht-button--secondary-action" disabled={locate === 'asking'} aria-describedby={`${centreError ? 'centre-error ' : ''}centre-status`} onClick={locateMe}>
            {locate === 'asking' ? t('subscribe.circle.locating') : t('subscribe.circle.locate')}
          </button>
          <p id="centre-status" className="utrecht-paragraph utrecht-paragraph--small" aria-live="polite">
            {locate === 'denied'
              ? t('subscribe.circle.denied')
              : locate === 'unavailable'
                ? t('subscribe.circle.unavailable')
                : locate === 'unsupported'
                  ? t('subscribe.circle.unsupported')
                  : state.centre
                    ? t('subscribe.circle.set', { radius })
                    : t('subscribe.circle.none')}
          </p>
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset subscribe-radius">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('subscribe.circle.radius')}</legend>
            {CIRCLE_RADII_M.map((r) => (
              <Choice key={r} type="radio" name={`${ids}-radius`} checked={state.radiusM === r} onChange={() => set({ radiusM: r })} label={formatRadius(r, language)} />
            ))}
          </fieldset>
        </div>
      )}

      {showMap &&
        (mapUnavailable ? (
          <p className="utrecht-paragraph utrecht-paragraph--small">{t('subscribe.map.unavailable')}</p>
        ) : (
          <figure className="subscribe-map">
            <Suspense fallback={<p className="utrecht-paragraph utrecht-paragraph--small">{t('map.loading')}</p>}>
              <AreaMap
                settings={mapSettings}
                outlines={outlines}
                shapes={shapes}
                focus={feature}
                onClick={mapClick}
                onUnavailable={() => setMapUnavailable(true)}
                label={state.areaMode === 'circle' ? t('subscribe.map.circleLabel') : t('subscribe.map.postcodeLabel')}
              />
            </Suspense>
            <figcaption className="utrecht-paragraph utrecht-paragraph--small">
              {state.areaMode === 'postcode' && check?.status === 'found'
                ? t('subscribe.map.postcodeCaption', { postcode: check.postcode })
                : state.centre
                  ? t('subscribe.map.circleCaption', { radius })
                  : t('subscribe.map.tap')}
            </figcaption>
          </figure>
        ))}
    </fieldset>
  );
}
