import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { ApiError } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { useEventStream } from '../../ui/use-event-stream.ts';
import { errorMessage } from '../error-message.ts';
import { LiveIndicator } from '../respond/use-board-stream.tsx';
import { TIPS_STREAM_URL, type Appeal, type AskApi, type Photo, type Tip, type TipStatus } from './ask-api.ts';
import { OriginalDialog } from './original-dialog.tsx';
import { inGroup, mergeTips, parseTipEvent, photoGroups, QUEUE_FILTERS, type QueueFilter } from './queue.ts';
import { TipCard } from './tip-card.tsx';

const FILTERS = Object.keys(QUEUE_FILTERS) as QueueFilter[];

/**
 * The live tip queue (SPEC A2): loaded from GET /api/tips, kept current by the tips stream,
 * highest priority first. Near-identical photos from different tips are shown together as a
 * group; the operator can triage each tip and open an original through the audited endpoint.
 */
export function TipQueueView({ api, canManage, onUnauthorized, appealId }: { api: AskApi; canManage: boolean; onUnauthorized: () => void; appealId?: string }) {
  const translator = useT();
  const { t, tPlural } = translator;
  const ids = useId();
  const [filter, setFilter] = useState<QueueFilter>('open');
  const [tips, setTips] = useState<Tip[] | null>(null);
  const [appeals, setAppeals] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [original, setOriginal] = useState<Photo | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const statuses = QUEUE_FILTERS[filter];

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      api.listTips({ status: statuses ?? undefined, appealId, limit: 200, signal: controller.signal }),
      api.listAppeals({ limit: 200, signal: controller.signal }).catch((): Appeal[] => []),
    ]).then(
      ([page, list]) => {
        setTips(page.items);
        setAppeals(new Map(list.map((a) => [a.id, a.title])));
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 401) onUnauthorized();
        else setError(errorMessage(failure, translator));
      },
    );
    return () => controller.abort();
  }, [api, statuses, appealId, tick, onUnauthorized, translator]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const stream = useEventStream(TIPS_STREAM_URL, {
    eventTypes: ['tip'],
    enabled: tips !== null,
    onEvent: (_type, data) => {
      const tip = parseTipEvent(data);
      if (!tip || (appealId && tip.appealId !== appealId)) return;
      setTips((current) => (current ? mergeTips(current, [tip], statuses) : current));
      if (tip.appealId && !appeals.has(tip.appealId)) reload();
    },
    onReconnected: reload,
  });

  const groups = useMemo(() => photoGroups(tips ?? []), [tips]);

  function changeStatus(tip: Tip, status: TipStatus) {
    setBusyId(tip.id);
    setNotice(null);
    api.updateTip(tip.id, { status }).then(
      (updated) => {
        setBusyId(null);
        setTips((current) => (current ? mergeTips(current, [updated], statuses) : current));
        setNotice(t('ask.tip.statusChanged', { status: t(`ask.tipStatus.${status}`) }));
      },
      (failure: unknown) => {
        setBusyId(null);
        if (failure instanceof ApiError && failure.status === 401) onUnauthorized();
        else setNotice(`${t('ask.actionError')} ${errorMessage(failure, translator)}`);
      },
    );
  }

  return (
    <section className="ask-queue" aria-labelledby={`${ids}-title`}>
      <div className="ask-queue__bar">
        <h2 id={`${ids}-title`} className="page__subtitle">
          {appealId ? t('ask.queue.appealTitle') : t('ask.queue.title')}
        </h2>
        <div className="send-segmented" role="radiogroup" aria-label={t('ask.queue.filter')}>
          {FILTERS.map((f) => (
            <label key={f} className="send-segmented__option">
              <input type="radio" name={`${ids}-filter`} value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {t(`ask.queue.filter.${f}`)}
            </label>
          ))}
        </div>
        <LiveIndicator connection={stream.state} onReconnectNow={stream.reconnectNow} />
      </div>
      <p className="field__hint">{t('ask.queue.hint')}</p>
      <p role="status" className="ask-status-line">
        {notice ?? ''}
      </p>
      {error && (
        <p className="notice notice--error" role="alert">
          {t('ask.loadError')} {error}
        </p>
      )}
      {tips === null && !error && <p role="status">{t('common.loading')}</p>}

      {groups.length > 0 && (
        <section className="ask-groups" aria-labelledby={`${ids}-groups`}>
          <h3 id={`${ids}-groups`} className="ask-groups__title">
            {t('ask.group.title')}
          </h3>
          <ul className="ask-groups__list">
            {groups.map((g) => (
              <li key={g.groupId} className={`ask-group${group === g.groupId ? ' ask-group--active' : ''}`}>
                <p className="ask-group__label">
                  <strong>{t('ask.group.nearDuplicates', { count: g.size })}</strong> · {tPlural('ask.group.tips', g.tipIds.length)}
                </p>
                <ul className="ask-thumbs" aria-label={t('ask.group.nearDuplicates', { count: g.size })}>
                  {g.members.map((m, index) => (
                    <li key={m.photo.id} className="ask-thumb">
                      <img className="ask-thumb__image" src={m.photo.thumbnailUrl} alt={t('ask.group.photoAlt', { number: index + 1 })} width={72} height={72} loading="lazy" />
                    </li>
                  ))}
                </ul>
                <button type="button" className="button button--small" aria-pressed={group === g.groupId} onClick={() => setGroup(group === g.groupId ? null : g.groupId)}>
                  {group === g.groupId ? t('ask.group.unmark') : t('ask.group.mark')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {tips && tips.length === 0 && <p className="ask-empty">{t('ask.queue.empty')}</p>}
      {tips && tips.length > 0 && (
        <ol className="ask-tips" aria-label={tPlural('ask.queue.count', tips.length)}>
          {tips.map((tip) => (
            <TipCard
              key={tip.id}
              tip={tip}
              appealTitle={tip.appealId ? (appeals.get(tip.appealId) ?? null) : null}
              canManage={canManage}
              busy={busyId === tip.id}
              highlighted={inGroup(tip, group)}
              onStatus={changeStatus}
              onOpenOriginal={setOriginal}
              onShowGroup={(g) => setGroup(g)}
            />
          ))}
        </ol>
      )}
      {original && <OriginalDialog photo={original} onClose={() => setOriginal(null)} onUnauthorized={onUnauthorized} />}
    </section>
  );
}
