import { useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { CATEGORY_IDS, CATEGORY_LABELS, type CategoryId } from '../../ui/taxonomy.ts';
import { errorMessage } from '../error-message.ts';
import type { AreaChoice } from '../send/area.ts';
import type { AlertsApi, Watchlist } from './alerts-api.ts';
import { describeArea, WatchAreaPicker, type MapBase } from './watch-area-picker.tsx';
import { emptyForm, emptyRule, fromWatchlist, SECRET_PLACEHOLDER, toBody, type EventForm, type FormField, type RuleForm, type WatchlistForm } from './watchlist-form.ts';
import { RuleFields } from './watchlist-rule-fields.tsx';

const SENSITIVITIES = [0.5, 1, 1.5, 2, 3] as const;

export interface WatchlistEditorProps {
  watchlist: Watchlist | null;
  alerts: AlertsApi;
  base: MapBase;
  /** Saved: the stored watchlist, a message, and the webhook secrets made in this editor (shown once). */
  onSaved: (watchlist: Watchlist, message: string, secrets: { rule: string; secret: string }[]) => void;
  onDeleted: (message: string) => void;
  onClose: () => void;
}

/**
 * The watchlist form: purpose and legal basis first (required, SPEC G1), then what to watch, then
 * the alert rules. Problems are listed at the top with links to their fields, and each field says
 * its own problem.
 */
export function WatchlistEditor({ watchlist, alerts, base, onSaved, onDeleted, onClose }: WatchlistEditorProps) {
  const translator = useT();
  const { t } = translator;
  const ids = useId();
  const [form, setForm] = useState<WatchlistForm>(() => (watchlist ? fromWatchlist(watchlist, base.municipalities) : emptyForm()));
  // After the first attempt to save, problems follow the form as it is corrected.
  const [attempted, setAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingArea, setPendingArea] = useState<AreaChoice | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = <K extends keyof WatchlistForm>(key: K, value: WatchlistForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRule = (i: number, patch: Partial<RuleForm>) => setForm((f) => ({ ...f, rules: f.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const setEvent = (i: number, patch: Partial<EventForm>) => setForm((f) => ({ ...f, events: f.events.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));
  const fieldId = (field: FormField) => `${ids}-${field.replace(/\./g, '-')}`;
  const problems = attempted ? toBody(form).problems : [];
  const problemOf = (field: FormField) => problems.find((p) => p.field === field)?.problem ?? null;
  const labelOf = (field: FormField): string => {
    const [kind, index, part] = field.split('.');
    const number = Number(index) + 1;
    if (kind === 'event') return t('watchlists.event', { number });
    if (kind === 'rule') return `${t('watchlists.rule', { number })}, ${t(part === 'name' ? 'watchlists.ruleName' : part === 'emails' ? 'watchlists.emails' : 'watchlists.webhookUrl')}`;
    const labels: Record<string, string> = { name: t('watchlists.name'), purpose: t('watchlists.purpose'), legalBasis: t('watchlists.legalBasis'), scope: t('watchlists.what'), keywords: t('watchlists.keywords'), accounts: t('watchlists.accounts'), sensitivity: t('watchlists.sensitivity') };
    return labels[field] ?? field;
  };

  async function save() {
    setFailure(null);
    const result = toBody(form);
    setAttempted(true);
    if (!result.body) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      const stored = watchlist ? await alerts.updateWatchlist(watchlist.id, result.body) : await alerts.createWatchlist(result.body);
      const secrets = form.rules.filter((r) => r.webhookUrl.trim() !== '' && r.webhookSecret !== SECRET_PLACEHOLDER).map((r) => ({ rule: r.name, secret: r.webhookSecret }));
      onSaved(stored, t(watchlist ? 'watchlists.done.updated' : 'watchlists.done.created', { name: stored.name }), secrets);
    } catch (error) {
      setFailure(`${t('watchlists.saveError')} ${errorMessage(error, translator)}`);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!watchlist || !window.confirm(t('watchlists.confirmDelete', { name: watchlist.name }))) return;
    setBusy(true);
    try {
      await alerts.deleteWatchlist(watchlist.id);
      onDeleted(t('watchlists.done.deleted', { name: watchlist.name }));
    } catch (error) {
      setFailure(`${t('watchlists.saveError')} ${errorMessage(error, translator)}`);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: FormField, label: string, control: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const problem = problemOf(name);
    const id = fieldId(name);
    const describedBy = [hint ? `${id}-hint` : null, problem ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        {control({ id, ...(problem ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
        {hint && (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        )}
        {problem && (
          <p id={`${id}-error`} className="field__error">
            {t(`watchlists.problem.${problem}`)}
          </p>
        )}
      </div>
    );
  };

  return (
    <section className="panel signals__detail" aria-labelledby={`${ids}-title`}>
      <div className="signals__detail-head">
        <h2 id={`${ids}-title`} className="signals__title">
          {watchlist ? t('watchlists.editTitle', { name: watchlist.name }) : t('watchlists.newTitle')}
        </h2>
        <button type="button" className="button button--small" onClick={onClose}>
          {t('signals.close')}
        </button>
      </div>
      {(problems.length > 0 || failure) && (
        <div ref={summaryRef} className="notice notice--error" tabIndex={-1} role="alert" aria-labelledby={`${ids}-errors`}>
          <p id={`${ids}-errors`}>{failure ?? t('watchlists.problemsTitle')}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}-${p.problem}`}>
                  <a href={`#${fieldId(p.field)}`}>
                    {labelOf(p.field)}: {t(`watchlists.problem.${p.problem}`)}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form
        className="alerts-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {field('name', t('watchlists.name'), (p) => <input {...p} className="field__input" aria-required="true" value={form.name} onChange={(e) => set('name', e.target.value)} />)}
        {field('purpose', t('watchlists.purpose'), (p) => <textarea {...p} className="field__input" rows={2} aria-required="true" value={form.purpose} onChange={(e) => set('purpose', e.target.value)} />, t('watchlists.purposeHint'))}
        {field('legalBasis', t('watchlists.legalBasis'), (p) => <input {...p} className="field__input" aria-required="true" value={form.legalBasis} onChange={(e) => set('legalBasis', e.target.value)} />, t('watchlists.legalBasisHint'))}

        <h3 className="signals__subtitle" id={fieldId('scope')} tabIndex={-1}>
          {t('watchlists.what')}
        </h3>
        <p className="field__hint">{t('watchlists.whatHint')}</p>
        {problemOf('scope') && <p className="field__error">{t('watchlists.problem.noScope')}</p>}
        {field('keywords', t('watchlists.keywords'), (p) => <textarea {...p} className="field__input" rows={2} value={form.keywords} onChange={(e) => set('keywords', e.target.value)} />, t('watchlists.keywordsHint'))}

        <fieldset className="signals__fieldset">
          <legend className="field__label">{t('watchlists.categories')}</legend>
          <ul className="alerts-checks">
            {CATEGORY_IDS.map((c: CategoryId) => (
              <li key={c}>
                <label>
                  <input type="checkbox" checked={form.categories.includes(c)} onChange={(e) => set('categories', e.target.checked ? [...form.categories, c] : form.categories.filter((x) => x !== c))} /> {t(CATEGORY_LABELS[c])}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset className="signals__fieldset">
          <legend className="field__label">{t('watchlists.areas')}</legend>
          {form.areas.length === 0 ? (
            <p className="field__hint">{t('watchlists.noAreas')}</p>
          ) : (
            <ul className="alerts-list">
              {form.areas.map((a, i) => (
                <li key={i}>
                  {describeArea(a, translator)}{' '}
                  <button type="button" className="link-button" onClick={() => set('areas', form.areas.filter((_, j) => j !== i))}>
                    {t('watchlists.remove')}
                    <span className="visually-hidden">: {describeArea(a, translator)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <WatchAreaPicker legend={t('watchlists.addArea')} value={pendingArea} onChange={setPendingArea} base={base} />
          <button
            type="button"
            className="button button--small"
            disabled={!pendingArea}
            onClick={() => {
              if (pendingArea) set('areas', [...form.areas, pendingArea]);
              setPendingArea(null);
            }}
          >
            {t('watchlists.addAreaButton')}
          </button>
        </fieldset>

        {field(
          'accounts',
          t('watchlists.accounts'),
          (p) => <textarea {...p} className="field__input" rows={2} value={form.accounts} onChange={(e) => set('accounts', e.target.value)} />,
          form.storedAccounts > 0 ? `${t('watchlists.accountsHint')} ${t('watchlists.accountsStored', { count: form.storedAccounts })}` : t('watchlists.accountsHint'),
        )}

        <fieldset className="signals__fieldset">
          <legend className="field__label">{t('watchlists.events')}</legend>
          <p className="field__hint">{t('watchlists.eventsHint')}</p>
          {form.events.map((e, i) => (
            <fieldset key={i} className="signals__fieldset" id={fieldId(`event.${i}`)} tabIndex={-1}>
              <legend className="field__label">{t('watchlists.event', { number: i + 1 })}</legend>
              {problemOf(`event.${i}`) && <p className="field__error">{t(`watchlists.problem.${problemOf(`event.${i}`)!}`)}</p>}
              <LabelledInput label={t('watchlists.eventName')} value={e.name} onChange={(name) => setEvent(i, { name })} />
              <div className="alerts-row">
                <LabelledInput label={t('watchlists.eventFrom')} type="datetime-local" value={e.from} onChange={(from) => setEvent(i, { from })} />
                <LabelledInput label={t('watchlists.eventTo')} type="datetime-local" value={e.to} onChange={(to) => setEvent(i, { to })} />
              </div>
              <WatchAreaPicker legend={t('watchlists.eventArea')} value={e.area} onChange={(area) => setEvent(i, { area })} base={base} />
              <button type="button" className="button button--small" onClick={() => set('events', form.events.filter((_, j) => j !== i))}>
                {t('watchlists.removeEvent', { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button button--small" onClick={() => set('events', [...form.events, { name: '', area: null, from: '', to: '' }])}>
            {t('watchlists.addEvent')}
          </button>
        </fieldset>

        {field(
          'sensitivity',
          t('watchlists.sensitivity'),
          (p) => (
            <select {...p} className="field__input" value={String(form.sensitivity)} onChange={(e) => set('sensitivity', Number(e.target.value))}>
              {(SENSITIVITIES.includes(form.sensitivity as (typeof SENSITIVITIES)[number]) ? SENSITIVITIES : [...SENSITIVITIES, form.sensitivity].sort((a, b) => a - b)).map((s) => (
                <option key={s} value={String(s)}>
                  {t('watchlists.sensitivityOption', { value: s })}
                </option>
              ))}
            </select>
          ),
          t('watchlists.sensitivityHint'),
        )}

        <h3 className="signals__subtitle">{t('watchlists.rules')}</h3>
        <p className="field__hint">{t('watchlists.rulesHint')}</p>
        {form.rules.map((rule, i) => (
          <RuleFields key={i} index={i} rule={rule} onChange={(patch) => setRule(i, patch)} onRemove={() => set('rules', form.rules.filter((_, j) => j !== i))} fieldId={fieldId} problemOf={problemOf} />
        ))}
        <button type="button" className="button button--small" onClick={() => set('rules', [...form.rules, emptyRule()])}>
          {t('watchlists.addRule')}
        </button>

        <p>
          <label>
            <input type="checkbox" checked={form.enabled} onChange={(e) => set('enabled', e.target.checked)} /> {t('watchlists.enabledLabel')}
          </label>
        </p>
        <div className="alerts-row">
          <button type="submit" className="button" disabled={busy}>
            {t('watchlists.save')}
          </button>
          {watchlist && (
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void remove()}>
              {t('watchlists.delete')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

function LabelledInput({ label, value, onChange, type = 'text' }: { label: string; value: string; onChange: (value: string) => void; type?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="field__input" type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
