import { useId } from 'react';
import { useT } from '../../ui/i18n/language.tsx';
import { CategoryOptions } from '../../ui/taxonomy-options.tsx';
import type { CategoryId } from '../../ui/taxonomy.ts';
import { MAX_HEADLINE, topicLabelKey, TOPICS, toggle, type ComposerState, type FormError, type TextFields } from './composer-form.ts';
import { CERTAINTIES, CHANNEL_KINDS, SEVERITIES, URGENCIES, type ChannelInfo, type ChannelKind } from './send-api.ts';

function errorFor(errors: readonly FormError[], field: string): FormError | undefined {
  return errors.find((e) => e.field === field);
}

export function FieldError({ id, error }: { id: string; error: FormError | undefined }) {
  const { t } = useT();
  if (!error) return null;
  return (
    <p id={id} className="send-field-error">
      {t(error.key, error.params)}
    </p>
  );
}

/** Headline, body and instruction of one language version. */
export function TextFieldset({ lang, value, errors, onChange }: { lang: 'nl' | 'en'; value: TextFields; errors: readonly FormError[]; onChange: (next: TextFields) => void }) {
  const { t } = useT();
  const field = (name: keyof TextFields) => `${lang}-${name}`;
  const headlineError = errorFor(errors, field('headline'));
  const bodyError = errorFor(errors, field('body'));
  const instructionError = errorFor(errors, field('instruction'));
  return (
    <fieldset className="send-fieldset" lang={lang}>
      <legend className="send-fieldset__legend">{t(lang === 'nl' ? 'send.text.legendNl' : 'send.text.legendEn')}</legend>
      <div className="field">
        <label className="field__label" htmlFor={field('headline')}>
          {t('send.text.headline')}
        </label>
        <input
          id={field('headline')}
          className="field__input"
          value={value.headline}
          maxLength={MAX_HEADLINE + 40}
          aria-invalid={headlineError ? true : undefined}
          aria-describedby={`${field('headline')}-count${headlineError ? ` ${field('headline')}-error` : ''}`}
          onChange={(event) => onChange({ ...value, headline: event.target.value })}
        />
        <p id={`${field('headline')}-count`} className="field__hint">
          {t('send.text.count', { count: value.headline.trim().length, max: MAX_HEADLINE })}
        </p>
        <FieldError id={`${field('headline')}-error`} error={headlineError} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={field('body')}>
          {t('send.text.body')}
        </label>
        <textarea id={field('body')} className="field__input" rows={4} value={value.body} aria-invalid={bodyError ? true : undefined} aria-describedby={bodyError ? `${field('body')}-error` : undefined} onChange={(event) => onChange({ ...value, body: event.target.value })} />
        <FieldError id={`${field('body')}-error`} error={bodyError} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={field('instruction')}>
          {t('send.text.instruction')}
        </label>
        <textarea
          id={field('instruction')}
          className="field__input"
          rows={2}
          value={value.instruction}
          aria-invalid={instructionError ? true : undefined}
          aria-describedby={`${field('instruction')}-hint${instructionError ? ` ${field('instruction')}-error` : ''}`}
          onChange={(event) => onChange({ ...value, instruction: event.target.value })}
        />
        <p id={`${field('instruction')}-hint`} className="field__hint">
          {t('send.text.instructionHint')}
        </p>
        <FieldError id={`${field('instruction')}-error`} error={instructionError} />
      </div>
    </fieldset>
  );
}

/** Category and the three CAP qualifiers. */
export function ClassificationFieldset({ state, onChange }: { state: ComposerState; onChange: (next: Partial<ComposerState>) => void }) {
  const { t } = useT();
  const ids = useId();
  return (
    <fieldset className="send-fieldset">
      <legend className="send-fieldset__legend">{t('send.cap.legend')}</legend>
      <div className="send-row">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-category`}>
            {t('send.cap.category')}
          </label>
          <select id={`${ids}-category`} className="field__input" value={state.category} onChange={(event) => onChange({ category: event.target.value as CategoryId })}>
            <CategoryOptions />
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-urgency`}>
            {t('send.cap.urgency')}
          </label>
          <select id={`${ids}-urgency`} className="field__input" value={state.urgency} onChange={(event) => onChange({ urgency: event.target.value as ComposerState['urgency'] })}>
            {URGENCIES.map((u) => (
              <option key={u} value={u}>
                {t(`send.urgency.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-severity`}>
            {t('send.cap.severity')}
          </label>
          <select id={`${ids}-severity`} className="field__input" value={state.severity} onChange={(event) => onChange({ severity: event.target.value as ComposerState['severity'] })}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`send.severity.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-certainty`}>
            {t('send.cap.certainty')}
          </label>
          <select id={`${ids}-certainty`} className="field__input" value={state.certainty} onChange={(event) => onChange({ certainty: event.target.value as ComposerState['certainty'] })}>
            {CERTAINTIES.map((c) => (
              <option key={c} value={c}>
                {t(`send.certainty.${c}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  );
}

/** Topics as checkboxes (subscribers choose from the same list). */
export function TopicsFieldset({ topics, error, onChange }: { topics: readonly string[]; error: FormError | undefined; onChange: (next: string[]) => void }) {
  const { t } = useT();
  const extra = topics.filter((topic) => !(TOPICS as readonly string[]).includes(topic));
  return (
    <fieldset className="send-fieldset" id="topics" tabIndex={-1} aria-describedby="topics-hint">
      <legend className="send-fieldset__legend">{t('send.topics.legend')}</legend>
      <p id="topics-hint" className="field__hint">
        {t('send.topics.hint')}
      </p>
      <div className="send-checks">
        {[...TOPICS, ...extra].map((topic) => (
          <label key={topic} className="send-check">
            <input type="checkbox" checked={topics.includes(topic)} onChange={(event) => onChange(toggle(topics, topic, event.target.checked, TOPICS))} />
            {(TOPICS as readonly string[]).includes(topic) ? t(topicLabelKey(topic)) : topic}
          </label>
        ))}
      </div>
      <FieldError id="topics-error" error={error} />
    </fieldset>
  );
}

/** Channels: the ones this installation has set up; the others are shown but cannot be chosen. */
export function ChannelsFieldset({ channels, available, error, onChange }: { channels: readonly ChannelKind[]; available: readonly ChannelInfo[]; error: FormError | undefined; onChange: (next: ChannelKind[]) => void }) {
  const { t } = useT();
  return (
    <fieldset className="send-fieldset" id="channels" tabIndex={-1} aria-describedby={error ? 'channels-error' : undefined}>
      <legend className="send-fieldset__legend">{t('send.channels.legend')}</legend>
      <div className="send-checks">
        {available.map((info) => (
          <label key={info.kind} className={`send-check${info.configured ? '' : ' send-check--off'}`}>
            <input type="checkbox" disabled={!info.configured} checked={channels.includes(info.kind)} onChange={(event) => onChange(toggle(channels, info.kind, event.target.checked, CHANNEL_KINDS))} />
            {t(`send.channel.${info.kind}`)}
            {!info.configured && <span className="send-check__note"> ({t('send.channels.notConfigured')})</span>}
          </label>
        ))}
      </div>
      <FieldError id="channels-error" error={error} />
    </fieldset>
  );
}
