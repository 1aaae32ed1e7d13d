import { useId } from 'react';
import { formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { aedCondition, qualificationStatus, type AedCondition, type QualificationStatus } from './board.ts';
import type { Aed, Page, RespondApi, Volunteer } from './respond-api.ts';

/** The registry summary reads at most this many pages of 500; a larger registry is counted as "at least". */
const MAX_PAGES = 20;

async function all<T>(load: (after: string | null) => Promise<Page<T>>): Promise<{ items: T[]; complete: boolean }> {
  const items: T[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const next: Page<T> = await load(after);
    items.push(...next.items);
    if (!next.nextCursor) return { items, complete: true };
    after = next.nextCursor;
  }
  return { items, complete: false };
}

const QUALIFICATIONS: readonly QualificationStatus[] = ['valid', 'lapsing', 'lapsed', 'unknown'];

/** Registers: volunteers by qualification, AEDs with whether they can be used now, and how to import. */
export function RegistryView({ api, onUnauthorized }: { api: RespondApi; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const today = new Date().toISOString().slice(0, 10);
  const volunteers = useResource((signal) => all<Volunteer>((after) => api.listVolunteers({ after, signal })), 'volunteers', onUnauthorized).resource;
  const aeds = useResource((signal) => all<Aed>((after) => api.listAeds({ after, signal })), 'aeds', onUnauthorized).resource;

  const byQualification = new Map<QualificationStatus, number>();
  if (volunteers.status === 'ready') for (const v of volunteers.value.items) byQualification.set(qualificationStatus(v.qualifiedUntil, today), (byQualification.get(qualificationStatus(v.qualifiedUntil, today)) ?? 0) + 1);

  return (
    <div className="respond-registry">
      <section className="panel" aria-labelledby={`${ids}-volunteers`}>
        <h2 id={`${ids}-volunteers`} className="respond-section-title">
          {t('respond.registry.volunteers')}
        </h2>
        {volunteers.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {volunteers.status === 'error' && (
          <p className="notice notice--error" role="alert">
            {t('respond.loadError')} {errorMessage(volunteers.error, translator)}
          </p>
        )}
        {volunteers.status === 'ready' && (
          <>
            <p>{t(volunteers.value.complete ? 'respond.registry.volunteerTotal' : 'respond.registry.volunteerTotalAtLeast', { count: formatNumber(volunteers.value.items.length, language) })}</p>
            <dl className="respond-figures">
              {QUALIFICATIONS.map((q) => (
                <div key={q} className="respond-figures__item">
                  <dt>{t(`respond.qualification.${q}`)}</dt>
                  <dd data-qualification={q}>{formatNumber(byQualification.get(q) ?? 0, language)}</dd>
                </div>
              ))}
              <div className="respond-figures__item">
                <dt>{t('respond.registry.snoozed')}</dt>
                <dd>{formatNumber(volunteers.value.items.filter((v) => v.snoozedUntil !== null && v.snoozedUntil > new Date().toISOString()).length, language)}</dd>
              </div>
              <div className="respond-figures__item">
                <dt>{t('respond.registry.withPush')}</dt>
                <dd>{formatNumber(volunteers.value.items.filter((v) => v.hasPushSubscription).length, language)}</dd>
              </div>
            </dl>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby={`${ids}-aeds`}>
        <h2 id={`${ids}-aeds`} className="respond-section-title">
          {t('respond.registry.aeds')}
        </h2>
        {aeds.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {aeds.status === 'error' && (
          <p className="notice notice--error" role="alert">
            {t('respond.loadError')} {errorMessage(aeds.error, translator)}
          </p>
        )}
        {aeds.status === 'ready' && aeds.value.items.length === 0 && <p className="feed-state">{t('respond.registry.noAeds')}</p>}
        {aeds.status === 'ready' && aeds.value.items.length > 0 && (
          <div className="respond-table-wrap">
            <table className="respond-table">
              <caption className="visually-hidden">{t('respond.registry.aeds')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('respond.registry.aedName')}</th>
                  <th scope="col">{t('respond.registry.aedLocation')}</th>
                  <th scope="col">{t('respond.registry.aedState')}</th>
                  <th scope="col">{t('respond.registry.aedPads')}</th>
                  <th scope="col">{t('respond.registry.aedBattery')}</th>
                  <th scope="col">{t('respond.registry.aedCode')}</th>
                </tr>
              </thead>
              <tbody>
                {aeds.value.items.map((aed) => {
                  const condition: AedCondition = aedCondition(aed, today);
                  return (
                    <tr key={aed.id}>
                      <th scope="row">{aed.name}</th>
                      <td>{aed.location}</td>
                      <td>
                        <span className={`respond-condition respond-condition--${condition === 'ok' ? 'ok' : condition === 'expiresSoon' ? 'warn' : 'bad'}`}>{t(`respond.aed.${condition}`)}</span>
                      </td>
                      <td>{aed.padsExpire ?? '–'}</td>
                      <td>{aed.batteryExpires ?? '–'}</td>
                      <td>{aed.hasCabinetCode ? t('common.yes') : t('common.no')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby={`${ids}-import`}>
        <h2 id={`${ids}-import`} className="respond-section-title">
          {t('respond.import.title')}
        </h2>
        <p>{t('respond.import.body')}</p>
        <pre className="respond-code">
          <code>{'waakzaam respond import-volunteers vrijwilligers.csv --org "…" --tokens tokens.csv\nwaakzaam respond import-aeds aeds.csv --org "…"'}</code>
        </pre>
        <p className="field__hint">{t('respond.import.hint')}</p>
      </section>
    </div>
  );
}
