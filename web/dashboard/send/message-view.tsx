import { useId, useState } from 'react';
import type { Session } from '../../ui/api.ts';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { actionsFor, actorIdOf, deliveryInProgress } from './delivery-figures.ts';
import { DeliveryBars, EmergencyDialog, MessageSummary, RejectForm } from './message-parts.tsx';
import { PreviewPanel } from './preview-panel.tsx';
import { CHANNEL_KINDS, DELIVERY_STATUSES, type ChannelKind, type DeliveryStatus, type SendApi, type SendMessage } from './send-api.ts';
import { SEND_VIEW_PATHS, sendEditPath, sendMessagePath } from './send-routes.ts';

const REFRESH_MS = 4_000;
const DELIVERY_PAGE = 50;

export interface MessageViewProps {
  api: SendApi;
  session: Session;
  id: string;
  onUnauthorized: () => void;
}

/** One message: its texts and previews, the actions its state allows, and its deliveries, live. */
export function MessageView({ api, session, id, onUnauthorized }: MessageViewProps) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const me = actorIdOf(session.user.id);
  const [version, setVersion] = useState(0);
  const { resource } = useResource((signal) => api.getMessage(id, { signal }), `${id}:${version}`, onUnauthorized, REFRESH_MS);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [emergency, setEmergency] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);

  if (resource.status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (resource.status === 'error') {
    return (
      <p className="notice notice--error" role="alert">
        {t('send.loadError')} {errorMessage(resource.error, translator)}
      </p>
    );
  }
  const message = resource.value;
  const can = actionsFor(message, me, session.user.permissions);

  async function act(action: () => Promise<SendMessage>, done: string) {
    setNotice(null);
    try {
      const result = await action();
      if (result.id !== id) {
        navigate(result.status === 'draft' ? sendEditPath(result.id) : sendMessagePath(result.id));
        return;
      }
      setNotice({ kind: 'ok', text: done });
      setVersion((n) => n + 1);
    } catch (error) {
      setNotice({ kind: 'error', text: `${t('send.actionError')} ${errorMessage(error, translator)}` });
    }
  }

  return (
    <div className={`send-detail${message.exercise ? ' send-composer--exercise' : ''}`}>
      <section className="panel" aria-labelledby={`${ids}-title`}>
        <p>
          <Link to={SEND_VIEW_PATHS.history}>{t('send.detail.back')}</Link>
        </p>
        <h2 id={`${ids}-title`} className="send-section-title">
          {t('send.detail.title')}
        </h2>
        <MessageSummary message={message} me={me} />
        {message.rejectionReason && message.status === 'draft' && <p className="notice notice--error">{t('send.composer.rejected', { reason: message.rejectionReason })}</p>}
        {message.referencesId && (
          <p>
            <Link to={sendMessagePath(message.referencesId)}>{t('send.detail.references')}</Link>
          </p>
        )}
        {message.supersededBy && (
          <p>
            <Link to={sendMessagePath(message.supersededBy)}>{t('send.detail.supersededBy')}</Link>
          </p>
        )}
        <p role="status" className={notice ? `notice notice--${notice.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
          {notice?.text ?? ''}
        </p>
        <div className="send-actions">
          {can.edit && (
            <Link to={sendEditPath(message.id)} className="button">
              {t('send.detail.edit')}
            </Link>
          )}
          {can.submit && (
            <button type="button" className="button button--primary" onClick={() => void act(() => api.submit(message.id), t('send.detail.submitted'))}>
              {t('send.composer.submit')}
            </button>
          )}
          {(can.approve || can.approveBlockedBySelf) && (
            <button type="button" className="button button--primary" disabled={!can.approve} aria-describedby={can.approveBlockedBySelf ? `${ids}-own` : undefined} onClick={() => void act(() => api.approve(message.id), t('send.approve.done'))}>
              {t('send.approve.button')}
            </button>
          )}
          {(can.approve || can.approveBlockedBySelf) && <RejectForm onReject={(reason) => act(() => api.reject(message.id, reason), t('send.reject.done'))} />}
          {can.emergency && (
            <button type="button" className="button send-button--danger" onClick={() => setEmergency(true)}>
              {t('send.emergency.open')}
            </button>
          )}
          {can.update && (
            <button type="button" className="button" onClick={() => void act(() => api.update(message.id, {}), '')}>
              {t('send.detail.update')}
            </button>
          )}
          {can.cancel && (
            <button type="button" className="button" onClick={() => void act(() => api.cancel(message.id), '')}>
              {t('send.detail.cancel')}
            </button>
          )}
          {can.discard && !confirmDiscard && (
            <button type="button" className="button" onClick={() => setConfirmDiscard(true)}>
              {t('send.detail.discard')}
            </button>
          )}
          {confirmDiscard && (
            <span className="send-confirm" role="group" aria-label={t('send.detail.discardConfirm')}>
              {t('send.detail.discardConfirm')}{' '}
              <button type="button" className="button send-button--danger" onClick={() => void act(() => api.cancel(message.id), t('send.detail.discarded')).then(() => setConfirmDiscard(false))}>
                {t('send.detail.discardYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirmDiscard(false)}>
                {t('send.dialog.cancel')}
              </button>
            </span>
          )}
        </div>
        {can.approveBlockedBySelf && (
          <p id={`${ids}-own`} className="field__hint">
            {t('send.approve.ownMessage')}
          </p>
        )}
        {(can.update || can.cancel) && <p className="field__hint">{t('send.detail.followUpHint')}</p>}
      </section>

      <section className="panel" aria-labelledby={`${ids}-delivery`}>
        <h2 id={`${ids}-delivery`} className="send-section-title">
          {t('send.delivery.title')}
        </h2>
        <DeliveryBars message={message} />
        {deliveryInProgress(message.deliveries) && <p className="field__hint">{t('send.delivery.inProgress')}</p>}
        {message.publishedAt && <DeliveriesTable api={api} id={message.id} refreshKey={JSON.stringify(message.deliveries)} onUnauthorized={onUnauthorized} />}
      </section>

      <PreviewPanel previews={message.previews} stale={false} exercise={message.exercise} />

      {emergency && (
        <EmergencyDialog
          message={message}
          onClose={() => setEmergency(false)}
          onConfirm={async (reason) => {
            await api.emergencyPublish(message.id, reason);
            setEmergency(false);
            setVersion((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}

/** Deliveries per recipient (no addresses: the subscription id only), filterable and paged. */
function DeliveriesTable({ api, id, refreshKey, onUnauthorized }: { api: SendApi; id: string; refreshKey: string; onUnauthorized: () => void }) {
  const translator = useT();
  const { t, language } = translator;
  const ids = useId();
  const [channel, setChannel] = useState<ChannelKind | ''>('');
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [pages, setPages] = useState<(string | null)[]>([null]);
  const after = pages[pages.length - 1] ?? null;
  const { resource } = useResource(
    (signal) => api.listDeliveries(id, { ...(channel ? { channel } : {}), ...(status ? { status } : {}), after, limit: DELIVERY_PAGE, signal }),
    `${id}:${channel}:${status}:${after ?? ''}:${refreshKey}`,
    onUnauthorized,
  );
  const rows = resource.status === 'ready' ? resource.value.items : [];
  const next = resource.status === 'ready' ? resource.value.next : null;
  const reset = () => setPages([null]);

  return (
    <div className="send-deliveries">
      <h3 className="send-subtitle">{t('send.deliveries.title')}</h3>
      <div className="send-row">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-channel`}>
            {t('send.deliveries.channel')}
          </label>
          <select id={`${ids}-channel`} className="field__input" value={channel} onChange={(event) => { setChannel(event.target.value as ChannelKind | ''); reset(); }}>
            <option value="">{t('send.deliveries.allChannels')}</option>
            {CHANNEL_KINDS.map((c) => (
              <option key={c} value={c}>
                {t(`send.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-status`}>
            {t('send.deliveries.status')}
          </label>
          <select id={`${ids}-status`} className="field__input" value={status} onChange={(event) => { setStatus(event.target.value as DeliveryStatus | ''); reset(); }}>
            <option value="">{t('send.deliveries.allStatuses')}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`send.delivery.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {resource.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {errorMessage(resource.error, translator)}
        </p>
      )}
      {resource.status === 'ready' && rows.length === 0 && <p className="field__hint">{t('send.deliveries.empty')}</p>}
      {rows.length > 0 && (
        <div className="send-table-wrap">
          <table className="send-table">
            <caption className="visually-hidden">{t('send.deliveries.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('send.deliveries.channel')}</th>
                <th scope="col">{t('send.deliveries.recipient')}</th>
                <th scope="col">{t('send.deliveries.status')}</th>
                <th scope="col">{t('send.deliveries.attempts')}</th>
                <th scope="col">{t('send.deliveries.finished')}</th>
                <th scope="col">{t('send.deliveries.error')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.idempotencyKey}>
                  <td>{(CHANNEL_KINDS as readonly string[]).includes(row.channel) ? t(`send.channel.${row.channel as ChannelKind}`) : row.channel}</td>
                  <td className="send-table__mono">{row.recipientId ? row.recipientId.slice(0, 8) : t('send.deliveries.broadcast')}</td>
                  <td>
                    <span className={`send-delivery send-delivery--${row.status}`}>{t(`send.delivery.${row.status}`)}</span>
                  </td>
                  <td>{row.attempts}</td>
                  <td>{row.finishedAt ? <time dateTime={row.finishedAt}>{formatAbsoluteTime(row.finishedAt, language)}</time> : '—'}</td>
                  <td>{row.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="send-actions">
        {pages.length > 1 && (
          <button type="button" className="button button--small" onClick={() => setPages(pages.slice(0, -1))}>
            {t('send.deliveries.previous')}
          </button>
        )}
        {next && (
          <button type="button" className="button button--small" onClick={() => setPages([...pages, next])}>
            {t('send.deliveries.more')}
          </button>
        )}
      </div>
    </div>
  );
}
