import { useEffect, useId, useState } from 'react';
import type { ApiClient, MapSettings } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { CATEGORY_LABELS, PRIORITY_LABELS } from '../../ui/taxonomy.ts';
import { municipalityOptions } from '../send/area.ts';
import type { AlertsApi, Watchlist } from './alerts-api.ts';
import { useResource } from './use-resource.ts';
import type { MapBase } from './watch-area-picker.tsx';
import { WatchlistEditor } from './watchlist-editor.tsx';
import { LoadError } from './watch-parts.tsx';
import './alerts.css';
import './signals.css';

export interface WatchlistsViewProps {
  api: ApiClient;
  alerts: AlertsApi;
  canManage: boolean;
  onUnauthorized: () => void;
}

/** What the map parts of the editor share: the base layer and the municipalities to pick from. */
function useMapBase(api: ApiClient): MapBase {
  const [base, setBase] = useState<MapBase>({ settings: null, outlines: null, municipalities: [] });
  useEffect(() => {
    let cancelled = false;
    void Promise.all([api.getMapSettings().catch((): MapSettings => ({ tileUrl: null, attribution: null })), api.getMunicipalities().catch(() => null)]).then(([settings, outlines]) => {
      if (!cancelled) setBase({ settings, outlines, municipalities: outlines ? municipalityOptions(outlines) : [] });
    });
    return () => {
      cancelled = true;
    };
  }, [api]);
  return base;
}

/** Watchlists and alert rules (SPEC W6): what is watched, why (G1), and who hears about it how. */
export function WatchlistsView({ api, alerts, canManage, onUnauthorized }: WatchlistsViewProps) {
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const base = useMapBase(api);
  const [editing, setEditing] = useState<Watchlist | 'new' | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [secrets, setSecrets] = useState<{ rule: string; secret: string }[]>([]);
  const { resource, reload } = useResource((signal) => alerts.listWatchlists({ signal }), 'watchlists', onUnauthorized);
  const lists = resource.status === 'ready' ? resource.value : [];

  return (
    <div className="signals">
      <section className="panel signals__list" aria-labelledby={`${ids}-list`}>
        <h2 id={`${ids}-list`} className="signals__title">
          {t('watchlists.list')}
        </h2>
        <p className="field__hint">{t('watchlists.lead')}</p>
        {canManage && (
          <p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(null);
                setSecrets([]);
                setEditing('new');
              }}
            >
              {t('watchlists.new')}
            </button>
          </p>
        )}
        <p role="status" className={saved ? 'notice notice--info' : 'visually-hidden'}>
          {saved ?? ''}
        </p>
        {secrets.length > 0 && (
          <div className="notice notice--info alerts-secrets">
            <p>{t('watchlists.secretsTitle')}</p>
            {secrets.map((s, i) => (
              <div key={i} className="field">
                <label className="field__label" htmlFor={`${ids}-secret-${i}`}>
                  {t('watchlists.secretFor', { rule: s.rule })}
                </label>
                <input id={`${ids}-secret-${i}`} className="field__input alerts-mono" readOnly value={s.secret} />
              </div>
            ))}
            <button type="button" className="button button--small" onClick={() => setSecrets([])}>
              {t('watchlists.secretsDone')}
            </button>
          </div>
        )}
        {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {resource.status === 'error' && <LoadError error={resource.error} />}
        {resource.status === 'ready' && lists.length === 0 && <p className="feed-state">{t('watchlists.empty')}</p>}
        <ul className="signals__items">
          {lists.map((w) => (
            <li key={w.id} className={`signals__item${editing !== 'new' && editing?.id === w.id ? ' signals__item--selected' : ''}`}>
              <div className="signals__chips">
                <span className={`status-badge status-badge--${w.enabled ? 'watch-on' : 'watch-off'}`}>{w.enabled ? t('watchlists.enabled') : t('watchlists.disabled')}</span>
              </div>
              <p className="signals__name">{w.name}</p>
              <p className="signals__meta">{t('watchlists.purposeLine', { purpose: w.purpose, basis: w.legalBasis })}</p>
              <p className="signals__meta">
                {[
                  w.keywords.length > 0 && tPlural('watchlists.count.keywords', w.keywords.length),
                  w.areas.length > 0 && tPlural('watchlists.count.areas', w.areas.length),
                  w.accounts.length > 0 && tPlural('watchlists.count.accounts', w.accounts.length),
                  w.events.length > 0 && tPlural('watchlists.count.events', w.events.length),
                  w.categories.length > 0 && w.categories.map((c) => t(CATEGORY_LABELS[c])).join(', '),
                  t('watchlists.sensitivityLine', { value: w.sensitivity }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {w.rules.length > 0 && (
                <ul className="alerts-rules">
                  {w.rules.map((r) => (
                    <li key={r.id ?? r.name}>
                      {r.name}: {r.condition.on === 'signal' ? t('watchlists.rule.onSignal', { score: r.condition.minScore }) : t('watchlists.rule.onPost', { priority: t(PRIORITY_LABELS[r.condition.minPriority]) })} →{' '}
                      {[r.channels.dashboard && t('watchlists.channel.dashboard'), r.channels.email.length > 0 && t('watchlists.channel.email'), r.channels.webhook && t('watchlists.channel.webhook')].filter(Boolean).join(', ')}
                      {!r.enabled && ` (${t('watchlists.disabled')})`}
                    </li>
                  ))}
                </ul>
              )}
              {canManage && (
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('watchlists.editLabel', { name: w.name })}
                  onClick={() => {
                    setSaved(null);
                    setSecrets([]);
                    setEditing(w);
                  }}
                >
                  {t('watchlists.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      {editing && (
        <WatchlistEditor
          key={editing === 'new' ? 'new' : editing.id}
          watchlist={editing === 'new' ? null : editing}
          alerts={alerts}
          base={base}
          onSaved={(watchlist, message, created) => {
            setSaved(message);
            setSecrets(created);
            setEditing(watchlist);
            reload();
          }}
          onDeleted={(message) => {
            setSaved(message);
            setEditing(null);
            reload();
          }}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}
