import { useRef } from 'react';
import { useT } from '../ui/i18n/language.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { Link, usePathname } from '../ui/router.tsx';
import { usePageFocus } from '../ui/use-page-focus.ts';
import { askTitleKey } from './ask/ask-paths.ts';
import { CitizenAskPage } from './ask/citizen-ask-page.tsx';
import { HomePage } from './home-page.tsx';
import { MessagePage } from './messages/message-page.tsx';
import { messageIdOf } from './messages/message-paths.ts';
import { PrivacyPage } from './privacy-page.tsx';
import { ResponderApp } from './responder/responder-app.tsx';
import { CITIZEN_PATHS, citizenRouteOf } from './routes.ts';
import { ConfirmPage } from './subscribe/confirm-page.tsx';
import { SubscribePage } from './subscribe/subscribe-page.tsx';
import { subscribeTitleKey } from './subscribe/titles.ts';
import { UnsubscribePage } from './subscribe/unsubscribe-page.tsx';

/**
 * The residents' site, built from NL Design System (Utrecht) components: page header, body and
 * footer, with a skip link and the usual landmarks. No forms yet: every feature that does not
 * exist is labelled "binnenkort" instead of being faked.
 */
export function CitizenApp() {
  const { t } = useT();
  const pathname = usePathname();
  const route = citizenRouteOf(pathname);
  const mainRef = useRef<HTMLElement>(null);
  const pageTitle =
    route === 'home'
      ? t('citizen.title')
      : route === 'responder'
        ? `${t('responder.title')} — ${t('citizen.title')}`
        : `${t(route === 'privacy' ? 'citizen.privacy.title' : route === 'message' ? 'message.pageTitle' : (subscribeTitleKey(route) ?? askTitleKey(pathname) ?? 'citizen.notFound.title'))} — ${t('citizen.title')}`;
  usePageFocus(mainRef, pathname, pageTitle);

  return (
    <>
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
        {t('skip.toMain')}
      </a>
      <header className="utrecht-page-header citizen-header">
        <div className="utrecht-page-header__content citizen-header__content">
          <Link to={CITIZEN_PATHS.home} className="citizen-header__home">
            <svg className="citizen-header__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
              <path
                d="M2 16c3.6-6.2 8.4-9.3 14-9.3S26.4 9.8 30 16c-3.6 6.2-8.4 9.3-14 9.3S5.6 22.2 2 16Z"
                fill="none"
                stroke="currentColor"
                strokeWidth="2.4"
                strokeLinejoin="round"
              />
              <circle cx="16" cy="16" r="5.2" fill="currentColor" />
            </svg>
            <span>{t('citizen.title')}</span>
          </Link>
          <LanguageSwitch
            className="citizen-lang"
            buttonClassName="utrecht-button utrecht-button--secondary-action citizen-lang__button"
            pressedClassName="utrecht-button--pressed"
          />
        </div>
      </header>

      <div className="utrecht-page-body citizen-body">
        <div className="utrecht-page-body__content">
          <main id="main" ref={mainRef} className="utrecht-page-content citizen-main" tabIndex={-1}>
            {route === 'home' && <HomePage />}
            {route === 'privacy' && <PrivacyPage />}
            {route === 'subscribe' && <SubscribePage />}
            {route === 'confirm' && <ConfirmPage />}
            {route === 'unsubscribe' && <UnsubscribePage />}
            {route === 'responder' && <ResponderApp pathname={pathname} />}
            {route === 'ask' && <CitizenAskPage pathname={pathname} />}
            {route === 'message' && <MessagePage key={pathname} messageId={messageIdOf(pathname) ?? ''} />}
            {route === 'notFound' && (
              <>
                <h1 className="utrecht-heading-1">{t('citizen.notFound.title')}</h1>
                <p className="utrecht-paragraph">{t('citizen.notFound.body')}</p>
                <p className="utrecht-paragraph">
                  <Link to={CITIZEN_PATHS.home} className="utrecht-link utrecht-link--html-a">
                    {t('citizen.notFound.home')}
                  </Link>
                </p>
              </>
            )}
          </main>
        </div>
      </div>

      <footer className="utrecht-page-footer citizen-footer">
        <div className="utrecht-page-footer__content">
          <nav aria-label={t('citizen.footer.label')}>
            <ul className="utrecht-link-list utrecht-link-list--html-ul citizen-footer__links">
              <li className="utrecht-link-list__item">
                <Link to={CITIZEN_PATHS.home} className="utrecht-link utrecht-link--html-a utrecht-link-list__link">
                  {t('citizen.footer.home')}
                </Link>
              </li>
              <li className="utrecht-link-list__item">
                <Link
                  to={CITIZEN_PATHS.privacy}
                  className="utrecht-link utrecht-link--html-a utrecht-link-list__link"
                  aria-current={route === 'privacy' ? 'page' : undefined}
                >
                  {t('citizen.footer.privacy')}
                </Link>
              </li>
            </ul>
          </nav>
          <p className="utrecht-paragraph utrecht-paragraph--small citizen-footer__note">{t('citizen.footer.software')}</p>
        </div>
      </footer>
    </>
  );
}
