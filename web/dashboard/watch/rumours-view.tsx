import { useId, useState } from 'react';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { PriorityBadge } from '../analysis-badges.tsx';
import { errorMessage } from '../error-message.ts';
import { ReachChart } from './charts.tsx';
import type { Claim, ClaimDetail, SignalsApi } from './signals-api.ts';
import { TasksPanel } from './tasks-panel.tsx';
import { useResource } from './use-resource.ts';
import '../map.css';
import { LoadError, PostLine } from './watch-parts.tsx';
import './signals.css';

const REFRESH_MS = 15_000;

export interface RumoursViewProps {
  signals: SignalsApi;
  canManage: boolean;
  canAnswer: boolean;
  onUnauthorized: () => void;
}

function excerpt(text: string): string {
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** Geruchten: repeated claims with spread velocity; mark, verify, correct; the two reach curves (SPEC W8, I4). */
export function RumoursView({ signals, canManage, canAnswer, onUnauthorized }: RumoursViewProps) {
  const { t, tPlural, language } = useT();
  const ids = useId();
  const [selected, setSelected] = useState<string | null>(null);
  const { resource, reload } = useResource((signal) => signals.listClaims({ signal }), 'claims', onUnauthorized, REFRESH_MS);
  const claims = resource.status === 'ready' ? resource.value : [];

  return (
    <div className="signals">
      <div className="signals__list">
        {canAnswer && <TasksPanel signals={signals} onAnswered={reload} onUnauthorized={onUnauthorized} />}
        <section className="panel" aria-labelledby={`${ids}-list`}>
          <h2 id={`${ids}-list`} className="signals__title">
            {t('rumours.list')}
          </h2>
          <p className="field__hint">{t('rumours.lead')}</p>
          {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
          {resource.status === 'error' && <LoadError error={resource.error} />}
          {resource.status === 'ready' && claims.length === 0 && <p className="feed-state">{t('rumours.empty')}</p>}
          <ul className="signals__items">
            {claims.map((claim) => (
              <li key={claim.id} className={`signals__item${claim.id === selected ? ' signals__item--selected' : ''}`}>
                <div className="signals__chips">
                  <span className={`status-badge status-badge--${claim.state}`}>{t(`rumours.state.${claim.state}`)}</span>
                  <PriorityBadge priority={claim.priority} />
                </div>
                <p className="signals__name" dir="auto">
                  {excerpt(claim.text)}
                </p>
                <p className="signals__meta">
                  {tPlural('signals.posts', claim.postCount)} · {t('rumours.velocity', { count: claim.velocity.perWindow })} ·{' '}
                  {t('rumours.acceleration', { value: `${claim.velocity.acceleration > 0 ? '+' : ''}${claim.velocity.acceleration}` })} · {tPlural('rumours.authors', claim.velocity.uniqueAuthors)} ·{' '}
                  <time dateTime={claim.lastAt}>{formatAbsoluteTime(claim.lastAt, language)}</time>
                </p>
                <button type="button" className="button button--small" aria-label={t('rumours.openLabel', { text: excerpt(claim.text) })} onClick={() => setSelected(claim.id)}>
                  {t('rumours.open')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      </div>
      {selected && <ClaimPanel key={selected} id={selected} signals={signals} canManage={canManage} onChanged={reload} onUnauthorized={onUnauthorized} onClose={() => setSelected(null)} />}
    </div>
  );
}

interface ClaimPanelProps {
  id: string;
  signals: SignalsApi;
  canManage: boolean;
  onChanged: () => void;
  onUnauthorized: () => void;
  onClose: () => void;
}

function ClaimPanel({ id, signals, canManage, onChanged, onUnauthorized, onClose }: ClaimPanelProps) {
  const translator = useT();
  const { t, tPlural, language } = translator;
  const ids = useId();
  const [version, setVersion] = useState(0);
  const { resource } = useResource((signal) => signals.getClaim(id, { signal }), `${id}:${version}`, onUnauthorized, REFRESH_MS);
  const assignees = useResource(() => (canManage ? signals.listAssignees() : Promise.resolve([])), `assignees:${canManage}`, onUnauthorized);
  const [assignee, setAssignee] = useState('');
  const [question, setQuestion] = useState('');
  const [textNl, setTextNl] = useState('');
  const [textEn, setTextEn] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const claim: ClaimDetail | null = resource.status === 'ready' ? resource.value : null;
  const people = assignees.resource.status === 'ready' ? assignees.resource.value : [];

  async function act(action: () => Promise<Claim>, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'ok', text: done });
      setVersion((n) => n + 1);
      onChanged();
    } catch (error) {
      setMessage({ kind: 'error', text: `${t('signals.actionError')} ${errorMessage(error, { t })}` });
    } finally {
      setBusy(false);
    }
  }

  const canMark = claim?.state === 'observed';
  const canVerify = claim?.state === 'observed' || claim?.state === 'marked_rumour';
  const canCorrect = claim !== null && claim.state !== 'observed';
  const last = <T extends { cumulative: number }>(series: readonly T[]) => series.at(-1)?.cumulative ?? 0;

  return (
    <section className="panel signals__detail" aria-labelledby={`${ids}-title`}>
      <div className="signals__detail-head">
        <h2 id={`${ids}-title`} className="signals__title">
          {t('rumours.detail')}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('signals.close')}
        </button>
      </div>
      {resource.status === 'loading' && <p role="status">{t('common.loading')}</p>}
      {resource.status === 'error' && <LoadError error={resource.error} />}
      <p role="status" className={message ? `notice notice--${message.kind === 'ok' ? 'info' : 'error'}` : 'visually-hidden'}>
        {message?.text ?? ''}
      </p>
      {claim && (
        <>
          <blockquote className="signals__claim" dir="auto">
            {claim.text}
          </blockquote>
          <p className="signals__meta">
            <span className={`status-badge status-badge--${claim.state}`}>{t(`rumours.state.${claim.state}`)}</span> · {tPlural('signals.posts', claim.postCount)} ·{' '}
            {t('rumours.velocity', { count: claim.velocity.perWindow })} · {tPlural('rumours.authors', claim.velocity.uniqueAuthors)}
          </p>
          {claim.verdictNote && <p>{t('rumours.verdict', { note: claim.verdictNote })}</p>}
          {claim.correction && <p>{t('rumours.correction', { time: formatAbsoluteTime(claim.correction.recordedAt, language), text: claim.correction.textNl })}</p>}

          <h3 className="signals__subtitle">{t('rumours.reach')}</h3>
          <ReachChart
            rumour={claim.reach.rumour}
            correction={claim.reach.correction}
            label={t('rumours.reachLabel', { rumour: last(claim.reach.rumour), correction: last(claim.reach.correction) })}
            legend={{ rumour: t('rumours.reachRumour'), correction: t('rumours.reachCorrection') }}
          />

          {canManage && canMark && (
            <button type="button" className="button" disabled={busy} onClick={() => void act(() => signals.markClaim(id), t('rumours.done.marked'))}>
              {t('rumours.mark')}
            </button>
          )}

          {canManage && canVerify && (
            <form
              className="signals__form"
              aria-labelledby={`${ids}-verify`}
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => signals.verifyClaim(id, { assigneeId: assignee || people[0]?.id || '', question }), t('rumours.done.verifying'));
              }}
            >
              <h3 id={`${ids}-verify`} className="signals__subtitle">
                {t('rumours.verify')}
              </h3>
              {people.length === 0 ? (
                <p className="field__hint">{t('rumours.noAssignees')}</p>
              ) : (
                <>
                  <div className="field">
                    <label className="field__label" htmlFor={`${ids}-assignee`}>
                      {t('rumours.assignee')}
                    </label>
                    <select id={`${ids}-assignee`} className="field__input" value={assignee || people[0]!.id} onChange={(event) => setAssignee(event.target.value)}>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name || p.email}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label className="field__label" htmlFor={`${ids}-question`}>
                      {t('rumours.question')}
                    </label>
                    <textarea id={`${ids}-question`} className="field__input" required minLength={3} maxLength={1000} rows={2} value={question} onChange={(event) => setQuestion(event.target.value)} />
                  </div>
                  <button type="submit" className="button" disabled={busy || question.trim().length < 3}>
                    {t('rumours.send')}
                  </button>
                </>
              )}
            </form>
          )}

          {canManage && canCorrect && (
            <form
              className="signals__form"
              aria-labelledby={`${ids}-correct`}
              onSubmit={(event) => {
                event.preventDefault();
                void act(() => signals.correctClaim(id, { textNl, textEn: textEn.trim() || null }), t('rumours.done.corrected'));
              }}
            >
              <h3 id={`${ids}-correct`} className="signals__subtitle">
                {t('rumours.correct')}
              </h3>
              <p className="field__hint">{t('rumours.correctionHint')}</p>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-nl`}>
                  {t('rumours.correctionNl')}
                </label>
                <textarea id={`${ids}-nl`} className="field__input" required minLength={10} maxLength={2000} rows={3} value={textNl} onChange={(event) => setTextNl(event.target.value)} />
              </div>
              <div className="field">
                <label className="field__label" htmlFor={`${ids}-en`}>
                  {t('rumours.correctionEn')}
                </label>
                <textarea id={`${ids}-en`} className="field__input" maxLength={2000} rows={2} value={textEn} onChange={(event) => setTextEn(event.target.value)} />
              </div>
              <button type="submit" className="button" disabled={busy || textNl.trim().length < 10}>
                {t('rumours.saveCorrection')}
              </button>
            </form>
          )}

          <h3 className="signals__subtitle">{t('rumours.posts')}</h3>
          <ol className="signals__posts">
            {claim.posts.slice(0, 50).map((p) => (
              <li key={p.postId} className="signals__post">
                <PostLine text={p.text} createdAt={p.createdAt} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
