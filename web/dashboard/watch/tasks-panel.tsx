import { useId, useState } from 'react';
import { formatAbsoluteTime } from '../../ui/format.ts';
import { useT } from '../../ui/i18n/language.tsx';
import { errorMessage } from '../error-message.ts';
import type { SignalsApi, Task } from './signals-api.ts';
import { useResource } from './use-resource.ts';
import { LoadError } from './watch-parts.tsx';

const ANSWERS = ['confirmed', 'denied', 'unverifiable'] as const;

/** The signed-in field officer's open verification tasks, each answered with a choice and a note (SPEC I4). */
export function TasksPanel({ signals, onAnswered, onUnauthorized }: { signals: SignalsApi; onAnswered: () => void; onUnauthorized: () => void }) {
  const { t } = useT();
  const ids = useId();
  const [version, setVersion] = useState(0);
  const { resource } = useResource((signal) => signals.listMyTasks({ signal }), `tasks:${version}`, onUnauthorized, 15_000);
  const [done, setDone] = useState('');
  const tasks = resource.status === 'ready' ? resource.value : [];
  return (
    <section className="panel" aria-labelledby={`${ids}-tasks`}>
      <h2 id={`${ids}-tasks`} className="signals__title">
        {t('tasks.title')}
      </h2>
      <p role="status" className={done ? 'notice notice--info' : 'visually-hidden'}>
        {done}
      </p>
      {resource.status === 'error' && <LoadError error={resource.error} />}
      {resource.status === 'ready' && tasks.length === 0 && <p className="feed-state">{t('tasks.empty')}</p>}
      <ul className="signals__items">
        {tasks.map((task) => (
          <TaskItem
            key={task.id}
            task={task}
            signals={signals}
            onAnswered={() => {
              setDone(t('tasks.done'));
              setVersion((n) => n + 1);
              onAnswered();
            }}
          />
        ))}
      </ul>
    </section>
  );
}

function TaskItem({ task, signals, onAnswered }: { task: Task; signals: SignalsApi; onAnswered: () => void }) {
  const { t, language } = useT();
  const ids = useId();
  const [answer, setAnswer] = useState<(typeof ANSWERS)[number]>('confirmed');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <li className="signals__item">
      <p className="signals__meta">
        {t(`tasks.about.${task.subjectType}`)} · <time dateTime={task.createdAt}>{formatAbsoluteTime(task.createdAt, language)}</time>
      </p>
      <p className="signals__name">{task.question}</p>
      <form
        className="signals__form"
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setError('');
          signals.answerTask(task.id, { answer, note }).then(onAnswered, (e: unknown) => {
            setError(`${t('signals.actionError')} ${errorMessage(e, { t })}`);
            setBusy(false);
          });
        }}
      >
        <fieldset className="segmented">
          <legend className="field__label">{t('tasks.answer')}</legend>
          {ANSWERS.map((a) => (
            <label key={a} className="segmented__option">
              <input type="radio" name={`${ids}-answer`} value={a} checked={answer === a} onChange={() => setAnswer(a)} />
              <span>{t(`tasks.answer.${a}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-note`}>
            {t('tasks.note')}
          </label>
          <textarea id={`${ids}-note`} className="field__input" rows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--small" disabled={busy}>
          {t('tasks.send')}
        </button>
      </form>
    </li>
  );
}
