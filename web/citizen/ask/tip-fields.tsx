import { useId, useState } from 'react';
import { formatCoordinate } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Choice, FieldMessage } from '../subscribe/citizen-form-parts.tsx';
import type { TipFormState } from './tip-form.ts';

/** The shared citizen choice, with the tip form's spacing. */
export function TipChoice(props: Omit<Parameters<typeof Choice>[0], 'block'>) {
  return <Choice {...props} block="ask-choice" />;
}

/**
 * Photos: one button opens the camera (capture=environment, the back camera), the other the
 * gallery; each chosen photo is shown with a button to remove it. Sizes are checked at once.
 */
export function PhotoField({ photos, previews, errors, onAdd, onRemove, maxPhotos, maxMb }: { photos: readonly File[]; previews: readonly string[]; errors: readonly string[]; onAdd: (files: File[]) => void; onRemove: (index: number) => void; maxPhotos: number; maxMb: number }) {
  const { t } = useT();
  const ids = useId();
  const invalid = errors.length > 0;
  const describedBy = [invalid ? 'photos-error' : null, `${ids}-hint`].filter(Boolean).join(' ');
  return (
    <fieldset className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ask-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('tip.photos.legend')}</legend>
      <p id={`${ids}-hint`} className="utrecht-paragraph utrecht-paragraph--small">
        {t('tip.photos.hint', { max: maxPhotos, mb: maxMb })}
      </p>
      <FieldMessage id="photos-error" text={errors.join(' ') || null} />
      <div className="ask-row">
        <input
          id="photo-camera"
          className="ask-file__input"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            onAdd([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <label className="utrecht-button utrecht-button--secondary-action ask-file" htmlFor="photo-camera">
          {t('tip.photos.camera')}
        </label>
        <input
          id="photo-gallery"
          className="ask-file__input"
          type="file"
          accept="image/*"
          multiple
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => {
            onAdd([...(event.target.files ?? [])]);
            event.target.value = '';
          }}
        />
        <label className="utrecht-button utrecht-button--secondary-action ask-file" htmlFor="photo-gallery">
          {t('tip.photos.gallery')}
        </label>
      </div>
      {photos.length > 0 && (
        <ul className="ask-previews" aria-label={t('tip.photos.chosen', { count: photos.length })}>
          {photos.map((file, index) => (
            <li key={`${file.name}-${index}`} className="ask-preview">
              <img src={previews[index]} alt={t('tip.photos.previewAlt', { number: index + 1 })} className="ask-preview__image" />
              <span className="utrecht-paragraph utrecht-paragraph--small">{t('tip.photos.size', { mb: (file.size / 1024 / 1024).toFixed(1) })}</span>
              <button type="button" className="utrecht-button utrecht-button--subtle" onClick={() => onRemove(index)}>
                {t('tip.photos.remove', { number: index + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="utrecht-paragraph utrecht-paragraph--small">{t('tip.photos.notInDraft')}</p>
    </fieldset>
  );
}

type LocationState = { status: 'idle' } | { status: 'asking' } | { status: 'denied' } | { status: 'unavailable' } | { status: 'unsupported' };

/**
 * The location, only on the resident's own press of the button: the browser then asks for
 * permission (never before), and only this one position is sent with the tip.
 */
export function LocationField({ location, onChange }: { location: TipFormState['location']; onChange: (location: TipFormState['location']) => void }) {
  const { t, language } = useT();
  const [ask, setAsk] = useState<LocationState>({ status: 'idle' });

  function locate() {
    if (!('geolocation' in navigator)) {
      setAsk({ status: 'unsupported' });
      return;
    }
    setAsk({ status: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setAsk({ status: 'idle' });
        onChange({ lat: position.coords.latitude, lon: position.coords.longitude, accuracyM: Number.isFinite(position.coords.accuracy) ? position.coords.accuracy : null });
      },
      (error) => setAsk({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ask-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('tip.where.legend')}</legend>
      <p className="utrecht-paragraph">{t('tip.where.hint')}</p>
      {location ? (
        <>
          <p className="utrecht-paragraph" role="status">
            {t('tip.where.added', { lat: formatCoordinate(location.lat, language), lon: formatCoordinate(location.lon, language), accuracy: location.accuracyM === null ? '?' : Math.round(location.accuracyM) })}
          </p>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => onChange(null)}>
            {t('tip.where.remove')}
          </button>
        </>
      ) : (
        <>
          <button type="button" className="utrecht-button utrecht-button--secondary-action" disabled={ask.status === 'asking'} onClick={locate}>
            {ask.status === 'asking' ? t('tip.where.asking') : t('tip.where.add')}
          </button>
          <p className="utrecht-paragraph utrecht-paragraph--small" role="status">
            {ask.status === 'denied' ? t('tip.where.denied') : ask.status === 'unavailable' ? t('tip.where.unavailable') : ask.status === 'unsupported' ? t('tip.where.unsupported') : t('tip.where.optional')}
          </p>
        </>
      )}
    </fieldset>
  );
}
