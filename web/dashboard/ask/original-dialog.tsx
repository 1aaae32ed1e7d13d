import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, NetworkError } from '../../ui/api.ts';
import { parseProblem } from '../../ui/api-parse.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { useFocusTrap } from '../../ui/use-focus-trap.ts';
import { errorMessage } from '../error-message.ts';
import type { Photo } from './ask-api.ts';

async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  // SubtleCrypto exists only in secure contexts (https, localhost); without it the check is skipped, and said so.
  if (!globalThis.crypto?.subtle) return null;
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Opens a tip photo's original (chain of custody, SPEC A3). The original is only fetched after
 * the operator has read that the view is logged (who, when, why), and its SHA-256 is checked
 * here against the hash taken on receipt. The bytes live in memory only while the dialog is open.
 */
export function OriginalDialog({ photo, onClose, onUnauthorized }: { photo: Photo; onClose: () => void; onUnauthorized: () => void }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  useFocusTrap(dialogRef);
  const [purpose, setPurpose] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<{ url: string; intact: boolean | null } | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  useEffect(() => () => (shown ? URL.revokeObjectURL(shown.url) : undefined), [shown]);

  const query = (download: boolean) => {
    const params = new URLSearchParams();
    if (download) params.set('download', 'true');
    if (purpose.trim()) params.set('purpose', purpose.trim().slice(0, 300));
    const text = params.toString();
    return `${photo.originalUrl}${text ? `?${text}` : ''}`;
  };

  const view = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    (async () => {
      let response: Response;
      try {
        response = await fetch(query(false), { credentials: 'same-origin' });
      } catch (failure) {
        throw new NetworkError(failure instanceof Error ? failure.message : 'network error');
      }
      if (!response.ok) throw new ApiError(response.status, parseProblem(await response.json().catch(() => null), response.status));
      const bytes = await response.arrayBuffer();
      const hash = await sha256Hex(bytes);
      setShown({ url: URL.createObjectURL(new Blob([bytes], { type: photo.contentType })), intact: hash === null ? null : hash === photo.sha256 });
    })().then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof ApiError && failure.status === 401) onUnauthorized();
        else setError(errorMessage(failure, translator));
      },
    );
  };

  return (
    <dialog ref={dialogRef} className="dialog ask-original" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <div className="dialog__header">
        <h2 id={`${ids}-title`} className="dialog__title">
          {t('ask.original.title')}
        </h2>
        <button type="button" className="icon-button" aria-label={t('common.close')} title={t('common.close')} onClick={() => dialogRef.current?.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p className="notice notice--warn">{t('ask.original.logged')}</p>
      <dl className="meta-list">
        <div>
          <dt>{t('ask.original.sha256')}</dt>
          <dd className="ask-mono">{photo.sha256}</dd>
        </div>
        <div>
          <dt>{t('ask.original.size')}</dt>
          <dd>{t('ask.original.sizeValue', { kb: Math.max(1, Math.round(photo.byteSize / 1024)), width: photo.width ?? '–', height: photo.height ?? '–' })}</dd>
        </div>
      </dl>
      {shown ? (
        <>
          <p role="status" className={shown.intact === false ? 'notice notice--error' : 'notice notice--info'}>
            {shown.intact === null ? t('ask.original.viewedNoCheck') : shown.intact ? t('ask.original.viewedIntact') : t('ask.original.viewedMismatch')}
          </p>
          <img className="ask-original__image" src={shown.url} alt={t('ask.original.alt')} />
          <div className="dialog__actions">
            <a className="button" href={query(true)} download>
              {t('ask.original.download')}
            </a>
            <button type="button" className="button button--primary" onClick={() => dialogRef.current?.close()}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={view} noValidate>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-purpose`}>
              {t('ask.original.purpose')}
            </label>
            <input id={`${ids}-purpose`} className="field__input" maxLength={300} value={purpose} onChange={(event) => setPurpose(event.target.value)} aria-describedby={`${ids}-hint`} />
            <p id={`${ids}-hint`} className="field__hint">
              {t('ask.original.purposeHint')}
            </p>
          </div>
          {error && (
            <p className="notice notice--error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => dialogRef.current?.close()}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('common.loading') : t('ask.original.view')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
