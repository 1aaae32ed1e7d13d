import { LANGUAGES } from './i18n/catalogue.ts';
import { useT } from './i18n/language.tsx';

/**
 * Two toggle buttons (NL / EN). Each button carries its own `lang`, so a screen reader pronounces
 * "English" in English even on a Dutch page; `aria-pressed` tells which one is active.
 */
export function LanguageSwitch({
  className,
  buttonClassName = '',
  pressedClassName = '',
}: {
  className?: string;
  buttonClassName?: string;
  /** Extra class on the active button, for design systems that style a class rather than aria-pressed. */
  pressedClassName?: string;
}) {
  const { t, language, setLanguage } = useT();
  return (
    <div role="group" aria-label={t('lang.label')} className={className}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className={`${buttonClassName} ${language === code ? pressedClassName : ''}`.trim()}
          aria-pressed={language === code}
          title={t(`lang.${code}.title`)}
          onClick={() => setLanguage(code)}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}
