import { useEffect, useRef, useState } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CITIZEN_PATHS } from '../routes.ts';
import { unsubscribe, unsubscribeBrowser } from './subscribe-api.ts';
import { parseStoredPush, PUSH_STORAGE_KEY, unsubscribeLinkOf } from './subscribe-form.ts';
import './subscribe.css';

type State = 'ready' | 'busy' | 'done' | 'failed';

/** Unsubscribe in one step from the link in every message: one button, no login, no questions. */
export function UnsubscribePage() {
  const { t } = useT();
  const link = unsubscribeLinkOf(window.location.search);
  const [state, setState] = useState<State>('ready');
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state === 'done' || state === 'failed') resultRef.current?.focus();
  }, [state]);

  if (!link) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('unsubscribe.title')}</h1>
        <p className="utrecht-paragraph">{t('unsubscribe.badLink')}</p>
      </>
    );
  }

  const confirm = () => {
    setState('busy');
    unsubscribe(link.id, link.token).then(
      async () => {
        // Also forget this browser's push subscription when it was the one just removed.
        try {
          const stored = parseStoredPush(window.localStorage.getItem(PUSH_STORAGE_KEY));
          if (stored?.id === link.id) {
            window.localStorage.removeItem(PUSH_STORAGE_KEY);
            await unsubscribeBrowser();
          }
        } catch {
          // The server already forgot the subscription; a leftover browser subscription only gets 410s.
        }
        setState('done');
      },
      () => setState('failed'),
    );
  };

  if (state === 'done') {
    return (
      <>
        <h1 ref={resultRef} tabIndex={-1} className="utrecht-heading-1">
          {t('unsubscribe.doneTitle')}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{t('unsubscribe.doneBody')}</p>
        <p className="utrecht-paragraph">
          <Link to={CITIZEN_PATHS.subscribe} className="utrecht-link utrecht-link--html-a">
            {t('unsubscribe.again')}
          </Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('unsubscribe.title')}</h1>
      {state === 'failed' ? (
        <>
          <h2 ref={resultRef} tabIndex={-1} className="utrecht-heading-2">
            {t('unsubscribe.failedTitle')}
          </h2>
          <p className="utrecht-paragraph">{t('unsubscribe.failedBody')}</p>
        </>
      ) : (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t('unsubscribe.lead')}</p>
          <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={state === 'busy'} onClick={confirm}>
            {t('unsubscribe.button')}
          </button>
        </>
      )}
    </>
  );
}
