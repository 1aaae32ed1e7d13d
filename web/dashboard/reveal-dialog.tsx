import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient, type RevealedIdentity } from '../ui/api.ts';
import { formatAbsoluteTime } from '../ui/format.ts';
import { useT } from '../ui/i18n/language.tsx';
import { useFocusTrap } from '../ui/use-focus-trap.ts';
import { errorMessage } from './error-message.ts';
import { useSourceLabel } from './post-card.tsx';

export const PURPOSE_MIN = 10;
export const PURPOSE_MAX = 500;

export interface RevealDialogProps {
  api: ApiClient;
  postId: string;
  onClose: () => void;
  onUnauthorized: () => void;
}

/**
 * Reveals the author behind a pseudonym (SPEC G1). A purpose is required and the dialog says that
 * the reveal is logged; the handle is shown only here and forgotten when the dialog closes.
 */
export function RevealDialog({ api, postId, onClose, onUnauthorized }: RevealDialogProps) {
  const translator = useT();
  const { t, language } = translator;
  const labelOf = useSourceLabel();
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useFocusTrap(dialogRef);
  const [purpose, setPurpose] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [identity, setIdentity] = useState<RevealedIdentity | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = purpose.trim();
    if (text.length < PURPOSE_MIN) {
      setTooShort(true);
      return;
    }
    if (busy) {
      return;
    }
    setTooShort(false);
    setBusy(true);
    setError(null);
    api.revealIdentity(postId, text).then(
      (revealed) => {
        setBusy(false);
        setIdentity(revealed);
      },
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof ApiError && failure.status === 401) {
          onUnauthorized();
        } else if (failure instanceof ApiError && failure.status === 404) {
          setError(t('reveal.notKept'));
        } else {
          setError(errorMessage(failure, translator));
        }
      },
    );
  };

  return (
    <dialog ref={dialogRef} className="dialog reveal" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <div className="dialog__header">
        <h2 id={`${ids}-title`} className="dialog__title">
          {t('reveal.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={() => dialogRef.current?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="notice notice--warn">{t('reveal.warning')}</p>

      {identity ? (
        <>
          <dl className="meta-list">
            <div>
              <dt>{t('reveal.handle')}</dt>
              <dd className="reveal__handle">{identity.handle}</dd>
            </div>
            <div>
              <dt>{t('reveal.source')}</dt>
              <dd>{labelOf(identity.source)}</dd>
            </div>
            <div>
              <dt>{t('reveal.at')}</dt>
              <dd>{formatAbsoluteTime(identity.revealedAt, language)}</dd>
            </div>
          </dl>
          <p role="status">{t('reveal.logged')}</p>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => dialogRef.current?.close()}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-purpose`}>
              {t('reveal.purpose')} <span className="field__required">{t('form.required')}</span>
            </label>
            <textarea
              id={`${ids}-purpose`}
              className="field__input"
              rows={4}
              required
              minLength={PURPOSE_MIN}
              maxLength={PURPOSE_MAX}
              value={purpose}
              aria-invalid={tooShort || undefined}
              aria-describedby={`${ids}-hint${tooShort ? ` ${ids}-short` : ''}`}
              onChange={(event) => setPurpose(event.target.value)}
            />
            <p id={`${ids}-hint`} className="field__hint">
              {t('reveal.purposeHint', { min: PURPOSE_MIN, max: PURPOSE_MAX })} {t('reveal.purposeCount', { count: purpose.trim().length, max: PURPOSE_MAX })}
            </p>
            {tooShort && (
              <p id={`${ids}-short`} className="field__error" role="alert">
                {t('reveal.tooShort', { min: PURPOSE_MIN })}
              </p>
            )}
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t('reveal.submitting') : t('reveal.submit')}
            </button>
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
