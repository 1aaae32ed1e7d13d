import { useRef } from 'react';
import type { ApiClient, Session } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { Link, normalisePath } from '../ui/router.tsx';
import { usePageFocus } from '../ui/use-page-focus.ts';
import { AskPage } from './ask/ask-page.tsx';
import { BrandMark } from './brand-mark.tsx';
import { MODE_LABELS, MODES, modeFromPath, modePath, WATCH_VIEW_LABELS, watchViewFromPath } from './modes.ts';
import { PlannedModePage } from './planned-mode-page.tsx';
import { RespondPage } from './respond/respond-page.tsx';
import { SendPage } from './send/send-page.tsx';
import { WatchPage } from './watch-page.tsx';
import { NotificationsBell } from './watch/notifications-bell.tsx';

export interface AppShellProps {
  api: ApiClient;
  session: Session;
  pathname: string;
  onLogout: () => Promise<void>;
  onUnauthorized: () => void;
}

/** Header, mode navigation and the page for the current route. */
export function AppShell({ api, session, pathname, onLogout, onUnauthorized }: AppShellProps) {
  const { t } = useT();
  const mainRef = useRef<HTMLElement>(null);
  const mode = modeFromPath(pathname);
  const isRoot = normalisePath(pathname) === '/';
  const watchView = watchViewFromPath(pathname);
  const modeName = mode ? t(MODE_LABELS[mode]) : isRoot ? t('mode.watch.label') : t('shell.notFound.title');
  const pageName = watchView && watchView !== 'columns' ? `${t(WATCH_VIEW_LABELS[watchView])} — ${modeName}` : modeName;
  usePageFocus(mainRef, pathname, t('shell.pageTitle', { page: pageName }));

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header className="topbar">
        <div className="topbar__row">
          <div className="topbar__brand">
            <BrandMark />
            <span className="topbar__product">{t('app.name')}</span>
            <span className="topbar__org">
              <span className="visually-hidden">{t('shell.organisation')}: </span>
              {session.organisation.name}
            </span>
          </div>
          <div className="topbar__tools">
            {session.user.permissions.includes('posts:read') && <NotificationsBell onUnauthorized={onUnauthorized} />}
            <span className="topbar__user">{t('shell.signedInAs', { name: session.user.name || session.user.email })}</span>
            <LanguageSwitch className="lang-switch" buttonClassName="lang-switch__button" />
            <button type="button" className="topbar__logout" onClick={() => void onLogout()}>
              {t('shell.logout')}
            </button>
          </div>
        </div>
        <nav className="modes" aria-label={t('shell.nav')}>
          <ul className="modes__list">
            {MODES.map((id) => (
              <li key={id}>
                <Link to={modePath(id)} className="modes__link" aria-current={id === mode ? 'page' : undefined}>
                  {t(MODE_LABELS[id])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={mainRef} className="shell__main" tabIndex={-1}>
        {mode === 'watch' || isRoot ? (
          <WatchPage api={api} session={session} view={watchView ?? 'columns'} onUnauthorized={onUnauthorized} />
        ) : mode === 'send' ? (
          <SendPage session={session} pathname={pathname} onUnauthorized={onUnauthorized} />
        ) : mode === 'ask' ? (
          <AskPage session={session} pathname={pathname} onUnauthorized={onUnauthorized} />
        ) : mode === 'respond' ? (
          <RespondPage api={api} session={session} pathname={pathname} onUnauthorized={onUnauthorized} />
        ) : mode ? (
          <PlannedModePage mode={mode} />
        ) : (
          <section className="page">
            <h1 className="page__title">{t('shell.notFound.title')}</h1>
            <p>{t('shell.notFound.body')}</p>
            <p>
              <Link to="/watch">{t('shell.notFound.back')}</Link>
            </p>
          </section>
        )}
      </main>
    </div>
  );
}
