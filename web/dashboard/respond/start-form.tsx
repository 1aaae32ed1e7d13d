import { useId, useState, type FormEvent } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';
import { checkStartForm, type StartFormErrors } from './board.ts';
import type { Dispatch, RespondApi } from './respond-api.ts';

/**
 * Start a dispatch: a Dutch postcode and house number (geocoded by the server: PDOK, else the
 * offline table) or coordinates, with how responders should read the place and a note for the
 * record. Errors are shown per field and summarised at the top of the form.
 */
export function StartForm({ api, onStarted }: { api: RespondApi; onStarted: (dispatch: Dispatch) => void }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [mode, setMode] = useState<'address' | 'coordinates'>('address');
  const [postcode, setPostcode] = useState('');
  const [houseNumber, setHouseNumber] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<StartFormErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkStartForm(mode === 'address' ? { mode, postcode, houseNumber } : { mode, lat, lon });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const dispatch = await api.startDispatch({ location: checked.location, ...(address.trim() ? { address: address.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      onStarted(dispatch);
    } catch (error) {
      setFailure(errorMessage(error, translator));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof StartFormErrors, label: string, value: string, set: (v: string) => void, extra: { hint?: string; autoComplete?: string; inputMode?: 'numeric' | 'decimal' | 'text' } = {}) => {
    const error = errors[name];
    const describedBy = [extra.hint ? `${ids}-${name}-hint` : '', error ? `${ids}-${name}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-${name}`}>
          {label}
        </label>
        {extra.hint && (
          <p id={`${ids}-${name}-hint`} className="field__hint">
            {extra.hint}
          </p>
        )}
        {error && (
          <p id={`${ids}-${name}-error`} className="field__error">
            {t(error)}
          </p>
        )}
        <input
          id={`${ids}-${name}`}
          className="field__input"
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete={extra.autoComplete ?? 'off'}
          inputMode={extra.inputMode}
          required
        />
      </div>
    );
  };

  const errorList = Object.values(errors);
  return (
    <section className="panel respond-start" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="respond-section-title">
        {t('respond.start.title')}
      </h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {errorList.length > 0 && (
          <div className="notice notice--error" role="alert">
            <p>{t('respond.start.fixErrors')}</p>
            <ul>
              {errorList.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </div>
        )}
        <fieldset className="segmented">
          <legend className="field__label">{t('respond.start.where')}</legend>
          <label className="segmented__option">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'address'} onChange={() => setMode('address')} />
            <span>{t('respond.start.byAddress')}</span>
          </label>
          <label className="segmented__option">
            <input type="radio" name={`${ids}-mode`} checked={mode === 'coordinates'} onChange={() => setMode('coordinates')} />
            <span>{t('respond.start.byCoordinates')}</span>
          </label>
        </fieldset>
        <div className="respond-start__row">
          {mode === 'address' ? (
            <>
              {field('postcode', t('respond.start.postcode'), postcode, setPostcode, { hint: t('respond.start.postcodeHint'), autoComplete: 'postal-code' })}
              {field('houseNumber', t('respond.start.houseNumber'), houseNumber, setHouseNumber, { inputMode: 'text' })}
            </>
          ) : (
            <>
              {field('lat', t('respond.start.lat'), lat, setLat, { hint: t('respond.start.latHint'), inputMode: 'decimal' })}
              {field('lon', t('respond.start.lon'), lon, setLon, { hint: t('respond.start.lonHint'), inputMode: 'decimal' })}
            </>
          )}
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-address`}>
            {t('respond.start.address')}
          </label>
          <p id={`${ids}-address-hint`} className="field__hint">
            {t('respond.start.addressHint')}
          </p>
          <input id={`${ids}-address`} className="field__input" value={address} maxLength={300} onChange={(e) => setAddress(e.target.value)} aria-describedby={`${ids}-address-hint`} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-note`}>
            {t('respond.start.note')}
          </label>
          <input id={`${ids}-note`} className="field__input" value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
        </div>
        {failure && (
          <p className="notice notice--error" role="alert">
            {t('respond.start.failed')} {failure}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('respond.start.busy') : t('respond.start.submit')}
        </button>
      </form>
    </section>
  );
}
