import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatAbsoluteTime, formatNumber } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { CATEGORY_LABELS } from '../../ui/taxonomy.ts';
import { useFocusTrap } from '../../ui/use-focus-trap.ts';
import { errorMessage } from '../error-message.ts';
import { barSegments, channelFigures } from './delivery-figures.ts';
import type { MessageState, SendMessage } from './send-api.ts';

/** Minimum reasons, as the API requires (src/send/lifecycle.ts). */
export const MIN_EMERGENCY_REASON = 10;
export const MIN_REJECTION_REASON = 3;

export function StatusBadge({ status }: { status: MessageState }) {
  const { t } = useT();
  return <span className={`send-status send-status--${status}`}>{t(`send.status.${status}`)}</span>;
}

/** Who wrote a message, as far as the dashboard can tell (the API gives actor ids, not names). */
export function useAuthorLabel(me: string): (actor: string | null) => string {
  const { t } = useT();
  return (actor) => (actor === null ? '—' : actor === me ? t('send.author.you') : t('send.author.colleague'));
}

/** Headline, body and facts of a message, as a reviewer needs them. */
export function MessageSummary({ message, me }: { message: SendMessage; me: string }) {
  const { t, language } = useT();
  const authorLabel = useAuthorLabel(me);
  const nl = message.content.nl;
  return (
    <div className="send-summary">
      <p className="send-summary__chips">
        <StatusBadge status={message.status} />
        {message.exercise && <span className="send-exercise-flag">{t('send.exercise.flag')}</span>}
        {message.msgType !== 'Alert' && <span className="send-status send-status--type">{t(message.msgType === 'Update' ? 'send.type.update' : 'send.type.cancel')}</span>}
        {message.emergency && <span className="send-status send-status--emergency">{t('send.emergency.badge')}</span>}
      </p>
      <p className="send-summary__headline" lang="nl">
        {nl.headline}
      </p>
      <p className="send-summary__body" lang="nl">
        {nl.body}
      </p>
      {nl.instruction && (
        <p className="send-summary__instruction" lang="nl">
          {nl.instruction}
        </p>
      )}
      <dl className="send-facts">
        <dt>{t('send.fact.category')}</dt>
        <dd>{t(CATEGORY_LABELS[message.category])}</dd>
        <dt>{t('send.fact.cap')}</dt>
        <dd>
          {t(`send.urgency.${message.urgency}`)} · {t(`send.severity.${message.severity}`)} · {t(`send.certainty.${message.certainty}`)}
        </dd>
        <dt>{t('send.fact.area')}</dt>
        <dd>{message.areaOutline?.description ?? t('send.area.none')}</dd>
        <dt>{t('send.fact.channels')}</dt>
        <dd>{message.channels.map((c) => t(`send.channel.${c}`)).join(', ')}</dd>
        <dt>{t('send.fact.author')}</dt>
        <dd>{authorLabel(message.author)}</dd>
        {message.scheduledFor && (
          <>
            <dt>{t('send.fact.scheduled')}</dt>
            <dd>
              <time dateTime={message.scheduledFor}>{formatAbsoluteTime(message.scheduledFor, language)}</time>
            </dd>
          </>
        )}
        {message.publishedAt && (
          <>
            <dt>{t('send.fact.published')}</dt>
            <dd>
              <time dateTime={message.publishedAt}>{formatAbsoluteTime(message.publishedAt, language)}</time>
            </dd>
          </>
        )}
        {message.emergencyReason && (
          <>
            <dt>{t('send.fact.emergencyReason')}</dt>
            <dd>{message.emergencyReason}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Per channel a stacked bar of delivery statuses, with the numbers as text beside it. */
export function DeliveryBars({ message }: { message: Pick<SendMessage, 'deliveries'> }) {
  const { t, language } = useT();
  const figures = channelFigures(message.deliveries);
  if (figures.length === 0) return <p className="field__hint">{t('send.delivery.none')}</p>;
  return (
    <ul className="send-bars">
      {figures.map(({ channel, counts, total }) => {
        const parts = barSegments(counts);
        const text = parts.map((p) => `${t(`send.delivery.${p.status}`)} ${formatNumber(p.count, language)}`).join(', ');
        return (
          <li key={channel} className="send-bars__row" data-channel={channel}>
            <span className="send-bars__channel">{t(`send.channel.${channel}`)}</span>
            <span className="send-bar" aria-hidden="true">
              {parts.map((p) => (
                <span key={p.status} className={`send-bar__part send-bar__part--${p.status}`} style={{ width: `${p.percent}%` }} />
              ))}
            </span>
            <span className="send-bars__text">
              {text} ({t('send.delivery.total', { count: formatNumber(total, language) })})
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Reject with a reason the author will see. */
export function RejectForm({ onReject }: { onReject: (reason: string) => Promise<void> }) {
  const { t } = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('send.reject.open')}
      </button>
    );
  }
  return (
    <form
      className="send-inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < MIN_REJECTION_REASON) {
          setInvalid(true);
          return;
        }
        void onReject(reason.trim());
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('send.reject.reason')}
        </label>
        <textarea id={`${id}-reason`} className="field__input" rows={2} value={reason} aria-invalid={invalid || undefined} aria-describedby={invalid ? `${id}-error` : undefined} onChange={(event) => setReason(event.target.value)} />
        {invalid && (
          <p id={`${id}-error`} className="send-field-error">
            {t('send.reject.tooShort')}
          </p>
        )}
      </div>
      <div className="send-actions">
        <button type="submit" className="button">
          {t('send.reject.confirm')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('send.dialog.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * The emergency bypass of the second pair of eyes: a loud modal dialog that says what happens,
 * asks for a reason (audited, shown with the message) and needs a deliberate confirmation.
 */
export function EmergencyDialog({ message, onConfirm, onClose }: { message: SendMessage; onConfirm: (reason: string) => Promise<void>; onClose: () => void }) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useFocusTrap(ref);
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < MIN_EMERGENCY_REASON) {
      setProblem(t('send.emergency.tooShort', { min: MIN_EMERGENCY_REASON }));
      return;
    }
    if (!understood) {
      setProblem(t('send.emergency.confirmNeeded'));
      return;
    }
    setBusy(true);
    setProblem(null);
    onConfirm(reason.trim()).catch((error: unknown) => {
      setBusy(false);
      setProblem(errorMessage(error, translator));
    });
  };

  return (
    <dialog ref={ref} className="dialog send-emergency" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-warning`} onClose={onClose}>
      <form onSubmit={submit}>
        <h2 id={`${ids}-title`} className="dialog__title send-emergency__title">
          {t('send.emergency.title')}
        </h2>
        <p id={`${ids}-warning`} className="send-emergency__warning">
          {t('send.emergency.warning')}
        </p>
        <p className="send-summary__headline">{message.content.nl.headline}</p>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-reason`}>
            {t('send.emergency.reason')}
          </label>
          <textarea id={`${ids}-reason`} className="field__input" rows={3} value={reason} aria-describedby={`${ids}-hint`} onChange={(event) => setReason(event.target.value)} />
          <p id={`${ids}-hint`} className="field__hint">
            {t('send.emergency.reasonHint', { min: MIN_EMERGENCY_REASON })}
          </p>
        </div>
        <label className="send-check">
          <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />
          {t('send.emergency.understood')}
        </label>
        <p role="alert" className={problem ? 'send-field-error' : 'visually-hidden'}>
          {problem ?? ''}
        </p>
        <div className="send-actions">
          <button type="submit" className="button send-button--danger" disabled={busy}>
            {t('send.emergency.confirm')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('send.dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
