import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';
import type { Dispatch, RespondApi } from './respond-api.ts';

type Reason = 'ems_on_scene' | 'cancelled';

/**
 * Ending a dispatch stands every responder down, so it takes two steps: choose why, then confirm.
 * The confirmation is inline (no modal to trap focus in); focus moves to it and back.
 */
export function CloseControls({ api, dispatchId, onClosed }: { api: RespondApi; dispatchId: string; onClosed: (dispatch: Dispatch) => void }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [asking, setAsking] = useState<Reason | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const close = async (reason: Reason) => {
    setBusy(true);
    setFailure(null);
    try {
      onClosed(await api.closeDispatch(dispatchId, reason));
      setAsking(null);
    } catch (error) {
      setFailure(errorMessage(error, translator));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel respond-close" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="respond-subtitle">
        {t('respond.close.title')}
      </h3>
      {asking === null ? (
        <div className="respond-close__actions">
          <button type="button" className="button" onClick={() => setAsking('ems_on_scene')}>
            {t('respond.close.ems')}
          </button>
          <button type="button" className="button" onClick={() => setAsking('cancelled')}>
            {t('respond.close.cancel')}
          </button>
        </div>
      ) : (
        <div className="respond-close__confirm" role="group" aria-labelledby={`${ids}-question`}>
          <p id={`${ids}-question`}>{t(asking === 'ems_on_scene' ? 'respond.close.confirmEms' : 'respond.close.confirmCancel')}</p>
          <div className="respond-close__actions">
            <button ref={confirmRef} type="button" className="button button--danger" disabled={busy} onClick={() => void close(asking)}>
              {t('respond.close.confirm')}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setAsking(null)}>
              {t('respond.close.keep')}
            </button>
          </div>
        </div>
      )}
      {failure && (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
