import { useCallback, useEffect, useState } from 'react';
import type { ApiClient, Session } from '../ui/api.ts';
import { useT } from '../ui/i18n/language.tsx';
import { navigate, normalisePath, usePathname } from '../ui/router.tsx';
import { AppShell } from './app-shell.tsx';
import { errorMessage } from './error-message.ts';
import { LoginPage, type LoginNotice } from './login-page.tsx';

type AuthState =
  | { status: 'checking' }
  | { status: 'signedOut'; notice: LoginNotice | null }
  | { status: 'signedIn'; session: Session }
  | { status: 'failed'; error: unknown };

/**
 * Decides between the login page and the app: asks the server who we are on load, after a
 * login, and whenever an API call says the session is gone (401).
 */
export function DashboardApp({ api }: { api: ApiClient }) {
  const translator = useT();
  const { t } = translator;
  const pathname = usePathname();
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });

  const checkSession = useCallback(
    async (noticeIfSignedOut: LoginNotice | null) => {
      try {
        const session = await api.getSession();
        setAuth(session ? { status: 'signedIn', session } : { status: 'signedOut', notice: noticeIfSignedOut });
      } catch (error) {
        setAuth({ status: 'failed', error });
      }
    },
    [api],
  );

  useEffect(() => {
    void checkSession(null);
  }, [checkSession]);

  useEffect(() => {
    if (normalisePath(pathname) === '/') {
      navigate('/watch', { replace: true });
    }
  }, [pathname]);

  const handleUnauthorized = useCallback(() => setAuth({ status: 'signedOut', notice: 'sessionExpired' }), []);

  const handleLogout = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // The operator asked to leave; an unreachable server is no reason to keep showing the app.
      // (The session cookie then simply expires on the server's schedule.)
    }
    setAuth({ status: 'signedOut', notice: 'loggedOut' });
  }, [api]);

  switch (auth.status) {
    case 'checking':
      return (
        <main id="main" className="boot" aria-busy="true">
          <p role="status">{t('login.checking')}</p>
        </main>
      );
    case 'failed':
      return (
        <main id="main" className="boot">
          <p role="alert">{errorMessage(auth.error, translator)}</p>
          <button type="button" className="button button--primary" onClick={() => void checkSession(null)}>
            {t('common.retry')}
          </button>
        </main>
      );
    case 'signedOut':
      return <LoginPage api={api} notice={auth.notice} onSignedIn={() => void checkSession(null)} />;
    case 'signedIn':
      return (
        <AppShell
          api={api}
          session={auth.session}
          pathname={pathname}
          onLogout={handleLogout}
          onUnauthorized={handleUnauthorized}
        />
      );
  }
}
