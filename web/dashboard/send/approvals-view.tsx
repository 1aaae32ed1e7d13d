import { useId, useState } from 'react';
import type { Session } from '../../ui/api.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { Link, navigate } from '../../ui/router.tsx';
import { errorMessage } from '../error-message.ts';
import { useResource } from '../watch/use-resource.ts';
import { actionsFor, actorIdOf } from './delivery-figures.ts';
import { EmergencyDialog, MessageSummary, RejectForm } from './message-parts.tsx';
import type { SendApi, SendMessage } from './send-api.ts';
import { sendMessagePath } from './send-routes.ts';

const REFRESH_MS = 10_000;

export interface ApprovalsViewProps {
  api: SendApi;
  session: Session;
  onUnauthorized: () => void;
}

/** The approval queue: messages waiting for a second person (four eyes), oldest question first. */
export function ApprovalsView({ api, session, onUnauthorized }: ApprovalsViewProps) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const me = actorIdOf(session.user.id);
  const { resource, reload } = useResource((signal) => api.listMessages({ status: ['pending_approval'], limit: 100, signal }), 'pending', onUnauthorized, REFRESH_MS);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [emergency, setEmergency] = useState<SendMessage | null>(null);
  const canApprove = session.user.permissions.includes('messages:approve');

  async function act(action: () => Promise<SendMessage>, done: string) {
    setNotice(null);
    try {
      const result = await action();
      setNotice({ kind: 'ok', text: done });
      reload();
      if (result.status === 'published' || result.status === 'scheduled') navigate(sendMessagePath(result.id));
    } catch (error) {
      setNotice({ kind: 'error', text: `${t('send.actionError')} ${errorMessage(error, translator)}` });
    }
  }

  const items = resource.status === 'ready' ? resource.value.items : [];
  return (
    <section className="send-approvals" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="send-section-title">
        {t('send.approvals.title')}
      </h2>
      <p className="field__hint">{canApprove ? t('send.approvals.lead') : t('send.approvals.leadNoApprove')}</p>
      <p role="status" className={notice ? `notice notice--${notice.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
        {notice?.text ?? ''}
      </p>
      {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {resource.status === 'error' && (
        <p className="notice notice--error" role="alert">
          {t('send.loadError')} {errorMessage(resource.error, translator)}
        </p>
      )}
      {resource.status === 'ready' && items.length === 0 && <p className="feed-state">{t('send.approvals.empty')}</p>}
      <ul className="send-cards">
        {items.map((message) => {
          const can = actionsFor(message, me, session.user.permissions);
          return (
            <li key={message.id} className="panel send-card">
              <article aria-label={message.content.nl.headline}>
                <MessageSummary message={message} me={me} />
                <div className="send-actions">
                  {canApprove && (
                    <>
                      <button type="button" className="button button--primary" disabled={!can.approve} aria-describedby={can.approveBlockedBySelf ? `${ids}-${message.id}-own` : undefined} onClick={() => void act(() => api.approve(message.id), t('send.approve.done'))}>
                        {t('send.approve.button')}
                      </button>
                      <RejectForm onReject={(reason) => act(() => api.reject(message.id, reason), t('send.reject.done'))} />
                      {can.emergency && (
                        <button type="button" className="button send-button--danger" onClick={() => setEmergency(message)}>
                          {t('send.emergency.open')}
                        </button>
                      )}
                    </>
                  )}
                  <Link to={sendMessagePath(message.id)} className="button">
                    {t('send.approvals.details')}
                  </Link>
                </div>
                {can.approveBlockedBySelf && (
                  <p id={`${ids}-${message.id}-own`} className="field__hint">
                    {t('send.approve.ownMessage')}
                  </p>
                )}
              </article>
            </li>
          );
        })}
      </ul>
      {emergency && (
        <EmergencyDialog
          message={emergency}
          onClose={() => setEmergency(null)}
          onConfirm={async (reason) => {
            const result = await api.emergencyPublish(emergency.id, reason);
            setEmergency(null);
            navigate(sendMessagePath(result.id));
          }}
        />
      )}
    </section>
  );
}
