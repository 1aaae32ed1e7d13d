import { useId, type ReactNode } from 'react';
import type { MessageKey } from '../ui/i18n/catalogue.ts';
import { useT } from '../ui/i18n/language.tsx';
import { Link } from '../ui/router.tsx';
import { AskHomeNote } from './ask/ask-home-note.tsx';
import { CITIZEN_PATHS } from './routes.ts';

const ICON_PATHS = {
  // A bell: messages about your area.
  alerts:
    'M12 3a6 6 0 0 0-6 6v3.6L4.3 15.4A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.6L18 12.6V9a6 6 0 0 0-6-6Zm-2.2 15.5a2.3 2.3 0 0 0 4.4 0Z',
  // A megaphone: an appeal you can answer.
  appeals:
    'M18 4 7 8H4a1 1 0 0 0-1 1v5a1 1 0 0 0 1 1h1l1.3 4.4A1 1 0 0 0 7.3 20h1.6a.6.6 0 0 0 .6-.8L8.3 15 18 19a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1Zm2.5 5.5h1v4h-1Z',
  // A speech bubble: a question to the municipality.
  questions:
    'M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H10l-4.4 3.5A.6.6 0 0 1 4.6 20v-3H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1Zm4 6.2a1.2 1.2 0 1 0 0 .1Zm4 0a1.2 1.2 0 1 0 0 .1Zm4 0a1.2 1.2 0 1 0 0 .1Z',
} as const;

type Feature = keyof typeof ICON_PATHS;

const FEATURES: ReadonlyArray<{ id: Feature; title: MessageKey; body: MessageKey }> = [
  { id: 'alerts', title: 'citizen.feature.alerts.title', body: 'citizen.feature.alerts.body' },
  { id: 'appeals', title: 'citizen.feature.appeals.title', body: 'citizen.feature.appeals.body' },
  { id: 'questions', title: 'citizen.feature.questions.title', body: 'citizen.feature.questions.body' },
];

function FeatureCard({ id, title, body, soon }: { id: Feature; title: string; body: string; soon: ReactNode }) {
  const headingId = useId();
  return (
    <li className="citizen-feature">
      <article aria-labelledby={headingId}>
        <div className="citizen-feature__head">
          <svg className="citizen-feature__icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true" focusable="false">
            <path d={ICON_PATHS[id]} fill="currentColor" />
          </svg>
          <div>
            <h3 id={headingId} className="utrecht-heading-3">
              {title}
            </h3>
            {soon}
          </div>
        </div>
        <p className="utrecht-paragraph">{body}</p>
      </article>
    </li>
  );
}

/** What residents will be able to do, honestly marked as coming soon. */
export function HomePage() {
  const { t } = useT();
  const soon = <span className="utrecht-status-badge utrecht-status-badge--warning citizen-soon">{t('citizen.soon')}</span>;
  return (
    <>
      <h1 className="utrecht-heading-1">{t('citizen.home.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('citizen.home.lead')}</p>

      <div className="utrecht-alert utrecht-alert--warning citizen-emergency">
        <div className="utrecht-alert__content">
          <div className="utrecht-alert__message">
            <h2 className="utrecht-heading-2 citizen-emergency__title">{t('citizen.emergency.title')}</h2>
            <p className="utrecht-paragraph">{t('citizen.emergency.body')}</p>
          </div>
        </div>
      </div>

      <h2 className="utrecht-heading-2">{t('citizen.home.soonHeading')}</h2>
      <div className="utrecht-alert utrecht-alert--info">
        <div className="utrecht-alert__content">
          <p className="utrecht-paragraph utrecht-alert__message">{t('citizen.home.development')}</p>
        </div>
      </div>
      <ul className="citizen-features">
        {FEATURES.map((feature) => (
          <FeatureCard
            key={feature.id}
            id={feature.id}
            title={t(feature.title)}
            body={t(feature.body)}
            soon={
              feature.id === 'alerts' ? (
                <Link to={CITIZEN_PATHS.subscribe} className="utrecht-link utrecht-link--html-a">
                  {t('subscribe.homeLink')}
                </Link>
              ) : feature.id === 'appeals' ? (
                <AskHomeNote />
              ) : (
                soon
              )
            }
          />
        ))}
      </ul>

      <h2 className="utrecht-heading-2">{t('citizen.home.privacyHeading')}</h2>
      <p className="utrecht-paragraph">{t('citizen.home.privacyBody')}</p>
      <p className="utrecht-paragraph">
        <Link to={CITIZEN_PATHS.privacy} className="utrecht-link utrecht-link--html-a">
          {t('citizen.home.privacyLink')}
        </Link>
      </p>
    </>
  );
}
