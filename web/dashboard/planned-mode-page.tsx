import { useT } from '../ui/i18n/language.tsx';
import { MODE_LABELS, PLANNED_MODES, type PlannedModeId } from './modes.ts';

/**
 * An honest page for a mode this version does not have yet: what it will do, from the spec, and
 * no made-up data that could be mistaken for the real thing.
 */
export function PlannedModePage({ mode }: { mode: PlannedModeId }) {
  const { t } = useT();
  const planned = PLANNED_MODES[mode];
  return (
    <section className="page page--planned">
      <div className="page__heading">
        <h1 className="page__title">{t(MODE_LABELS[mode])}</h1>
        <span className="badge badge--neutral">{t('mode.notYet.badge')}</span>
      </div>
      <p className="page__lead">{t(planned.lead)}</p>
      <p className="notice notice--info">{t('mode.notYet.body')}</p>
      <h2 className="page__subtitle">{t('mode.notYet.plannedHeading')}</h2>
      <ul className="planned-list">
        {planned.points.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </section>
  );
}
