import type { Feature } from 'geojson';
import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { ApiError, createApiClient, type MapSettings } from '../../ui/api.ts';
import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { choiceOfAppealArea } from './appeal-form.ts';
import { AppealStats } from './appeal-stats.tsx';
import { APPEAL_OUTCOMES, publicAppealUrl, type Appeal, type AppealArea, type AppealFigures, type AppealOutcome, type AskApi } from './ask-api.ts';
import { choiceFeature } from '../send/area.ts';
import { TipQueueView } from './tip-queue-view.tsx';

const AreaMap = lazy(() => import('../send/area-map.tsx').then((module) => ({ default: module.AreaMap })));

interface Loaded {
  appeal: Appeal & { figures: AppealFigures };
  tipTimes: string[];
  settings: MapSettings | null;
}

function areaText(appeal: Appeal, t: ReturnType<typeof useT>['t'], language: ReturnType<typeof useT>['language']): string {
  if (appeal.area.type === 'circle') return t('ask.area.circle', { radius: formatNumber(appeal.area.radiusM, language), lat: appeal.area.center.lat.toFixed(4), lon: appeal.area.center.lon.toFixed(4) });
  return t('ask.area.polygon', { count: Math.max(0, (appeal.area.coordinates[0]?.length ?? 1) - 1) });
}

/**
 * One appeal: what it says and where, its figures, and its lifecycle — publish a draft (after the
 * family's consent for a missing person), close an active appeal with its outcome, which the send
 * module then takes to everyone who received the appeal. Below it, the tips that answer it.
 */
