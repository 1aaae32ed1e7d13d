import type { FeatureCollection } from 'geojson';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, createApiClient, type MapSettings } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { municipalityOptions } from '../send/area.ts';
import { AreaPicker } from '../send/area-picker.tsx';
import { useResource } from '../watch/use-resource.ts';
import { appealAreaOf, appealDraftBody, consentBody, DURATIONS, initialAppealState, MAX_APPEAL_PHOTOS, municipalityRing, validateAppeal, type AppealField, type AppealFormError, type AppealFormState } from './appeal-form.ts';
import { APPEAL_KINDS, CONSENT_METHODS, type AskApi, type ConsentMethod } from './ask-api.ts';
import { appealPath } from './ask-routes.ts';

interface Basics {
  outlines: FeatureCollection | null;
  settings: MapSettings | null;
}

function FieldMessage({ id, error }: { id: string; error: AppealFormError | undefined }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p id={id} className="send-field-error">
      {t(error.key)}
    </p>
  );
}

/**
 * The appeal composer (SPEC A1): kind, texts, photos, the area (a circle or outline on the map,
 * or typed coordinates, or a municipality from a list), how long and how to respond, and for a
 * missing person the family's consent. "Save as draft" keeps it; "Publish" sends it out at once.
 */
export function AppealComposer({ api, onUnauthorized }: { api: AskApi; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const client = useMemo(() => createApiClient(), []);
  const basics = useResource<Basics>(
    async () => {
      const [outlines, settings] = await Promise.all([client.getMunicipalities().catch(() => null), client.getMapSettings().catch(() => null)]);
      return { outlines, settings };
    },
    'basics',
    onUnauthorized,
  );
  const ready = basics.resource.status === 'ready' ? basics.resource.value : null;
  const municipalities = useMemo(() => (ready?.outlines ? municipalityOptions(ready.outlines) : []), [ready]);
  const [state, setState] = useState<AppealFormState>(initialAppealState);
  const [photos, setPhotos] = useState<File[]>([]);
  const [errors, setErrors] = useState<AppealFormError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [keptId, setKeptId] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const previews = useMemo(() => photos.map((file) => URL.createObjectURL(file)), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  if (!ready) return <p role="status">{t('common.loading')}</p>;
  const outlines = ready.outlines;
  const set = (next: Partial<AppealFormState>) => setState({ ...state, ...next });
  const errorOf = (field: AppealField) => errors.find((e) => e.field === field);
  const describedBy = (field: AppealField, hint?: string) => [errorOf(field) ? `${field}-error` : null, hint ?? null].filter(Boolean).join(' ') || undefined;
  const dropped = state.area?.kind === 'municipality' ? (municipalityRing(state.area.code, outlines)?.partsDropped ?? 0) : 0;

  async function save(publish: boolean) {
    const problems = validateAppeal(state, outlines, photos.length);
    setErrors(problems);
    setNotice(null);
    if (problems.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    let createdId: string | null = null;
    try {
      const appeal = await api.createAppeal(appealDraftBody(state, outlines));
      createdId = appeal.id;
      for (const photo of photos) await api.addAppealPhoto(appeal.id, photo, photo.name || 'foto.jpg');
      const consent = consentBody(state);
      if (consent) await api.recordConsent(appeal.id, consent);
      if (publish) await api.publishAppeal(appeal.id);
      navigate(appealPath(appeal.id));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 401) {
        onUnauthorized();
        return;
      }
      // A draft that was created stays; the operator continues on its page.
      setNotice(`${t('ask.actionError')} ${errorMessage(error, translator)}`);
      setKeptId(createdId);
    }
  }

  return (
    <form
      className="send-composer__form ask-composer"
      noValidate
      aria-labelledby={`${ids}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
    >
      <h2 id={`${ids}-title`} className="send-section-title">
        {t('ask.composer.title')}
      </h2>
      {errors.length > 0 && (
        <div ref={summaryRef} className="notice notice--error send-error-summary" tabIndex={-1} role="alert" aria-labelledby={`${ids}-errors`}>
          <h3 id={`${ids}-errors`} className="send-error-summary__title">
            {tPlural('ask.composer.errorSummary', errors.length)}
          </h3>
          <ul>
            {errors.map((error) => (
              <li key={`${error.field}-${error.key}`}>
                <a
                  href={`#${error.field}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(error.field)?.focus();
                  }}
                >
                  {t(error.key)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <fieldset className="send-fieldset" id="kind" tabIndex={-1} aria-describedby={describedBy('kind')}>
        <legend className="send-fieldset__legend">{t('ask.composer.kind')}</legend>
        <FieldMessage id="kind-error" error={errorOf('kind')} />
        {APPEAL_KINDS.map((kind) => (
          <label key={kind} className="send-check">
            <input type="radio" name={`${ids}-kind`} value={kind} checked={state.kind === kind} onChange={() => set({ kind })} />
            {t(`ask.kind.${kind}`)}
          </label>
        ))}
      </fieldset>

      <fieldset className="send-fieldset">
        <legend className="send-fieldset__legend">{t('ask.composer.texts')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="title">
            {t('ask.composer.titleLabel')}
          </label>
          <input id="title" className="field__input" maxLength={120} value={state.title} aria-invalid={errorOf('title') ? true : undefined} aria-describedby={describedBy('title')} onChange={(event) => set({ title: event.target.value })} />
          <FieldMessage id="title-error" error={errorOf('title')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="description">
            {t('ask.composer.description')}
          </label>
          <textarea id="description" className="field__input" rows={5} maxLength={4000} value={state.description} aria-invalid={errorOf('description') ? true : undefined} aria-describedby={describedBy('description', `${ids}-description-hint`)} onChange={(event) => set({ description: event.target.value })} />
          <p id={`${ids}-description-hint`} className="field__hint">
            {t('ask.composer.descriptionHint')}
          </p>
          <FieldMessage id="description-error" error={errorOf('description')} />
        </div>
        <p className="field__hint">{t('ask.composer.oneLanguage')}</p>
      </fieldset>

      <fieldset className="send-fieldset">
        <legend className="send-fieldset__legend">{t('ask.composer.photos')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="photos">
            {t('ask.composer.photosLabel', { max: MAX_APPEAL_PHOTOS })}
          </label>
          <input id="photos" className="field__input" type="file" accept="image/jpeg,image/png,image/webp" multiple aria-invalid={errorOf('photos') ? true : undefined} aria-describedby={describedBy('photos')} onChange={(event) => setPhotos([...(event.target.files ?? [])])} />
          <FieldMessage id="photos-error" error={errorOf('photos')} />
        </div>
        {photos.length > 0 && (
          <ul className="ask-thumbs" aria-label={tPlural('ask.composer.photosChosen', photos.length)}>
            {photos.map((file, index) => (
              <li key={`${file.name}-${index}`} className="ask-thumb">
                <img className="ask-thumb__image" src={previews[index]} alt={t('ask.composer.photoAlt', { number: index + 1, name: file.name })} width={96} height={96} />
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <AreaPicker value={state.area} onChange={(area) => set({ area })} municipalities={municipalities} outlines={outlines} settings={ready.settings} invalid={errorOf('area') !== undefined} errorId="area-error" />
      <FieldMessage id="area-error" error={errorOf('area')} />
      {dropped > 0 && <p className="field__hint send-warning">{t('ask.composer.partsDropped', { count: dropped })}</p>}
      {state.area && !appealAreaOf(state.area, outlines) && state.area.kind === 'circle' && <p className="field__hint send-warning">{t('ask.composer.error.radius')}</p>}

      <fieldset className="send-fieldset">
        <legend className="send-fieldset__legend">{t('ask.composer.response')}</legend>
        <div className="field">
          <label className="field__label" htmlFor="responseInstructions">
            {t('ask.composer.instructions')}
          </label>
          <textarea id="responseInstructions" className="field__input" rows={3} maxLength={1000} value={state.responseInstructions} aria-invalid={errorOf('responseInstructions') ? true : undefined} aria-describedby={describedBy('responseInstructions', `${ids}-instructions-hint`)} onChange={(event) => set({ responseInstructions: event.target.value })} />
          <p id={`${ids}-instructions-hint`} className="field__hint">
            {t('ask.composer.instructionsHint')}
          </p>
          <FieldMessage id="responseInstructions-error" error={errorOf('responseInstructions')} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-duration`}>
            {t('ask.composer.duration')}
          </label>
          <select id={`${ids}-duration`} className="field__input send-input--short" value={state.durationMinutes} onChange={(event) => set({ durationMinutes: Number(event.target.value) })}>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes < 60 ? t('ask.duration.minutes', { count: minutes }) : minutes < 1440 ? tPlural('ask.duration.hours', minutes / 60) : tPlural('ask.duration.days', minutes / 1440)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      {state.kind === 'missing_person' && (
        <fieldset className="send-fieldset ask-consent">
          <legend className="send-fieldset__legend">{t('ask.consent.legend')}</legend>
          <p className="field__hint">{t('ask.consent.hint')}</p>
          <label className="send-check">
            <input id="consent" type="checkbox" checked={state.consentGiven} aria-invalid={errorOf('consent') ? true : undefined} aria-describedby={describedBy('consent')} onChange={(event) => set({ consentGiven: event.target.checked })} />
            {t('ask.consent.given')}
          </label>
          <FieldMessage id="consent-error" error={errorOf('consent')} />
          <div className="send-row">
            <div className="field">
              <label className="field__label" htmlFor="consentGivenBy">
                {t('ask.consent.givenBy')}
              </label>
              <input id="consentGivenBy" className="field__input" maxLength={200} value={state.consentGivenBy} aria-invalid={errorOf('consentGivenBy') ? true : undefined} aria-describedby={describedBy('consentGivenBy')} onChange={(event) => set({ consentGivenBy: event.target.value })} />
              <FieldMessage id="consentGivenBy-error" error={errorOf('consentGivenBy')} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="consentRelation">
                {t('ask.consent.relation')}
              </label>
              <input id="consentRelation" className="field__input" maxLength={100} value={state.consentRelation} aria-invalid={errorOf('consentRelation') ? true : undefined} aria-describedby={describedBy('consentRelation')} onChange={(event) => set({ consentRelation: event.target.value })} />
              <FieldMessage id="consentRelation-error" error={errorOf('consentRelation')} />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-method`}>
                {t('ask.consent.method')}
              </label>
              <select id={`${ids}-method`} className="field__input" value={state.consentMethod} onChange={(event) => set({ consentMethod: event.target.value as ConsentMethod })}>
                {CONSENT_METHODS.map((method) => (
                  <option key={method} value={method}>
                    {t(`ask.consent.method.${method}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-note`}>
              {t('ask.consent.note')}
            </label>
            <input id={`${ids}-note`} className="field__input" maxLength={1000} value={state.consentNote} onChange={(event) => set({ consentNote: event.target.value })} />
          </div>
          <p className="field__hint">{t('ask.consent.recorded')}</p>
        </fieldset>
      )}

      <p role="status" className={notice ? 'notice notice--error' : 'visually-hidden'}>
        {notice ?? ''}
        {keptId && (
          <>
            {' '}
            <Link to={appealPath(keptId)}>{t('ask.composer.keptAsDraft')}</Link>
          </>
        )}
      </p>
      <div className="send-actions">
        <button type="button" className="button" disabled={busy || keptId !== null} onClick={() => void save(false)}>
          {t('ask.composer.saveDraft')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy || keptId !== null}>
          {busy ? t('ask.composer.busy') : t('ask.composer.publish')}
        </button>
      </div>
      <p className="field__hint">{t('ask.composer.publishHint')}</p>
    </form>
  );
}
