import { useMemo } from 'react';
import type { Session } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { ApprovalsView } from './approvals-view.tsx';
import { ComposerView } from './composer-view.tsx';
import { HistoryView } from './history-view.tsx';
import { MessageView } from './message-view.tsx';
import { createSendApi, type SendApi } from './send-api.ts';
import { SEND_VIEW_LABELS, SEND_VIEW_PATHS, SEND_VIEWS, sendRouteFromPath } from './send-routes.ts';
import '../watch.css';
import './send.css';

export interface SendPageProps {
  session: Session;
  pathname: string;
  onUnauthorized: () => void;
  /** Tests pass their own client. */
  api?: SendApi;
}

/** Zenden / Send: write a public message, approve it (four eyes), follow its delivery (SPEC S1–S4). */
export function SendPage({ session, pathname, onUnauthorized, api }: SendPageProps) {
  const { t } = useT();
  const send = useMemo(() => api ?? createSendApi(), [api]);
  const route = sendRouteFromPath(pathname) ?? { view: 'compose' as const };
  const permissions = session.user.permissions;
  const canWrite = permissions.includes('messages:write');
  const current = route.view === 'message' || route.view === 'edit' ? 'history' : route.view;

  return (
    <div className="send">
      <div className="watch__intro">
        <div>
          <h1 className="page__title">{t('send.title')}</h1>
          <p className="page__lead">{t('send.lead')}</p>
        </div>
        <ul className="view-switch" aria-label={t('send.views')}>
          {SEND_VIEWS.map((v) => (
            <li key={v}>
              <Link to={SEND_VIEW_PATHS[v]} className="view-switch__link" aria-current={v === route.view ? 'page' : v === current ? 'true' : undefined}>
                {t(SEND_VIEW_LABELS[v])}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {!canWrite ? (
        <p className="notice notice--error" role="alert">
          {t('error.forbidden')}
        </p>
      ) : (
        <>
          {route.view === 'compose' && <ComposerView key="new" api={send} session={session} draftId={null} onUnauthorized={onUnauthorized} />}
          {route.view === 'edit' && <ComposerView key={route.id} api={send} session={session} draftId={route.id} onUnauthorized={onUnauthorized} />}
          {route.view === 'approvals' && <ApprovalsView api={send} session={session} onUnauthorized={onUnauthorized} />}
          {route.view === 'history' && <HistoryView api={send} onUnauthorized={onUnauthorized} />}
          {route.view === 'message' && <MessageView key={route.id} api={send} session={session} id={route.id} onUnauthorized={onUnauthorized} />}
        </>
      )}
    </div>
  );
}
