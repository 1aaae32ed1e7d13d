import { useMemo } from 'react';
import type { Session } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link } from '../../ui/router.tsx';
import { AppealComposer } from './appeal-composer.tsx';
import { AppealView } from './appeal-view.tsx';
import { AppealsView } from './appeals-view.tsx';
import { createAskApi, type AskApi } from './ask-api.ts';
import { ASK_VIEW_LABELS, ASK_VIEW_PATHS, ASK_VIEWS, askRouteFromPath } from './ask-routes.ts';
import { TipQueueView } from './tip-queue-view.tsx';
import '../watch.css';
import '../send/send.css';
import './ask.css';

export interface AskPageProps {
  session: Session;
  pathname: string;
  onUnauthorized: () => void;
  /** Tests pass their own client. */
  api?: AskApi;
}

/** Vragen / Ask: the live tip queue, appeals to residents and their figures (SPEC A1–A3). */
export function AskPage({ session, pathname, onUnauthorized, api }: AskPageProps) {
  const { t } = useT();
  const ask = useMemo(() => api ?? createAskApi(), [api]);
  const route = askRouteFromPath(pathname) ?? { view: 'queue' as const };
  const permissions = session.user.permissions;
  const canRead = permissions.includes('tips:read');
  const canManage = permissions.includes('appeals:manage');
  const current = route.view === 'appeal' ? 'appeals' : route.view;

  return (
    <div className="ask">
      <div className="watch__intro">
        <div>
          <h1 className="page__title">{t('ask.title')}</h1>
          <p className="page__lead">{t('ask.lead')}</p>
        </div>
        <ul className="view-switch" aria-label={t('ask.views')}>
          {ASK_VIEWS.filter((v) => v !== 'compose' || canManage).map((v) => (
            <li key={v}>
              <Link to={ASK_VIEW_PATHS[v]} className="view-switch__link" aria-current={v === route.view ? 'page' : v === current ? 'true' : undefined}>
                {t(ASK_VIEW_LABELS[v])}
              </Link>
            </li>
          ))}
        </ul>
      </div>
      {!canRead ? (
        <p className="notice notice--error" role="alert">
          {t('error.forbidden')}
        </p>
      ) : (
        <>
          {route.view === 'queue' && <TipQueueView api={ask} canManage={canManage} onUnauthorized={onUnauthorized} />}
          {route.view === 'appeals' && <AppealsView api={ask} canManage={canManage} onUnauthorized={onUnauthorized} />}
          {route.view === 'compose' &&
            (canManage ? (
              <AppealComposer api={ask} onUnauthorized={onUnauthorized} />
            ) : (
              <p className="notice notice--error" role="alert">
                {t('error.forbidden')}
              </p>
            ))}
          {route.view === 'appeal' && <AppealView key={route.id} api={ask} id={route.id} canManage={canManage} onUnauthorized={onUnauthorized} />}
        </>
      )}
    </div>
  );
}