export function AppealView({ api, id, canManage, onUnauthorized }: { api: AskApi; id: string; canManage: boolean; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const client = useMemo(() => createApiClient(), []);
  const [version, setVersion] = useState(0);
  const { resource } = useResource<Loaded>(
    async (signal) => {
      const [appeal, tips, settings] = await Promise.all([api.getAppeal(id, { signal }), api.listTips({ appealId: id, limit: 200, signal }), client.getMapSettings().catch(() => null)]);
      return { appeal, tipTimes: tips.items.map((tip) => tip.receivedAt), settings };
    },
    `${id}:${version}`,
    onUnauthorized,
    15_000,
  );
  const [outcome, setOutcome] = useState<AppealOutcome | ''>('');
  const [outcomeText, setOutcomeText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [outcomeMissing, setOutcomeMissing] = useState(false);
  const [mapUnavailable, setMapUnavailable] = useState(false);

  const loaded = resource.status === 'ready' ? resource.value : null;
  // Keyed by the area itself: the periodic reload must not re-fit the map the operator is looking at.
  const areaKey = loaded ? JSON.stringify(loaded.appeal.area) : '';
  const shapes = useMemo<Feature[]>(() => {
    if (!areaKey) return [];
    const feature = choiceFeature(choiceOfAppealArea(JSON.parse(areaKey) as AppealArea), null);
    return feature ? [feature] : [];
  }, [areaKey]);

  if (resource.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {t('ask.loadError')} {errorMessage(resource.error, translator)}
      </p>
    );
  }
  if (!loaded) return <p role="status">{t('common.loading')}</p>;
  const { appeal } = loaded;

  function act(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    setNotice(null);
    run().then(
      () => {
        setBusy(false);
        setConfirming(false);
        setNotice({ kind: 'ok', text: done });
        setVersion((v) => v + 1);
      },
      (failure: unknown) => {
        setBusy(false);
        if (failure instanceof ApiError && failure.status === 401) onUnauthorized();
        else setNotice({ kind: 'error', text: `${t('ask.actionError')} ${errorMessage(failure, translator)}` });
      },
    );
  }

  const needsConsent = appeal.kind === 'missing_person' && !appeal.consent;

  return (
    <article className="ask-appeal" aria-labelledby={`${ids}-title`}>
      <header className="ask-appeal__head">
        <h2 id={`${ids}-title`} className="send-section-title">
          {appeal.title}
        </h2>
        <span className={`badge ask-appeal-status ask-appeal-status--${appeal.status}`}>{t(`ask.appealStatus.${appeal.status}`)}</span>
        <span className="tag">{t(`ask.kind.${appeal.kind}`)}</span>
      </header>
      <p role="status" className={notice ? `notice notice--${notice.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
        {notice?.text ?? ''}
      </p>

      <div className="ask-appeal__layout">
        <div>
          <p className="ask-appeal__description">{appeal.description}</p>
          <dl className="meta-list">
            <div>
              <dt>{t('ask.appeal.area')}</dt>
              <dd>{areaText(appeal, t, language)}</dd>
            </div>
            <div>
              <dt>{t('ask.appeal.instructions')}</dt>
              <dd>{appeal.responseInstructions}</dd>
            </div>
            <div>
              <dt>{t('ask.appeal.created')}</dt>
              <dd>{formatAbsoluteTime(appeal.createdAt, language)}</dd>
            </div>
            {appeal.publishedAt && (
              <div>
                <dt>{t('ask.appeal.published')}</dt>
                <dd>{formatAbsoluteTime(appeal.publishedAt, language)}</dd>
              </div>
            )}
            {appeal.endsAt && !appeal.closedAt && (
              <div>
                <dt>{t('ask.appeal.ends')}</dt>
                <dd>{formatAbsoluteTime(appeal.endsAt, language)}</dd>
              </div>
            )}
            {appeal.closedAt && (
              <div>
                <dt>{t('ask.appeal.closed')}</dt>
                <dd>
                  {formatAbsoluteTime(appeal.closedAt, language)} — {appeal.outcome ? t(`ask.outcome.${appeal.outcome}`) : ''}
                  {appeal.outcomeText ? `: ${appeal.outcomeText}` : ''}
                </dd>
              </div>
            )}
            {appeal.consent && (
              <div>
                <dt>{t('ask.appeal.consent')}</dt>
                <dd>{t('ask.appeal.consentValue', { name: appeal.consent.givenBy, relation: appeal.consent.relation, method: t(`ask.consent.method.${appeal.consent.method}`), at: formatAbsoluteTime(appeal.consent.recordedAt, language) })}</dd>
              </div>
            )}
            {appeal.status !== 'draft' && (
              <div>
                <dt>{t('ask.appeal.publicPage')}</dt>
                <dd>
                  <a href={publicAppealUrl(appeal.id)} target="_blank" rel="noopener">
                    {t('ask.appeal.publicLink')} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
                  </a>
                </dd>
              </div>
            )}
          </dl>
          {appeal.photoIds.length > 0 && (
            <ul className="ask-thumbs" aria-label={t('ask.appeal.photos')}>
              {appeal.photoIds.map((photoId, index) => (
                <li key={photoId} className="ask-thumb">
                  <img className="ask-thumb__image" src={`/api/media/${encodeURIComponent(photoId)}/thumbnail`} alt={t('ask.appeal.photoAlt', { number: index + 1 })} width={96} height={96} loading="lazy" />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          {loaded.settings && !mapUnavailable ? (
            <Suspense fallback={<p role="status">{t('map.loading')}</p>}>
              <AreaMap settings={loaded.settings} outlines={null} shapes={shapes} focus={shapes[0] ?? null} onClick={() => undefined} onUnavailable={() => setMapUnavailable(true)} label={t('ask.appeal.mapLabel')} />
            </Suspense>
          ) : (
            mapUnavailable && <p className="notice notice--info">{t('ask.appeal.noMap')}</p>
          )}
        </div>
      </div>

      <AppealStats appeal={appeal} figures={appeal.figures} tipTimes={loaded.tipTimes} nowMs={Date.now()} />

      {canManage && appeal.status === 'draft' && (
        <section className="ask-lifecycle" aria-labelledby={`${ids}-publish`}>
          <h3 id={`${ids}-publish`} className="send-subtitle">
            {t('ask.publish.title')}
          </h3>
          {needsConsent ? <p className="notice notice--warn">{t('ask.publish.needsConsent')}</p> : <p>{t('ask.publish.body')}</p>}
          <button type="button" className="button button--primary" disabled={busy || needsConsent} onClick={() => act(() => api.publishAppeal(appeal.id), t('ask.publish.done'))}>
            {t('ask.publish.button')}
          </button>
        </section>
      )}

      {canManage && appeal.status === 'active' && (
        <section className="ask-lifecycle" aria-labelledby={`${ids}-close`}>
          <h3 id={`${ids}-close`} className="send-subtitle">
            {t('ask.close.title')}
          </h3>
          <p>{t('ask.close.body')}</p>
          <div className="field">
            <label className="field__label" htmlFor="outcome">
              {t('ask.close.outcome')}
            </label>
            <select
              id="outcome"
              className="field__input send-input--short"
              value={outcome}
              aria-invalid={outcomeMissing || undefined}
              aria-describedby={outcomeMissing ? 'outcome-error' : undefined}
              onChange={(event) => {
                setOutcome(event.target.value as AppealOutcome | '');
                setOutcomeMissing(false);
              }}
            >
              <option value="">{t('ask.close.choose')}</option>
              {APPEAL_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`ask.outcome.${o}`)}
                </option>
              ))}
            </select>
            {outcomeMissing && (
              <p id="outcome-error" className="send-field-error">
                {t('ask.close.outcomeMissing')}
              </p>
            )}
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-outcome-text`}>
              {t('ask.close.text')}
            </label>
            <textarea id={`${ids}-outcome-text`} className="field__input" rows={3} maxLength={1000} value={outcomeText} aria-describedby={`${ids}-outcome-hint`} onChange={(event) => setOutcomeText(event.target.value)} />
            <p id={`${ids}-outcome-hint`} className="field__hint">
              {t('ask.close.textHint')}
            </p>
          </div>
          {confirming && outcome ? (
            <div className="send-confirm" role="group" aria-label={t('ask.close.confirmLabel')}>
              <p>{t('ask.close.confirm', { reach: appeal.figures.reach === null ? t('ask.stats.unknown') : formatNumber(appeal.figures.reach, language) })}</p>
              <div className="send-actions">
                <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </button>
                <button type="button" className="button button--primary" disabled={busy} onClick={() => act(() => api.closeAppeal(appeal.id, outcome, outcomeText.trim() || null), t('ask.close.done'))}>
                  {t('ask.close.confirmButton')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => {
                if (!outcome) {
                  setOutcomeMissing(true);
                  document.getElementById('outcome')?.focus();
                  return;
                }
                setConfirming(true);
              }}
            >
              {t('ask.close.button')}
            </button>
          )}
        </section>
      )}

      <TipQueueView api={api} canManage={canManage} onUnauthorized={onUnauthorized} appealId={appeal.id} />
    </article>
  );
}
