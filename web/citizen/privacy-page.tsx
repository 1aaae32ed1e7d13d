import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT } from '../ui/i18n/language.tsx';

const SECTIONS: ReadonlyArray<{ heading: MessageKey; body: MessageKey }> = [
  { heading: 'citizen.privacy.deviceHeading', body: 'citizen.privacy.deviceBody' },
  { heading: 'citizen.privacy.socialHeading', body: 'citizen.privacy.socialBody' },
  { heading: 'citizen.privacy.tipsHeading', body: 'citizen.privacy.tipsBody' },
  { heading: 'citizen.privacy.rightsHeading', body: 'citizen.privacy.rightsBody' },
];

const NOT_DONE: readonly MessageKey[] = [
  'citizen.privacy.not1',
  'citizen.privacy.not2',
  'citizen.privacy.not3',
  'citizen.privacy.not4',
];

/**
 * A short, true privacy statement: what this site does (and does not) do today, and how
 * Waakzaam treats authors of public posts (pseudonyms, logged reveals, retention; SPEC G1).
 */
export function PrivacyPage() {
  const { t } = useT();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('citizen.privacy.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('citizen.privacy.intro')}</p>
      <div className="utrecht-alert utrecht-alert--info">
        <div className="utrecht-alert__content">
          <p className="utrecht-paragraph utrecht-alert__message">{t('citizen.privacy.placeholder')}</p>
        </div>
      </div>

      <h2 className="utrecht-heading-2">{t('citizen.privacy.notHeading')}</h2>
      <ul className="utrecht-unordered-list">
        {NOT_DONE.map((key) => (
          <li key={key} className="utrecht-unordered-list__item">
            {t(key)}
          </li>
        ))}
      </ul>

      {SECTIONS.map((section) => (
        <section key={section.heading}>
          <h2 className="utrecht-heading-2">{t(section.heading)}</h2>
          <p className="utrecht-paragraph">{t(section.body)}</p>
        </section>
      ))}
    </>
  );
}
