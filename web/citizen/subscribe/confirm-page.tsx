import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { CITIZEN_PATHS } from '../routes.ts';
import { confirmSubscription } from './subscribe-api.ts';
import { confirmTokenOf } from './subscribe-form.ts';
import './subscribe.css';

type State = { kind: 'ready' } | { kind: 'busy' } | { kind: 'done' } | { kind: 'failed'; expired: boolean; unknown: boolean };

/**
 * The page behind the link in the confirmation mail (double opt-in). Confirming takes one press of
 * a button rather than happening on load, so a mail scanner that opens links confirms nothing.
 */
export function ConfirmPage() {
  const { t } = useT();
  const token = confirmTokenOf(window.location.search);
  const [state, setState] = useState<State>({ kind: 'ready' });
  const resultRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') resultRef.current?.focus();
  }, [state.kind]);

  if (!token) {
    return (
      <>
        <h1 className="utrecht-heading-1">{t('confirm.title')}</h1>
        <p className="utrecht-paragraph">{t('confirm.badLink')}</p>
        <SubscribeAgain />
      </>
    );
  }

  const confirm = () => {
    setState({ kind: 'busy' });
    confirmSubscription(token).then(
      () => setState({ kind: 'done' }),
      (error: unknown) => setState({ kind: 'failed', expired: error instanceof ApiError && error.problem?.code === 'CONFIRMATION_EXPIRED', unknown: error instanceof ApiError && error.status === 404 }),
    );
  };

  if (state.kind === 'done') {
    return (
      <>
        <h1 ref={resultRef} tabIndex={-1} className="utrecht-heading-1">
          {t('confirm.doneTitle')}
        </h1>
        <p className="utrecht-paragraph utrecht-paragraph--lead">{t('confirm.doneBody')}</p>
        <p className="utrecht-paragraph">{t('confirm.doneStop')}</p>
      </>
    );
  }

  return (
    <>
      <h1 className="utrecht-heading-1">{t('confirm.title')}</h1>
      {state.kind === 'failed' ? (
        <>
          <h2 ref={resultRef} tabIndex={-1} className="utrecht-heading-2">
            {t('confirm.failedTitle')}
          </h2>
          <p className="utrecht-paragraph">{state.expired ? t('confirm.expired') : state.unknown ? t('confirm.unknown') : t('subscribe.failure.general')}</p>
          <SubscribeAgain />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph utrecht-paragraph--lead">{t('confirm.lead')}</p>
          <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={state.kind === 'busy'} onClick={confirm}>
            {t('confirm.button')}
          </button>
        </>
      )}
    </>
  );
}

function SubscribeAgain() {
  const { t } = useT();
  return (
    <p className="utrecht-paragraph">
      <Link to={CITIZEN_PATHS.subscribe} className="utrecht-link utrecht-link--html-a">
        {t('confirm.again')}
      </Link>
    </p>
  );
}
