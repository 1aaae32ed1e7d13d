import { useId } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { PriorityOptions } from '../../ui/taxonomy-options.tsx';
import type { Priority } from '../../ui/taxonomy.ts';
import { newSecret, SECRET_PLACEHOLDER, type FormField, type FormProblem, type RuleForm } from './watchlist-form.ts';

interface RuleFieldsProps {
  index: number;
  rule: RuleForm;
  onChange: (patch: Partial<RuleForm>) => void;
  onRemove: () => void;
  fieldId: (field: FormField) => string;
  problemOf: (field: FormField) => FormProblem | null;
}

/** One alert rule: when it fires and where it reports (dashboard, email, signed webhook). */
export function RuleFields({ index, rule, onChange, onRemove, fieldId, problemOf }: RuleFieldsProps) {
  const { t } = useT();
  const ids = useId();
  const named = (suffix: 'name' | 'emails' | 'webhook') => fieldId(`rule.${index}.${suffix}`);
  const error = (suffix: 'name' | 'emails' | 'webhook') => {
    const problem = problemOf(`rule.${index}.${suffix}`);
    return problem ? (
      <p id={`${named(suffix)}-error`} className="field__error">
        {t(`watchlists.problem.${problem}`)}
      </p>
    ) : null;
  };
  const invalid = (suffix: 'name' | 'emails' | 'webhook') => (problemOf(`rule.${index}.${suffix}`) ? { 'aria-invalid': true as const, 'aria-describedby': `${named(suffix)}-error` } : {});
  const fresh = rule.webhookSecret !== '' && rule.webhookSecret !== SECRET_PLACEHOLDER;
  return (
    <fieldset className="signals__fieldset">
      <legend className="field__label">{t('watchlists.rule', { number: index + 1 })}</legend>
      <div className="field">
        <label className="field__label" htmlFor={named('name')}>
          {t('watchlists.ruleName')}
        </label>
        <input id={named('name')} className="field__input" aria-required="true" value={rule.name} onChange={(e) => onChange({ name: e.target.value })} {...invalid('name')} />
        {error('name')}
      </div>
      <fieldset className="alerts-inline-fieldset">
        <legend className="field__label">{t('watchlists.ruleWhen')}</legend>
        <label>
          <input type="radio" name={`${ids}-on`} checked={rule.on === 'signal'} onChange={() => onChange({ on: 'signal' })} /> {t('watchlists.ruleOnSignal')}
        </label>{' '}
        <label>
          <input type="radio" name={`${ids}-on`} checked={rule.on === 'post'} onChange={() => onChange({ on: 'post' })} /> {t('watchlists.ruleOnPost')}
        </label>
      </fieldset>
      {rule.on === 'signal' ? (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-score`}>
            {t('watchlists.minScore')}
          </label>
          <input id={`${ids}-score`} className="field__input alerts-narrow" type="number" min={0} max={50} step={0.5} value={rule.minScore} onChange={(e) => onChange({ minScore: Number(e.target.value) || 0 })} aria-describedby={`${ids}-score-hint`} />
          <p id={`${ids}-score-hint`} className="field__hint">
            {t('watchlists.minScoreHint')}
          </p>
        </div>
      ) : (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-priority`}>
            {t('watchlists.minPriority')}
          </label>
          <select id={`${ids}-priority`} className="field__input alerts-narrow" value={rule.minPriority} onChange={(e) => onChange({ minPriority: e.target.value as Priority })}>
            <PriorityOptions />
          </select>
        </div>
      )}
      <fieldset className="alerts-inline-fieldset">
        <legend className="field__label">{t('watchlists.channels')}</legend>
        <label>
          <input type="checkbox" checked={rule.dashboard} onChange={(e) => onChange({ dashboard: e.target.checked })} /> {t('watchlists.channel.dashboard')}
        </label>
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={named('emails')}>
          {t('watchlists.emails')}
        </label>
        <textarea id={named('emails')} className="field__input" rows={2} value={rule.emails} onChange={(e) => onChange({ emails: e.target.value })} {...invalid('emails')} />
        {error('emails')}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-throttle`}>
          {t('watchlists.throttle')}
        </label>
        <input id={`${ids}-throttle`} className="field__input alerts-narrow" type="number" min={0} max={1440} value={rule.throttleMinutes} onChange={(e) => onChange({ throttleMinutes: Math.max(0, Math.min(1440, Math.round(Number(e.target.value) || 0))) })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={named('webhook')}>
          {t('watchlists.webhookUrl')}
        </label>
        <input
          id={named('webhook')}
          className="field__input"
          type="url"
          value={rule.webhookUrl}
          onChange={(e) => onChange({ webhookUrl: e.target.value, webhookSecret: e.target.value.trim() !== '' && rule.webhookSecret === '' ? newSecret() : rule.webhookSecret })}
          {...invalid('webhook')}
        />
        {error('webhook')}
      </div>
      {rule.webhookUrl.trim() !== '' && (
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-secret`}>
            {t('watchlists.webhookSecret')}
          </label>
          <input id={`${ids}-secret`} className="field__input alerts-mono" readOnly value={fresh ? rule.webhookSecret : t('watchlists.secretStored')} aria-describedby={`${ids}-secret-hint`} />
          <p id={`${ids}-secret-hint`} className="field__hint">
            {fresh ? t('watchlists.secretShownOnce') : t('watchlists.secretKept')}
          </p>
          <button type="button" className="button button--small" onClick={() => onChange({ webhookSecret: newSecret() })}>
            {t('watchlists.newSecret')}
          </button>
        </div>
      )}
      <p>
        <label>
          <input type="checkbox" checked={rule.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} /> {t('watchlists.ruleEnabled')}
        </label>
      </p>
      <button type="button" className="button button--small" onClick={onRemove}>
        {t('watchlists.removeRule', { number: index + 1 })}
      </button>
    </fieldset>
  );
}
