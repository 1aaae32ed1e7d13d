import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../ui/api.ts';
import { useT, type Translator } from '../ui/i18n/language.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { BrandMark } from './brand-mark.tsx';
import { errorMessage } from './error-message.ts';

export type LoginNotice = 'sessionExpired' | 'loggedOut';

function loginErrorMessage(error: unknown, translator: Translator): string {
  const { t } = translator;
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfterSeconds !== null
        ? t('login.tooManyRetry', { seconds: error.retryAfterSeconds })
        : t('login.tooMany');
    }
    if (error.status === 400 || error.status === 401) {
      return error.problem?.detail ?? t('login.failed');
    }
  }
  return errorMessage(error, translator);
}

/** Email and password sign-in for staff. */
export function LoginPage({
  api,
  notice,
  onSignedIn,
}: {
  api: ApiClient;
  notice: LoginNotice | null;
  onSignedIn: () => void;
}) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) {
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      await api.login(email.trim(), password);
      setPassword('');
      onSignedIn();
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  useEffect(() => {
    document.title = t('login.title');
  }, [t]);

  const errorId = `${ids}-error`;
  const hasError = error !== null;

  return (
    <div className="login-layout">
      <a className="skip-link" href="#main">
        {t('skip.toMain')}
      </a>
      <header className="topbar topbar--login">
        <div className="topbar__brand">
          <BrandMark />
          <span className="topbar__product">{t('app.name')}</span>
        </div>
        <LanguageSwitch className="lang-switch" buttonClassName="lang-switch__button" />
      </header>
      <main id="main" className="login" tabIndex={-1}>
        <div className="login__card">
          <h1 className="login__title">{t('login.title')}</h1>
          <p className="login__intro">{t('login.intro')}</p>
          {notice && !hasError && (
            <p className="notice notice--info" role="status">
              {t(notice === 'sessionExpired' ? 'login.sessionExpired' : 'login.loggedOut')}
            </p>
          )}
          {hasError && (
            <p id={errorId} className="notice notice--error" role="alert">
              {loginErrorMessage(error, translator)}
            </p>
          )}
          <form className="login__form" onSubmit={(event) => void handleSubmit(event)} aria-describedby={hasError ? errorId : undefined}>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-email`}>
                {t('login.email')}
              </label>
              <input
                id={`${ids}-email`}
                className="field__input"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                spellCheck={false}
                required
                value={email}
                aria-invalid={hasError || undefined}
                onChange={(event) => setEmail(event.target.value)}
              />
            </div>
            <div className="field">
              <label className="field__label" htmlFor={`${ids}-password`}>
                {t('login.password')}
              </label>
              <input
                id={`${ids}-password`}
                className="field__input"
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                aria-invalid={hasError || undefined}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
            <button type="submit" className="button button--primary login__submit" aria-disabled={submitting || undefined}>
              {submitting ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
