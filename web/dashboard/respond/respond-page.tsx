import { useMemo } from 'react';
import type { ApiClient, Session } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { RESPOND_PATHS, respondRouteFromPath } from './board.ts';
import { BoardView } from './board-view.tsx';
import { DispatchView } from './dispatch-view.tsx';
import { RegistryView } from './registry-view.tsx';
import { createRespondApi, type RespondApi } from './respond-api.ts';
import '../watch.css';
import './respond.css';

export interface RespondPageProps {
  api: ApiClient;
  session: Session;
  pathname: string;
  onUnauthorized: () => void;
  /** Tests pass their own client. */
  respondApi?: RespondApi;
}

/** Inzet / Respond: start and follow volunteer dispatches, and see the registers (SPEC R1–R3). */
export function RespondPage({ api, session, pathname, onUnauthorized, respondApi }: RespondPageProps) {
  const { t } = useT();
  const respond = useMemo(() => respondApi ?? createRespondApi(), [respondApi]);
  const route = respondRouteFromPath(pathname) ?? { view: 'board' as const };
  const canManage = session.user.permissions.includes('dispatch:manage');
  const current = route.view === 'registry' ? 'registry' : 'board';

  return (
    <div className="respond">
      <div className="watch__intro">
        <div>
          <h1 className="page__title">{t('respond.title')}</h1>
          <p className="page__lead">{t('respond.lead')}</p>
        </div>
        <ul className="view-switch" aria-label={t('respond.views')}>
          <li>
            <Link to={RESPOND_PATHS.board} className="view-switch__link" aria-current={route.view === 'board' ? 'page' : current === 'board' ? 'true' : undefined}>
              {t('respond.view.board')}
            </Link>
          </li>
          <li>
            <Link to={RESPOND_PATHS.registry} className="view-switch__link" aria-current={route.view === 'registry' ? 'page' : undefined}>
              {t('respond.view.registry')}
            </Link>
          </li>
        </ul>
      </div>
      {!canManage ? (
        <p className="notice notice--error" role="alert">
          {t('error.forbidden')}
        </p>
      ) : route.view === 'board' ? (
        <BoardView api={respond} onUnauthorized={onUnauthorized} />
      ) : route.view === 'registry' ? (
        <RegistryView api={respond} onUnauthorized={onUnauthorized} />
      ) : (
        <DispatchView key={route.id} api={respond} mapApi={api} id={route.id} onUnauthorized={onUnauthorized} />
      )}
    </div>
  );
}
